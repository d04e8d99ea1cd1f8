import Fluent
import Foundation
import Vapor

/// One entry of the audit trail (granskningslogg): who did what to which object, when, with the
/// values before and after. Append-only: the database refuses updates and deletes.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// Who, readable even after the user is gone: an e-mail, `cli`, `demo`.
    @Field(key: "actor") var actor: String
    /// `create`, `update`, `delete`, `sign-in`, `sign-in-failed`, `sign-out`, `password-change`, …
    @Field(key: "action") var action: String
    @OptionalField(key: "object_type") var objectType: String?
    @OptionalField(key: "object_id") var objectID: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// `web`, `api` (with the token's prefix), `cli`.
    @Field(key: "via") var via: String
    @OptionalField(key: "address") var address: String?

    init() {}
}
