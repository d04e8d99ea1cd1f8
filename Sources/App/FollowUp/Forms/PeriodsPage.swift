import Fluent
import SkillnadCore
import Vapor

/// The follow-up periods by year with their reporting deadlines, and for administrators the forms
/// that add a year's periods in Stockholm's cycle or configure one period as a municipality
/// needs it.
struct PeriodsPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let asOf: String
        let deadline: String
        let kind: String
    }
    struct Year: Encodable, Sendable {
        let year: Int
        let periods: [Row]
    }
    struct Fields: Content {
        var form, year, slug, kind, name, nameEn, asOf, deadline: String?
    }

    let years: [Year]
    let action: String
    let csrf: String
    let errors: [String]
    let standardYear: String
    let custom: Fields

    static func show(_ req: Request) async throws -> Response {
        guard req.principal?.isAdmin == true else {
            return try await PageRenderer.render(req, template: "FollowUp/periods") { _, lang in
                try await context(req, lang, fields: Fields(), errors: [])
            }
        }
        let lang = Lang.of(req)
        return try await AccountController.render(
            req, "FollowUp/periods", try await context(req, lang, fields: Fields(), errors: []))
    }

    static func save(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Fields.self)
        let lang = Lang.of(req)
        let s = Texts(lang)
        var problems: [FollowUpProblem] = []
        var periods: [FollowUpStore.PeriodValues] = []
        if f.form == "custom" {
            let y = FollowUpFormField.year(f.year, "budgetYear", &problems)
            let asOf = FollowUpFormField.day(f.asOf, "asOf", required: true, &problems)
            let due = FollowUpFormField.day(f.deadline, "deadline", required: true, &problems)
            let name = formText(f.name)
            if name == nil { problems.append(.init(field: "name", .required)) }
            if let y, let asOf, let due, let name {
                let kind = formText(f.kind).map(Slug.make) ?? "other"
                periods = [
                    .init(
                        slug: formText(f.slug).map(Slug.make) ?? "\(y)-\(kind)", year: y, kind: kind, name: name,
                        nameEn: formText(f.nameEn), asOf: asOf, deadline: due)
                ]
            }
        } else if let y = FollowUpFormField.year(f.year, "budgetYear", &problems) {
            periods = FollowUpStore.stockholmPeriods(y)
        }
        guard problems.isEmpty, !periods.isEmpty else {
            let context = try await context(req, lang, fields: f, errors: problems.map(s.describe))
            return try await AccountController.render(req, "FollowUp/periods", context, status: .unprocessableEntity)
        }
        do {
            try await FollowUpStore.savePeriods(periods, by: req.auditActor, on: req.db)
        } catch let e as FollowUpProblems {
            let context = try await context(req, lang, fields: f, errors: e.problems.map(s.describe))
            return try await AccountController.render(req, "FollowUp/periods", context, status: .unprocessableEntity)
        }
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.FollowUp.periods.link(lang), redirectType: .normal)
    }

    static func context(_ req: Request, _ lang: Lang, fields: Fields, errors: [String]) async throws
        -> PageContext<PeriodsPage>
    {
        let s = Texts(lang)
        let stored = try await FollowUpPeriod.query(on: req.db).sort(\.$year, .descending).sort(\.$asOf).all()
        let years = Dictionary(grouping: stored, by: \.year).sorted { $0.key > $1.key }.map { year, periods in
            Year(
                year: year,
                periods: periods.map { p in
                    Row(
                        name: lang == .en ? p.nameEn ?? p.name : p.name,
                        href: SiteURL.FollowUp.period(.value(p.slug)).link(lang),
                        asOf: p.asOf, deadline: p.deadline,
                        kind: p.kind)
                })
        }
        let next = (stored.map(\.year).max() ?? (Calendar.current.component(.year, from: Date()) - 1)) + 1
        let page = PeriodsPage(
            years: years, action: SiteURL.FollowUp.periods.link(lang), csrf: CSRF.token(for: req), errors: errors,
            standardYear: fields.form == "custom" ? String(next) : fields.year ?? String(next), custom: fields)
        let meta = PageMeta.make(
            lang, title: s[.periodsTitle], description: s[.periodsIntro], section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.periods, crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
