import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// An indicator's metadata as pages and the API read it.
struct IndicatorInfo: Sendable {
    let id: UUID
    let definition: IndicatorDefinition
    let updatedAt: String?
    let version: Int

    var code: String { definition.code }
    var direction: Direction { definition.direction }

    init(_ m: Indicator) throws {
        id = try m.requireID()
        func list(_ s: String?) -> [String]? {
            s.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
        }
        definition = IndicatorDefinition(
            code: m.code, name: m.name, nameEn: m.nameEn, unit: m.unit,
            direction: Direction(rawValue: m.direction) ?? .higherIsBetter, definition: m.definition,
            definitionEn: m.definitionEn, source: m.source, sourceURL: m.sourceURL,
            targetAreas: list(m.targetAreas), strategies: list(m.strategies),
            kind: m.kind.flatMap(IndicatorKind.init(rawValue:)),
            classes: m.classes.flatMap { try? JSONDecoder().decode([IndicatorClass].self, from: Data($0.utf8)) })
        updatedAt = m.updatedAt
        version = m.version
    }
}

extension IndicatorInfo {
    /// The indicator as a choice in a form, by its name in the page's language (marked Swedish
    /// when an English page has only the Swedish name).
    func option(selected: String?, _ lang: Lang) -> FormOption {
        FormOption(
            value: code, label: lang.pick(definition.name, definition.nameEn).text, selected: code == selected,
            lang: lang == .en && definition.nameEn == nil ? "sv" : nil)
    }
}

/// The reads of indicator data, in SQL that both databases run.
enum IndicatorQueries {
    static func all(on db: any Database) async throws -> [IndicatorInfo] {
        try await Indicator.query(on: db).sort(\.$name).all().map(IndicatorInfo.init)
    }

    /// Every indicator with all its summaries: what the list and the differences pages show.
    struct Overview: Sendable {
        let infos: [IndicatorInfo]
        let summaries: [UUID: [SummaryRow]]
        /// Each indicator's citywide values by period: the city's own value where the data gives
        /// one, else the mean of the areas (some indicators, such as a gap, exist only citywide).
        let city: [UUID: [String: Double]]
    }

    static func overview(on db: any Database) async throws -> Overview {
        let infos = try await all(on: db)
        let summaries = Dictionary(grouping: try await summaries(on: db), by: \.indicator_id)
        // The areas' means first, then the city's own values over them: one query for every
        // summarised indicator, and one each for the few that exist only citywide.
        var city: [UUID: [String: Double]] = [:]
        for (id, list) in summaries {
            guard let level = defaultLevel(Set(list.map(\.level))) else { continue }
            for row in list where row.level == level {
                if let mean = row.mean { city[id, default: [:]][row.period] = mean }
            }
        }
        for row in try await summarisedCityValues(on: db) {
            city[row.indicator_id, default: [:]][row.period] = row.value
        }
        for info in infos where summaries[info.id] == nil {
            let values = try await cityValues(info.id, summaries: [], level: "", on: db)
            if !values.isEmpty { city[info.id] = values }
        }
        return Overview(infos: infos, summaries: summaries, city: city)
    }

    static func one(_ code: String, on db: any Database) async throws -> IndicatorInfo? {
        try await Indicator.query(on: db).filter(\.$code == code).first().map(IndicatorInfo.init)
    }

    /// A stored summary without its full JSON result: what lists and charts need.
    struct SummaryRow: Decodable, Sendable {
        let indicator_id: UUID
        let period: String
        let level: String
        let area_count: Int
        let mean: Double?
        let weighted: Bool
        let difference: Double?
        let ratio: Double?
        let best_area: String?
        let best_value: Double?
        let worst_area: String?
        let worst_value: Double?
    }

    /// Summaries, oldest period first; of one indicator, or of all.
    static func summaries(_ indicatorID: UUID? = nil, level: String? = nil, on db: any Database) async throws
        -> [SummaryRow]
    {
        let sql = try db.sql()
        var q = sql.select()
            .columns(
                "indicator_id", "period", "level", "area_count", "mean", "weighted", "difference", "ratio",
                "best_area", "best_value", "worst_area", "worst_value"
            )
            .from(IndicatorSummary.schema)
        if let indicatorID { q = q.where("indicator_id", .equal, SQLBind(indicatorID)) }
        if let level { q = q.where("level", .equal, SQLBind(level)) }
        return try await q.orderBy("period").all(decoding: SummaryRow.self)
    }

    /// Every disparity measure of one summary, as computed at import.
    static func result(_ indicatorID: UUID, period: String, level: String, on db: any Database) async throws
        -> DisparityResult?
    {
        guard
            let s = try await IndicatorSummary.query(on: db).filter(\.$indicator.$id == indicatorID)
                .filter(\.$period == period).filter(\.$level == level).first()
        else { return nil }
        return try JSONDecoder().decode(DisparityResult.self, from: Data(s.result.utf8))
    }

    struct ObservationRow: Decodable, Sendable {
        let slug: String
        let period: String
        let group_key: String
        let value: Double?
        let numerator: Double?
        let denominator: Double?
        let weight: Double?
        let preliminary: Bool
        let suppressed: Bool
        /// How the value came about: an `Observation.Origin` raw value (nil: measured).
        var aggregated: Int? = nil

        /// How the value came about.
        var origin: Observation.Origin {
            aggregated.flatMap { Observation.Origin(rawValue: Int16($0)) } ?? .measured
        }
    }

    /// Observations of one indicator with their area's id, filtered as given, ordered by period,
    /// group and area; each says whether it was measured or added up (`aggregated`).
    static func observations(
        _ indicatorID: UUID, area: String? = nil, period: String? = nil, group: String? = nil,
        kind: String? = nil, limit: Int? = nil, offset: Int = 0, on db: any Database
    ) async throws -> [ObservationRow] {
        let q = try observationQuery(
            indicatorID, area: area, periods: period.map { [$0] }, group: group, kind: kind,
            on: db
        )
        .column(SQLColumn("slug", table: "a"))
        .columns(
            [
                "period", "group_key", "value", "numerator", "denominator", "weight", "preliminary", "suppressed",
                "aggregated",
            ].map { SQLColumn($0, table: "o") }
        )
        .orderBy(SQLColumn("period", table: "o")).orderBy(SQLColumn("group_key", table: "o")).orderBy(
            SQLColumn("slug", table: "a"))
        if let limit { q.limit(limit).offset(offset) }
        return try await q.all(decoding: ObservationRow.self)
    }

    /// Each area's latest value of an indicator for everyone (the total group), by area id:
    /// the areas of one kind, or the one area named.
    static func latestValues(
        _ indicatorID: UUID, kind: AreaKind? = nil, area: String? = nil, on db: any Database
    ) async throws -> [String: Double] {
        let rows = try await observations(
            indicatorID, area: area, group: ObservationGroup.total, kind: kind?.rawValue, on: db)
        var latest: [String: Double] = [:]
        for row in rows.sorted(by: { $0.period < $1.period }) {
            if let value = row.value { latest[row.slug] = value }
        }
        return latest
    }

    static func countObservations(
        _ indicatorID: UUID, area: String? = nil, period: String? = nil, group: String? = nil,
        kind: String? = nil, on db: any Database
    ) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await observationQuery(
            indicatorID, area: area, periods: period.map { [$0] }, group: group, kind: kind, on: db
        )
        .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first(decoding: Count.self)?.n ?? 0
    }

    /// Observations (`o`) of one indicator joined to their areas (`a`), filtered as given; the
    /// caller names the columns.
    static func observationQuery(
        _ indicatorID: UUID, area: String?, periods: [String]?, group: String?, kind: String?,
        on db: any Database
    ) throws -> SQLSelectBuilder {
        let sql = try db.sql()
        var q = sql.select()
            .from(SQLAlias(SQLIdentifier(Observation.schema), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier(Area.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                on: SQLColumn("number", table: "a"), .equal, SQLColumn("area_no", table: "o")
            )
            .where(SQLColumn("indicator_no", table: "o"), .equal, Observation.number(ofIndicator: indicatorID))
        if let area { q = q.where(SQLColumn("slug", table: "a"), .equal, SQLBind(area)) }
        if let periods { q = q.where(SQLColumn("period", table: "o"), .in, SQLBind.group(periods)) }
        if let group { q = q.where(SQLColumn("group_key", table: "o"), .equal, SQLBind(group)) }
        if let kind { q = q.where(SQLColumn("kind", table: "a"), .equal, SQLBind(kind)) }
        return q
    }

    /// The periods an indicator has values for, oldest first. A skip scan over the primary key
    /// (indicator, period, …): one seek per period instead of a read of every observation.
    static func periods(_ indicatorID: UUID, on db: any Database) async throws -> [String] {
        struct P: Decodable { let period: String? }
        let sql = try db.sql()
        let o = Observation.schema
        return try await sql.raw(
            """
            WITH RECURSIVE p(period) AS (
              SELECT MIN(period) FROM \(ident: o) WHERE indicator_no = \(Observation.number(ofIndicator: indicatorID))
              UNION ALL
              SELECT (SELECT MIN(n.period) FROM \(ident: o) n WHERE n.indicator_no = \(Observation.number(ofIndicator: indicatorID)) AND n.period > p.period)
              FROM p WHERE p.period IS NOT NULL)
            SELECT period FROM p WHERE period IS NOT NULL ORDER BY period
            """
        ).all(decoding: P.self).compactMap(\.period)
    }

    /// The citywide value per period: the city's own observation where the file had one, else the
    /// (population-weighted where possible) mean over the level's areas.
    static func cityValues(_ indicatorID: UUID, summaries: [SummaryRow], level: String, on db: any Database)
        async throws -> [String: Double]
    {
        var out: [String: Double] = [:]
        for s in summaries where s.level == level { if let m = s.mean { out[s.period] = m } }
        // Naming every period lets the database seek (indicator, period, group, area) in the
        // primary key for the few city rows; a join on the area's kind read all of them (10 ms for 12,000).
        let periods = try await periods(indicatorID, on: db)
        guard !periods.isEmpty else { return out }
        struct Row: Decodable {
            let period: String
            let value: Double?
        }
        let sql = try db.sql()
        let city = try await sql.select().column("period").column("value").from(Observation.schema)
            .where("indicator_no", .equal, Observation.number(ofIndicator: indicatorID))
            .where("period", .in, SQLBind.group(periods))
            .where("group_key", .equal, SQLBind(ObservationGroup.total))
            .where(
                "area_no", .in,
                SQLGroupExpression(
                    sql.select().column("number").from(Area.schema)
                        .where("kind", .equal, SQLBind(AreaKind.city.rawValue)).query)
            )
            .all(decoding: Row.self)
        for o in city { if let v = o.value { out[o.period] = v } }
        return out
    }

    struct CityValueRow: Decodable, Sendable {
        let indicator_id: UUID
        let period: String
        let value: Double
    }

    /// The city's own values for every period that has a summary, of every indicator: the
    /// summaries name (indicator, period), so the database seeks each in the observations' key
    /// instead of reading every observation of the city.
    static func summarisedCityValues(on db: any Database) async throws -> [CityValueRow] {
        let sql = try db.sql()
        return try await sql.raw(
            """
            SELECT k.indicator_id, o.period, o.value
            FROM (SELECT DISTINCT s.indicator_id, i.number AS indicator_no, s.period
                  FROM \(ident: IndicatorSummary.schema) s JOIN \(ident: Indicator.schema) i ON i.id = s.indicator_id) k
            JOIN \(ident: Observation.schema) o
              ON o.indicator_no = k.indicator_no AND o.period = k.period
             AND o.group_key = \(bind: ObservationGroup.total)
            WHERE o.area_no IN (SELECT number FROM \(ident: Area.schema) WHERE kind = \(bind: AreaKind.city.rawValue))
              AND o.value IS NOT NULL
            """
        ).all(decoding: CityValueRow.self)
    }

    /// The levels an indicator's summaries cover, in the order they are offered; the first present
    /// is shown first (district areas and districts before Statistics Sweden's smaller areas).
    static let levelOrder: [AreaKind] = [.districtArea, .district, .regso, .deso, .statisticalArea, .votingDistrict]

    static func defaultLevel(_ levels: Set<String>) -> String? {
        levelOrder.map(\.rawValue).first { levels.contains($0) } ?? levels.sorted().first
    }
}
