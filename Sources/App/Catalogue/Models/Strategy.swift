import Fluent
import Foundation

/// A strategy (strategi) of a target area, numbered I–VI.
final class Strategy: Model, @unchecked Sendable {
    static let schema = "strategies"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Parent(key: "target_area_id") var targetArea: TargetArea
    @Field(key: "numeral") var numeral: String
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @Field(key: "position") var position: Int

    init() {}
}
