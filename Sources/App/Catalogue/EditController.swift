import Fluent
import SkillnadCore
import Vapor

/// Editing the catalogue in the browser (administrators): new, edit, delete, history. Every
/// save goes through `CatalogueEditor`, like the API, and keeps what was typed when it fails.
enum EditController {
    static func newForm(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            var values: FormValues = [:]
            if kind == .measure, let r = req.query[String.self, at: "report"] { values["report"] = [r] }
            return try await page(
                req, kind, id: nil, values: values, errors: [:], general: [], version: nil, conflict: nil)
        }
    }

    static func editForm(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(SiteURL.idKey)
            let snap = try await req.catalogue()
            guard let values = EditForms.values(kind, id: id, in: snap.index.document) else { throw Abort(.notFound) }
            return try await page(
                req, kind, id: id, values: values, errors: [:], general: [], version: snap.version(kind, id),
                conflict: nil)
        }
    }

    static func create(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            var form = parse(req)
            if kind != .measure, form.one("id").isEmpty {
                form["id"] = [Slug.make(form.one(kind == .report ? "title" : "name"))]
            }
            return try await save(req, kind, id: nil, form: form, version: nil)
        }
    }

    static func update(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(SiteURL.idKey)
            let form = parse(req)
            guard let version = Int(form.one("version")) else {
                throw Abort(.badRequest, reason: "The form has no version.")
            }
            return try await save(req, kind, id: id, form: form, version: version)
        }
    }

    static func delete(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(SiteURL.idKey)
            let form = parse(req)
            let lang = Lang.of(req)
            let snap = try await req.catalogue()
            guard let values = EditForms.values(kind, id: id, in: snap.index.document) else { throw Abort(.notFound) }
            let refs = References.of(kind, id: id, in: snap.index, lang: lang)
            guard refs.isEmpty else {
                let general = [Texts(lang)[.deleteRefused]] + refs
                return try await page(
                    req, kind, id: id, values: values, errors: [:], general: general, version: snap.version(kind, id),
                    conflict: nil, status: .conflict)
            }
            do {
                try await CatalogueEditor.save(
                    kind, .delete(id: id, version: Int(form.one("version")) ?? -1), by: req.auditActor, on: req.db
                ) { doc in
                    try CatalogueWriteAPIController.remove(kind, id: id, from: &doc)
                    return id
                }
            } catch let e as ConflictError {
                return try await page(
                    req, kind, id: id, values: values, errors: [:], general: [e.text(Texts(lang))], version: e.current,
                    conflict: nil, status: .conflict)
            }
            req.application.catalogue.invalidate()
            return req.redirect(to: listURL(kind).link(lang), redirectType: .normal)
        }
    }

    static func save(_ req: Request, _ kind: EditKind, id: String?, form: FormValues, version: Int?) async throws
        -> Response
    {
        let lang = Lang.of(req)
        let (object, formProblems) = EditForms.object(kind, from: form, fixedID: id)
        var typed = form
        if let id, kind == .measure,
            let stored = EditForms.values(kind, id: id, in: try await req.catalogue().index.document)
        {
            typed["report"] = stored["report"]
            typed["code"] = stored["code"]
        }
        guard formProblems.isEmpty else {
            let texts = Texts(Lang.of(req))
            return try await page(
                req, kind, id: id, values: typed, errors: formProblems.mapValues { $0.text(texts) }, general: [],
                version: version, conflict: nil, status: .unprocessableEntity)
        }
        var json = object
        if let id, kind == .measure, case .object(var o) = json {
            o["report"] = .string(typed.one("report"))
            o["code"] = .string(typed.one("code"))
            json = .object(o)
        }
        do {
            let edit = try CatalogueWriteAPIController.record(kind, from: json)
            let op: CatalogueEditor.Operation = id.map { .update(id: $0, version: version ?? -1) } ?? .create
            let newID = try await CatalogueEditor.save(kind, op, by: req.auditActor, on: req.db) { doc in
                try edit(&doc, id)
            }
            req.application.catalogue.invalidate()
            return req.redirect(to: objectURL(kind, newID).link(lang), redirectType: .normal)
        } catch let e as EditProblems {
            var byField: [String: String] = [:]
            var general: [String] = []
            let names = Set(
                EditForms.fields(
                    kind, values: [:], errors: [:], creating: true, index: try await req.catalogue().index, lang: lang
                ).map {
                    $0.name.replacingOccurrences(of: "[]", with: "")
                })
            for p in e.problems {
                let last = p.path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? "") } ?? ""
                if names.contains(last), byField[last] == nil {
                    byField[last] = Texts(lang).message(p)
                } else {
                    general.append(Texts(lang).description(p))
                }
            }
            return try await page(
                req, kind, id: id, values: typed, errors: byField, general: general, version: version, conflict: nil,
                status: .unprocessableEntity)
        } catch let e as ConflictError {
            // Someone saved in between: show both, keep what was typed, base the form on the new version.
            let snap = try await req.catalogue(fresh: true)
            let saved = EditForms.values(kind, id: e.id, in: snap.index.document) ?? [:]
            let fields = EditForms.fields(
                kind, values: typed, errors: [:], creating: false, index: snap.index, lang: lang)
            let diffs = fields.compactMap { f -> EditPage.Difference? in
                let key = f.name.replacingOccurrences(of: "[]", with: "")
                let a = EditForms.display(saved[key] ?? [])
                let b = EditForms.display(typed[key]?.filter { !$0.isEmpty } ?? [])
                return a == b ? nil : EditPage.Difference(label: f.label, saved: a, yours: b)
            }
            return try await page(
                req, kind, id: id, values: typed, errors: [:], general: [], version: e.current, conflict: diffs,
                status: .conflict)
        }
    }

    static func page(
        _ req: Request, _ kind: EditKind, id: String?, values: FormValues, errors: [String: String], general: [String],
        version: Int?, conflict: [EditPage.Difference]?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let fields = EditForms.fields(
            kind, values: values, errors: errors, creating: id == nil, index: index, lang: lang)
        let title =
            id.map { "\(s[.edit]): \(values["name"]?.first ?? values["title"]?.first ?? $0)" } ?? s.newTitle(kind)
        let page = EditPage(
            heading: title,
            action: (id.map { SiteURL.Catalogue.editObject(kind, .value($0)) } ?? SiteURL.Catalogue.newObject(kind))
                .link(lang),
            csrf: CSRF.token(for: req), version: version, fields: fields, errors: general, conflict: conflict,
            conflictText: conflict == nil ? nil : s[.conflictText],
            deleteAction: id.map { SiteURL.Catalogue.deleteObject(kind, .value($0)).link(lang) },
            cancelHref: (id.map { objectURL(kind, $0) } ?? listURL(kind)).link(lang))
        let meta = PageMeta.make(
            lang, title: title, description: title, section: nil,
            route: id.map { SiteURL.Catalogue.editObject(kind, .value($0)) } ?? SiteURL.Catalogue.newObject(kind))
        return try await AccountController.render(
            req, "Catalogue/edit", PageContext(meta: meta, t: s, page: page), status: status)
    }

    static func objectURL(_ kind: EditKind, _ id: String) -> SiteURL.Catalogue {
        switch kind {
        case .body: return .body(.value(id))
        case .area: return .area(.value(id))
        case .report: return .report(.value(id))
        case .measure: return .measure(.value(id))
        }
    }

    static func listURL(_ kind: EditKind) -> SiteURL.Catalogue {
        switch kind {
        case .body: return .bodies
        case .area: return .areas
        case .report, .measure: return .reports
        }
    }

    /// An `application/x-www-form-urlencoded` body as field → values (`name[]` gives several).
    static func parse(_ req: Request) -> FormValues {
        var out: FormValues = [:]
        let text = req.body.string ?? ""
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            var key = decode(parts[0])
            if key.hasSuffix("[]") { key.removeLast(2) }
            out[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return out
    }
}

extension EditController {
    static func history(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(SiteURL.idKey)
            let lang = Lang.of(req)
            let doc = try await req.catalogue().index.document
            let title =
                EditForms.values(kind, id: id, in: doc).flatMap { $0["name"]?.first ?? $0["title"]?.first } ?? id
            let page = try await HistoryPage.load(
                req, objectType: kind.rawValue, objectID: id, title: title,
                objectHref: objectURL(kind, id).link(lang))
            return try await AccountController.render(req, "Catalogue/history", page)
        }
    }
}
