import Foundation
import SkillnadCore
import Vapor

/// `skillnad areas import-geo FILE`: area shapes and population from public GeoJSON;
/// `skillnad areas link FILE`: areas placed in their parents from a key table.
struct AreasCommand: AsyncCommandGroup {
    var help: String {
        "Manages areas: shapes and population from public GeoJSON files, parents from key tables (DeSO, RegSO)."
    }
    var commands: [String: any AnyAsyncCommand] {
        ["import-geo": AreasImportGeoCommand(), "link": AreasLinkCommand()]
    }
}

struct AreasImportGeoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file",
            help:
                "Folkhälsokollen's omraden_med_befolkning.json (district areas and their districts, with population) or a FeatureCollection of the city's districts such as stadsdelar.geo.json."
        )
        var file: String
    }

    var help: String {
        "Adds shapes and population to the areas of a GeoJSON file, matching them by code, name or alias (any case), and creates the missing ones; districts without a parent are placed in the district area their shape lies in. One transaction; every change is in the audit trail."
    }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: s.file)) } catch {
            throw CatalogueCommandError("Cannot read \(s.file): \(error.localizedDescription)")
        }
        try await context.application.autoMigrate()
        do {
            let out = try await AreaGeoImporter.run(data, by: .system("cli"), on: context.application.db)
            context.console.success("\(s.file): \(out.updated) areas updated, \(out.created) created.")
        } catch let e as CatalogueProblems {
            for p in e.problems { context.console.error("\(s.file): \(p)") }
            throw CatalogueCommandError("Nothing was written.")
        }
    }
}
