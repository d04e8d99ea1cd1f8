import Fluent
import Foundation
import SkillnadCore
import Vapor

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
        guard let email = signature.email?.lowercased(),
            let user = try await User.query(on: db).filter(\.$email == email).first()
        else {
            throw CatalogueCommandError("--email must name an existing user.")
        }
        guard let scope = APIToken.Scope(rawValue: signature.scope ?? "read") else {
            throw CatalogueCommandError("--scope must be read or read-write")
        }
        let days = signature.days ?? 90
        guard (1...366).contains(days) else { throw CatalogueCommandError("--days must be 1 to 366") }
        let userID = try user.requireID()
        let secret = try await TokenIssuer.issue(
            for: userID, name: signature.name ?? "command line", scope: scope, days: days,
            by: .system("cli"), on: db)
        context.console.print(secret)
    }
}
