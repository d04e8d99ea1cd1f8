import Fluent
import SQLKit

/// How each observation's value came about (`observations.aggregated`, an `Observation.Origin`):
/// 0 measured (as the file gave it), 1 added up from the counts of the areas inside it, 2 a
/// population-weighted mean of theirs (`IndicatorAggregation`). Every row there is now was measured.
struct AddObservationAggregation: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddObservationAggregation" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE observations ADD COLUMN aggregated SMALLINT NOT NULL DEFAULT 0").run()
    }

    /// Drops the added-up values with the column: without it they would read as measured.
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DELETE FROM observations WHERE aggregated <> 0").run()
        try await sql.raw("ALTER TABLE observations DROP COLUMN aggregated").run()
    }
}
