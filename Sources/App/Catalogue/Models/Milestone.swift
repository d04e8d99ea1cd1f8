import Fluent
import Foundation

/// A milestone target (etappmål): an indicator with a baseline and a target for a year.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Parent(key: "target_area_id") var targetArea: TargetArea
    @Field(key: "text") var text: String
    @OptionalField(key: "indicator") var indicator: String?
    @OptionalField(key: "unit") var unit: String?
    @OptionalField(key: "baseline") var baseline: Double?
    @OptionalField(key: "baseline_year") var baselineYear: Int?
    @OptionalField(key: "target_value") var targetValue: Double?
    @OptionalField(key: "target_year") var targetYear: Int?
    @Field(key: "position") var position: Int

    init() {}
}
