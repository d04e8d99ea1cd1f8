import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The values and definition an import replaced, kept so that an import can be undone
/// (`observation_archive`, `indicator_archives`): one earlier state per indicator. Restoring
/// swaps it with the current one, so a restore can itself be undone.
enum IndicatorArchive {
    /// What is kept for an indicator, for the upload page and the command line.
    struct Info: Sendable {
        let observations: Int
        let archivedAt: String
        let archivedBy: String
    }

    /// Nothing was kept for the indicator: there is nothing to restore.
    struct NothingKept: AbortError {
        let code: String
        var status: HTTPResponseStatus { .notFound }
        var reason: String { "No earlier import of '\(code)' is kept, so there is nothing to restore." }
    }

    /// Keeps every current value and the definition of the indicator numbered `number`, in the
    /// import's transaction, before the import writes.
    static func keep(_ indicator: Indicator, number: Int64, by actor: AuditActor, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        let columns = Observation.columns.joined(separator: ", ")
        try await sql.delete(from: "observation_archive").where("indicator_no", .equal, number).run()
        try await sql.raw(
            """
            INSERT INTO observation_archive (\(unsafeRaw: columns))
            SELECT \(unsafeRaw: columns) FROM observations WHERE indicator_no = \(bind: number) AND aggregated = 0
            """
        ).run()
        let count =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("observation_archive").where("indicator_no", .equal, number).first()?.value("n", as: Int.self) ?? 0
        let definition = String(
            decoding: try CatalogueImporter.sortedEncoder.encode(IndicatorInfo(indicator).definition), as: UTF8.self)
        try await sql.delete(from: "indicator_archives").where("indicator_no", .equal, number).run()
        try await sql.insert(into: "indicator_archives")
            .columns("indicator_no", "definition", "observations", "archived_at", "archived_by")
            .values(
                SQLBind(number), SQLBind(definition), SQLBind(count),
                SQLBind(ISO8601DateFormatter().string(from: Date())),
                SQLBind(actor.label)
            )
            .run()
    }

    static func info(_ code: String, on db: any Database) async throws -> Info? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(
            """
            SELECT a.observations AS observations, a.archived_at AS archived_at, a.archived_by AS archived_by
            FROM indicator_archives a JOIN indicators i ON i.number = a.indicator_no WHERE i.code = \(bind: code)
            """
        ).first()
        guard let row else { return nil }
        return Info(
            observations: try row.value("observations"), archivedAt: try row.value("archived_at"),
            archivedBy: try row.value("archived_by"))
    }

    /// Puts the kept values and definition back and keeps the current ones in their place.
    /// Values of areas deleted since are left out. Returns the number of values restored.
    @discardableResult
    static func restore(_ code: String, by actor: AuditActor, on db: any Database) async throws -> Int {
        try await CatalogueEditor.transaction(on: db) { tx in
            guard let sql = tx as? any SQLDatabase,
                let indicator = try await Indicator.query(on: tx).filter(\.$code == code).first(),
                let number = try await sql.select().column("number").from(Indicator.schema).where("code", .equal, code)
                    .first()?
                    .value("number", as: Int64.self),
                let kept = try await sql.select().column("definition").from("indicator_archives")
                    .where("indicator_no", .equal, number).first()
            else { throw NothingKept(code: code) }
            let keptDefinition = try JSONDecoder().decode(
                IndicatorDefinition.self, from: Data(try kept.value("definition", as: String.self).utf8))
            let columns = Observation.columns.joined(separator: ", ")
            let others = Observation.columns.dropFirst().joined(separator: ", ")
            // Mark the kept rows, keep the current ones, and move the marked ones back.
            try await sql.raw(
                "UPDATE observation_archive SET indicator_no = \(bind: -number) WHERE indicator_no = \(bind: number)"
            ).run()
            try await keep(indicator, number: number, by: actor, on: tx)
            try await sql.delete(from: Observation.schema).where("indicator_no", .equal, number).run()
            try await sql.raw(
                """
                INSERT INTO observations (\(unsafeRaw: columns))
                SELECT \(bind: number), \(unsafeRaw: others) FROM observation_archive
                WHERE indicator_no = \(bind: -number) AND area_no IN (SELECT number FROM areas)
                """
            ).run()
            try await sql.delete(from: "observation_archive").where("indicator_no", .equal, -number).run()
            try IndicatorImporter.apply(keptDefinition, to: indicator)
            indicator.version += 1
            indicator.updatedAt = ISO8601DateFormatter().string(from: Date())
            try await indicator.save(on: tx)
            // Only measured values are kept; the sums above them are made again from them.
            let spec = indicator.importSpec.flatMap { try? IndicatorImportSpec.read(Data($0.utf8)) }
            _ = try await IndicatorAggregation.refresh(
                indicatorNumber: number, per: keptDefinition.per, aggregate: spec?.aggregate ?? false, on: tx)
            try await IndicatorSummaries.recompute(indicator, on: tx)
            try await CatalogueState.advance(on: tx)
            let restored =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(Observation.schema).where("indicator_no", .equal, number).first()?.value("n", as: Int.self) ?? 0
            try await Audit.record(
                "restore", objectType: "indicator", objectID: code, after: "{\"observations\":\(restored)}",
                by: actor, on: tx)
            return restored
        }
    }
}
