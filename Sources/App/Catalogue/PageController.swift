import SkillnadCore
import Vapor

/// The public pages. Each handler builds its page's view model from the catalogue and renders
/// its one template.
enum PageController {
    static func home(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/home") { HomePage.build($0, $1) }
    }

    static func reports(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/reports", create: .report) { ReportsPage.build($0, $1) }
    }

    static func report(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/report", object: (.report, id), create: .measure) { ReportPage.build($0, $1, id: id) }
    }

    static func measure(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/measure", object: (.measure, id)) { index, lang in
            MeasurePage.build(index, lang, id: id, positions: try await MeasurePage.MeasurePosition.all(measure: id, index: index, lang: lang, on: req.db))
        }
    }

    static func bodies(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/bodies", create: .body) { BodiesPage.build($0, $1) }
    }

    static func body(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/body", object: (.body, id)) { BodyPage.build($0, $1, id: id) }
    }

    static func roadmap(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/roadmap", roadmap: true) { index, lang in
            RoadmapPage.build(index, lang, statuses: try await MilestoneStatusRow.all(index, lang, on: req.db))
        }
    }

    static func areas(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/areas", create: .area) { AreasPage.build($0, $1) }
    }

    static func area(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/area", object: (.area, id)) { index, lang -> PageContext<AreaPage>? in
            guard let area = index.areaByID[id] else { return nil }
            return AreaPage.build(index, lang, id: id, indicators: try await AreaPage.IndicatorValue.all(area: area, lang, on: req.db))
        }
    }

    static func search(_ req: Request) async throws -> Response {
        let query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let results = try await Search.run(query, on: req)
        return try await PageRenderer.render(req, template: "Catalogue/search") { index, lang in
            SearchPage.build(index, lang, query: query, results: results)
        }
    }
}
