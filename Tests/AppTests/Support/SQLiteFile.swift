import FluentSQLiteDriver
import Foundation

/// SQLite files in the temporary directory, each with the WAL and shared-memory files SQLite
/// keeps beside it in WAL mode.
enum SQLiteFile {
    /// A path no other test or process uses.
    static func newPath(_ purpose: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("skillnad-\(purpose)-\(UUID().uuidString).sqlite")
            .path
    }

    /// Moves everything in the WAL into the database file and empties the WAL, so that a copy
    /// of the file alone is the whole database. Run when no application has the file open: with
    /// the application's connections still open, the checkpoint waited a minute for a reader.
    static func checkpoint(_ path: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            try await connection.query("PRAGMA wal_checkpoint(TRUNCATE)", []) { _ in }
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// Removes the file and what SQLite keeps beside it.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
