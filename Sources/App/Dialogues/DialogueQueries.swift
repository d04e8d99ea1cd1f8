import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Reading dialogues for the portal, the calendar, the feeds and the fatigue check. A dialogue's
/// status as shown is worked out from its dates (`DialogueQueries.shownStatus`): what the
/// organiser recorded says whether it was cancelled; the dates say whether it is planned, open,
/// over and awaiting feedback, or answered.
enum DialogueQueries {
    /// The portal's filters, read from the query and checked: an unknown value is refused with the
    /// parameter named, never silently ignored.
    struct Filters: Sendable, Equatable {
        var area: String?
        var topic: String?
        var status: DialogueStatus?
        var method: DialogueMethod?
        var organiser: String?
        var from: Day?
        var to: Day?
        var query: String?

        var isEmpty: Bool { self == Filters() }

        static func read(_ req: Request, index: CatalogueIndex) throws -> Filters {
            func text(_ name: String) throws -> String? {
                try req.refuseListParameter(name)
                let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                return value.isEmpty ? nil : String(value.prefix(200))
            }
            func day(_ name: String) throws -> Day? {
                guard let raw = try text(name) else { return nil }
                guard let day = Day(raw) else {
                    throw ParameterError(parameter: name, message: "expected a date YYYY-MM-DD, got '\(raw)'")
                }
                return day
            }
            func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T?
            where T.RawValue == String {
                guard let raw = try text(name) else { return nil }
                guard let value = T(rawValue: raw) else {
                    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ParameterError(parameter: name, message: "expected one of \(allowed), got '\(raw)'")
                }
                return value
            }
            var filters = Filters()
            filters.area = try text("area")
            if let area = filters.area, index.areaByID[area] == nil {
                throw ParameterError(parameter: "area", message: "no area has the id '\(area)'")
            }
            filters.organiser = try text("organiser")
            if let body = filters.organiser, index.bodyByID[body] == nil {
                throw ParameterError(parameter: "organiser", message: "no body has the id '\(body)'")
            }
            filters.topic = try text("topic")
            filters.status = try choice("status", DialogueStatus.self)
            filters.method = try choice("method", DialogueMethod.self)
            filters.from = try day("from")
            filters.to = try day("to")
            filters.query = try text("q")
            return filters
        }

        /// The filters as query items, for links that keep them.
        var queryItems: [(String, String)] {
            [
                ("area", area), ("topic", topic), ("status", status?.rawValue), ("method", method?.rawValue),
                ("organiser", organiser), ("from", from?.description), ("to", to?.description), ("q", query),
            ].compactMap { name, value in value.map { (name, $0) } }
        }
    }

    /// A dialogue in a list: what the portal, the calendar and the feeds show of it.
    struct Row: Sendable, Decodable {
        let id: UUID
        let slug: String
        let title: String
        let title_en: String?
        let organiser: String
        let method: String
        let level: String
        let status: String
        let digital: Bool
        let starts_on: String?
        let ends_on: String?
        let feedback_on: String?
        let participants: Int?
        let example: Bool
        let updated_at: String
        let created_at: String
    }

    static let rowColumns = [
        "id", "slug", "title", "title_en", "organiser", "method", "level", "status", "digital", "starts_on", "ends_on",
        "feedback_on", "participants", "example", "updated_at", "created_at",
    ]

    /// The status a resident sees (`DialogueFatigue.displayStatus`, the one rule).
    static func shownStatus(_ row: Row, today: Day) -> DialogueStatus {
        DialogueFatigue.displayStatus(
            stored: DialogueStatus(rawValue: row.status) ?? .planned, firstDay: row.starts_on.flatMap(Day.init),
            lastDay: row.ends_on.flatMap(Day.init), feedbackGiven: row.feedback_on != nil, today: today)
    }

    /// Over more than the feedback weeks ago without feedback (`DialogueFatigue.isFeedbackOverdue`).
    static func overdueFeedback(_ row: Row, today: Day) -> Bool {
        DialogueFatigue.isFeedbackOverdue(
            stored: DialogueStatus(rawValue: row.status) ?? .planned, lastDay: row.ends_on.flatMap(Day.init),
            feedbackGiven: row.feedback_on != nil, today: today)
    }

    /// The filters as SQL conditions on `dialogues` (`d`).
    static func conditions(_ filters: Filters, index: CatalogueIndex, today: Day) -> [any SQLExpression] {
        var conditions: [SQLQueryString] = []
        let todayText = today.description
        if let area = filters.area {
            let related: [any Encodable & Sendable] = DialogueFatigue.relatedAreas([area], tree: index.areaTree)
                .sorted()
            conditions.append("d.id IN (SELECT dialogue_id FROM dialogue_areas WHERE area IN (\(binds: related)))")
        }
        if let topic = filters.topic {
            conditions.append("d.id IN (SELECT dialogue_id FROM dialogue_topics WHERE topic = \(bind: topic))")
        }
        if let method = filters.method { conditions.append("d.method = \(bind: method.rawValue)") }
        if let organiser = filters.organiser { conditions.append("d.organiser = \(bind: organiser)") }
        if let from = filters.from {
            conditions.append("COALESCE(d.ends_on, d.starts_on) >= \(bind: from.description)")
        }
        if let to = filters.to { conditions.append("d.starts_on <= \(bind: to.description)") }
        if let query = filters.query {
            for term in SearchText.terms(query).prefix(8) { conditions.append("d.search LIKE \(bind: "% \(term)%")") }
        }
        if let status = filters.status {
            // The same rule as `DialogueFatigue.displayStatus`, in SQL; a test compares the two.
            let answered = "(d.feedback_on IS NOT NULL OR d.status = 'feedbackGiven')"
            switch status {
            case .cancelled:
                conditions.append("d.status = 'cancelled'")
            case .feedbackGiven:
                conditions.append(
                    """
                    d.status <> 'cancelled' AND \(unsafeRaw: answered) AND (d.starts_on IS NULL
                    OR d.ends_on < \(bind: todayText))
                    """)
            case .awaitingFeedback:
                conditions.append(
                    """
                    d.status <> 'cancelled' AND NOT \(unsafeRaw: answered) AND ((d.starts_on IS NOT NULL
                    AND d.ends_on < \(bind: todayText)) OR (d.starts_on IS NULL AND d.status = 'awaitingFeedback'))
                    """)
            case .open:
                conditions.append(
                    """
                    d.status <> 'cancelled' AND ((d.starts_on <= \(bind: todayText) AND d.ends_on >= \(bind: todayText))
                    OR (d.starts_on > \(bind: todayText) AND d.status = 'open')
                    OR (d.starts_on IS NULL AND NOT \(unsafeRaw: answered) AND d.status = 'open'))
                    """)
            case .planned:
                conditions.append(
                    """
                    d.status <> 'cancelled' AND ((d.starts_on > \(bind: todayText) AND d.status <> 'open')
                    OR (d.starts_on IS NULL AND NOT \(unsafeRaw: answered) AND d.status = 'planned'))
                    """)
            }
        }
        return conditions
    }

    /// A page of the dialogues the filters keep, the latest first, how many there are in all and
    /// how many of them are overdue for feedback (`counts`). The page's ids and both counts come
    /// from the filter index in one pass (`IndexDialogueFilters`, the counts as window sums over
    /// every dialogue kept); only the rows shown are read whole.
    static func list(
        _ filters: Filters, index: CatalogueIndex, today: Day, limit: Int, offset: Int, on db: any Database
    ) async throws -> (rows: [Row], total: Int, overdue: Int) {
        let sql = try db.sql()
        var select = sql.select().column(SQLColumn("id", table: "d"))
            .column(SQLQueryString("COUNT(*) OVER ()"), as: "n")
            .column(SQLQueryString("SUM(\(overdueCase(today))) OVER ()"), as: "overdue")
            .from(SQLAlias(SQLIdentifier(Dialogue.schema), as: SQLIdentifier("d")))
        for condition in conditions(filters, index: index, today: today) { select = select.where(condition) }
        struct Found: Decodable {
            let id: UUID
            let n: Int
            let overdue: Int?
        }
        let found = try await select.orderBy(SQLColumn("starts_on", table: "d"), SQLDirection.descending)
            .orderBy(SQLColumn("slug", table: "d")).limit(limit).offset(offset).all(decoding: Found.self)
        // Past the last page no row carries the counts: count on their own.
        guard let first = found.first else {
            let (total, overdue) = try await counts(filters, index: index, today: today, on: db)
            return ([], total, overdue)
        }
        let ids = found.map(\.id)
        var rows = sql.select().from(Dialogue.schema).where("id", .in, SQLBind.group(ids))
        for column in rowColumns { rows = rows.column(SQLColumn(column)) }
        let byID = Dictionary(
            try await rows.all(decoding: Row.self).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (ids.compactMap { byID[$0] }, first.n, first.overdue ?? 0)
    }

    /// 1 for a dialogue over more than the feedback weeks ago without feedback, else 0
    /// (`DialogueFatigue.isFeedbackOverdue` in SQL).
    static func overdueCase(_ today: Day) -> SQLQueryString {
        let due = today.adding(days: -DialogueFatigue.defaultFeedbackWeeks * 7)?.description ?? ""
        return """
            CASE WHEN d.status <> 'cancelled' AND d.status <> 'feedbackGiven' AND d.feedback_on IS NULL
            AND d.ends_on < \(bind: due) THEN 1 ELSE 0 END
            """
    }

    /// How many dialogues the filters keep, and how many of them have waited for feedback longer
    /// than the feedback weeks (`DialogueFatigue.isFeedbackOverdue`, in SQL; a test compares the
    /// two). One pass over the filter index.
    static func counts(_ filters: Filters, index: CatalogueIndex, today: Day, on db: any Database) async throws
        -> (total: Int, overdue: Int)
    {
        var select = try db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLQueryString("SUM(\(overdueCase(today)))"), as: "overdue")
            .from(SQLAlias(SQLIdentifier(Dialogue.schema), as: SQLIdentifier("d")))
        for condition in conditions(filters, index: index, today: today) { select = select.where(condition) }
        struct Counts: Decodable {
            let n: Int
            let overdue: Int?
        }
        let found = try await select.first(decoding: Counts.self)
        return (found?.n ?? 0, found?.overdue ?? 0)
    }

    /// One dialogue by its id in addresses.
    static func one(_ slug: String, on db: any Database) async throws -> Dialogue? {
        try await Dialogue.query(on: db).filter(\.$slug == slug).first()
    }

    /// The areas of each of the dialogues, by dialogue.
    static func areas(of ids: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        struct Link: Decodable {
            let dialogue_id: UUID
            let area: String
        }
        let links = try await db.sql().select().column("dialogue_id").column("area").from("dialogue_areas")
            .where("dialogue_id", .in, SQLBind.group(ids)).orderBy("area").all(decoding: Link.self)
        return Dictionary(grouping: links, by: \.dialogue_id).mapValues { $0.map(\.area) }
    }
    /// The fatigue check of `plan` (`DialogueFatigue.check`) against the dialogues SQL reads for
    /// it, listing the first `listing` of those awaiting feedback and counting the rest.
    static func fatigue(
        _ plan: DialogueFatigue.Plan, listing: Int, index: CatalogueIndex, today: Day, on db: any Database
    ) async throws -> DialogueFatigue.Warning {
        try await warning(plan, listing: listing, tree: index.areaTree, today: today, on: db)
    }

    /// `fatigue` with the area tree given.
    static func warning(
        _ plan: DialogueFatigue.Plan, listing: Int, tree: AreaTree, today: Day, on db: any Database
    ) async throws -> DialogueFatigue.Warning {
        let read = try await known(for: plan, listing: listing, tree: tree, today: today, on: db)
        let warning = DialogueFatigue.check(plan, against: read.known, tree: tree, today: today)
        // SQL read the first `listing` awaiting feedback, and may have met later ones on a shared
        // topic: the check orders them alike, so its first `listing` are SQL's.
        return DialogueFatigue.Warning(
            overlaps: warning.overlaps, awaitingFeedback: Array(warning.awaitingFeedback.prefix(max(listing, 0))),
            awaitingFeedbackCount: read.awaitingCount)
    }

    /// The dialogues `DialogueFatigue.check` could list for `plan`, as it knows them, and how many
    /// await feedback in all. SQL keeps (a) those in a related area that are not cancelled, share
    /// a topic and have sessions touching the window (or no day yet), and (b) the first `listing`
    /// of those in a related area that have waited for feedback past the feedback weeks, in the
    /// check's order, and counts the latter; the check then applies its exact rule. Each comes
    /// with its related areas and shared topics only, which are all the check compares. Both read
    /// the area links alone, each through a partial index of its own (`AddDialogueFatigueColumns`).
    static func known(
        for plan: DialogueFatigue.Plan, listing: Int, tree: AreaTree, today: Day, on db: any Database
    ) async throws -> (known: [DialogueFatigue.Known], awaitingCount: Int) {
        let related = DialogueFatigue.relatedAreas(plan.areas, tree: tree)
        guard !related.isEmpty else { return ([], 0) }
        let sql = try db.sql()
        let areaList: [any Encodable & Sendable] = related.sorted()
        let windowStart = (plan.day.adding(months: -DialogueFatigue.defaultWindowMonths) ?? plan.day).description
        let windowEnd = (plan.day.adding(months: DialogueFatigue.defaultWindowMonths) ?? plan.day).description
        let due = (today.adding(days: -DialogueFatigue.defaultFeedbackWeeks * 7) ?? today).description
        // Without a topic nothing can overlap; `topic IN ('')` matches no stored key.
        let topicList: [any Encodable & Sendable] = plan.topics.isEmpty ? [""] : plan.topics.sorted()
        struct Head: Decodable {
            let slug: String?
            let area: String?
            let status: String?
            let starts_on: String?
            let last_on: String?
            let feedback_on: String?
            let topic: String?
            let waiting_count: Int?
        }
        // (a) On a shared topic, the sessions' span touching the window, or no day yet. A link's
        // last day is never before its first (`DialogueStore.writeLinks`), so the span touches
        // the window when the last day is in or after it and the first in or before it; the two
        // halves apart, so each seeks its own range of the index.
        let columns = "SELECT l.slug, l.area, l.status, l.starts_on, l.last_on, l.feedback_on, t.topic, NULL"
        func onTopic(_ when: SQLQueryString) -> SQLQueryString {
            """
            \(unsafeRaw: columns)
            FROM dialogue_areas l JOIN dialogue_topics t ON t.dialogue_id = l.dialogue_id
            AND t.topic IN (\(binds: topicList))
            WHERE l.area IN (\(binds: areaList)) AND l.status <> 'cancelled' AND \(when)
            """
        }
        let dated = onTopic(
            "l.last_on >= \(bind: windowStart) AND COALESCE(l.starts_on, l.last_on) <= \(bind: windowEnd)")
        let undated = onTopic("l.last_on IS NULL")
        // (b) Waiting for feedback past the weeks, whatever the topic (`feedback_on` is NULL by the
        // rule, so the index holds all that is read): grouped once, counted, and the first
        // `listing` read with their related areas, longest waiting first (the earliest last day;
        // none last), then by id, as the check orders. One statement with (a), so one round trip.
        let waitingRule: SQLQueryString = """
            area IN (\(binds: areaList)) AND feedback_on IS NULL
            AND status IN ('planned', 'open', 'awaitingFeedback')
            AND (status = 'awaitingFeedback' OR last_on < \(bind: due)) AND slug <> \(bind: plan.id ?? "")
            """
        let rows = try await sql.raw(
            """
            WITH waiting AS MATERIALIZED (
                SELECT slug, MIN(last_on) AS first_last_on FROM dialogue_areas WHERE \(waitingRule) GROUP BY slug),
            shown AS (
                SELECT slug FROM waiting ORDER BY first_last_on IS NULL, first_last_on, slug
                LIMIT \(literal: max(listing, 0)))
            SELECT NULL AS slug, NULL AS area, NULL AS status, NULL AS starts_on, NULL AS last_on,
                NULL AS feedback_on, NULL AS topic, COUNT(*) AS waiting_count FROM waiting
            UNION ALL
            SELECT slug, area, status, starts_on, last_on, NULL, NULL, NULL FROM dialogue_areas
            WHERE \(waitingRule) AND slug IN (SELECT slug FROM shown)
            UNION ALL \(dated) UNION ALL \(undated)
            """
        ).all(decoding: Head.self)
        let awaitingCount = rows.lazy.compactMap(\.waiting_count).first ?? 0
        var topicsOf: [String: Set<String>] = [:]
        for row in rows {
            if let slug = row.slug, let topic = row.topic { topicsOf[slug, default: []].insert(topic) }
        }
        var order: [String] = []
        var byslug: [String: DialogueFatigue.Known] = [:]
        for row in rows {
            guard let slug = row.slug, let area = row.area else { continue }
            if byslug[slug] == nil {
                order.append(slug)
                byslug[slug] = DialogueFatigue.Known(
                    id: slug, areas: [], topics: topicsOf[slug] ?? [],
                    firstDay: row.starts_on.flatMap(Day.init), lastDay: row.last_on.flatMap(Day.init),
                    status: row.status.flatMap(DialogueStatus.init(rawValue:)) ?? .planned,
                    feedbackGiven: row.feedback_on != nil)
            }
            if byslug[slug]?.areas.contains(area) == false { byslug[slug]?.areas.append(area) }
        }
        return (order.compactMap { byslug[$0] }, awaitingCount)
    }

    /// The titles of dialogues by their ids in addresses.
    static func titles(_ slugs: [String], on db: any Database) async throws -> [String: (
        title: String, titleEn: String?
    )] {
        guard !slugs.isEmpty else { return [:] }
        struct Title: Decodable {
            let slug: String
            let title: String
            let title_en: String?
        }
        let list: [any Encodable & Sendable] = Array(Set(slugs))
        let rows = try await db.sql().raw(
            "SELECT slug, title, title_en FROM dialogues WHERE slug IN (\(binds: list))"
        ).all(decoding: Title.self)
        return Dictionary(rows.map { ($0.slug, ($0.title, $0.title_en)) }, uniquingKeysWith: { first, _ in first })
    }
}
