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

/// A file attached to an answer (PDF, DOCX, ODT), stored in the database with the answer.
final class ReferralAttachment: Model, @unchecked Sendable {
    static let schema = "referral_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "answer_id") var answer: ReferralAnswer
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Field(key: "added_at") var addedAt: Date

    init() {}
}
