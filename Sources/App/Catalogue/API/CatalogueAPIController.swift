import SkillnadCore
import Vapor

/// The catalogue's read API under `/api/v1`. Lists page with `limit` and `offset` and filter
/// by the parameters the OpenAPI document names; a filter naming something that does not exist
/// is a 400 that says which parameter, so a typo is not mistaken for an empty result.
enum CatalogueAPIController {
    static func reports(_ req: Request) async throws -> ListResponse<API.Report> {
        let paging = try Paging(req)
        let snap = try await req.catalogue()
        let index = snap.index
        var reports = index.document.reports
        if let area = try req.filter("commissionArea") {
            guard index.commissionAreaByID[area] != nil else {
                throw unknown("commissionArea", "commission area", area)
            }
            reports = reports.filter { $0.commissionArea == area }
        }
        if req.query[String.self, at: "year"] != nil {
            let year = try Paging.int(req, "year", default: 0, range: 1900...2200)
            reports = reports.filter { $0.year == year }
        }
        return paging.page(reports.map { API.Report($0, index: index, version: snap.version(.report, $0.id)) })
    }

    static func report(_ req: Request) async throws -> API.Report {
        let id = try req.parameters.require(APIURL.idKey)
        let snap = try await req.catalogue()
        let index = snap.index
        guard let r = index.reportByID[id] else { throw Abort(.notFound, reason: "No report has the id '\(id)'.") }
        return API.Report(r, index: index, version: snap.version(.report, r.id))
    }

    /// A measure by report and code. A variant spelling (`A2.3.1`, or `2.3.1` in report A)
    /// redirects permanently to the canonical address, so clients learn the one spelling.
    static func reportMeasure(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(APIURL.idKey)
        let written = try req.parameters.require(APIURL.codeKey)
        let snap = try await req.catalogue()
        let index = snap.index
        guard index.reportByID[id] != nil else { throw Abort(.notFound, reason: "No report has the id '\(id)'.") }
        guard MeasureCode.parse(written) != nil else {
            throw ParameterError(
                parameter: "code", message: "'\(written)' is not a measure code (expected e.g. A.2.3.1 or 4.1.1)",
                status: .notFound)
        }
        switch index.resolver.resolve(written, contextReport: id) {
        case .found(let report, let code) where report == id:
            guard code.canonical == written else {
                let target = APIURL.Catalogue.reportMeasure(.value(id), .value(code.canonical)).path
                return req.redirect(to: target, redirectType: .permanent)
            }
            guard let m = index.measure(report: id, code: code.canonical) else { throw Abort(.notFound) }
            return try await API.Measure(m, index: index, version: snap.version(.measure, m.publicID)).encodeResponse(
                for: req)
        case .found(let report, let code):
            throw Abort(.notFound, reason: "\(written) is \(code.canonical) in report '\(report)', not in '\(id)'.")
        case .unknown(let reason), .malformed(let reason), .ambiguous(_, let reason):
            throw Abort(.notFound, reason: reason)
        }
    }

    static func measures(_ req: Request) async throws -> ListResponse<API.Measure> {
        let paging = try Paging(req)
        let snap = try await req.catalogue()
        let index = snap.index
        var measures = index.document.reports.flatMap { index.measuresByReport[$0.id] ?? [] }
        if let report = try req.filter("report") {
            guard index.reportByID[report] != nil else { throw unknown("report", "report", report) }
            measures = measures.filter { $0.report == report }
        }
        var role: CatalogueIndex.Role? = nil
        if let raw = try req.filter("role") {
            guard let r = CatalogueIndex.Role(rawValue: raw) else {
                throw ParameterError(parameter: "role", message: "expected 'lead' or 'collaborating', got '\(raw)'")
            }
            role = r
        }
        if let body = try req.filter("body") {
            guard index.bodyByID[body] != nil else { throw unknown("body", "body", body) }
            let ids = Set(
                index.involvements(of: body).filter { role == nil || $0.role == role }.map { measureID($0.measure) })
            measures = measures.filter { ids.contains(measureID($0)) }
        } else if let role {
            // Without a body: the measures that name any body in that role.
            measures = measures.filter { role == .lead ? $0.leadBody != nil : !($0.collaboratingBodies ?? []).isEmpty }
        }
        if let strategy = try req.filter("strategy") {
            guard index.strategyByID[strategy] != nil else { throw unknown("strategy", "strategy", strategy) }
            measures = measures.filter { ($0.strategies ?? []).contains(strategy) }
        }
        return paging.page(measures.map { API.Measure($0, index: index, version: snap.version(.measure, $0.publicID)) })
    }

    static func measure(_ req: Request) async throws -> API.Measure {
        let id = try req.parameters.require(APIURL.idKey)
        let snap = try await req.catalogue()
        let index = snap.index
        guard let m = index.measureByPublicID[id] else {
            throw Abort(.notFound, reason: "No measure has the id '\(id)'.")
        }
        return API.Measure(m, index: index, version: snap.version(.measure, m.publicID))
    }

    static func bodies(_ req: Request) async throws -> ListResponse<API.Body> {
        let paging = try Paging(req)
        let snap = try await req.catalogue()
        let index = snap.index
        let bodies = try filterTree(
            index.document.bodies.sorted { $0.name < $1.name }, req, kind: \.kind, parent: \.parent,
            parentExists: { index.bodyByID[$0] != nil }, noun: "body",
            validity: { Validity(from: $0.validFrom, to: $0.validTo) })
        return paging.page(bodies.map { API.Body($0, version: snap.version(.body, $0.id)) })
    }

    static func body(_ req: Request) async throws -> API.Body {
        let id = try req.parameters.require(APIURL.idKey)
        let snap = try await req.catalogue()
        guard let b = snap.index.bodyByID[id] else { throw Abort(.notFound, reason: "No body has the id '\(id)'.") }
        return API.Body(b, version: snap.version(.body, id))
    }

    static func areas(_ req: Request) async throws -> ListResponse<API.Area> {
        let paging = try Paging(req)
        let snap = try await req.catalogue()
        let index = snap.index
        let areas = try filterTree(
            index.document.areas.sorted { $0.name < $1.name }, req, kind: \.kind, parent: \.parent,
            parentExists: { index.areaByID[$0] != nil }, noun: "area",
            validity: { Validity(from: $0.validFrom, to: $0.validTo) })
        return paging.page(areas.map { API.Area($0, withGeometry: false, version: snap.version(.area, $0.id)) })
    }

    static func area(_ req: Request) async throws -> API.Area {
        let id = try req.parameters.require(APIURL.idKey)
        let snap = try await req.catalogue()
        guard let a = snap.index.areaByID[id] else { throw Abort(.notFound, reason: "No area has the id '\(id)'.") }
        return API.Area(a, withGeometry: true, version: snap.version(.area, id))
    }

    static func commissionAreas(_ req: Request) async throws -> ListResponse<API.CommissionArea> {
        let paging = try Paging(req)
        let snap = try await req.catalogue()
        let index = snap.index
        return paging.page(
            index.document.commissionAreas.map { API.CommissionArea(id: $0.id, name: $0.name, nameEn: $0.nameEn) })
    }

    static func roadmap(_ req: Request) async throws -> API.Roadmap {
        let snap = try await req.catalogue()
        let index = snap.index
        guard let roadmap = index.document.roadmap else {
            throw Abort(.notFound, reason: "No roadmap has been loaded.")
        }
        let version = try await Vision.query(on: req.db).first()?.version ?? 1
        return API.Roadmap(
            vision: roadmap.vision, version: version,
            targetAreas: roadmap.targetAreas.map { t in
                API.TargetArea(
                    id: t.id, name: t.name, nameEn: t.nameEn,
                    strategies: t.strategies.map { s in
                        API.Strategy(
                            id: s.id, numeral: s.numeral, title: s.title, titleEn: s.titleEn,
                            measures: (index.measuresByStrategy[s.id] ?? []).map(measureID))
                    },
                    milestones: t.milestones ?? [])
            })
    }

    static func search(_ req: Request) async throws -> API.SearchResult {
        guard let q = try req.filter("q") else { throw ParameterError(parameter: "q", message: "is required") }
        let snap = try await req.catalogue()
        let index = snap.index
        let results = try await Search.run(String(q.prefix(200)), kinds: [.report, .measure, .body], on: req)
        return API.SearchResult(
            query: q,
            reports: results.reports.compactMap { index.reportByID[$0] }.map {
                API.Report($0, index: index, version: snap.version(.report, $0.id))
            },
            measures: results.measures.map {
                API.Measure($0, index: index, version: snap.version(.measure, $0.publicID))
            },
            bodies: results.bodies.compactMap { index.bodyByID[$0] }.map {
                API.Body($0, version: snap.version(.body, $0.id))
            })
    }

    /// The filters bodies and areas share: `kind`, `parent` and `validOn` (existed on that date).
    static func filterTree<T, K: RawRepresentable & CaseIterable & Equatable>(
        _ items: [T], _ req: Request, kind: KeyPath<T, K>, parent: KeyPath<T, String?>,
        parentExists: (String) -> Bool, noun: String, validity: (T) -> Validity
    ) throws -> [T] where K.RawValue == String {
        var items = items
        if let raw = try req.filter("kind") {
            guard let k = K(rawValue: raw) else {
                throw ParameterError(
                    parameter: "kind",
                    message: "expected one of \(K.allCases.map(\.rawValue).joined(separator: ", ")), got '\(raw)'")
            }
            items = items.filter { $0[keyPath: kind] == k }
        }
        if let p = try req.filter("parent") {
            guard parentExists(p) else { throw unknown("parent", noun, p) }
            items = items.filter { $0[keyPath: parent] == p }
        }
        if let raw = try req.filter("validOn") {
            guard let d = Day(raw) else {
                throw ParameterError(parameter: "validOn", message: "expected a date YYYY-MM-DD, got '\(raw)'")
            }
            items = items.filter { validity($0).contains(d) }
        }
        return items
    }

    static func unknown(_ parameter: String, _ what: String, _ value: String) -> ParameterError {
        ParameterError(parameter: parameter, message: "no \(what) has the id '\(value)'", status: .notFound)
    }
}
