import Fluent
import SkillnadCore
import Vapor

/// Recording a budget decision on a measure (administrators). A decision is never edited
/// afterwards: a change of body or target is recorded as a decision of its own.
struct DecisionForm: Encodable, Sendable {
    struct Fields: Content {
        var budgetYear, measure, kind, decidedOn, decidingBody, diaryNumber, text, amount, funding, postponedTo,
            weight: String?
        var bodies: [String]?
    }

    let action: String
    let csrf: String
    let errors: [String]
    let measure, decidedOn, diaryNumber, text, amount, postponedTo, weight: String
    /// The measure the form started from, named.
    let measureTitle: String?
    let years: [FormOption]
    let kinds: [FormOption]
    let decidingBodies: [FormOption]
    let bodies: [FormOption]
    let fundings: [FormOption]
    let measures: [FormOption]
    let noBudgetYear: Bool
    let newBudgetYearHref: String

    static func show(_ req: Request) async throws -> Response {
        let measure = req.query[String.self, at: "measure"]
        return try await page(req, Fields(measure: measure), errors: [], status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let fields = try req.content.decode(Fields.self)
        let s = Texts(Lang.of(req))
        let index = try await req.catalogue().index
        let read = BudgetDecisionValues.read(
            budgetYear: fields.budgetYear, measure: fields.measure, kind: fields.kind, decidedOn: fields.decidedOn,
            decidingBody: fields.decidingBody, diaryNumber: fields.diaryNumber, bodies: fields.bodies ?? [],
            text: fields.text, amount: fields.amount, funding: fields.funding, postponedTo: fields.postponedTo,
            weight: fields.weight)
        do {
            let values = try read.get()
            let id = try await FollowUpStore.recordDecision(values, index: index, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            return req.redirect(
                to: SiteURL.FollowUp.decision(.value(id.uuidString.lowercased())).link(Lang.of(req)),
                redirectType: .normal)
        } catch let e as FollowUpProblems {
            return try await page(req, fields, errors: e.problems.map(s.describe), status: .unprocessableEntity)
        }
    }

    /// The bodies that decide budgets: the council and the executive board first.
    static func decidingBodies(_ index: CatalogueIndex, chosen: String) -> [FormOption] {
        index.document.bodies.filter { [.council, .executiveBoard].contains($0.kind) || $0.id == chosen }
            .map { FormOption(value: $0.id, label: $0.name, selected: $0.id == chosen, lang: "sv") }
    }

    static func page(_ req: Request, _ f: Fields, errors: [String], status: HTTPResponseStatus) async throws -> Response
    {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let years = try await BudgetYear.query(on: req.db).sort(\.$year, .descending).all()
        let chosenYear = f.budgetYear ?? years.first.map { String($0.year) } ?? ""
        let chosenBodies = Set(f.bodies ?? [])
        let assignable = index.document.bodies.filter {
            [.executiveBoard, .specialistCommittee, .districtCouncil, .companyBoard].contains($0.kind)
        }
        let measure = f.measure.flatMap { index.measureByPublicID[$0] }
        let form = DecisionForm(
            action: SiteURL.FollowUp.newDecision.link(lang), csrf: CSRF.token(for: req), errors: errors,
            measure: f.measure ?? "", decidedOn: f.decidedOn ?? "", diaryNumber: f.diaryNumber ?? "",
            text: f.text ?? "", amount: f.amount ?? "", postponedTo: f.postponedTo ?? "", weight: f.weight ?? "",
            measureTitle: measure.map { "\($0.code) \($0.title)" },
            years: years.map {
                FormOption(value: String($0.year), label: $0.title, selected: String($0.year) == chosenYear)
            },
            kinds: BudgetDecisionKind.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == (f.kind ?? "assigned"))
            },
            decidingBodies: decidingBodies(index, chosen: f.decidingBody ?? "kommunfullmaktige"),
            bodies: assignable.map {
                FormOption(value: $0.id, label: $0.name, selected: chosenBodies.contains($0.id), lang: "sv")
            },
            fundings: FundingSource.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == f.funding)
            },
            measures: index.document.measures.map {
                FormOption(value: $0.publicID, label: "\($0.code) \($0.title)", selected: false, lang: "sv")
            },
            noBudgetYear: years.isEmpty, newBudgetYearHref: SiteURL.FollowUp.newBudgetYear.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.decisionFormTitle], description: s[.decisionFormTitle], section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.newDecision, crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return try await AccountController.render(
            req, "FollowUp/decision-form", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
