import Fluent
import Foundation
import Vapor

/// Who a change is recorded as: a signed-in user (through the web or an API token) or a
/// command-line task.
enum AuditActor: Sendable {
    case user(Principal, address: String?)
    case system(String)

    var label: String {
        switch self {
        case .user(let p, _): return p.email
        case .system(let name): return name
        }
    }

    var via: String {
        switch self {
        case .user(let p, _): return p.token.map { "api:\($0.prefix)" } ?? "web"
        case .system: return "cli"
        }
    }
}

/// Writes the append-only audit trail.
enum Audit {
    static func record(
        _ action: String, objectType: String? = nil, objectID: String? = nil, before: String? = nil,
        after: String? = nil, by actor: AuditActor, on db: any Database
    ) async throws {
        try await event(
            action, objectType: objectType, objectID: objectID, before: before, after: after, by: actor, at: Date()
        ).create(on: db)
    }

    /// An event not yet written, for callers that write many at once.
    static func event(
        _ action: String, objectType: String? = nil, objectID: String? = nil, before: String? = nil,
        after: String? = nil, by actor: AuditActor, at time: Date
    ) -> AuditEvent {
        let e = AuditEvent()
        e.at = time
        e.actor = actor.label
        e.via = actor.via
        e.action = action
        e.objectType = objectType
        e.objectID = objectID
        e.before = before
        e.after = after
        if case .user(let p, let address) = actor {
            e.actorID = p.userID
            e.address = address
        }
        return e
    }

    /// Events about a user that no one is signed in as yet (a failed sign-in).
    static func record(
        _ action: String, email: String, address: String?, after: String? = nil, on db: any Database
    ) async throws {
        let e = AuditEvent()
        e.at = Date()
        e.actor = email
        e.via = "web"
        e.action = action
        e.objectType = "user"
        e.objectID = email
        e.address = address
        e.after = after
        try await e.create(on: db)
    }
}
