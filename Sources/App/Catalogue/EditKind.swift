import Fluent
import PostgresNIO
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The kinds of catalogue object that are edited one at a time, in pages and through the API.
enum EditKind: String, CaseIterable, Sendable {
    case body, area, report, measure

    /// The path segment, the catalogue file's list and the table, which are all the same word.
    var plural: String {
        switch self {
        case .body: return "bodies"
        case .area: return "areas"
        case .report: return "reports"
        case .measure: return "measures"
        }
    }

    /// The ids of this kind in a catalogue, in file order.
    func ids(in doc: CatalogueDocument) -> [String] {
        switch self {
        case .body: return doc.bodies.map(\.id)
        case .area: return doc.areas.map(\.id)
        case .report: return doc.reports.map(\.id)
        case .measure: return doc.measures.map(\.publicID)
        }
    }

    /// The record with this id as JSON, for the audit trail and the conflict page.
    func json(of id: String, in doc: CatalogueDocument) -> JSONValue? {
        func enc<T: Encodable>(_ v: T?) -> JSONValue? {
            guard let v, let data = try? JSONEncoder().encode(v) else { return nil }
            return try? JSONDecoder().decode(JSONValue.self, from: data)
        }
        switch self {
        case .body: return enc(doc.bodies.first { $0.id == id })
        case .area: return enc(doc.areas.first { $0.id == id })
        case .report: return enc(doc.reports.first { $0.id == id })
        case .measure: return enc(doc.measures.first { $0.publicID == id })
        }
    }
}
