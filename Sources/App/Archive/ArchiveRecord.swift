import Fluent
import Foundation

/// A record delivered to the e-archive (arkiverad handling): one answer at one revision and the
/// package that holds it, so the next export takes only what is new or corrected.
final class ArchiveRecord: Model, @unchecked Sendable {
    static let schema = "archive_records"

    @ID(key: .id) var id: UUID?
    /// What kind of record: `answer`.
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: UUID
    @Field(key: "revision") var revision: Int
    /// The package's id, which is also its folder's name.
    @Field(key: "package_id") var packageID: String
    @Field(key: "exported_at") var exportedAt: Date

    init() {}

    init(objectType: String, objectID: UUID, revision: Int, packageID: String, exportedAt: Date) {
        self.objectType = objectType
        self.objectID = objectID
        self.revision = revision
        self.packageID = packageID
        self.exportedAt = exportedAt
    }
}
