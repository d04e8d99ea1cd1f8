import Fluent
import Foundation
import SkillnadCore
import Vapor

/// A resident's proposal (anyone, while proposals are taken) and the officials' review of it:
/// feasibility, cost, the responsible body, merging, moderation and, once it has won, progress.
struct ProposalForm: Encodable, Sendable {
    struct Fields: Content, Sendable {
        var heading: String?
        var title: String?
        var description: String?
        var place: String?
        var cost: String?
        var author: String?
        var photo: Vapor.File?
        var photoAlt: String?

        /// What the form shows again: never the file, which the browser cannot be given back.
        var shown: Fields {
            var copy = self
            copy.photo = nil
            return copy
        }
    }

    let action: String
    let csrf: String
    let title: LocalText
    let budgetHref: String
    let errors: [String]
    let fields: Fields
    let headings: [FormOption]
    let sent: String?
    let open: Bool
    let closed: String?

    static func register(_ app: Application) {
        let url = SiteURL.Budgets.self
        app.on(.GET, url.propose(.key).pathComponents, rule: .anyone, use: show)
        // Room for one photo (`BudgetPhotos.maxBytes`) and the form around it.
        app.on(.POST, url.propose(.key).pathComponents, rule: .anyone, body: .collect(maxSize: "6mb"), use: save)
        app.on(.GET, url.review(.key, .key).pathComponents, rule: .editor, use: ReviewForm.show)
        app.on(
            .POST, url.review(.key, .key).pathComponents, rule: .editor, body: .collect(maxSize: "6mb"),
            use: ReviewForm.save)
    }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        return try await page(req, loaded, Fields(), errors: [], sent: nil, status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let s = Texts(loaded.lang)
        let fields = try req.content.decode(Fields.self)
        let input = BudgetStore.Proposing(
            heading: fields.heading ?? "", title: fields.title ?? "", description: fields.description ?? "",
            place: fields.place ?? "", cost: fields.cost ?? "", author: fields.author ?? "",
            photo: BudgetPhotos.Upload(file: fields.photo, alt: fields.photoAlt))
        do {
            let number = try await BudgetStore.propose(input, to: loaded.budget, today: loaded.today, on: req.db)
            return try await page(
                req, loaded, Fields(), errors: [], sent: Strings.fill(s[.pbProposalSent], String(number)),
                status: .ok)
        } catch let problems as BudgetStore.Problems {
            return try await page(
                req, loaded, fields.shown, errors: problems.problems.map(s.describe), sent: nil,
                status: .unprocessableEntity)
        }
    }

    static func page(
        _ req: Request, _ loaded: BudgetPages.Loaded, _ fields: Fields, errors: [String], sent: String?,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let s = Texts(loaded.lang)
        let slug = loaded.budget.slug
        let open = loaded.phase == .proposals
        let form = ProposalForm(
            action: SiteURL.Budgets.propose(.value(slug)).link(loaded.lang), csrf: CSRF.token(for: req),
            title: loaded.title, budgetHref: SiteURL.Budgets.budget(.value(slug)).link(loaded.lang), errors: errors,
            fields: fields,
            headings: loaded.headingOptions(selected: fields.heading),
            sent: sent, open: open,
            closed: open ? nil : Strings.fill(s[.pbProblemNotProposing], "", s.label(loaded.phase)))
        let meta = PageMeta.make(
            loaded.lang, title: s[.pbPropose], description: s[.pbDescription], section: SiteURL.Budgets.list,
            route: SiteURL.Budgets.propose(.value(slug)), crumbs: loaded.crumbs())
        return try await AccountController.render(
            req, "Budgets/propose", PageContext(meta: meta, t: s, page: form), status: status)
    }
}

/// The officials' form for one proposal.
struct ReviewForm: Encodable, Sendable {
    struct Fields: Content, Sendable {
        var feasibility: String?
        var explanation: String?
        var cost: String?
        var costExplanation: String?
        var responsible: String?
        var mergedInto: String?
        var hiddenReason: String?
        var progress: String?
        var implementation: String?
        var milestones: String?
        var version: String?
        var photo: Vapor.File?
        var photoAlt: String?
        var photoMilestone: String?

        var shown: Fields {
            var copy = self
            copy.photo = nil
            return copy
        }
    }

    let action: String
    let csrf: String
    let number: Int
    let proposalTitle: String
    let proposalHref: String
    let description: String
    let estimatedCost: String
    let errors: [String]
    let fields: Fields
    let feasibilities: [FormOption]
    let bodies: [FormOption]
    /// What a photo may show: the proposal, or one of its milestones.
    let photoSubjects: [FormOption]

    static func proposal(_ req: Request, _ loaded: BudgetPages.Loaded) throws -> BudgetProposal {
        guard loaded.mayManage(req.principal) else {
            throw Abort(.forbidden, reason: "Only officials of the budget's body review its proposals.")
        }
        guard let number = Int(try req.parameters.require(SiteURL.Budgets.numberKey)),
            let proposal = loaded.proposals.first(where: { $0.number == number })
        else { throw Abort(.notFound) }
        return proposal
    }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let proposal = try proposal(req, loaded)
        let milestones = try await BudgetStore.milestones(loaded.budget.id, on: req.db)[proposal.id] ?? []
        let fields = Fields(
            feasibility: proposal.feasibility, explanation: proposal.explanation, cost: proposal.cost.map(String.init),
            costExplanation: proposal.cost_explanation, responsible: proposal.responsible,
            mergedInto: proposal.merged_into.map(String.init), hiddenReason: proposal.hidden_reason,
            progress: proposal.progress.map(String.init), implementation: proposal.implementation,
            milestones: milestones.map { "\($0.day) \($0.text)" }.joined(separator: "\n"),
            version: String(proposal.version))
        return try await page(req, loaded, proposal, fields, errors: [], status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let proposal = try proposal(req, loaded)
        let s = Texts(loaded.lang)
        let fields = try req.content.decode(Fields.self)
        guard let feasibility = Feasibility(rawValue: fields.feasibility ?? ""), let version = Int(fields.version ?? "")
        else {
            throw Abort(.badRequest, reason: "The form needs a feasibility and the version it was based on.")
        }
        let input = BudgetStore.Reviewing(
            feasibility: feasibility, explanation: fields.explanation ?? "", cost: fields.cost ?? "",
            costExplanation: fields.costExplanation ?? "", responsible: fields.responsible ?? "",
            mergedInto: fields.mergedInto ?? "", hiddenReason: fields.hiddenReason ?? "",
            progress: fields.progress ?? "", implementation: fields.implementation ?? "",
            milestones: fields.milestones ?? "", version: version,
            photo: BudgetPhotos.Upload(file: fields.photo, alt: fields.photoAlt, milestoneDay: fields.photoMilestone))
        do {
            try await BudgetStore.review(
                proposal, input, budget: loaded.budget, index: loaded.index, by: req.auditActor, on: req.db)
            // The follow-up's pages show the winners' progress and milestones.
            req.application.catalogue.invalidate()
        } catch let problems as BudgetStore.Problems {
            let conflict = problems.problems.contains { $0.reason == .changedSince }
            return try await page(
                req, loaded, proposal, fields.shown, errors: problems.problems.map(s.describe),
                status: conflict ? .conflict : .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.Budgets.proposal(.value(loaded.budget.slug), .value(String(proposal.number))).link(loaded.lang),
            redirectType: .normal)
    }

    static func page(
        _ req: Request, _ loaded: BudgetPages.Loaded, _ proposal: BudgetProposal, _ fields: Fields, errors: [String],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let s = Texts(loaded.lang)
        let slug = loaded.budget.slug
        let number = String(proposal.number)
        let form = ReviewForm(
            action: SiteURL.Budgets.review(.value(slug), .value(number)).link(loaded.lang), csrf: CSRF.token(for: req),
            number: proposal.number, proposalTitle: proposal.title,
            proposalHref: SiteURL.Budgets.proposal(.value(slug), .value(number)).link(loaded.lang),
            description: proposal.description, estimatedCost: s.kronor(proposal.estimated_cost), errors: errors,
            fields: fields,
            feasibilities: Feasibility.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == fields.feasibility)
            },
            bodies: [FormOption(value: "", label: "–", selected: (fields.responsible ?? "").isEmpty)]
                + loaded.index.document.bodies.map {
                    FormOption(value: $0.id, label: $0.name, selected: $0.id == fields.responsible, lang: "sv")
                },
            photoSubjects: [FormOption(value: "", label: s[.pbPhotoOfProposal], selected: true)]
                + (try await BudgetStore.milestones(loaded.budget.id, on: req.db)[proposal.id] ?? []).map {
                    FormOption(value: $0.day, label: "\($0.day) \($0.text)", selected: false, lang: "sv")
                })
        let meta = PageMeta.make(
            loaded.lang, title: "\(s[.pbReview]) \(proposal.number)", description: s[.pbDescription],
            section: SiteURL.Budgets.list, route: SiteURL.Budgets.review(.value(slug), .value(number)),
            crumbs: loaded.crumbs())
        return try await AccountController.render(
            req, "Budgets/review", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
