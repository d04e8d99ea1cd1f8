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

/// A body's part in a measure: it leads (ansvarig) or collaborates (samverkan). Either a body or a
/// group of bodies ("samtliga stadsdelsnämnder").
final class MeasureBody: Model, @unchecked Sendable {
    static let schema = "measure_bodies"

    enum Role: String, Codable, Sendable { case lead, collaborating }

    @ID(key: .id) var id: UUID?
    @Parent(key: "measure_id") var measure: Measure
    @OptionalParent(key: "body_id") var body: Body?
    @OptionalField(key: "body_group") var bodyGroup: String?
    @Field(key: "role") var role: String
    /// Order within the role; the first lead is the principal one.
    @Field(key: "position") var position: Int

    init() {}
}

/// A link from a measure to a roadmap strategy it serves.
final class MeasureStrategy: Model, @unchecked Sendable {
    static let schema = "measure_strategies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "measure_id") var measure: Measure
    @Parent(key: "strategy_id") var strategy: Strategy
    @Field(key: "position") var position: Int

    init() {}
}
