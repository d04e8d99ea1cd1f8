import Fluent
import Foundation

/// A published revision of a follow-up report, as it was: a public record that a correction
/// never overwrites, so the history of status changes stays visible.
final class FollowUpPublication: Model, @unchecked Sendable {
    static let schema = "follow_up_publications"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "report_id") var report: FollowUpReport
    @Field(key: "revision") var revision: Int
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "narrative") var narrative: String?
    @OptionalField(key: "spent_ore") var spentOre: Int64?
    @Field(key: "indicators") var indicators: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "published_by") var publishedBy: String

    init() {}
}
