import Fluent
import SkillnadCore
import Vapor

/// Creating and changing users, shared by the admin pages and the `skillnad user` commands.
enum UserAdmin {
    static func create(
        email: String, name: String, role: User.Role, bodies: [String], passwordHash: String,
        by actor: AuditActor, on db: any Database
    ) async throws -> User {
        try await db.transaction { tx in
            let user = User()
            user.email = email
            user.name = name
            user.role = role.rawValue
            user.active = true
            user.passwordHash = passwordHash
            user.version = 1
            try await user.create(on: tx)
            try await setBodies(user, bodies, on: tx)
            try await Audit.record(
                "create", objectType: "user", objectID: email, after: describe(user, bodies), by: actor, on: tx)
            return user
        }
    }

    static func update(
        _ user: User, name: String?, role: User.Role, bodies: [String], active: Bool, by actor: AuditActor,
        on db: any Database
    ) async throws {
        try await db.transaction { tx in
            let before = describe(user, try await bodySlugs(user, on: tx))
            if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty {
                user.name = name.trimmingCharacters(in: .whitespaces)
            }
            user.role = role.rawValue
            user.active = active
            user.version += 1
            try await user.save(on: tx)
            try await setBodies(user, bodies, on: tx)
            if !active { try await UserSession.query(on: tx).filter(\.$user.$id == user.requireID()).delete() }
            try await Audit.record(
                "update", objectType: "user", objectID: user.email, before: before,
                after: describe(user, bodies), by: actor, on: tx)
        }
    }

    static func setBodies(_ user: User, _ slugs: [String], on db: any Database) async throws {
        try await UserBody.query(on: db).filter(\.$user.$id == user.requireID()).delete()
        for slug in Set(slugs) {
            guard let body = try await Body.query(on: db).filter(\.$slug == slug).first() else {
                throw Abort(.badRequest, reason: "No body has the id '\(slug)'.")
            }
            let link = UserBody()
            link.$user.id = try user.requireID()
            link.$body.id = try body.requireID()
            try await link.create(on: db)
        }
    }

    static func bodySlugs(_ user: User, on db: any Database) async throws -> [String] {
        try await UserBody.query(on: db).filter(\.$user.$id == user.requireID()).with(\.$body).all()
            .map(\.body.slug).sorted()
    }

    /// The user as the audit trail records it: never the password hash.
    static func describe(_ user: User, _ bodies: [String]) -> String {
        struct D: Encodable {
            let email: String
            let name: String
            let role: String
            let active: Bool
            let bodies: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let d = D(email: user.email, name: user.name, role: user.role, active: user.active, bodies: bodies.sorted())
        return (try? String(decoding: encoder.encode(d), as: UTF8.self)) ?? "{}"
    }
}
