import Fluent
import Foundation

/// A body's follow-up report on an assignment for a period (uppföljningsrapport): the working copy.
/// draft → submitted → published; each publication is kept (`FollowUpPublication`) and is what
/// the public reads.
final class FollowUpReport: Model, @unchecked Sendable {
    static let schema = "follow_up_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Parent(key: "period_id") var period: FollowUpPeriod
    /// A `FollowUpStatus`.
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "narrative") var narrative: String?
    @OptionalField(key: "spent_ore") var spentOre: Int64?
    /// JSON list of indicator ids.
    @Field(key: "indicators") var indicators: String
    /// A `ReportState`.
    @Field(key: "state") var state: String
    /// How many times it has been published.
    @Field(key: "revision") var revision: Int
    @Field(key: "example") var example: Bool
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "version") var version: Int

    init() {}
}
