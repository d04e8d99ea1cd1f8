import Fluent
import Foundation

/// A statement (tjänsteutlåtande, yttrande) a body answered a round with, uploaded as its
/// document: kept for review until an editor saves the answer drafted from it, then linked to that
/// answer, whose attachment it becomes.
final class ReferralStatement: Model, @unchecked Sendable {
    static let schema = "referral_statements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: ReferralRound
    @Field(key: "body") var body: String
    @OptionalParent(key: "answer_id") var answer: ReferralAnswer?
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    /// The format it was read as (`StatementFormat`).
    @Field(key: "format") var format: String
    /// The text as read (`StatementText` as JSON), so a review never reads the file again.
    @Field(key: "document") var document: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}
