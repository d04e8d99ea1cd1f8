import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The portal's public pages: the list and a dialogue. Everything is read inside the renderer's
/// `build`, so a page served from the cache reads nothing.
enum DialoguePages {
    static func register(_ app: Application) throws {
        app.get(SiteURL.Dialogues.list, use: list)
        app.get(SiteURL.Dialogues.dialogue(.key), use: dialogue)
        app.get(SiteURL.Dialogues.reach, use: reach)
    }

    /// The years of the reach analysis: `from` and `to` (either order), by default the last ten years.
    static func reachYears(_ req: Request) throws -> (from: Int, to: Int) {
        let thisYear = today().year
        let to = try Paging.int(req, "to", default: thisYear, range: 1990...2100)
        let from = try Paging.int(req, "from", default: max(1990, min(to, thisYear) - 9), range: 1990...2100)
        return (min(from, to), max(from, to))
    }

    static func reach(_ req: Request) async throws -> Response {
        let (from, to) = try reachYears(req)
        try req.refuseListParameter("indicator")
        let code = req.query[String.self, at: "indicator"]
        return try await PageRenderer.render(req, template: "Dialogues/reach") {
            index, lang -> PageContext<DialogueReachPage>? in
            let result = try await DialogueReachQuery.compute(
                fromYear: from, toYear: to, indicatorCode: code, index: index, on: req.db)
            if let code, result.indicator == nil {
                throw ParameterError(parameter: "indicator", message: "no indicator has the code '\(code.prefix(80))'")
            }
            return DialogueReachPage.build(
                index, lang, result: result, indicators: try await DialogueReachQuery.districtIndicators(on: req.db))
        }
    }

    /// Editors of the organising body and administrators may change a dialogue.
    static func mayEdit(_ principal: Principal?, organiser: String) -> Bool {
        guard let principal else { return false }
        return principal.isAdmin || (principal.role == .editor && principal.bodies.contains(organiser))
    }

    struct TopicChoice: Decodable, Sendable {
        let topic: String
        let label: String
    }

    /// The topics (key and label) and organisers that the portal's filters offer, read once per
    /// catalogue generation, which every save of a dialogue advances.
    static func choices(_ req: Request) async throws -> (topics: [(String, String)], organisers: [String]) {
        let generation = try await req.catalogue().generation
        let topics = try await req.application.catalogue.remembered("dialogues.topics", generation: generation) {
            try await req.db.sql().raw(
                "SELECT topic, MIN(label) AS label FROM dialogue_topics GROUP BY topic ORDER BY topic"
            ).all(decoding: TopicChoice.self)
        }
        let organisers = try await req.application.catalogue.remembered(
            "dialogues.organisers", generation: generation
        ) {
            struct Organiser: Decodable { let organiser: String }
            return try await req.db.sql().select().distinct().column("organiser").from(Dialogue.schema)
                .orderBy("organiser").all(decoding: Organiser.self).map(\.organiser)
        }
        return (topics.map { ($0.topic, $0.label) }, organisers)
    }

    static func list(_ req: Request) async throws -> Response {
        let limit = try Paging.int(req, "limit", default: 50, range: 1...Paging.maxLimit)
        let offset = try Paging.int(req, "offset", default: 0, range: 0...Int(Int32.max))
        let filters = try DialogueQueries.Filters.read(req, index: try await req.catalogue().index)
        return try await PageRenderer.render(req, template: "Dialogues/list") {
            index, lang -> PageContext<DialoguesPage>? in
            let today = today()
            let (rows, total, overdue) = try await DialogueQueries.list(
                filters, index: index, today: today, limit: limit, offset: offset, on: req.db)
            let areas = try await DialogueQueries.areas(of: rows.map(\.id), on: req.db)
            let places = try await DialogueMap.places(of: rows.map(\.id), on: req.db)
            let (topics, organisers) = try await choices(req)
            return DialoguesPage.build(
                index, lang, filters: filters, rows: rows, areasOf: areas, total: total, topics: topics,
                organisers: organisers, overdue: overdue,
                map: DialogueMap.make(places: places, base: try await PlaceMap.base(req), lang: lang), today: today,
                limit: limit,
                offset: offset)
        }
    }

    static func dialogue(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "Dialogues/dialogue") {
            index, lang -> PageContext<DialoguePage>? in
            guard let dialogue = try await DialogueQueries.one(slug, on: req.db), let values = dialogue.values
            else { return nil }
            // Before and while it is held, the dialogues it may tire the same residents with.
            let status = DialogueFatigue.displayStatus(values, today: today())
            let warning =
                status == .planned || status == .open ? try await DialogueForm.check(values, req) : nil
            let titles = try await DialogueQueries.titles(
                (warning?.overlaps.prefix(DialogueForm.listedWarnings).map(\.id) ?? [])
                    + (warning?.awaitingFeedback.prefix(DialogueForm.listedWarnings).map(\.id) ?? []), on: req.db)
            return DialoguePage.build(
                index, lang, dialogue: dialogue, values: values,
                mayEdit: mayEdit(req.principal, organiser: values.organiser), today: today(),
                related: DialogueForm.warnings(warning, titles: titles, index, lang))
        }
    }
}
