import Fluent
import SkillnadCore
import Vapor

/// Administrators manage users: add, change role and bodies, disable, reset a password.
enum AdminUsersController {
    static func list(_ req: Request) async throws -> Response {
        try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(req, message: nil, errors: [:], typed: nil))
    }

    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var bodies: [String]?
        var password: String?
        var active: String?
        var version: Int?
    }

    static func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let lang = Lang.of(req)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if !email.contains("@") || email.count < 3 { errors["email"] = Strings.get("emailInvalid", lang) }
        else if try await User.query(on: req.db).filter(\.$email == email).first() != nil { errors["email"] = Strings.get("emailTaken", lang) }
        if name.isEmpty { errors["name"] = Strings.get("required", lang) }
        let role = User.Role(rawValue: form.role ?? "")
        if role == nil { errors["role"] = Strings.get("required", lang) }
        if let e = AccountController.passwordProblem(form.password, form.password, lang) { errors["password"] = e }
        guard errors.isEmpty, let role, let password = form.password else {
            return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(req, message: nil, errors: errors, typed: form),
                                                      status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let user = try await UserAdmin.create(email: email, name: name, role: role, bodies: form.bodies ?? [], passwordHash: hash,
                                              by: req.auditActor, on: req.db)
        return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
            req, message: Strings.get("userCreated", lang).replacingOccurrences(of: "%@", with: user.email), errors: [:], typed: nil))
    }

    static func update(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self), let user = try await User.find(id, on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(UserForm.self)
        let lang = Lang.of(req)
        guard form.version == user.version else {
            return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
                req, message: Strings.get("userConflict", lang).replacingOccurrences(of: "%@", with: user.email), errors: [:], typed: nil), status: .conflict)
        }
        let role = User.Role(rawValue: form.role ?? "") ?? user.roleValue
        if req.principal?.userID == user.id, role != .admin || form.active == nil {
            return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
                req, message: Strings.get("notYourself", lang), errors: [:], typed: nil), status: .unprocessableEntity)
        }
        try await UserAdmin.update(user, name: form.name, role: role, bodies: form.bodies ?? [], active: form.active != nil,
                                   by: req.auditActor, on: req.db)
        return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
            req, message: Strings.get("userSaved", lang).replacingOccurrences(of: "%@", with: user.email), errors: [:], typed: nil))
    }

    static func resetPassword(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self), let user = try await User.find(id, on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(UserForm.self)
        let lang = Lang.of(req)
        if let e = AccountController.passwordProblem(form.password, form.password, lang) {
            return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
                req, message: "\(user.email): \(e)", errors: [:], typed: nil), status: .unprocessableEntity)
        }
        guard let password = form.password else { throw Abort(.unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(password)
        user.version += 1
        try await user.save(on: req.db)
        // A reset ends the user's sessions: whoever knew the old password is out.
        try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).delete()
        try await Audit.record("password-reset", objectType: "user", objectID: user.email, by: req.auditActor, on: req.db)
        return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
            req, message: Strings.get("passwordReset", lang).replacingOccurrences(of: "%@", with: user.email), errors: [:], typed: nil))
    }

    struct ThrottleForm: Content { var kind: String?; var value: String? }

    /// Ends a sign-in throttle at once (a locked-out colleague on the phone).
    static func clearThrottle(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ThrottleForm.self)
        let lang = Lang.of(req)
        guard let kind = form.kind, ["account", "address"].contains(kind), let value = form.value, !value.isEmpty,
              value.count <= AccountController.maxEmailLength else {
            return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
                req, message: Strings.get("throttleBad", lang), errors: [:], typed: nil), status: .unprocessableEntity)
        }
        try await SignInThrottle.clear(kind: kind, value: value, on: req.db)
        try await Audit.record("throttle-clear", objectType: kind, objectID: value, by: req.auditActor, on: req.db)
        return try await AccountController.render(req, "admin-users", try await AdminUsersPage.build(
            req, message: Strings.fill(Strings.get("throttleCleared", lang), value), errors: [:], typed: nil))
    }
}

/// Creating and changing users, shared by the admin pages and the `skillnad user` commands.
enum UserAdmin {
    static func create(email: String, name: String, role: User.Role, bodies: [String], passwordHash: String,
                       by actor: AuditActor, on db: any Database) async throws -> User {
        try await db.transaction { tx in
            let user = User()
            user.email = email; user.name = name; user.role = role.rawValue; user.active = true
            user.passwordHash = passwordHash; user.version = 1
            try await user.create(on: tx)
            try await setBodies(user, bodies, on: tx)
            try await Audit.record("create", objectType: "user", objectID: email, after: describe(user, bodies), by: actor, on: tx)
            return user
        }
    }

    static func update(_ user: User, name: String?, role: User.Role, bodies: [String], active: Bool, by actor: AuditActor,
                       on db: any Database) async throws {
        try await db.transaction { tx in
            let before = describe(user, try await bodySlugs(user, on: tx))
            if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { user.name = name.trimmingCharacters(in: .whitespaces) }
            user.role = role.rawValue
            user.active = active
            user.version += 1
            try await user.save(on: tx)
            try await setBodies(user, bodies, on: tx)
            if !active { try await UserSession.query(on: tx).filter(\.$user.$id == user.requireID()).delete() }
            try await Audit.record("update", objectType: "user", objectID: user.email, before: before,
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
        struct D: Encodable { let email: String; let name: String; let role: String; let active: Bool; let bodies: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let d = D(email: user.email, name: user.name, role: user.role, active: user.active, bodies: bodies.sorted())
        return (try? String(decoding: encoder.encode(d), as: UTF8.self)) ?? "{}"
    }
}
