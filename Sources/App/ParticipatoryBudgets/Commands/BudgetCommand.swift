import Foundation
import SkillnadCore
import Vapor

/// `skillnad budgets create|codes`: a new budget from a JSON file, and voting codes for printing.
struct BudgetCommand: AsyncCommandGroup {
    var help: String { "Creates participatory budgets and issues their voting codes." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": BudgetCreateCommand(), "codes": BudgetCodesCommand()]
    }
}

/// `skillnad budgets create FILE`: the budget as `BudgetDefinition` reads it; every problem named
/// by its field, nothing written if there is one.
struct BudgetCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The budget as JSON (see the README's example).")
        var file: String
    }

    var help: String { "Creates a participatory budget from a JSON file, all or nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let definition: BudgetDefinition
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: signature.file))
            definition = try JSONDecoder().decode(BudgetDefinition.self, from: data)
        } catch let error as DecodingError {
            throw CatalogueCommandError("\(signature.file): \(Self.describe(error))")
        } catch {
            throw CatalogueCommandError("Cannot read \(signature.file): \(error.localizedDescription)")
        }
        try await app.autoMigrate()
        let index = try await app.catalogue.snapshot(on: app.db).index
        do {
            try await definition.create(index: index, by: .system("cli"), on: app.db)
        } catch let invalid as BudgetDefinition.Invalid {
            throw CatalogueCommandError(
                invalid.problems.map { "\(signature.file): \($0)" }.joined(separator: "\n") + "\nNothing was created.")
        }
        context.console.success("Created the participatory budget '\(definition.slug)'.")
    }

    /// Where the JSON went wrong: the field's path, and Foundation's words (with the line for a
    /// syntax error).
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(path(context.codingPath)) \(underlying ?? context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}

/// `skillnad budgets codes SLUG --count N [--out FILE]`: new codes as CSV, once; only their
/// hashes are kept.
struct BudgetCodesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "budget", help: "The budget's id.")
        var budget: String
        @Option(name: "count", help: "How many codes, 1–1,000,000.")
        var count: Int?
        @Option(name: "out", help: "The CSV file to write (standard output without it).")
        var out: String?
    }

    var help: String {
        "Issues voting codes for a budget as CSV (budget, batch, code). The codes are shown only now: the database keeps their hashes."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let count = signature.count, (1...1_000_000).contains(count) else {
            throw CatalogueCommandError("--count: a whole number from 1 to 1,000,000.")
        }
        try await app.autoMigrate()
        guard let budget = try await BudgetStore.budget(signature.budget, on: app.db) else {
            throw CatalogueCommandError("No participatory budget has the id '\(signature.budget)'.")
        }
        let (batch, codes) = try await BallotBox.issueCodes(count, budget: budget, on: app.db)
        try await Audit.record(
            "issue voting codes", objectType: "budget", objectID: budget.slug,
            after: "{\"batch\":\(batch),\"count\":\(count)}", by: .system("cli"), on: app.db)
        let csv = CSVText.table(
            header: ["budget", "batch", "code"], rows: codes.map { [budget.slug, String(batch), $0] }, swedish: false)
        if let out = signature.out {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: out))
            context.console.success("Wrote \(count) codes (batch \(batch)) to \(out).")
        } else {
            context.console.output(ConsoleText(stringLiteral: csv), newLine: false)
        }
    }
}
