import Fluent
import SkillnadCore
import Vapor

/// Adding or changing a budget year (administrators): the year, its title, the council's decision
/// date and diary number.
struct BudgetYearForm: Encodable, Sendable {
    struct Fields: Content {
        var year, title, decidedOn, decidingBody, diaryNumber: String?
    }

    let action: String
    let csrf: String
    let errors: [String]
    let year, title, decidedOn, diaryNumber: String
    let bodies: [FormOption]

    static func show(_ req: Request) async throws -> Response {
        var fields = Fields()
        if let year = req.query[String.self, at: "year"], let number = Int(year),
            let stored = try await BudgetYear.query(on: req.db).filter(\.$year == number).first()
        {
            fields = Fields(
                year: String(stored.year), title: stored.title, decidedOn: stored.decidedOn,
                decidingBody: stored.decidingBody, diaryNumber: stored.diaryNumber)
        }
        return try await page(req, fields, errors: [], status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let fields = try req.content.decode(Fields.self)
        let s = Texts(Lang.of(req))
        let index = try await req.catalogue().index
        var problems: [FollowUpProblem] = []
        let year = FollowUpFormField.year(fields.year, "budgetYear", &problems)
        let decided = FollowUpFormField.day(fields.decidedOn, "decidedOn", required: false, &problems)
        let decider = formText(fields.decidingBody) ?? "kommunfullmaktige"
        if index.bodyByID[decider] == nil {
            problems.append(.init(field: "decidingBody", .unknownBody(String(decider.prefix(80)))))
        }
        guard problems.isEmpty, let year else {
            return try await page(req, fields, errors: problems.map(s.describe), status: .unprocessableEntity)
        }
        try await FollowUpStore.saveBudgetYear(
            year: year, title: formText(fields.title) ?? "Budget \(year)", decidedOn: decided, decidingBody: decider,
            diaryNumber: formText(fields.diaryNumber), example: false, by: req.auditActor, on: req.db)
        req.application.catalogue.invalidate()
        return req.redirect(
            to: SiteURL.FollowUp.budgetYear(.value(String(year))).link(Lang.of(req)), redirectType: .normal)
    }

    static func page(_ req: Request, _ f: Fields, errors: [String], status: HTTPResponseStatus) async throws -> Response
    {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let decider = f.decidingBody ?? "kommunfullmaktige"
        let form = BudgetYearForm(
            action: SiteURL.FollowUp.newBudgetYear.link(lang), csrf: CSRF.token(for: req), errors: errors,
            year: f.year ?? "", title: f.title ?? "", decidedOn: f.decidedOn ?? "", diaryNumber: f.diaryNumber ?? "",
            bodies: DecisionForm.decidingBodies(index, chosen: decider))
        let meta = PageMeta.make(
            lang, title: s[.budgetYearFormTitle], description: s[.budgetYearFormTitle],
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.newBudgetYear,
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return try await AccountController.render(
            req, "FollowUp/budget-year-form", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
