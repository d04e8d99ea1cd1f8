import Fluent
import Foundation

/// A file attached to a follow-up report (PDF, DOCX, ODT); public once a publication of the report
/// is at least as new as the file.
final class FollowUpAttachment: Model, @unchecked Sendable {
    static let schema = "follow_up_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: FollowUpReport
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Field(key: "added_at") var addedAt: Date

    init() {}
}
