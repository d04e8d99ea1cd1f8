import Foundation
import SkillnadCore
import Vapor

/// `skillnad dialogues import|export`: the list of dialogues in the one CSV format, as the import
/// page reads it and `/dialogues.csv` writes it.
struct DialogueCommand: AsyncCommandGroup {
    var help: String {
        "Imports or exports the list of dialogues as CSV (one row per session, the same columns both ways)."
    }
    var commands: [String: any AnyAsyncCommand] {
        ["import": DialogueImportCommand(), "export": DialogueExportCommand()]
    }
}

/// `skillnad dialogues import FILE [--dry-run] [--replace]`: all or nothing, every problem by line
/// and column, as the system (for every body).
struct DialogueImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV file, as the export writes it (RFC 4180 or Swedish Excel).")
        var file: String
        @Flag(name: "dry-run", help: "Check the file and tell what it would do, without writing anything.")
        var dryRun: Bool
        @Flag(
            name: "replace",
            help:
                "Replace dialogues whose id is stored already: the file's columns replace theirs, the rest (English title, decision, target-group analysis, counts by group, results, later feedback) is kept. Without it such a row is refused."
        )
        var replace: Bool
    }

    var help: String {
        "Imports dialogues from a CSV file: every dialogue is checked first (on its own, against the catalogue and the areas' shapes), and nothing is written if any has a problem. An id that is stored already is refused with its line unless --replace is given."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: signature.file)) } catch {
            throw CatalogueCommandError("Cannot read \(signature.file): \(error.localizedDescription)")
        }
        try await app.autoMigrate()
        let index = try await app.catalogue.snapshot(on: app.db).index
        let texts = Texts(.en)
        let file = signature.file
        do {
            let outcome = try await DialogueImport.run(
                data, replace: signature.replace, dryRun: signature.dryRun, as: nil, by: .system("cli"), index: index,
                on: app.db)
            for warning in outcome.warnings { context.console.warning("\(file): \(texts.describe(warning))") }
            let counts =
                "\(outcome.created) new, \(outcome.replaced) replaced, \(outcome.sessions) sessions"
                + (outcome.warnings.isEmpty ? "" : ", \(outcome.warnings.count) warning(s)")
            if outcome.written {
                app.catalogue.invalidate()
                context.console.success("Imported \(file): \(counts).")
            } else {
                context.console.success("\(file) can be imported (nothing was written): \(counts).")
            }
        } catch let error as DialogueImportProblems {
            for warning in error.warnings { context.console.warning("\(file): \(texts.describe(warning))") }
            for problem in error.problems { context.console.error("\(file): \(texts.describe(problem))") }
            throw CatalogueCommandError("\(error.problems.count) problem(s) in \(file); nothing was written.")
        } catch let error as CSVError {
            throw CatalogueCommandError("\(file): \(texts.description(error)); nothing was written.")
        }
    }
}

/// `skillnad dialogues export [--swedish] [--variant excel] [--output FILE]`.
struct DialogueExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "swedish", help: "Swedish headers and choices (titel, trygghetsvandring, ja).")
        var swedish: Bool
        @Option(name: "variant", help: "excel for Swedish Excel (semicolon, decimal comma); default RFC 4180.")
        var variant: String?
        @Option(name: "output", help: "Write to this file instead of standard output.")
        var output: String?
    }

    var help: String { "Writes every dialogue as CSV, in the columns the import reads." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let variant: CSVWriter.Variant
        switch signature.variant {
        case nil, "", "rfc4180": variant = .rfc4180
        case "excel": variant = .excel
        case let other?: throw CatalogueCommandError("--variant: expected excel or nothing, got '\(other)'.")
        }
        try await app.autoMigrate()
        let text = try await DialogueExport.text(variant: variant, swedish: signature.swedish, on: app.db)
        if let output = signature.output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            context.console.success("Wrote \(output).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
