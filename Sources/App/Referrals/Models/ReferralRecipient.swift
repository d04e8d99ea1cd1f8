import Fluent
import Foundation

/// A body on a round's distribution list (remissinstans) and what it is asked: whole reports to
/// comment on, measures it must answer (required) and measures it may answer (invited).
final class ReferralRecipient: Model, @unchecked Sendable {
    static let schema = "referral_recipients"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: ReferralRound
    @Field(key: "body") var body: String
    /// JSON lists of report slugs and measure ids.
    @Field(key: "comment_reports") var commentReports: String
    @Field(key: "required") var required: String
    @Field(key: "invited") var invited: String
    @Field(key: "position") var position: Int

    init() {}
}
