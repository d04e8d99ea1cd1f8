import Fluent
import SQLKit
import Foundation

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
