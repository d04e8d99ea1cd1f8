import Fluent
import SQLKit
import Vapor

extension Database {
    /// The database for the queries Fluent cannot express: an error, never a trap, if it does not speak SQL.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "The database does not speak SQL.")
        }
        return sql
    }

    /// Brings the planner's statistics up to date after a bulk write, so it picks the indexes made
    /// for the new rows (SQLite chooses a covering index over a primary key only when it knows the
    /// table). `ANALYZE table` reads the same on SQLite and PostgreSQL.
    func analyse(_ tables: [String]) async throws {
        let sql = try sql()
        for table in tables {
            try await sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}
