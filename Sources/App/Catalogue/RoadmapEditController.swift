import Fluent
import SkillnadCore
import SQLKit
import Vapor

/// Editing the roadmap as a whole: the vision, and per target area its strategies and milestone
/// targets. Through the same editor as every other change, with the roadmap's version.
enum RoadmapEditController {
    // MARK: API

    static func replace(_ req: Request) async throws -> Response {
        var object = try CatalogueWriteAPIController.body(req)
        let version = try CatalogueWriteAPIController.expectedVersion(req, object)
        object.removeValue(forKey: "version")
        let roadmap = try read(.object(droppingDerived(object)))
        try await save(roadmap, version: version, req)
        return try await CatalogueAPIController.roadmap(req).encodeResponse(for: req)
    }

    /// What GET adds that is not part of the roadmap itself: each strategy's `measures`, which
    /// the measures' own links make. A GET answer can be sent back as it is; these are ignored.
    static func droppingDerived(_ object: [String: JSONValue]) -> [String: JSONValue] {
        var object = object
        guard case .array(let areas)? = object["targetAreas"] else { return object }
        object["targetAreas"] = .array(
            areas.map { area in
                guard case .object(var fields) = area, case .array(let strategies)? = fields["strategies"] else {
                    return area
                }
                fields["strategies"] = .array(
                    strategies.map { strategy in
                        guard case .object(var strategyFields) = strategy else { return strategy }
                        strategyFields.removeValue(forKey: "measures")
                        return .object(strategyFields)
                    })
                return .object(fields)
            })
        return object
    }

    static func read(_ object: JSONValue) throws -> RoadmapRecord {
        let root = JSONValue.object([
            "format": .string(CatalogueDocument.formatName),
            "version": .number(Double(CatalogueDocument.currentVersion)), "roadmap": object,
        ])
        let data = try JSONEncoder().encode(root)
        switch CatalogueReader.read(data) {
        case .success(let doc):
            guard let r = doc.roadmap else {
                throw EditProblems(problems: [CatalogueProblem(path: "", .roadmapRequired)])
            }
            return r
        case .failure(let p):
            throw EditProblems(
                problems: p.problems.map {
                    CatalogueProblem(path: $0.path.replacingOccurrences(of: "roadmap.", with: ""), $0.reason)
                })
        }
    }

    static func save(_ roadmap: RoadmapRecord, version: Int, _ req: Request) async throws {
        try await CatalogueEditor.transaction(on: req.db) { tx in
            try await claim(version: version, on: tx)
            var doc = try await CatalogueLoader.load(from: tx)
            let linked = Set(doc.measures.flatMap { $0.strategies ?? [] })
            let kept = Set(roadmap.targetAreas.flatMap { $0.strategies.map(\.id) })
            if let lost = linked.subtracting(kept).sorted().first {
                throw EditProblems(problems: [CatalogueProblem(path: "targetAreas", .strategyLinked(lost))])
            }
            doc.roadmap = roadmap
            _ = try await CatalogueImporter.sync(doc, in: tx, actor: req.auditActor)
        }
        req.application.catalogue.invalidate()
    }

    static func claim(version: Int, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update("visions").set("version", to: SQLColumn("version")).where("version", .equal, version).run()
        let current = try await Vision.query(on: tx).first()?.version ?? 1
        if current != version {
            throw EditConflict.roadmapVersion(current: current, yours: version)
        }
    }

    // MARK: Pages

    static func form(_ req: Request) async throws -> Response {
        let snap = try await req.catalogue()
        let version = try await Vision.query(on: req.db).first()?.version ?? 1
        return try await page(
            req, values: RoadmapForm.values(snap.index.document.roadmap), errors: [], version: version)
    }

    static func update(_ req: Request) async throws -> Response {
        let form = EditController.parse(req)
        let lang = Lang.of(req)
        guard let version = Int(form.one("version")) else {
            throw Abort(.badRequest, reason: "The form has no version.")
        }
        do {
            let roadmap = try RoadmapForm.record(form)
            try await save(try read(roadmap), version: version, req)
            return req.redirect(to: SiteURL.Catalogue.roadmap.link(lang), redirectType: .normal)
        } catch let e as EditProblems {
            return try await page(
                req, values: form, errors: e.problems.map { Texts(lang).description($0) }, version: version,
                status: .unprocessableEntity)
        } catch let e as any AbortError where e.status == .conflict {
            let current = try await Vision.query(on: req.db).first()?.version ?? version
            let message = (e as? any WordedProblem)?.text(Texts(lang)) ?? e.reason
            return try await page(req, values: form, errors: [message], version: current, status: .conflict)
        }
    }

    static func history(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let page = try await HistoryPage.load(
            req, objectType: "roadmap", objectID: "roadmap", title: Texts(lang)[.roadmap],
            objectHref: SiteURL.Catalogue.roadmap.link(lang))
        return try await AccountController.render(req, "Catalogue/history", page)
    }

    static func page(
        _ req: Request, values: FormValues, errors: [String], version: Int, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let page = RoadmapForm.page(
            values: values, errors: errors, version: version, csrf: CSRF.token(for: req), lang: lang)
        let meta = PageMeta.make(
            lang, title: s[.editRoadmap], description: s[.editRoadmap], section: SiteURL.Catalogue.roadmap,
            route: SiteURL.Catalogue.roadmapEdit)
        return try await AccountController.render(
            req, "Catalogue/roadmap-edit", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
