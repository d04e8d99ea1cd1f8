import Fluent
import Foundation

/// An earlier submitted revision of an answer, as it was (JSON), kept visible after a correction.
final class ReferralAnswerRevision: Model, @unchecked Sendable {
    static let schema = "referral_answer_revisions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "answer_id") var answer: ReferralAnswer
    @Field(key: "revision") var revision: Int
    @Field(key: "snapshot") var snapshot: String
    @Field(key: "replaced_at") var replacedAt: Date

    init() {}
}
