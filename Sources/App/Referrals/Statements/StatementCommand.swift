import Foundation
import SkillnadCore
import Vapor

/// `skillnad statements import DIR --round ID [--save-drafts] [--dry-run] [--report FILE]` and
/// `skillnad statements purge [--days N]`.
struct StatementCommand: AsyncCommandGroup {
    var help: String { "Reads bodies' statements (DOCX, ODT, PDF) into a referral round." }
    var commands: [String: any AnyAsyncCommand] {
        ["import": StatementImportCommand(), "purge": StatementPurgeCommand()]
    }
}

/// Deletes uploads never saved in an answer, as each new upload does, for an operator's schedule.
struct StatementPurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "days", help: "Delete uploads older than this many days (default 7).")
        var days: Int?
    }

    var help: String {
        "Deletes uploaded statements that were never saved in an answer and are older than --days (default 7): they hold the signers' names and serve no purpose."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let days = signature.days ?? StatementStore.abandonedAfterDays
        guard days >= 0 else { throw CatalogueCommandError("--days: give 0 or more, not \(days).") }
        try await context.application.autoMigrate()
        let count = try await StatementStore.purgeAbandoned(days: days, on: context.application.db)
        context.console.success("Deleted \(count) statement(s) uploaded over \(days) day(s) ago and never saved.")
    }
}

struct StatementImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "folder", help: "The folder of statements, one file per body.")
        var folder: String
        @Option(name: "round", help: "The id of the referral round they answer.")
        var round: String?
        @Flag(name: "save-drafts", help: "Save each statement read without problems as its body's draft answer.")
        var saveDrafts: Bool
        @Flag(name: "dry-run", help: "Read and report only; save nothing, even with --save-drafts.")
        var dryRun: Bool
        @Option(name: "report", help: "Where to write the report as CSV (default statements-report.csv).")
        var report: String?
    }

    var help: String {
        "Reads a folder of statements into a round: matches each to its body, reports per file the body, diary number, measures found, suggested positions and problems (text here, CSV in --report), and with --save-drafts saves each as a draft answer with its file attached, one transaction per file."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let roundID = signature.round, !roundID.isEmpty else {
            throw CatalogueCommandError("--round: give the id of the referral round the statements answer.")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: signature.folder, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw CatalogueCommandError("\(signature.folder) is not a folder.")
        }
        try await app.autoMigrate()
        guard let round = try await ReferralStore.round(roundID, on: app.db) else {
            throw CatalogueCommandError("--round: no referral round has the id '\(roundID)'.")
        }
        let index = try await app.catalogue.snapshot(on: app.db).index
        let save = signature.saveDrafts && !signature.dryRun
        let rows = try await StatementImport.run(
            folder: URL(fileURLWithPath: signature.folder), round: round, saveDrafts: save, index: index,
            by: .system("cli"), on: app.db)
        if save { app.catalogue.invalidate() }
        let report = signature.report ?? "statements-report.csv"
        try Data(StatementImport.csv(rows).utf8).write(to: URL(fileURLWithPath: report), options: .atomic)
        FileHandle.standardOutput.write(Data(StatementImport.text(rows, saveDrafts: save).utf8))
        context.console.success("Wrote the report to \(report).")
    }
}
