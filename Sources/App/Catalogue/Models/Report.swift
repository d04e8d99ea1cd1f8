import Fluent
import Foundation

/// A report of the commission (rapport, delrapport).
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @OptionalField(key: "subtitle") var subtitle: String?
    @Field(key: "year") var year: Int
    @OptionalField(key: "letter") var letter: String?
    @OptionalParent(key: "commission_area_id") var commissionArea: CommissionArea?
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "summary") var summary: String?
    /// Chapter headings as a JSON list of `ChapterRecord`.
    @OptionalField(key: "chapters") var chapters: String?
    @Field(key: "position") var position: Int
    @Field(key: "search") var search: String
    @Field(key: "version") var version: Int

    init() {}
}
