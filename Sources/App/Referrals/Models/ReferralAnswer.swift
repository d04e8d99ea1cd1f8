import Fluent
import Foundation

/// A body's answer to a round (remissvar): draft → decided → submitted, or declined. A submitted
/// answer is a public record and locked; a correction is a new revision, the old one kept.
final class ReferralAnswer: Model, @unchecked Sendable {
    static let schema = "referral_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: ReferralRound
    @Field(key: "body") var body: String
    /// `draft`, `decided`, `submitted`, `declined`.
    @Field(key: "status") var status: String
    /// 1 for the first answer, +1 for each correction of a submitted one.
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "diary_number") var diaryNumber: String?
    @OptionalField(key: "diary_issuer") var diaryIssuer: String?
    @OptionalField(key: "prepared_by") var preparedBy: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @OptionalField(key: "summary") var summary: String?
    @OptionalField(key: "proposed_decision") var proposedDecision: String?
    /// JSON list of answers to the standard questions, in order.
    @Field(key: "question_answers") var questionAnswers: String
    @OptionalField(key: "further_challenges") var furtherChallenges: String?
    /// JSON list of the slugs of bodies answering jointly with this one.
    @Field(key: "joint_with") var jointWith: String
    @OptionalField(key: "decline_reason") var declineReason: String?
    /// Written by us for the demo, not a real statement.
    @Field(key: "example") var example: Bool
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
}
