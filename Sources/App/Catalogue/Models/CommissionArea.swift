import Fluent
import Foundation

/// One of the commission's fields of work (område), which reports belong to.
final class CommissionArea: Model, @unchecked Sendable {
    static let schema = "commission_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    /// Order as in the catalogue file.
    @Field(key: "position") var position: Int

    init() {}
}
