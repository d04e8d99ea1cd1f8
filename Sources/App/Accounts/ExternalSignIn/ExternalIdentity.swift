import Fluent
import Foundation

/// Who a person of the municipality's identity provider is here (extern identitet): the provider,
/// the value of the claim or attribute that identifies them, and the user it signs in as.
final class ExternalIdentity: Model, @unchecked Sendable {
    static let schema = "external_identities"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider") var provider: String
    /// The identifying value; for a personal identity number only its keyed hash
    /// (`Secrets.keyedHash`), never the number.
    @Field(key: "subject_key") var subjectKey: String
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: String

    init() {}
}
