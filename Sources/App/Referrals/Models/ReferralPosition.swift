import Fluent
import Foundation

/// A body's position on one measure in an answer (ställningstagande).
final class ReferralPosition: Model, @unchecked Sendable {
    static let schema = "referral_positions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "answer_id") var answer: ReferralAnswer
    /// The measure's public id (`dold-potential-a-2-3-1`).
    @Field(key: "measure") var measure: String
    /// `supports`, `supportsWithReservations`, `opposes`, `noOpinion`.
    @Field(key: "position") var position: String
    @OptionalField(key: "already_works") var alreadyWorks: Bool?
    @OptionalField(key: "prerequisites") var prerequisites: String?
    @OptionalField(key: "text") var text: String?

    init() {}
}
