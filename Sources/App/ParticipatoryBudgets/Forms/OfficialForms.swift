import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The officials' forms of a budget: voting codes for printing, and paper ballots entered twice.
struct OfficialForms: Encodable, Sendable {
    struct Fields: Content, Sendable {
        var count: String?
        var number: String?
        var heading: String?
        var projects: [String]?
    }

    struct Group: Encodable, Sendable {
        let area: LocalText
        let choices: [VotingForm.Choice]
    }

    /// `codes` or `paper`.
    let kind: String
    let action: String
    let csrf: String
    let title: LocalText
    let budgetHref: String
    let errors: [String]
    let message: String?
    let issued: String
    let headings: [FormOption]
    let groups: [Group]
    let awaiting: String?

    static func register(_ app: Application) {
        let url = SiteURL.Budgets.self
        app.on(.GET, url.codes(.key).pathComponents, rule: .editor, use: showCodes)
        app.on(.POST, url.codes(.key).pathComponents, rule: .editor, use: issueCodes)
        app.on(.GET, url.paper(.key).pathComponents, rule: .editor, use: showPaper)
        app.on(.POST, url.paper(.key).pathComponents, rule: .editor, use: enterPaper)
    }

    static func managed(_ req: Request) async throws -> BudgetPages.Loaded {
        let loaded = try await BudgetPages.load(req)
        guard loaded.mayManage(req.principal) else {
            throw Abort(.forbidden, reason: "Only officials of the budget's body issue codes and enter paper ballots.")
        }
        return loaded
    }

    static let maximumCodes = 50_000

    static func showCodes(_ req: Request) async throws -> Response {
        try await page(req, try await managed(req), kind: "codes", fields: Fields(), errors: [], message: nil)
    }

    /// The codes as CSV, once: only their hashes are kept.
    static func issueCodes(_ req: Request) async throws -> Response {
        let loaded = try await managed(req)
        let fields = try req.content.decode(Fields.self)
        guard let count = Int((fields.count ?? "").trimmingCharacters(in: .whitespaces)),
            (1...maximumCodes).contains(count)
        else {
            return try await page(
                req, loaded, kind: "codes", fields: fields,
                errors: ["\(Texts(loaded.lang)[.pbCodesCount]): 1–\(maximumCodes)"], message: nil,
                status: .unprocessableEntity)
        }
        let (batch, codes) = try await BallotBox.issueCodes(count, budget: loaded.budget, on: req.db)
        try await Audit.record(
            "issue voting codes", objectType: "budget", objectID: loaded.budget.slug,
            after: "{\"batch\":\(batch),\"count\":\(count)}", by: req.auditActor, on: req.db)
        let csv = CSVText.table(
            header: ["budget", "batch", "code"], rows: codes.map { [loaded.budget.slug, String(batch), $0] },
            swedish: false)
        return CSVDownload.response(csv, filename: "\(loaded.budget.slug)-codes-\(batch).csv")
    }

    static func showPaper(_ req: Request) async throws -> Response {
        try await page(req, try await managed(req), kind: "paper", fields: Fields(), errors: [], message: nil)
    }

    static func enterPaper(_ req: Request) async throws -> Response {
        let loaded = try await managed(req)
        let s = Texts(loaded.lang)
        let fields = try req.content.decode(Fields.self)
        let number = (fields.number ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let entry = try await BallotBox.enterPaper(
                loaded.budget, number: number, heading: fields.heading ?? "", choices: fields.projects ?? [],
                headings: loaded.headings, proposals: loaded.proposals, official: req.principal?.email ?? "",
                on: req.db)
            let message = Strings.fill(entry == .confirmed ? s[.pbPaperConfirmed] : s[.pbPaperEntered], number)
            return try await page(req, loaded, kind: "paper", fields: Fields(), errors: [], message: message)
        } catch let refusal as BallotBox.Refusal {
            return try await page(
                req, loaded, kind: "paper", fields: fields, errors: [s.describe(refusal)], message: nil,
                status: refusal == .paperConfirmed ? .conflict : .unprocessableEntity)
        }
    }

    static func page(
        _ req: Request, _ loaded: BudgetPages.Loaded, kind: String, fields: Fields, errors: [String],
        message: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = loaded.lang
        let s = Texts(lang)
        let slug = loaded.budget.slug
        struct Issued: Decodable {
            let codes: Int
            let batches: Int
        }
        let issued = try await req.db.sql().raw(
            """
            SELECT COUNT(*) AS codes, COUNT(DISTINCT batch) AS batches FROM budget_codes
            WHERE budget_id = \(bind: loaded.budget.id)
            """
        ).first(decoding: Issued.self)
        let tally = kind == "paper" ? try await BallotBox.tally(loaded.budget, on: req.db) : BallotBox.Tally()
        let chosen = Set(fields.projects ?? [])
        let form = OfficialForms(
            kind: kind,
            action: (kind == "codes" ? SiteURL.Budgets.codes(.value(slug)) : SiteURL.Budgets.paper(.value(slug)))
                .link(lang),
            csrf: CSRF.token(for: req), title: loaded.title,
            budgetHref: SiteURL.Budgets.budget(.value(slug)).link(lang),
            errors: errors, message: message,
            issued: Strings.fill(s[.pbCodesIssued], String(issued?.codes ?? 0), String(issued?.batches ?? 0)),
            headings: loaded.headingOptions(selected: fields.heading),
            groups: loaded.headings.map { heading in
                Group(
                    area: loaded.areaName(heading),
                    choices: loaded.proposals.filter { $0.onBallot && $0.heading_id == heading.id }.map {
                        VotingForm.Choice(
                            number: $0.number, title: $0.title, cost: s.kronor($0.ballotCost),
                            href: SiteURL.Budgets.proposal(.value(slug), .value(String($0.number))).link(lang),
                            checked: chosen.contains(String($0.number)))
                    })
            },
            awaiting: tally.awaitingConfirmation > 0
                ? Strings.fill(s[.pbAwaitingConfirmation], String(tally.awaitingConfirmation)) : nil)
        let meta = PageMeta.make(
            lang, title: kind == "codes" ? s[.pbCodes] : s[.pbPaper], description: s[.pbDescription],
            section: SiteURL.Budgets.list,
            route: kind == "codes" ? SiteURL.Budgets.codes(.value(slug)) : SiteURL.Budgets.paper(.value(slug)),
            crumbs: loaded.crumbs())
        return try await AccountController.render(
            req, "Budgets/official", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
