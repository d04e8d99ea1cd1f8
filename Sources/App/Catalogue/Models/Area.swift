import Fluent
import Foundation

/// An area (område): the city, a district area (stadsdelsområde), a district (stadsdel), a
/// voting district (valdistrikt) or a statistical area.
final class Area: Model, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "code") var code: String?
    @OptionalParent(key: "parent_id") var parent: Area?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    /// Other names in sources, as a JSON list.
    @OptionalField(key: "aliases") var aliases: String?
    /// People living in the area, for population-weighted measures.
    @OptionalField(key: "population") var population: Double?
    /// GeoJSON geometry as JSON text.
    @OptionalField(key: "geometry") var geometry: String?
    /// Order as in the catalogue file.
    @Field(key: "position") var position: Int
    @Field(key: "search") var search: String
    @Field(key: "version") var version: Int

    init() {}
}
