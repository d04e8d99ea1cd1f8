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
        return try await PageRenderer.render(req, template: "Catalogue/report", object: (.report, id), create: .measure)
        { ReportPage.build($0, $1, id: id) }
    }

    static func measure(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/measure", object: (.measure, id)) {
            index, lang in
            let positions = try await ReferralStore.submittedPositions(on: id, on: req.db)
            let life = try await MeasureLifeSection.load(id, index: index, lang: lang, positions: positions, on: req.db)
            return MeasurePage.build(
                index, lang, id: id, positions: MeasurePage.MeasurePosition.all(positions, index: index, lang: lang),
                followUp: life)
        }
    }

    static func bodies(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/bodies", create: .body) { BodiesPage.build($0, $1) }
    }

    static func body(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/body", object: (.body, id)) { index, lang in
            let followUp = try await BodyFollowUpSection.load(
                id, index: index, lang: lang, latestOnly: true, today: today(), on: req.db)
            return BodyPage.build(index, lang, id: id, followUp: followUp)
        }
    }

    static func roadmap(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/roadmap", roadmap: true) { index, lang in
            let query = try await MilestoneStatusRow.query(index, on: req.db)
            return RoadmapPage.build(index, lang, statuses: MilestoneStatusRow.all(index, lang, query: query))
        }
    }

    static func areas(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Catalogue/areas", create: .area) { AreasPage.build($0, $1) }
    }

    static func area(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Catalogue/area", object: (.area, id)) {
            index, lang -> PageContext<AreaPage>? in
            guard let area = index.areaByID[id] else { return nil }
            let readings = try await AreaPage.query(area: area, on: req.db)
            return AreaPage.build(index, lang, id: id, readings: readings)
        }
    }

    static func search(_ req: Request) async throws -> Response {
        let query = String(
            (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        // An unknown kind searches everything rather than failing: the form never sends one.
        let kind = req.query[String.self, at: "kind"].flatMap(SearchKind.init(rawValue:))
        return try await PageRenderer.render(req, template: "Catalogue/search") { index, lang in
            let kinds = kind.map { Set([$0]) } ?? Set(SearchKind.allCases)
            let results = try await Search.run(query, kinds: kinds, on: req)
            return SearchPage.build(index, lang, query: query, kind: kind, results: results)
        }
    }
}
