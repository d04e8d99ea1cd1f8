import Fluent
import Foundation
import Vapor

/// A person who signs in (användare): an administrator at the city executive office, an editor
/// at a committee or district council, a reader, or an association's administrator.
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    /// What a user may do. Enforced on the server for every write, in pages and API alike.
    enum Role: String, Codable, CaseIterable, Sendable {
        /// Everything: the catalogue, users, every body's texts.
        case admin
        /// Writes only what belongs to the bodies the user is editor for.
        case editor
        /// Sees unpublished drafts, writes nothing.
        case reader
        /// An association's own administrator (föreningsadministratör), who signed up on the
        /// site: keeps the entries of its own associations and nothing else.
        case association
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// A bcrypt hash; the password itself is never stored or logged.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "version") var version: Int

    init() {}

    var roleValue: Role { Role(rawValue: role) ?? .reader }
}

extension User: Versioned {}
