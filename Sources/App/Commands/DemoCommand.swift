import Fluent
import SkillnadCore
import Vapor

/// `skillnad demo`: migrates if needed and loads the demo catalogue (facts transcribed from the
/// City of Stockholm's records) into an empty database. Run twice, it changes nothing.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Do not ask for confirmation (never needed when input is not a terminal).")
        var yes: Bool
    }

    var help: String { "Loads the demo catalogue into an empty database (migrating first). Safe to run twice." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        context.console.info("Database: \(DatabaseSetup.description)")
        try await app.autoMigrate()
        let summary = try await Self.load(on: app.db)
        if let summary {
            context.console.success("Demo catalogue loaded:\n\(summary)")
        } else {
            context.console.info("The database already has a catalogue; nothing was loaded. (Use `skillnad catalogue import` to replace it.)")
        }
    }

    /// Loads the demo catalogue when the database has none; nil when it already had one.
    static func load(on db: any Database) async throws -> CatalogueImporter.Summary? {
        let reports = try await Report.query(on: db).count()
        let bodies = try await Body.query(on: db).count()
        if reports > 0 || bodies > 0 { return nil }
        let data = try Data(contentsOf: StaticFiles.demoCatalogue)
        switch CatalogueReader.read(data) {
        case .success(let doc): return try await CatalogueImporter.apply(doc, to: db)
        case .failure(let problems): throw Abort(.internalServerError, reason: "The bundled demo catalogue is invalid: \(problems)")
        }
    }
}
