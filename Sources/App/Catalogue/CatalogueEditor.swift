import Fluent
import PostgresNIO
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The one way a single object is written: in a transaction that first claims the object at the
/// version the editor saw (so two saves of the same version cannot both win, on SQLite or
/// PostgreSQL), then checks the whole catalogue with the edit applied, writes it through the
/// importer and records the change in the audit trail.
enum CatalogueEditor {
    enum Operation: Sendable {
        case create
        case update(id: String, version: Int)
        case delete(id: String, version: Int)
    }

    /// - Parameter change: applies the edit to the catalogue; for a create it returns the new id.
    /// - Returns: the id of the object written.
    @discardableResult
    static func save(
        _ kind: EditKind, _ op: Operation, by actor: AuditActor, on db: any Database,
        change: @escaping @Sendable (inout CatalogueDocument) throws -> String
    ) async throws -> String {
        try await transaction(on: db) { tx in
            switch op {
            case .update(let id, let version), .delete(let id, let version):
                try await claim(kind, id: id, version: version, on: tx)
            case .create:
                break
            }
            let old = try await CatalogueLoader.load(from: tx)
            var edited = old
            let id = try change(&edited)
            // Through the reader, as a file would be: types, references and codes checked whole.
            let data = try JSONEncoder().encode(edited)
            let doc: CatalogueDocument
            switch CatalogueReader.read(data) {
            case .success(let d): doc = d
            case .failure(let p): throw EditProblems(problems: p.problems)
            }
            _ = try await CatalogueImporter.sync(doc, in: tx, actor: actor)
            return id
        }
    }

    /// One catalogue write at a time in this process.
    static let gate = WriteGate()

    /// A transaction behind the catalogue's gate (see `WriteGate.transaction`).
    static func transaction<T: Sendable>(
        on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        do {
            return try await gate.transaction(on: db, body)
        } catch let error where DatabaseFailure.isForeignKeyViolation(error) {
            // An area with indicator values, a body with answers: still referred to, so kept.
            throw EditConflict.stillReferred
        } catch let error where DatabaseFailure.isUniqueViolation(error) {
            // Two creates of the same id at once: the second learns it lost, as with versions.
            throw EditConflict.sameIDAtOnce
        }
    }

    /// Claims the row at the version the editor saw: an UPDATE that matches only that version
    /// takes the row's write lock (PostgreSQL) or the database's (SQLite) before anything is read.
    static func claim(_ kind: EditKind, id: String, version: Int, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(kind.plural).set("version", to: SQLColumn("version"))
            .where("slug", .equal, id).where("version", .equal, version).run()
        struct Row: Decodable { let version: Int }
        guard
            let row = try await sql.select().column("version").from(kind.plural).where("slug", .equal, id).first(
                decoding: Row.self)
        else {
            throw Abort(.notFound, reason: "No \(kind.rawValue) has the id '\(id)'.")
        }
        if row.version != version { throw ConflictError(kind: kind, id: id, expected: version, current: row.version) }
    }
}
