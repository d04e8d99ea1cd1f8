import Fluent
import SQLKit
import Foundation

/// An indicator (indikator) of living conditions, e.g. voter turnout or the share of young people
/// neither working nor studying.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    /// `percent`, `count`, `sek`, `years`, `perMille`.
    @Field(key: "unit") var unit: String
    /// `higherIsBetter` or `lowerIsBetter`.
    @Field(key: "direction") var direction: String
    @OptionalField(key: "definition") var definition: String?
    @OptionalField(key: "definition_en") var definitionEn: String?
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "source_url") var sourceURL: String?
    /// JSON lists of roadmap target area and strategy ids.
    @OptionalField(key: "target_areas") var targetAreas: String?
    @OptionalField(key: "strategies") var strategies: String?
    /// The import specification last used, as JSON (`IndicatorImportSpec`).
    @OptionalField(key: "import_spec") var importSpec: String?
    /// ISO 8601 time of the last import.
    @OptionalField(key: "updated_at") var updatedAt: String?
    @Field(key: "version") var version: Int
    /// The body that owns the indicator (its slug): only its editors and administrators replace
    /// its values. nil: administrators only.
    @OptionalField(key: "owner_body") var ownerBody: String?

    init() {}
}

/// A value of an indicator for an area, a period and a group (observation). Without a
/// computable value (denominator 0 or missing) the value is nil, never 0. Observations are keyed
/// by indicator, period, group and area, not by a row number (see `KeyObservationsByContent`), so
/// they are read and written through SQL rather than as a Fluent model, which needs an `id`.
enum Observation {
    static let schema = "observations"
    /// Columns: `indicator_no`, `area_no` (the `number` of the indicator's and the area's row, see
    /// `NumberObservationKeys`), `period`, `group_key` (an `ObservationGroup` key: `T` for
    /// everyone, else `kon=K`, `alder=16-24;kon=K`, …), `value`, `numerator`, `denominator`,
    /// `weight` (nullable reals), `preliminary`, `suppressed` (flags).
    static let columns = ["indicator_no", "area_no", "period", "group_key", "value", "numerator", "denominator", "weight", "preliminary", "suppressed"]

    /// The `number` of the indicator with this id, as an SQL expression for `indicator_no = …`:
    /// the database looks it up once per query, and callers keep using the indicator's id.
    static func number(ofIndicator id: UUID) -> any SQLExpression {
        var select = SQLSelect()
        select.columns = [SQLColumn("number")]
        select.tables = [SQLIdentifier(Indicator.schema)]
        select.predicate = SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))
        return SQLGroupExpression(select)
    }

    /// How many observations there are (of one indicator, when given).
    static func count(indicator: UUID? = nil, on db: any Database) async throws -> Int {
        let q = try db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(schema)
        if let indicator { q.where("indicator_no", .equal, number(ofIndicator: indicator)) }
        return try await q.first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

/// The disparity measures of one indicator for one period over the areas of one level (kind),
/// computed when the indicator is imported (sammanfattning).
final class IndicatorSummary: Model, @unchecked Sendable {
    static let schema = "indicator_summaries"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "indicator_id") var indicator: Indicator
    @Field(key: "period") var period: String
    /// An `AreaKind` raw value.
    @Field(key: "level") var level: String
    @Field(key: "area_count") var areaCount: Int
    @OptionalField(key: "mean") var mean: Double?
    @Field(key: "weighted") var weighted: Bool
    @OptionalField(key: "difference") var difference: Double?
    @OptionalField(key: "ratio") var ratio: Double?
    @OptionalField(key: "best_area") var bestArea: String?
    @OptionalField(key: "best_value") var bestValue: Double?
    @OptionalField(key: "worst_area") var worstArea: String?
    @OptionalField(key: "worst_value") var worstValue: Double?
    /// The whole `DisparityResult` as JSON.
    @Field(key: "result") var result: String

    init() {}
}
