import Fluent
import Foundation

/// A follow-up period (uppföljningsperiod): in Stockholm T1 per 30 April, T2 per 31 August with the
/// interim accounts, and the annual report (verksamhetsberättelse); each with a reporting deadline.
final class FollowUpPeriod: Model, @unchecked Sendable {
    static let schema = "follow_up_periods"

    @ID(key: .id) var id: UUID?
    /// Readable id, e.g. `2018-t1`.
    @Field(key: "slug") var slug: String
    @Field(key: "year") var year: Int
    /// `t1`, `t2`, `annual`, or another kind a municipality uses.
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    /// The day the report describes (per 30 april).
    @Field(key: "as_of") var asOf: String
    /// The last day to report.
    @Field(key: "deadline") var deadline: String

    init() {}
}
