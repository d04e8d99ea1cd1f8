import Fluent
import Foundation

/// A body's part in a measure: it leads (ansvarig) or collaborates (samverkan). Either a body or a
/// group of bodies ("samtliga stadsdelsnämnder").
final class MeasureBody: Model, @unchecked Sendable {
    static let schema = "measure_bodies"

    enum Role: String, Codable, Sendable { case lead, collaborating }

    @ID(key: .id) var id: UUID?
    @Parent(key: "measure_id") var measure: Measure
    @OptionalParent(key: "body_id") var body: Body?
    @OptionalField(key: "body_group") var bodyGroup: String?
    @Field(key: "role") var role: String
    /// Order within the role; the first lead is the principal one.
    @Field(key: "position") var position: Int

    init() {}
}
