import Fluent
import SkillnadCore
import Vapor

/// The social investment fund's forms (administrators): the capital for a year, and a project
/// with its grants per year, added or changed (the evaluation is added when it comes).
struct FundForms: Encodable, Sendable {
    struct CapitalFields: Content {
        var year, capital, note: String?
    }
    struct ProjectFields: Content {
        var slug, title, titleEn, body, measures, startYear, endYear, grants, expectedEffects, evaluationPlan,
            evaluation, evaluatedOn: String?
    }

    let action: String
    let csrf: String
    let errors: [String]
    let capital: CapitalFields?
    let project: ProjectFields?
    let bodies: [FormOption]

    static func showCapital(_ req: Request) async throws -> Response {
        try await page(req, capital: CapitalFields(), project: nil, errors: [], status: .ok)
    }

    static func saveCapital(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CapitalFields.self)
        var problems: [FollowUpProblem] = []
        let year = FollowUpFormField.year(f.year, "budgetYear", &problems)
        var amount: SwedishAmount?
        if let text = formText(f.capital) {
            switch SwedishAmount.parse(text) {
            case .success(let a): amount = a
            case .failure(let p): problems.append(.init(field: "amount", .amount(p, value: String(text.prefix(60)))))
            }
        } else {
            problems.append(.init(field: "amount", .required))
        }
        guard problems.isEmpty, let year, let amount else {
            return try await page(
                req, capital: f, project: nil, errors: problems.map(Texts(Lang.of(req)).describe),
                status: .unprocessableEntity)
        }
        try await FollowUpStore.saveFundYear(
            year: year, capital: amount, note: formText(f.note), by: req.auditActor, on: req.db)
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.FollowUp.fund.link(Lang.of(req)), redirectType: .normal)
    }

    static func showProject(_ req: Request) async throws -> Response {
        var fields = ProjectFields()
        if let slug = req.query[String.self, at: "project"],
            let stored = try await FundProject.query(on: req.db).filter(\.$slug == slug).first(),
            let id = stored.id
        {
            let grants = try await FundGrant.query(on: req.db).filter(\.$project.$id == id).sort(\.$year).all()
            fields = ProjectFields(
                slug: stored.slug, title: stored.title, titleEn: stored.titleEn, body: stored.body,
                measures: FollowUpStore.list(stored.measures).joined(separator: "\n"),
                startYear: String(stored.startYear), endYear: String(stored.endYear),
                grants: grants.map { "\($0.year): \(SwedishAmount(ore: $0.amountOre).formatted(english: false))" }
                    .joined(separator: "\n"),
                expectedEffects: stored.expectedEffects, evaluationPlan: stored.evaluationPlan,
                evaluation: stored.evaluation, evaluatedOn: stored.evaluatedOn)
        }
        return try await page(req, capital: nil, project: fields, errors: [], status: .ok)
    }

    static func saveProject(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ProjectFields.self)
        let index = try await req.catalogue().index
        var problems: [FollowUpProblem] = []
        let title = formText(f.title)
        if title == nil { problems.append(.init(field: "text", .required)) }
        let body = formText(f.body) ?? ""
        if index.bodyByID[body] == nil { problems.append(.init(field: "body", .unknownBody(String(body.prefix(80))))) }
        let measures = (f.measures ?? "").split(whereSeparator: { $0.isNewline || $0 == " " || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        for m in measures where index.measureByPublicID[m] == nil {
            problems.append(.init(field: "measure", .unknownMeasure(String(m.prefix(80)))))
        }
        let start = FollowUpFormField.year(f.startYear, "budgetYear", &problems)
        let end = FollowUpFormField.year(f.endYear, "budgetYear", &problems)
        if let start, let end, end < start {
            problems.append(.init(field: "budgetYear", .postponedNotLater(to: end, year: start)))
        }
        var grants: [Int: SwedishAmount] = [:]
        for (number, line) in (f.grants ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let y = Int(parts[0]), (1900...2200).contains(y) else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(.init(field: "amount", line: number + 1, .yearOutOfRange(String(line.prefix(40)))))
                }
                continue
            }
            switch SwedishAmount.parse(parts[1]) {
            case .success(let a): grants[y] = a
            case .failure(let p):
                problems.append(
                    .init(field: "amount", line: number + 1, .amount(p, value: String(parts[1].prefix(60)))))
            }
        }
        let evaluated = FollowUpFormField.day(f.evaluatedOn, "decidedOn", required: false, &problems)
        guard problems.isEmpty, let title, let start, let end else {
            return try await page(
                req, capital: nil, project: f, errors: problems.map(Texts(Lang.of(req)).describe),
                status: .unprocessableEntity)
        }
        let slug = formText(f.slug).map(Slug.make) ?? Slug.make(title)
        try await FollowUpStore.saveFundProject(
            .init(
                slug: slug, title: title, titleEn: formText(f.titleEn), body: body, measures: measures,
                startYear: start, endYear: end, grants: grants, expectedEffects: formText(f.expectedEffects),
                evaluationPlan: formText(f.evaluationPlan), evaluation: formText(f.evaluation), evaluatedOn: evaluated),
            by: req.auditActor, on: req.db)
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.FollowUp.fundProject(.value(slug)).link(Lang.of(req)), redirectType: .normal)
    }

    static func page(
        _ req: Request, capital: CapitalFields?, project: ProjectFields?, errors: [String], status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let isCapital = capital != nil
        let route: SiteURL.FollowUp = isCapital ? .fundCapital : .newFundProject
        let form = FundForms(
            action: route.link(lang), csrf: CSRF.token(for: req), errors: errors, capital: capital, project: project,
            bodies: index.document.bodies.filter {
                [.executiveBoard, .executiveOffice, .specialistCommittee, .districtCouncil, .companyBoard]
                    .contains($0.kind)
            }.map { FormOption(value: $0.id, label: $0.name, selected: $0.id == project?.body, lang: "sv") })
        let title = s[isCapital ? .fundCapitalTitle : .fundProjectFormTitle]
        let meta = PageMeta.make(
            lang, title: title, description: title, section: SiteURL.FollowUp.overview, route: route,
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview), (s[.fundTitleForms], SiteURL.FollowUp.fund)])
        return try await AccountController.render(
            req, isCapital ? "FollowUp/fund-capital" : "FollowUp/fund-form", PageContext(meta: meta, t: s, page: form),
            status: status)
    }
}
