import Fluent
import Foundation
import SkillnadCore
import Vapor

/// `skillnad user add|list|disable`: the accounts, from the command line. This is how the first
/// administrator is created.
struct UserCommand: AsyncCommandGroup {
    var help: String { "Adds, lists and disables users." }
    var commands: [String: any AnyAsyncCommand] {
        ["add": UserAddCommand(), "list": UserListCommand(), "disable": UserDisableCommand()]
    }
}

struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The user's e-mail address (their sign-in name).")
        var email: String?
        @Option(name: "name", help: "The user's full name.")
        var name: String?
        @Option(name: "role", help: "admin, editor or reader (default editor).")
        var role: String?
        @Option(name: "bodies", help: "For editors: the ids of their bodies, separated by commas.")
        var bodies: String?
        @Flag(name: "password-stdin", help: "Read the password from standard input instead of asking for it.")
        var passwordStdin: Bool
    }

    var help: String {
        "Adds a user. The password is asked for at the terminal, or read from standard input with --password-stdin; it never appears in arguments or logs."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let email = signature.email?.trimmingCharacters(in: .whitespaces).lowercased(), email.contains("@") else {
            throw CatalogueCommandError("--email is required, e.g. --email anna.andersson@stockholm.se")
        }
        guard let name = signature.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw CatalogueCommandError("--name is required, e.g. --name \"Anna Andersson\"")
        }
        guard let role = User.Role(rawValue: signature.role ?? "editor") else {
            throw CatalogueCommandError("--role must be admin, editor or reader")
        }
        let bodies = (signature.bodies ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let password: String
        if signature.passwordStdin || isatty(STDIN_FILENO) == 0 {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            password = context.console.ask(
                "Password (at least \(AccountController.minPasswordLength) characters):".consoleText(), isSecure: true)
            let again = context.console.ask("Password again:".consoleText(), isSecure: true)
            guard again == password else { throw CatalogueCommandError("The passwords differ; nothing was written.") }
        }
        if let problem = AccountController.passwordProblem(password, password, .en) {
            throw CatalogueCommandError(problem)
        }
        let app = context.application
        try await app.autoMigrate()
        if try await User.query(on: app.db).filter(\.$email == email).first() != nil {
            throw CatalogueCommandError("There is already a user with the e-mail \(email).")
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(password)
        let user = try await UserAdmin.create(
            email: email, name: name, role: role, bodies: bodies, passwordHash: hash,
            by: .system("cli"), on: app.db)
        context.console.success(
            "Added \(user.email) (\(role.rawValue))\(bodies.isEmpty ? "" : " for " + bodies.joined(separator: ", ")).")
    }
}

struct UserListCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Lists the users with their role, bodies and state." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        for u in try await User.query(on: db).sort(\.$email).all() {
            let bodies = try await UserAdmin.bodySlugs(u, on: db)
            context.console.print(
                "\(u.email)\t\(u.name)\t\(u.role)\t\(u.active ? "active" : "disabled")\t\(bodies.joined(separator: ","))"
            )
        }
    }
}

struct UserDisableCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "The e-mail of the user to disable.")
        var email: String
    }
    var help: String {
        "Disables a user: they can no longer sign in, their sessions end and their tokens stop working."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        guard let user = try await User.query(on: db).filter(\.$email == signature.email.lowercased()).first() else {
            throw CatalogueCommandError("No user has the e-mail \(signature.email).")
        }
        try await UserAdmin.update(
            user, name: nil, role: user.roleValue, bodies: try await UserAdmin.bodySlugs(user, on: db),
            active: false, by: .system("cli"), on: db)
        context.console.success("Disabled \(user.email).")
    }
}
