@testable import App
import Fluent
import SQLKit

extension Observation {
    /// How many stored observations have no value (not computable), counted by the database.
    static func countNotComputable(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        return try await sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(schema)
            .where("value", .is, SQLLiteral.null)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
