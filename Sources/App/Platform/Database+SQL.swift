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
}
