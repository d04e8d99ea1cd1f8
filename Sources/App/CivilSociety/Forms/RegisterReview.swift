import Foundation
import SkillnadCore
import Vapor

/// The officials' side of the register: the entries waiting in their districts' registers, the
/// longest waiting first, and the decision on one (godkänn eller avslå), district by district,
/// a refusal always with its reason.
enum RegisterReview {
    static func register(_ app: Application) {
        let url = SiteURL.Associations.self
        app.on(.GET, url.queue.pathComponents, rule: .editor, use: queue)
        app.on(.GET, url.review(.key).pathComponents, rule: .editor, use: show)
        app.on(.POST, url.review(.key).pathComponents, rule: .editor, use: save)
    }

    struct QueuePage: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            let name: String
            let href: String
            let organisationNumber: String
            let districts: [AssociationPage.Named]
            let waitingSince: String
        }

        let rows: [Row]
        let none: Bool
    }

    /// The district areas `req`'s official decides for; refused when none.
    static func districts(_ req: Request, index: CatalogueIndex) throws -> Set<String> {
        guard let districts = RegisterPages.officialDistricts(req.principal, index: index) else {
            throw Abort(.forbidden, reason: "Only officials of a district council approve entries in its register.")
        }
        return districts
    }

    static func queue(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let handled = RegisterPages.officialDistricts(req.principal, index: index) ?? []
        let pending = try await AssociationStore.pending(in: handled, on: req.db)
        let rows = pending.map { stored in
            let waiting = stored.registers.filter { $0.decision == .pending && handled.contains($0.area) }
            return QueuePage.Row(
                name: stored.entry.name, href: SiteURL.Associations.review(.value(stored.slug)).link(lang),
                organisationNumber: stored.entry.organisationNumber.description,
                districts: waiting.map { register in
                    let name = index.areaByID[register.area].map { lang.pick($0.name, $0.nameEn) }
                    return AssociationPage.Named(name: name?.text ?? register.area, lang: name?.lang ?? "sv")
                },
                waitingSince: String(stored.updatedAt.prefix(10)))
        }
        let meta = PageMeta.make(
            lang, title: s[.asQueue], description: s[.asDescription], section: SiteURL.Associations.list,
            route: SiteURL.Associations.queue, crumbs: [(s[.associations], SiteURL.Associations.list)])
        return try await AccountController.render(
            req, "CivilSociety/queue",
            PageContext(meta: meta, t: s, page: QueuePage(rows: rows, none: rows.isEmpty)))
    }

    struct ReviewPage: Encodable, Sendable {
        struct District: Encodable, Sendable {
            let area: String
            let name: String
            let lang: String
            let standing: String
            let decisions: [FormOption]
            let reason: String
        }

        let action: String
        let csrf: String
        let name: String
        let entry: AssociationPage
        let districts: [District]
        let errors: [String]
        let message: String?
    }

    struct Fields: Content, Sendable {
        /// Per district area: `approved`, `refused` or `pending` (no decision yet).
        var decision: [String: String]?
        var reason: [String: String]?
    }

    static func load(_ req: Request) async throws -> (AssociationStore.Stored, CatalogueIndex, Set<String>) {
        let index = try await req.catalogue().index
        let handled = try districts(req, index: index)
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 120, let stored = try await AssociationStore.find(slug, on: req.db),
            stored.registers.contains(where: { handled.contains($0.area) })
        else { throw Abort(.notFound) }
        return (stored, index, handled)
    }

    static func show(_ req: Request) async throws -> Response {
        let (stored, index, handled) = try await load(req)
        return try await page(req, stored, index: index, handled: handled, fields: Fields(), errors: [], message: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let (stored, index, handled) = try await load(req)
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(Fields.self)
        var errors: [String] = []
        var decisions: [(area: String, decision: RegisterDecision, reason: String?)] = []
        for register in stored.registers where handled.contains(register.area) {
            let raw = fields.decision?[register.area] ?? register.decision.rawValue
            guard let decision = RegisterDecision(rawValue: raw) else {
                errors.append(s.describe(AssociationDraft.Problem("decision", .unknownChoice(String(raw.prefix(40))))))
                continue
            }
            let reason = (fields.reason?[register.area] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let name = index.areaByID[register.area]?.name ?? register.area
            if decision == .refused && reason.isEmpty {
                errors.append(Strings.fill(s[.asProblemReason], name))
            }
            if reason.count > AssociationDraft.textLength {
                errors.append(
                    s.describe(AssociationDraft.Problem("reason", .tooLong(maximum: AssociationDraft.textLength))))
            }
            if decision != register.decision || (reason.isEmpty ? nil : reason) != register.reason {
                decisions.append((register.area, decision, reason.isEmpty ? nil : reason))
            }
        }
        guard errors.isEmpty else {
            return try await page(
                req, stored, index: index, handled: handled, fields: fields, errors: errors, message: nil,
                status: .unprocessableEntity)
        }
        let day = today()
        try await AssociationStore.decide(stored, decisions: decisions, today: day, by: req.auditActor, on: req.db)
        // "Where the support goes" is a cached page that counts registered associations.
        if !decisions.isEmpty { req.application.catalogue.invalidate() }
        guard let updated = try await AssociationStore.find(stored.slug, on: req.db) else { throw Abort(.notFound) }
        return try await page(
            req, updated, index: index, handled: handled, fields: Fields(), errors: [],
            message: decisions.isEmpty ? s[.asNothingChanged] : s[.asDecided])
    }

    static func page(
        _ req: Request, _ stored: AssociationStore.Stored, index: CatalogueIndex, handled: Set<String>,
        fields: Fields, errors: [String], message: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let day = today()
        let districts = stored.registers.filter { handled.contains($0.area) }.map { register in
            let name = index.areaByID[register.area].map { lang.pick($0.name, $0.nameEn) }
            let chosen = fields.decision?[register.area] ?? register.decision.rawValue
            return ReviewPage.District(
                area: register.area, name: name?.text ?? register.area, lang: name?.lang ?? "sv",
                standing: s.label(stored.standing(register, today: day)),
                decisions: RegisterDecision.allCases.map {
                    FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == chosen)
                },
                reason: fields.reason?[register.area] ?? register.reason ?? "")
        }
        let page = ReviewPage(
            action: SiteURL.Associations.review(.value(stored.slug)).link(lang), csrf: CSRF.token(for: req),
            name: stored.entry.name,
            entry: AssociationPage.build(
                stored, index: index, lang: lang, today: day, administers: false, reviews: true),
            districts: districts, errors: errors, message: message)
        let meta = PageMeta.make(
            lang, title: Strings.fill(s[.asReviewTitle], stored.entry.name), description: s[.asDescription],
            section: SiteURL.Associations.list, route: SiteURL.Associations.review(.value(stored.slug)),
            crumbs: [(s[.associations], SiteURL.Associations.list), (s[.asQueue], SiteURL.Associations.queue)])
        return try await AccountController.render(
            req, "CivilSociety/review", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
