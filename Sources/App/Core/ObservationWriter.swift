import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import VaporCSQLite

/// Writes many observations at once. One implementation per database, because the generic path
/// (SQLKit binds through `Encodable`) costs microseconds a value, which for millions of rows is
/// most of an import; SQLite takes its own values directly.
protocol ObservationWriter: Sendable {
    /// Inserts `rows[order[0]]`, `rows[order[1]]`, … of one indicator; areas by number.
    func insert(_ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws
}

func observationWriter(for db: any Database) -> any ObservationWriter {
    db is any SQLiteDatabase ? SQLiteObservationWriter() : SQLKitObservationWriter()
}

/// SQLite: one prepared statement stepped once a row through SQLite's C interface
/// (`SQLiteDirect`), inside the import's transaction, in the order given (the primary key's, see
/// `CompactObservations.keyOrder`); and with a page cache large enough that a million-row transaction does not spill
/// to disk before it commits. A connection without `SQLiteDirect` takes the portable path.
struct SQLiteObservationWriter: ObservationWriter {
    /// 256 MB of page cache for the import's connection (negative: in KiB), then back to SQLite's default.
    static let importCacheKiB = 262_144

    func insert(_ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sqlite = db as! any SQLiteDatabase
        guard await SQLiteDirect.isAvailable(on: sqlite) else {
            return try await SQLKitObservationWriter().insert(rows, in: order, indicator: indicator, areas: areas, periods: periods, groups: groups, on: db)
        }
        _ = try await sqlite.query("PRAGMA cache_size = -\(Self.importCacheKiB)", [])
        do {
            try await SQLiteDirect.run(on: sqlite) { handle in
                try Self.write(rows, in: order, indicator: indicator, areas: areas, periods: periods, groups: groups, handle: handle)
            }
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
            throw error
        }
        // The pooled connection must not keep a quarter of a gigabyte of pages.
        _ = try await sqlite.query("PRAGMA cache_size = -2000", [])
    }

    private static func write(_ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String],
                              groups: [String], handle: SQLiteDirect.Handle) throws {
        let sql = "INSERT INTO observations (\(Observation.columns.joined(separator: ","))) VALUES (?,?,?,?,?,?,?,?,?,?)"
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteDirect.Failure(handle, "preparing the insert of observations")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        // C copies of every name, bound without copying (SQLITE_STATIC) and freed at the end.
        let names = [periods, groups].map { $0.map { strdup($0)! } }
        defer { names.forEach { $0.forEach { free($0) } } }
        let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)
        // Bindings survive `sqlite3_reset`: the indicator is bound once.
        sqlite_nio_sqlite3_bind_int64(statement, 1, indicator)
        func number(_ column: Int32, _ x: Double) {
            if x.isNaN { sqlite_nio_sqlite3_bind_null(statement, column) } else { sqlite_nio_sqlite3_bind_double(statement, column, x) }
        }
        let periodNames = names[0], groupNames = names[1]
        // Plain pointers: the loop runs millions of times, and array accesses retained and
        // bounds-checked each one.
        try areas.withUnsafeBufferPointer { areas in try rows.rows.withUnsafeBufferPointer { rows in
            for i32 in order {
                let r = rows[Int(i32)]
                sqlite_nio_sqlite3_bind_int64(statement, 2, areas[Int(r.area)])
                sqlite_nio_sqlite3_bind_text(statement, 3, periodNames[Int(r.period)], -1, isStatic)
                sqlite_nio_sqlite3_bind_text(statement, 4, groupNames[Int(r.group)], -1, isStatic)
                number(5, r.value); number(6, r.numerator); number(7, r.denominator); number(8, r.weight)
                sqlite_nio_sqlite3_bind_int(statement, 9, Int32(r.flags & 1))
                sqlite_nio_sqlite3_bind_int(statement, 10, Int32(r.flags >> 1 & 1))
                guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                    throw SQLiteDirect.Failure(handle, "inserting the observation of line \(r.line)")
                }
                sqlite_nio_sqlite3_reset(statement)
            }
        } }
    }
}

/// Any other SQL database (PostgreSQL): multi-row INSERTs through SQLKit, 1,000 rows a statement.
struct SQLKitObservationWriter: ObservationWriter {
    func insert(_ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var start = 0
        while start < order.count {
            let end = min(start + 1000, order.count)
            var values: [[any SQLExpression]] = []
            values.reserveCapacity(end - start)
            for r in order[start..<end].map({ rows.rows[Int($0)] }) {
                values.append([SQLBind(indicator), SQLBind(areas[Int(r.area)]), SQLBind(periods[Int(r.period)]),
                               SQLBind(groups[Int(r.group)]), SQLBind(CompactObservations.optional(r.value)),
                               SQLBind(CompactObservations.optional(r.numerator)), SQLBind(CompactObservations.optional(r.denominator)),
                               SQLBind(CompactObservations.optional(r.weight)), SQLBind(r.preliminary), SQLBind(r.suppressed)])
            }
            try await sql.insert(into: Observation.schema).columns(Observation.columns).values(values[0]).rows(Array(values.dropFirst())).run()
            start = end
        }
    }
}
