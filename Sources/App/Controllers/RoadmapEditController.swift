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
        object["targetAreas"] = .array(areas.map { area in
            guard case .object(var fields) = area, case .array(let strategies)? = fields["strategies"] else { return area }
            fields["strategies"] = .array(strategies.map { strategy in
                guard case .object(var strategyFields) = strategy else { return strategy }
                strategyFields.removeValue(forKey: "measures")
                return .object(strategyFields)
            })
            return .object(fields)
        })
        return object
    }

    static func read(_ object: JSONValue) throws -> RoadmapRecord {
        let root = JSONValue.object(["format": .string(CatalogueDocument.formatName),
                                     "version": .number(Double(CatalogueDocument.currentVersion)), "roadmap": object])
        let data = try JSONEncoder().encode(root)
        switch CatalogueReader.read(data) {
        case .success(let doc):
            guard let r = doc.roadmap else { throw EditProblems(problems: [CatalogueProblem(path: "", message: "a roadmap is required")]) }
            return r
        case .failure(let p):
            throw EditProblems(problems: p.problems.map { CatalogueProblem(path: $0.path.replacingOccurrences(of: "roadmap.", with: ""), message: $0.message) })
        }
    }

    static func save(_ roadmap: RoadmapRecord, version: Int, _ req: Request) async throws {
        try await CatalogueEditor.transaction(on: req.db) { tx in
            try await claim(version: version, on: tx)
            var doc = try await CatalogueLoader.load(from: tx)
            let linked = Set(doc.measures.flatMap { $0.strategies ?? [] })
            let kept = Set(roadmap.targetAreas.flatMap { $0.strategies.map(\.id) })
            if let lost = linked.subtracting(kept).sorted().first {
                throw EditProblems(problems: [CatalogueProblem(path: "targetAreas", message: "strategy \(lost) is linked to measures; unlink them before removing it")])
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
            throw Abort(.conflict, reason: "The roadmap is at version \(current), but the change was based on version \(version): someone saved in between. Reload, merge and save again.")
        }
    }

    // MARK: Pages

    static func form(_ req: Request) async throws -> Response {
        let snap = try await req.catalogue()
        let version = try await Vision.query(on: req.db).first()?.version ?? 1
        return try await page(req, values: RoadmapForm.values(snap.index.document.roadmap), errors: [], version: version)
    }

    static func update(_ req: Request) async throws -> Response {
        let form = EditController.parse(req)
        let lang = Lang.of(req)
        guard let version = Int(form.one("version")) else { throw Abort(.badRequest, reason: "The form has no version.") }
        do {
            let roadmap = try RoadmapForm.record(form)
            try await save(try read(roadmap), version: version, req)
            return req.redirect(to: SiteURL.roadmap.link(lang), redirectType: .normal)
        } catch let e as EditProblems {
            return try await page(req, values: form, errors: e.problems.map(\.description), version: version, status: .unprocessableEntity)
        } catch let e as any AbortError where e.status == .conflict {
            let current = try await Vision.query(on: req.db).first()?.version ?? version
            return try await page(req, values: form, errors: [e.reason], version: current, status: .conflict)
        }
    }

    static func history(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let page = try await HistoryPage.build(req, objectType: "roadmap", objectID: "roadmap", title: Strings.get("roadmap", lang),
                                               objectHref: SiteURL.roadmap.link(lang))
        return try await AccountController.render(req, "history", page)
    }

    static func page(_ req: Request, values: FormValues, errors: [String], version: Int, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Lang.of(req)
        let s = Strings.table(lang)
        let page = RoadmapForm.page(values: values, errors: errors, version: version, csrf: CSRF.token(for: req), lang: lang)
        let meta = PageMeta.make(lang, title: s["editRoadmap"]!, description: s["editRoadmap"]!, section: .roadmap, route: .roadmapEdit)
        return try await AccountController.render(req, "roadmap-edit", PageContext(meta: meta, t: s, page: page), status: status)
    }
}

/// The roadmap form: plain fields for the vision and, per target area, one line per strategy
/// ("I | Swedish title | English title") and per milestone target
/// ("id | text | indicator | unit | baseline | baseline year | target | target year").
enum RoadmapForm {
    struct Area: Encodable, Sendable {
        let index: Int; let id: String; let name: String; let nameEn: String; let strategies: String; let milestones: String
    }
    struct Page: Encodable, Sendable {
        let action: String; let csrf: String; let version: Int; let errors: [String]
        let title: String; let titleEn: String; let year: String; let text: String; let areas: [Area]
        let labels: [String: String]
    }

    static let maxAreas = 12

    static func values(_ r: RoadmapRecord?) -> FormValues {
        var v: FormValues = ["title": [r?.vision.title ?? ""], "titleEn": [r?.vision.titleEn ?? ""],
                             "year": [r?.vision.year.map(String.init) ?? ""], "text": [r?.vision.text ?? ""]]
        for (i, t) in (r?.targetAreas ?? []).enumerated() {
            v["area\(i).id"] = [t.id]; v["area\(i).name"] = [t.name]; v["area\(i).nameEn"] = [t.nameEn ?? ""]
            v["area\(i).strategies"] = [t.strategies.map { [$0.numeral, $0.title, $0.titleEn ?? ""].joined(separator: " | ") }.joined(separator: "\n")]
            v["area\(i).milestones"] = [(t.milestones ?? []).map { m in
                [m.id, m.text, m.indicator ?? "", m.unit ?? "", m.baseline.map { String($0) } ?? "", m.baselineYear.map(String.init) ?? "",
                 m.targetValue.map { String($0) } ?? "", m.targetYear.map(String.init) ?? ""].joined(separator: " | ")
            }.joined(separator: "\n")]
        }
        return v
    }

    static func page(values: FormValues, errors: [String], version: Int, csrf: String, lang: Lang) -> Page {
        let count = (0..<maxAreas).filter { !values.one("area\($0).id").isEmpty }.count
        let areas = (0..<min(maxAreas, count + 1)).map { i in
            Area(index: i, id: values.one("area\(i).id"), name: values.one("area\(i).name"), nameEn: values.one("area\(i).nameEn"),
                 strategies: values.one("area\(i).strategies"), milestones: values.one("area\(i).milestones"))
        }
        let s = Strings.table(lang)
        let labels = ["title": s["field.title"]!, "titleEn": s["field.titleEn"]!, "year": s["field.year"]!, "text": s["field.description"]!,
                      "id": s["field.id"]!, "name": s["field.name"]!, "nameEn": s["field.nameEn"]!,
                      "hintStrategies": s["hint.strategies"]!, "hintMilestones": s["hint.milestones"]!]
        return Page(action: SiteURL.roadmapEdit.link(lang), csrf: csrf, version: version, errors: errors,
                    title: values.one("title"), titleEn: values.one("titleEn"), year: values.one("year"), text: values.one("text"), areas: areas,
                    labels: labels)
    }

    /// The roadmap as JSON for the reader, or the problems with the lines that could not be read.
    static func record(_ v: FormValues) throws -> JSONValue {
        var problems: [CatalogueProblem] = []
        func opt(_ s: String) -> JSONValue? { s.isEmpty ? nil : .string(s) }
        func number(_ s: String, _ path: String) -> JSONValue? {
            guard !s.isEmpty else { return nil }
            guard let d = Double(s.replacingOccurrences(of: ",", with: ".")) else { problems.append(.init(path: path, message: "\"\(s)\" is not a number")); return nil }
            return .number(d)
        }
        var vision: [String: JSONValue] = ["title": .string(v.one("title"))]
        vision["titleEn"] = opt(v.one("titleEn")); vision["text"] = opt(v.one("text")); vision["year"] = number(v.one("year"), "vision.year")
        var areas: [JSONValue] = []
        for i in 0..<maxAreas {
            let id = v.one("area\(i).id")
            if id.isEmpty { continue }
            var strategies: [JSONValue] = []
            for (n, line) in v.one("area\(i).strategies").split(whereSeparator: \.isNewline).enumerated() {
                let p = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else {
                    problems.append(.init(path: "\(id) strategies line \(n + 1)", message: "write a strategy as \"I | title | English title\"")); continue
                }
                var s: [String: JSONValue] = ["id": .string("\(id)-\(p[0].lowercased())"), "numeral": .string(p[0]), "title": .string(p[1])]
                if p.count > 2 { s["titleEn"] = opt(p[2]) }
                strategies.append(.object(s))
            }
            var milestones: [JSONValue] = []
            for (n, line) in v.one("area\(i).milestones").split(whereSeparator: \.isNewline).enumerated() {
                let p = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else {
                    problems.append(.init(path: "\(id) milestones line \(n + 1)", message: "write a milestone as \"id | text | indicator | unit | baseline | year | target | year\"")); continue
                }
                func at(_ k: Int) -> String { k < p.count ? p[k] : "" }
                var m: [String: JSONValue] = ["id": .string(p[0]), "text": .string(p[1])]
                m["indicator"] = opt(at(2)); m["unit"] = opt(at(3))
                let where_ = "\(id) milestones line \(n + 1)"
                m["baseline"] = number(at(4), where_); m["baselineYear"] = number(at(5), where_)
                m["targetValue"] = number(at(6), where_); m["targetYear"] = number(at(7), where_)
                milestones.append(.object(m.compactMapValues { $0 }))
            }
            var area: [String: JSONValue] = ["id": .string(id), "name": .string(v.one("area\(i).name")), "strategies": .array(strategies)]
            area["nameEn"] = opt(v.one("area\(i).nameEn"))
            if !milestones.isEmpty { area["milestones"] = .array(milestones) }
            areas.append(.object(area))
        }
        if !problems.isEmpty { throw EditProblems(problems: problems) }
        return .object(["vision": .object(vision.compactMapValues { $0 }), "targetAreas": .array(areas)])
    }
}
