import SkillnadCore
import Vapor

/// `skillnad archive export --out DIR [--since DATE] [--round ID]`: delivers public records to
/// the e-archive as FGS 2.0 packages.
struct ArchiveCommand: AsyncCommandGroup {
    var help: String { "Exports public records as e-archive packages (FGS 2.0, E-ARK SIP 2.1.0)." }
    var commands: [String: any AnyAsyncCommand] { ["export": ArchiveExportCommand()] }
}

struct ArchiveExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The folder to write the packages in; it must not exist.")
        var out: String?
        @Option(name: "since", help: "Only answers submitted on or after this day (YYYY-MM-DD).")
        var since: String?
        @Option(name: "round", help: "Only this referral round's answers (its id).")
        var round: String?
        @Flag(name: "include-examples", help: "Also the demo's example answers, which are not public records.")
        var includeExamples: Bool
    }

    var help: String {
        "Writes every submitted or declined referral answer not yet archived (or corrected since) as one package "
            + "each into a new folder, and records what was archived."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else {
            throw ArchiveFailure("--out: name the folder to write the packages in (it must not exist)")
        }
        var since: Day?
        if let text = signature.since {
            guard let day = Day(text) else { throw ArchiveFailure("--since: \(text) is not a day (YYYY-MM-DD)") }
            since = day
        }
        let app = context.application
        try await app.autoMigrate()
        let export = ArchiveExport(
            settings: try ArchiveSettings.fromEnvironment(),
            index: CatalogueIndex(try await CatalogueLoader.load(from: app.db)))
        let outcome = try await export.run(
            ArchiveExport.Order(
                since: since, round: signature.round, out: URL(fileURLWithPath: out),
                includeExamples: signature.includeExamples),
            by: AuditActor.system("cli"), on: app.db)
        let examples =
            outcome.examplesLeftOut == 0
            ? "" : " \(outcome.examplesLeftOut) example answer(s) of the demo were left out (--include-examples)."
        if outcome.packages.isEmpty {
            context.console.info(
                "Nothing new to archive: every answer that matches is archived already. No folder was written."
                    + examples)
            return
        }
        for package in outcome.packages { context.console.print("\(package.id)  \(package.title)") }
        context.console.success(
            "Wrote \(outcome.packages.count) package(s) into \(out) and recorded them as archived." + examples)
    }
}
