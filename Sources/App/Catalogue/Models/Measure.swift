import Fluent
import Foundation

/// A proposed measure (åtgärd) of a report, identified by its canonical code within the report.
final class Measure: Model, @unchecked Sendable {
    static let schema = "measures"

    @ID(key: .id) var id: UUID?
    /// Readable public id: report slug and code, e.g. `dold-potential-a-2-3-1`.
    @Field(key: "slug") var slug: String
    @Parent(key: "report_id") var report: Report
    @Field(key: "code") var code: String
    /// Zero-padded code so that 2.10 sorts after 2.9 in SQL on both databases.
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "chapter") var chapter: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @OptionalField(key: "description") var description: String?
    @OptionalParent(key: "parent_id") var parent: Measure?
    @Field(key: "search") var search: String
    @Field(key: "version") var version: Int

    init() {}
}
