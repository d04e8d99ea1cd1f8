import Fluent
import Foundation
import SkillnadCore
import Vapor

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
    var help: String {
        "Writes the audit trail as JSON lines (one event a line) to FILE, the one argument, or to standard output."
    }

    func run(using context: inout CommandContext) async throws {
        let signature = try Signature(from: &context.input)
        guard context.input.arguments.count <= 1 else {
            throw CommandError.unknownInput(context.input.arguments.dropFirst().joined(separator: " "))
        }
        let file = context.input.arguments.first
        context.input.arguments = []
        var query = AuditEvent.query(on: context.application.db).sort(\.$at).sort(\.$id)
        if let since = signature.since {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withFullDate]
            guard let date = f.date(from: since) else {
                throw CatalogueCommandError("--since must be a date YYYY-MM-DD")
            }
            query = query.filter(\.$at >= date)
        }
        struct Line: Encodable {
            let id: UUID
            let at: String
            let actor: String
            let action: String
            let via: String
            let objectType: String?
            let objectID: String?
            let before: JSONValueOrText?
            let after: JSONValueOrText?
            let address: String?
        }
        let iso = ISO8601DateFormatter()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for e in try await query.all() {
            let line = try Line(
                id: e.requireID(), at: iso.string(from: e.at), actor: e.actor, action: e.action, via: e.via,
                objectType: e.objectType,
                objectID: e.objectID, before: e.before.map(JSONValueOrText.init),
                after: e.after.map(JSONValueOrText.init), address: e.address)
            out.append(try encoder.encode(line))
            out.append(0x0A)
        }
        if let file {
            try out.write(to: URL(fileURLWithPath: file), options: .atomic)
        } else {
            FileHandle.standardOutput.write(out)
        }
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
