import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The dialogue portal's read API under `/api/v1/dialogues`: the list with the portal's filters,
/// and one dialogue's whole record. The same for every caller, so answers are kept per catalogue
/// generation and day (`PageRenderer.cachedJSON`): a saved dialogue advances the generation, and
/// the shown status follows the date.
enum DialogueAPI {
    static func register(_ app: Application) {
        app.get(APIURL.Dialogues.list, use: PageRenderer.cachedJSON(list))
        app.get(APIURL.Dialogues.dialogue(.key), use: PageRenderer.cachedJSON(dialogue))
        app.get(APIURL.Dialogues.reach, use: PageRenderer.cachedJSON(reach))
        app.get(APIURL.Dialogues.fatigue, use: PageRenderer.cachedJSON(fatigue))
    }

    /// The fatigue check as the form makes it (`DialogueForm.check`), for a dialogue described by
    /// the query: other systems that plan dialogues can ask before they book a room. The lists are
    /// cut at `limit` each; the counts say how many there are in all.
    struct FatigueAnswer: Content {
        let day: String
        let windowMonths: Int
        let feedbackWeeks: Int
        let overlapCount: Int
        let awaitingFeedbackCount: Int
        let overlaps: [FatigueOverlap]
        let awaitingFeedback: [FatigueUnanswered]
    }

    /// An earlier or planned dialogue in a related area on a shared topic.
    struct FatigueOverlap: Content {
        let id: String
        let title: String
        let url: String
        let areas: [DialogueFatigue.AreaLink]
        let sharedTopics: [String]
        /// `before`, `overlapping`, `after` or `undated`.
        let timing: String
        let daysApart: Int?
    }

    /// A dialogue in a related area still awaiting feedback.
    struct FatigueUnanswered: Content {
        let id: String
        let title: String
        let url: String
        let areas: [DialogueFatigue.AreaLink]
        let lastDay: String?
        let daysSinceEnd: Int?
    }

    static func fatigue(_ req: Request) async throws -> FatigueAnswer {
        let index = try await req.catalogue().index
        func list(_ name: String) throws -> [String] {
            guard let text = try req.filter(name) else { return [] }
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let areas = try list("area")
        guard !areas.isEmpty else { throw ParameterError(parameter: "area", message: "give one area or more") }
        if let unknown = areas.first(where: { index.areaByID[$0] == nil }) {
            throw CatalogueAPIController.unknown("area", "area", String(unknown.prefix(80)))
        }
        let now = today()
        var day = now
        if let raw = try req.filter("day") {
            guard let given = Day(raw) else {
                throw ParameterError(parameter: "day", message: "expected a date YYYY-MM-DD, got '\(raw.prefix(40))'")
            }
            day = given
        }
        let limit = try Paging.int(req, "limit", default: Paging.defaultLimit, range: 1...Paging.maxLimit)
        let values = DialogueStore.resolvingMeasures(
            DialogueValues(
                id: try req.filter("id") ?? "", title: "", purpose: "", method: .other, organiser: "",
                measures: try list("measure"), strategies: try list("strategy"), targetAreas: try list("target"),
                tags: try list("tag"), areas: areas),
            index: index)
        let plan = DialogueFatigue.Plan(values, today: day)
        let warning = try await DialogueQueries.fatigue(
            plan, listing: limit, index: index, today: now, on: req.db)
        let overlaps = warning.overlaps.prefix(limit)
        let awaiting = warning.awaitingFeedback.prefix(limit)
        let titles = try await DialogueQueries.titles(overlaps.map(\.id) + awaiting.map(\.id), on: req.db)
        func url(_ id: String) -> String { SiteURL.Dialogues.dialogue(.value(id)).path }
        return FatigueAnswer(
            day: day.description, windowMonths: DialogueFatigue.defaultWindowMonths,
            feedbackWeeks: DialogueFatigue.defaultFeedbackWeeks, overlapCount: warning.overlaps.count,
            awaitingFeedbackCount: warning.awaitingFeedbackCount,
            overlaps: overlaps.map { overlap in
                let timing: String
                switch overlap.timing {
                case .before: timing = "before"
                case .overlapping: timing = "overlapping"
                case .after: timing = "after"
                case .undated: timing = "undated"
                }
                return FatigueOverlap(
                    id: overlap.id, title: titles[overlap.id]?.title ?? overlap.id, url: url(overlap.id),
                    areas: overlap.areas, sharedTopics: overlap.sharedTopics, timing: timing,
                    daysApart: overlap.timing.daysApart)
            },
            awaitingFeedback: awaiting.map { unanswered in
                FatigueUnanswered(
                    id: unanswered.id, title: titles[unanswered.id]?.title ?? unanswered.id, url: url(unanswered.id),
                    areas: unanswered.areas, lastDay: unanswered.lastDay?.description,
                    daysSinceEnd: unanswered.daysSinceEnd)
            })
    }

    /// Whom the dialogues reach, as on `/dialogues/reach`: the same years and indicator.
    struct ReachAnswer: Content {
        /// The indicator the districts are ordered by; null when there is none.
        let indicator: String?
        let from: Int
        let to: Int
        let reach: DialogueReach.Reach
        let years: [DialogueReach.Year]
    }

    static func reach(_ req: Request) async throws -> ReachAnswer {
        let (from, to) = try DialoguePages.reachYears(req)
        let code = try req.filter("indicator")
        let result = try await DialogueReachQuery.compute(
            fromYear: from, toYear: to, indicatorCode: code, index: try await req.catalogue().index, on: req.db)
        // As the other lists answer a filter that names nothing: 404.
        if let code, result.indicator == nil { throw CatalogueAPIController.unknown("indicator", "indicator", code) }
        return ReachAnswer(
            indicator: result.indicator?.code, from: from, to: to, reach: result.reach, years: result.years)
    }

    /// The dialogues the filters keep, the latest first, as the portal lists them.
    static func list(_ req: Request) async throws -> ListResponse<API.DialogueSummary> {
        let paging = try Paging(req)
        let index = try await req.catalogue().index
        let filters = try filters(req, index: index)
        let day = today()
        let (rows, total, _) = try await DialogueQueries.list(
            filters, index: index, today: day, limit: paging.limit, offset: paging.offset, on: req.db)
        let ids = rows.map(\.id)
        let areas = try await DialogueQueries.areas(of: ids, on: req.db)
        let items = rows.map { row in API.DialogueSummary(row, areas: areas[row.id] ?? [], today: day) }
        return ListResponse(items: items, total: total, limit: paging.limit, offset: paging.offset)
    }

    /// One dialogue's whole record; 404 when no dialogue has the id.
    static func dialogue(_ req: Request) async throws -> API.DialogueRecord {
        let slug = try req.parameters.require(APIURL.idKey)
        guard let dialogue = try await DialogueQueries.one(slug, on: req.db) else {
            throw Abort(.notFound, reason: "No dialogue has the id '\(slug.prefix(80))'.")
        }
        guard let values = dialogue.values else {
            throw Abort(.internalServerError, reason: "The stored dialogue '\(dialogue.slug)' cannot be read.")
        }
        return API.DialogueRecord(
            values: values, shownStatus: DialogueFatigue.displayStatus(values, today: today()),
            version: dialogue.version, updatedAt: dialogue.updatedAt)
    }

    /// The portal's filters (`DialogueQueries.Filters.read`), read more strictly where the API
    /// document is strict: a status, method or date that is blank or padded is refused (400) rather
    /// than read as no filter, and an area or organiser that names nothing is 404, as in the
    /// catalogue's lists, where the portal's form says 400.
    static func filters(_ req: Request, index: CatalogueIndex) throws -> DialogueQueries.Filters {
        try refuseInexact(req, "status", DialogueStatus.self)
        try refuseInexact(req, "method", DialogueMethod.self)
        for name in ["from", "to"] {
            if let raw = req.query[String.self, at: name], Day(raw) == nil {
                throw ParameterError(
                    parameter: name, message: "expected a date YYYY-MM-DD, got '\(raw.prefix(40))'")
            }
        }
        if let area = given(req, "area"), index.areaByID[area] == nil {
            throw CatalogueAPIController.unknown("area", "area", String(area.prefix(80)))
        }
        if let body = given(req, "organiser"), index.bodyByID[body] == nil {
            throw CatalogueAPIController.unknown("organiser", "body", String(body.prefix(80)))
        }
        var filters = try DialogueQueries.Filters.read(req, index: index)
        // No stored topic holds a NUL, and PostgreSQL cannot compare with one: a noncharacter that
        // nothing holds either keeps the meaning (no match) without the error (as `Request.filter`).
        filters.topic = filters.topic?.replacingOccurrences(of: "\u{0}", with: "\u{FFFF}")
        return filters
    }

    /// A choice given exactly as one of the values, or not at all.
    private static func refuseInexact<T: RawRepresentable & CaseIterable>(
        _ req: Request, _ name: String, _ type: T.Type
    ) throws where T.RawValue == String {
        guard let raw = req.query[String.self, at: name], T(rawValue: raw) == nil else { return }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw ParameterError(parameter: name, message: "expected one of \(allowed), got '\(raw.prefix(40))'")
    }

    /// A text filter as `Filters.read` takes it: trimmed, cut at 200 characters, blank as absent.
    private static func given(_ req: Request, _ name: String) -> String? {
        let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return value.isEmpty ? nil : String(value.prefix(200))
    }
}
