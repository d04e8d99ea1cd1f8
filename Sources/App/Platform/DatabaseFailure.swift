import Foundation
import PostgresNIO

/// What a database error means, read the same on SQLite and PostgreSQL: PostgreSQL hides its
/// message from `description`, so its SQLSTATE decides there; SQLite says it in words.
enum DatabaseFailure {
    static func isForeignKeyViolation(_ error: any Error) -> Bool {
        if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState] { return state == "23503" }
        let text = String(describing: error).lowercased()
        return text.contains("foreign key constraint") || text.contains("violates foreign key")
    }

    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState] { return state == "23505" }
        let text = String(describing: error).lowercased()
        return text.contains("unique constraint") || text.contains("duplicate key")
    }

    /// Another process holds SQLite's write lock, or committed while this transaction read.
    static func isSQLiteBusy(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("sqlite_busy") || text.contains("busy")
    }
}
