import Fluent
import Foundation
import SkillnadCore

/// The demo's citizen dialogues (`Resources/Demo/dialogues.json`): facts from the records (Husby
/// Träff, the citizen hosts of Hässelby-Vällingby, the housing dialogues of 2009–2014, the
/// politicians' meetings in Hägersten-Liljeholmen, the project on digital tools for young people
/// with Älvsjö, safety walks), marked as examples where dates, places and counts are invented.
/// Loaded after the areas, since dialogues name districts. Run twice, it changes nothing.
enum DemoDialogues {
    static func load(on db: any Database) async throws -> String? {
        guard try await Dialogue.query(on: db).count() == 0 else { return nil }
        let dialogues = try JSONDecoder().decode(
            [DialogueValues].self, from: Data(contentsOf: StaticFiles.demoDialogues))
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        for values in dialogues {
            try await DialogueStore.save(values, version: nil, index: index, by: .system("demo"), on: db)
        }
        return "Demo dialogues: \(dialogues.count)."
    }
}
