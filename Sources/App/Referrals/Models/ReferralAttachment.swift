import Fluent
import Foundation

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
