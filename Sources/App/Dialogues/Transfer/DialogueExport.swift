import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Every dialogue as CSV (`DialogueCSV`), in the columns the import reads: one row per session,
/// the first session first. Dialogues are public on the portal, so the file is too; it is made
/// once per catalogue generation, which every save of a dialogue advances.
enum DialogueExport {
    /// The stored dialogues, by their first session (those without any first), then by id.
    static func dialogues(on db: any Database) async throws -> [DialogueValues] {
        struct Row: Decodable { let record: String }
        let rows = try await db.sql().select().column("record").from(Dialogue.schema).all(decoding: Row.self)
        let decoder = JSONDecoder()
        // A damaged record is left out rather than failing the whole file; its page says so.
        let values = rows.compactMap { try? decoder.decode(DialogueValues.self, from: Data($0.record.utf8)) }
        return values.sorted { ($0.starts?.description ?? "", $0.id) < ($1.starts?.description ?? "", $1.id) }
    }

    /// The file: `.excel` with Swedish headers and choices as well, for Swedish officials'
    /// spreadsheets; the import reads either.
    static func text(variant: CSVWriter.Variant, swedish: Bool, on db: any Database) async throws -> String {
        DialogueCSV.write(try await dialogues(on: db), variant: variant, swedish: swedish)
    }

    /// `GET /dialogues.csv`, `?variant=excel` for Swedish Excel.
    static func response(_ req: Request) async throws -> Response {
        let variant = try CSVDownload.variant(req)
        let name = "dialogues" + (variant == .excel ? "-excel" : "") + ".csv"
        let db = req.db
        return try await req.exportResponse(
            "dialogues \(variant.rawValue)", contentType: CSVDownload.contentType, filename: name
        ) { sink in
            try await sink.write(Data(try await text(variant: variant, swedish: variant == .excel, on: db).utf8))
        }
    }
}
