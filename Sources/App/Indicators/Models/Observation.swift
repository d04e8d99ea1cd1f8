import Fluent
import SQLKit
import Foundation

/// A value of an indicator for an area, a period and a group (observation). Without a
/// computable value (denominator 0 or missing) the value is nil, never 0. Observations are keyed
/// by indicator, period, group and area, not by a row number (see `KeyObservationsByContent`), so
/// they are read and written through SQL rather than as a Fluent model, which needs an `id`.
enum Observation {
    static let schema = "observations"
    /// Columns: `indicator_no`, `area_no` (the `number` of the indicator's and the area's row, see
    /// `NumberObservationKeys`), `period`, `group_key` (an `ObservationGroup` key: `T` for
    /// everyone, else `kon=K`, `alder=16-24;kon=K`, …), `value`, `numerator`, `denominator`,
    /// `weight` (nullable reals), `preliminary`, `suppressed` (flags): what a file gives. A row's
    /// `aggregated` (an `Origin`, see `AddObservationAggregation`) is not among them: the
    /// importers' rows are measured, which is the column's default, and only `IndicatorAggregation`
    /// writes other values.
    static let columns = [
        "indicator_no", "area_no", "period", "group_key", "value", "numerator", "denominator", "weight", "preliminary",
        "suppressed",
    ]

    /// How an observation's value came about: the `aggregated` column. Values of areas above the
    /// file's are added up from the counts of the areas inside them (summerade), never averaged from
    /// their rates; where a file gives only rates and populations, they are population-weighted
    /// means (befolkningsviktade), and pages say which.
    enum Origin: Int16, Sendable, Codable {
        /// As the file gave it.
        case measured = 0
        /// Σ numerators / Σ denominators of the areas inside.
        case summed = 1
        /// Σ(value × weight) / Σ weight of the areas inside.
        case weighted = 2

        /// The word downloads and the API use.
        var name: String {
            switch self {
            case .measured: "measured"
            case .summed: "summed"
            case .weighted: "weighted"
            }
        }
    }

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
