import Fluent
import Foundation

/// A body's confirmation that another body's answer is also its own (gemensamt remissvar).
/// Without it, a body listed in a joint answer is not counted as answered and gets no
/// positions from it: no editor can answer for another body on their own.
final class ReferralJointConfirmation: Model, @unchecked Sendable {
    static let schema = "referral_joint_confirmations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "answer_id") var answer: ReferralAnswer
    /// The confirming body's slug.
    @Field(key: "body") var body: String
    @Field(key: "confirmed_at") var confirmedAt: Date
    /// Who confirmed, as the audit trail names them.
    @Field(key: "confirmed_by") var confirmedBy: String

    init() {}
}
