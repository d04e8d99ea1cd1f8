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

    /// Removes the file and what SQLite keeps beside it.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
