import Fluent
import Foundation
import SkillnadCore

/// A citizen dialogue (medborgardialog) as stored: the whole record (`DialogueValues`) as JSON,
/// edited as one object, beside the columns the portal lists, filters and sorts by. Its areas,
/// topics and sessions are kept in link tables by `DialogueStore`.
final class Dialogue: Model, @unchecked Sendable {
    static let schema = "dialogues"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    /// The organising body's id.
    @Field(key: "organiser") var organiser: String
    /// A `DialogueMethod`, a `ParticipationLevel` and the `DialogueStatus` as recorded.
    @Field(key: "method") var method: String
    @Field(key: "level") var level: String
    @Field(key: "status") var status: String
    @Field(key: "digital") var digital: Bool
    /// The first and last day of its sessions, and the day feedback was first given (YYYY-MM-DD).
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "feedback_on") var feedbackOn: String?
    @OptionalField(key: "participants") var participants: Int?
    /// The `DialogueValues`, JSON.
    @Field(key: "record") var record: String
    /// Folded text of the title, purpose, question and tags, for search.
    @Field(key: "search") var search: String
    @Field(key: "example") var example: Bool
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: String
    @Field(key: "updated_at") var updatedAt: String

    init() {}

    /// The record as stored; nil only if the stored JSON were damaged.
    var values: DialogueValues? { try? JSONDecoder().decode(DialogueValues.self, from: Data(record.utf8)) }
}
