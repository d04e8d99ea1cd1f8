import Foundation
import SkillnadCore
import Vapor

/// The officials of a body publish and change its grant schemes: the city's common rules shown
/// and always inherited, the body's tightening as data, every problem named by its field.
struct SchemeForm: Encodable, Sendable {
    struct Check: Encodable, Sendable {
        let value: String
        let label: String
        let lang: String?
        let checked: Bool
    }

    let action: String
    let csrf: String
    let isNew: Bool
    let version: Int
    let draft: GrantSchemeDraft
    let bodies: [FormOption]
    let areas: [Check]
    let attachments: [Check]
    let cityRules: [String]
    let lateHint: String
    let reportHint: String
    let errors: [String]

    static func register(_ app: Application) {
        let url = SiteURL.Grants.self
        app.on(.GET, url.new.pathComponents, rule: .editor, use: showNew)
        app.on(.POST, url.new.pathComponents, rule: .editor, use: saveNew)
        app.on(.GET, url.edit(.key).pathComponents, rule: .editor, use: showEdit)
        app.on(.POST, url.edit(.key).pathComponents, rule: .editor, use: saveEdit)
    }

    struct Fields: Content, Sendable {
        var id, body, name, nameEn, purpose, audience, minimumMembers, minimumYearsActive, minimumBoard,
            minimumAmount, maximumAmount, opens, closes, lateDays, decides, reportDue, version: String?
        var areas: [String]?
        var attachments: [String]?

        var draft: GrantSchemeDraft {
            var draft = GrantSchemeDraft()
            draft.id = id ?? ""
            draft.body = body ?? ""
            draft.name = name ?? ""
            draft.nameEn = nameEn ?? ""
            draft.purpose = purpose ?? ""
            draft.audience = audience ?? ""
            draft.areas = areas ?? []
            draft.minimumMembers = minimumMembers ?? ""
            draft.minimumYearsActive = minimumYearsActive ?? ""
            draft.minimumBoard = minimumBoard ?? ""
            draft.minimumAmount = minimumAmount ?? ""
            draft.maximumAmount = maximumAmount ?? ""
            draft.opens = opens ?? ""
            draft.closes = closes ?? ""
            draft.lateDays = lateDays ?? ""
            draft.decides = decides ?? ""
            draft.reportDue = reportDue ?? ""
            draft.attachments = attachments ?? []
            return draft
        }
    }

    /// The bodies whose schemes `req`'s official publishes: its own; every body for an administrator.
    static func bodies(_ req: Request, index: CatalogueIndex) throws -> Set<String> {
        guard let handler = GrantQueue.handledBodies(req.principal) else {
            throw Abort(.forbidden, reason: "Only the officials of a body publish its grant schemes.")
        }
        return handler.bodies ?? Set(index.document.bodies.map(\.id))
    }

    static func showNew(_ req: Request) async throws -> Response {
        let index = try await req.catalogue().index
        var draft = GrantSchemeDraft()
        draft.minimumBoard = String(CityGrantRules.standard.rules.minimumBoard)
        draft.lateDays = "0"
        let own = try bodies(req, index: index)
        if own.count == 1, let only = own.first { draft.body = only }
        return try await page(req, draft: draft, version: nil, index: index, errors: [], status: .ok)
    }

    static func saveNew(_ req: Request) async throws -> Response {
        try await save(req, existing: nil)
    }

    /// The scheme, for the officials of its body only (another body's answers 404).
    static func own(_ req: Request, index: CatalogueIndex) async throws -> GrantStore.StoredScheme {
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 120, let stored = try await GrantStore.scheme(slug, on: req.db),
            try bodies(req, index: index).contains(stored.scheme.body)
        else { throw Abort(.notFound) }
        return stored
    }

    static func showEdit(_ req: Request) async throws -> Response {
        let index = try await req.catalogue().index
        let stored = try await own(req, index: index)
        return try await page(
            req, draft: GrantSchemeDraft(stored.scheme), version: stored.version, index: index, errors: [], status: .ok)
    }

    static func saveEdit(_ req: Request) async throws -> Response {
        let index = try await req.catalogue().index
        return try await save(req, existing: try await own(req, index: index))
    }

    static func save(_ req: Request, existing: GrantStore.StoredScheme?) async throws -> Response {
        let index = try await req.catalogue().index
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(Fields.self)
        var draft = fields.draft
        // The id is the scheme's address: fixed once published.
        if let existing { draft.id = existing.scheme.id }
        let version = existing.map { _ in fields.version.flatMap { Int($0) } ?? 0 }
        let districtAreas = Set(index.document.currentDistrictAreas.map(\.id))
        let (scheme, problems) = draft.read(
            bodies: try bodies(req, index: index), areas: districtAreas, city: .standard)
        guard let scheme, problems.isEmpty else {
            return try await page(
                req, draft: draft, version: version, index: index, errors: problems.map { s.describe($0) },
                status: .unprocessableEntity)
        }
        do {
            try await GrantStore.saveScheme(scheme, version: version, by: req.auditActor, on: req.db)
            // "Where the support goes" is cached and lists the bodies with schemes.
            req.application.catalogue.invalidate()
        } catch let refused as GrantStore.Problems {
            return try await page(
                req, draft: draft, version: version, index: index, errors: refused.problems.map { s.describe($0) },
                status: .conflict)
        }
        return req.redirect(to: SiteURL.Grants.scheme(.value(scheme.id)).link(Lang.of(req)), redirectType: .normal)
    }

    static func page(
        _ req: Request, draft: GrantSchemeDraft, version: Int?, index: CatalogueIndex, errors: [String],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let city = CityGrantRules.standard
        let own = try bodies(req, index: index)
        let isNew = version == nil
        let bodyOptions = index.document.bodies.filter { own.contains($0.id) }
            .map { ($0.id, lang.pick($0.name, $0.nameEn)) }
            .sorted { $0.1.text < $1.1.text }
            .map { FormOption(value: $0.0, label: $0.1.text, selected: $0.0 == draft.body, lang: $0.1.lang) }
        let latest = Day(draft.decides).map { city.latestReportDue(decides: $0).description } ?? "–"
        let page = SchemeForm(
            action: isNew ? SiteURL.Grants.new.link(lang) : SiteURL.Grants.edit(.value(draft.id)).link(lang),
            csrf: CSRF.token(for: req), isNew: isNew, version: version ?? 0, draft: draft,
            bodies: [FormOption(value: "", label: s[.grChoose], selected: draft.body.isEmpty)] + bodyOptions,
            areas: index.document.currentDistrictAreas.map { area in
                let name = lang.pick(area.name, area.nameEn)
                return Check(
                    value: area.id, label: name.text, lang: name.lang == lang.rawValue ? nil : name.lang,
                    checked: draft.areas.contains(area.id))
            },
            attachments: GrantDocumentKind.attachable.filter { !city.attachments.contains($0) }.map {
                Check(
                    value: $0.rawValue, label: s.label($0), lang: nil, checked: draft.attachments.contains($0.rawValue))
            },
            cityRules: s.cityRules(city), lateHint: Strings.fill(s[.grLateDaysHint], String(city.maximumLateDays)),
            reportHint: Strings.fill(s[.grReportDueHint], latest), errors: errors)
        let title = isNew ? s[.grNewScheme] : s[.grEditScheme]
        let meta = PageMeta.make(
            lang, title: title, description: s[.grDescription], section: SiteURL.Grants.list,
            route: isNew ? SiteURL.Grants.new : SiteURL.Grants.edit(.value(draft.id)),
            crumbs: [(s[.grants], SiteURL.Grants.list)])
        return try await AccountController.render(
            req, "Grants/scheme-form", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
