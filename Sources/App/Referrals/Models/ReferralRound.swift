import Fluent
import Foundation

/// A referral round (remissomgång): reports sent by the city executive board for comment to
/// committees, district councils and company boards, with standard questions and a deadline.
final class ReferralRound: Model, @unchecked Sendable {
    static let schema = "referral_rounds"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    /// The sending body's slug (usually kommunstyrelsen).
    @Field(key: "sender") var sender: String
    /// The sender's diary number (diarienummer), as written.
    @OptionalField(key: "sender_diary_number") var senderDiaryNumber: String?
    @Field(key: "sent_on") var sentOn: String
    @Field(key: "deadline") var deadline: String
    /// JSON lists: report slugs, standard questions.
    @Field(key: "reports") var reports: String
    @Field(key: "questions") var questions: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "version") var version: Int

    init() {}
}
