import Fluent
import SkillnadCore
import Vapor

/// Administrators manage users: add, change role and bodies, disable, reset a password.
enum AdminUsersController {
    static func list(_ req: Request) async throws -> Response {
        try await AccountController.render(
            req, "Accounts/admin-users", try await AdminUsersPage.load(req, message: nil, errors: [:], typed: nil))
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
        if !email.contains("@") || email.count < 3 {
            errors["email"] = Texts(lang)[.emailInvalid]
        } else if try await User.query(on: req.db).filter(\.$email == email).first() != nil {
            errors["email"] = Texts(lang)[.emailTaken]
        }
        if name.isEmpty { errors["name"] = Texts(lang)[.required] }
        let role = User.Role(rawValue: form.role ?? "")
        if role == nil { errors["role"] = Texts(lang)[.required] }
        if let e = AccountController.passwordProblem(form.password, form.password, lang) { errors["password"] = e }
        guard errors.isEmpty, let role, let password = form.password else {
            return try await AccountController.render(
                req, "Accounts/admin-users",
                try await AdminUsersPage.load(req, message: nil, errors: errors, typed: form),
                status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let user = try await UserAdmin.create(
            email: email, name: name, role: role, bodies: form.bodies ?? [], passwordHash: hash,
            by: req.auditActor, on: req.db)
        return try await AccountController.render(
            req, "Accounts/admin-users",
            try await AdminUsersPage.load(
                req, message: Strings.fill(Texts(lang)[.userCreated], user.email), errors: [:], typed: nil))
    }

    static func update(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self), let user = try await User.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let form = try req.content.decode(UserForm.self)
        let lang = Lang.of(req)
        guard form.version == user.version else {
            return try await AccountController.render(
                req, "Accounts/admin-users",
                try await AdminUsersPage.load(
                    req, message: Strings.fill(Texts(lang)[.userConflict], user.email), errors: [:], typed: nil),
                status: .conflict)
        }
        let role = User.Role(rawValue: form.role ?? "") ?? user.roleValue
        if req.principal?.userID == user.id, role != .admin || form.active == nil {
            return try await AccountController.render(
                req, "Accounts/admin-users",
                try await AdminUsersPage.load(
                    req, message: Texts(lang)[.notYourself], errors: [:], typed: nil), status: .unprocessableEntity)
        }
        try await UserAdmin.update(
            user, name: form.name, role: role, bodies: form.bodies ?? [], active: form.active != nil,
            by: req.auditActor, on: req.db)
        return try await AccountController.render(
            req, "Accounts/admin-users",
            try await AdminUsersPage.load(
                req, message: Strings.fill(Texts(lang)[.userSaved], user.email), errors: [:], typed: nil))
    }

    static func resetPassword(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self), let user = try await User.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let form = try req.content.decode(UserForm.self)
        let lang = Lang.of(req)
        if let e = AccountController.passwordProblem(form.password, form.password, lang) {
            return try await AccountController.render(
                req, "Accounts/admin-users",
                try await AdminUsersPage.load(
                    req, message: "\(user.email): \(e)", errors: [:], typed: nil), status: .unprocessableEntity)
        }
        guard let password = form.password else { throw Abort(.unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(password)
        user.version += 1
        try await user.save(on: req.db)
        // A reset ends the user's sessions: whoever knew the old password is out.
        try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).delete()
        try await Audit.record(
            "password-reset", objectType: "user", objectID: user.email, by: req.auditActor, on: req.db)
        return try await AccountController.render(
            req, "Accounts/admin-users",
            try await AdminUsersPage.load(
                req, message: Strings.fill(Texts(lang)[.passwordReset], user.email), errors: [:], typed: nil))
    }

    struct ThrottleForm: Content {
        var kind: String?
        var value: String?
    }

    /// Ends a sign-in throttle at once (a locked-out colleague on the phone).
    static func clearThrottle(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ThrottleForm.self)
        let lang = Lang.of(req)
        guard let kind = form.kind, ["account", "address"].contains(kind), let value = form.value, !value.isEmpty,
            value.count <= AccountController.maxEmailLength
        else {
            return try await AccountController.render(
                req, "Accounts/admin-users",
                try await AdminUsersPage.load(
                    req, message: Texts(lang)[.throttleBad], errors: [:], typed: nil), status: .unprocessableEntity)
        }
        try await SignInThrottle.clear(kind: kind, value: value, on: req.db)
        try await Audit.record("throttle-clear", objectType: kind, objectID: value, by: req.auditActor, on: req.db)
        return try await AccountController.render(
            req, "Accounts/admin-users",
            try await AdminUsersPage.load(
                req, message: Strings.fill(Texts(lang)[.throttleCleared], value), errors: [:], typed: nil))
    }
}
