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

    var help: String { "Adds a user. The password is asked for at the terminal, or read from standard input with --password-stdin; it never appears in arguments or logs." }

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
        let bodies = (signature.bodies ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let password: String
        if signature.passwordStdin || isatty(STDIN_FILENO) == 0 {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            password = context.console.ask("Password (at least \(AccountController.minPasswordLength) characters):".consoleText(), isSecure: true)
            let again = context.console.ask("Password again:".consoleText(), isSecure: true)
            guard again == password else { throw CatalogueCommandError("The passwords differ; nothing was written.") }
        }
        if let problem = AccountController.passwordProblem(password, password, .en) { throw CatalogueCommandError(problem) }
        let app = context.application
        try await app.autoMigrate()
        if try await User.query(on: app.db).filter(\.$email == email).first() != nil {
            throw CatalogueCommandError("There is already a user with the e-mail \(email).")
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(password)
        let user = try await UserAdmin.create(email: email, name: name, role: role, bodies: bodies, passwordHash: hash,
                                              by: .system("cli"), on: app.db)
        context.console.success("Added \(user.email) (\(role.rawValue))\(bodies.isEmpty ? "" : " for " + bodies.joined(separator: ", ")).")
    }
}

struct UserListCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Lists the users with their role, bodies and state." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        for u in try await User.query(on: db).sort(\.$email).all() {
            let bodies = try await UserAdmin.bodySlugs(u, on: db)
            context.console.print("\(u.email)\t\(u.name)\t\(u.role)\t\(u.active ? "active" : "disabled")\t\(bodies.joined(separator: ","))")
        }
    }
}

struct UserDisableCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "The e-mail of the user to disable.")
        var email: String
    }
    var help: String { "Disables a user: they can no longer sign in, their sessions end and their tokens stop working." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        guard let user = try await User.query(on: db).filter(\.$email == signature.email.lowercased()).first() else {
            throw CatalogueCommandError("No user has the e-mail \(signature.email).")
        }
        try await UserAdmin.update(user, name: nil, role: user.roleValue, bodies: try await UserAdmin.bodySlugs(user, on: db),
                                   active: false, by: .system("cli"), on: db)
        context.console.success("Disabled \(user.email).")
    }
}

/// `skillnad token create`: an API token for a user, printed once.
struct TokenCommand: AsyncCommandGroup {
    var help: String { "Creates API tokens." }
    var commands: [String: any AnyAsyncCommand] { ["create": TokenCreateCommand()] }
}

struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Whose token it is.")
        var email: String?
        @Option(name: "name", help: "What the token is for, e.g. \"statistics import\".")
        var name: String?
        @Option(name: "scope", help: "read or read-write (default read).")
        var scope: String?
        @Option(name: "days", help: "How many days it is valid (default 90, at most 366).")
        var days: Int?
    }
    var help: String { "Creates an API token for a user and prints it once; only its hash is stored." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        guard let email = signature.email?.lowercased(), let user = try await User.query(on: db).filter(\.$email == email).first() else {
            throw CatalogueCommandError("--email must name an existing user.")
        }
        guard let scope = APIToken.Scope(rawValue: signature.scope ?? "read") else { throw CatalogueCommandError("--scope must be read or read-write") }
        let days = signature.days ?? 90
        guard (1...366).contains(days) else { throw CatalogueCommandError("--days must be 1 to 366") }
        let userID = try user.requireID()
        let secret = try await TokenIssuer.issue(for: userID, name: signature.name ?? "command line", scope: scope, days: days,
                                                 by: .system("cli"), on: db)
        context.console.print(secret)
    }
}

/// `skillnad audit export [FILE]`: the audit trail as JSON lines, oldest first, for archiving.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Exports the audit trail." }
    var commands: [String: any AnyAsyncCommand] { ["export": AuditExportCommand()] }
}

struct AuditExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "since", help: "Only events on or after this date (YYYY-MM-DD).")
        var since: String?
    }
    var help: String { "Writes the audit trail as JSON lines (one event a line) to FILE, the one argument, or to standard output." }

    func run(using context: inout CommandContext) async throws {
        let signature = try Signature(from: &context.input)
        guard context.input.arguments.count <= 1 else { throw CommandError.unknownInput(context.input.arguments.dropFirst().joined(separator: " ")) }
        let file = context.input.arguments.first
        context.input.arguments = []
        var query = AuditEvent.query(on: context.application.db).sort(\.$at).sort(\.$id)
        if let since = signature.since {
            let f = ISO8601DateFormatter(); f.formatOptions = [.withFullDate]
            guard let date = f.date(from: since) else { throw CatalogueCommandError("--since must be a date YYYY-MM-DD") }
            query = query.filter(\.$at >= date)
        }
        struct Line: Encodable {
            let id: UUID; let at: String; let actor: String; let action: String; let via: String
            let objectType: String?; let objectID: String?; let before: JSONValueOrText?; let after: JSONValueOrText?; let address: String?
        }
        let iso = ISO8601DateFormatter()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for e in try await query.all() {
            let line = try Line(id: e.requireID(), at: iso.string(from: e.at), actor: e.actor, action: e.action, via: e.via, objectType: e.objectType,
                            objectID: e.objectID, before: e.before.map(JSONValueOrText.init), after: e.after.map(JSONValueOrText.init), address: e.address)
            out.append(try encoder.encode(line))
            out.append(0x0A)
        }
        if let file { try out.write(to: URL(fileURLWithPath: file), options: .atomic) } else { FileHandle.standardOutput.write(out) }
    }

    func run(using context: CommandContext, signature: Signature) async throws {}
}

/// Stored before/after values are JSON; written as JSON, not as a string of JSON.
struct JSONValueOrText: Encodable {
    let text: String
    init(_ text: String) { self.text = text }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let v = JSONValue.parse(text) { try c.encode(v) } else { try c.encode(text) }
    }
}
