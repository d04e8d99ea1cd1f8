import Fluent
import Foundation

/// The long-term vision the roadmap leads to (Vision 2040). One row.
final class Vision: Model, @unchecked Sendable {
    static let schema = "visions"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "text") var text: String?
    /// The roadmap's version, for optimistic concurrency (it is edited as a whole).
    @Field(key: "version") var version: Int

    init() {}
}
