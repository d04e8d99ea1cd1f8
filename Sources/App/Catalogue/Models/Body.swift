import Fluent
import Foundation
import SkillnadCore

/// A body (organ): a committee (nämnd), district council (stadsdelsnämnd), company board
/// (bolagsstyrelse), the executive board or office, or a party outside the city.
final class Body: Model, @unchecked Sendable {
    static let schema = "bodies"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    @OptionalField(key: "short_name") var shortName: String?
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: Body?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "note") var note: String?
    /// Order as in the catalogue file.
    @Field(key: "position") var position: Int
    /// Folded and stemmed text for search (see `SearchText`).
    @Field(key: "search") var search: String
    /// Bumped on every change, for optimistic concurrency.
    @Field(key: "version") var version: Int

    init() {}
}
