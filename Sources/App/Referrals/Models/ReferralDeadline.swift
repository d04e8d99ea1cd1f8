import Fluent
import Foundation

/// A change of a round's deadline, kept so that the history of deadlines can be shown.
final class ReferralDeadline: Model, @unchecked Sendable {
    static let schema = "referral_deadlines"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: ReferralRound
    @Field(key: "deadline") var deadline: String
    @Field(key: "changed_at") var changedAt: Date
    @Field(key: "changed_by") var changedBy: String
    @OptionalField(key: "reason") var reason: String?

    init() {}
}
