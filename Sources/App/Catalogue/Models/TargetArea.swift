import Fluent
import Foundation

/// A target area (målområde) of the roadmap.
final class TargetArea: Model, @unchecked Sendable {
    static let schema = "target_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    @Field(key: "position") var position: Int

    init() {}
}
