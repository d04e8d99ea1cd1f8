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
    func insert(
        _ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String],
        groups: [String],
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
    /// Page cache for the import's connection, in KiB: about 100 bytes a row (what a row takes in
    /// the table's pages), at least 256 MB and at most 1 GB, then back to SQLite's default. Pages
    /// that do not fit are written to the log before the commit and some of them again after.
    static func importCacheKiB(rows: Int) -> Int { min(max(rows / 10, 262_144), 1_048_576) }

    func insert(
        _ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String],
        groups: [String],
        on db: any Database
    ) async throws {
        guard let sqlite = db as? any SQLiteDatabase, await SQLiteDirect.isAvailable(on: sqlite) else {
            return try await SQLKitObservationWriter().insert(
                rows, in: order, indicator: indicator, areas: areas, periods: periods, groups: groups, on: db)
        }
        _ = try await sqlite.query("PRAGMA cache_size = -\(Self.importCacheKiB(rows: order.count))", [])
        do {
            try await SQLiteDirect.run(on: sqlite) { handle in
                try Self.write(
                    rows, in: order, indicator: indicator, areas: areas, periods: periods, groups: groups,
                    handle: handle)
            }
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
            throw error
        }
        // The pooled connection must not keep hundreds of megabytes of pages.
        _ = try await sqlite.query("PRAGMA cache_size = -2000", [])
    }

    private static func write(
        _ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String],
        groups: [String], handle: SQLiteDirect.Handle
    ) throws {
        // Statements of `batch` rows and of one row, for the rest: one step per 64 rows costs less
        // than a step and a reset per row. The indicator's number is the same for every row, and
        // an integer that the database gave, so it is written into the statement.
        let batch = 64
        func prepare(_ n: Int) throws -> OpaquePointer {
            let row = "(\(indicator),?,?,?,?,?,?,?,?,?)"
            let sql =
                "INSERT INTO observations (\(Observation.columns.joined(separator: ","))) VALUES "
                + Array(repeating: row, count: n).joined(separator: ",")
            var statement: OpaquePointer?
            guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                sqlite_nio_sqlite3_finalize(statement)
                throw SQLiteDirect.Failure(handle, "preparing the insert of observations")
            }
            return statement
        }
        let many = try prepare(batch)
        defer { sqlite_nio_sqlite3_finalize(many) }
        let one = try prepare(1)
        defer { sqlite_nio_sqlite3_finalize(one) }
        // C copies of every name, bound without copying (SQLITE_STATIC) and freed at the end.
        let copies = [periods, groups].map { $0.map { strdup($0) } }
        defer { copies.forEach { $0.forEach { free($0) } } }
        guard !copies.joined().contains(nil) else { throw POSIXError(.ENOMEM) }
        let names = copies.map { $0.compactMap { $0 } }
        let lengths = names.map { $0.map { Int32(strlen($0)) } }
        let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)
        let periodNames = names[0]
        let groupNames = names[1]
        let periodLengths = lengths[0]
        let groupLengths = lengths[1]
        // Plain pointers: the loop runs millions of times, and array accesses retained and
        // bounds-checked each one.
        try areas.withUnsafeBufferPointer { areas in
            try rows.rows.withUnsafeBufferPointer { rows in
                try order.withUnsafeBufferPointer { order in
                    var k = 0
                    while k < order.count {
                        let n = order.count - k >= batch ? batch : 1
                        let statement = n == batch ? many : one
                        for j in 0..<n {
                            let r = rows[Int(order[k + j])]
                            let c = Int32(j * 9)
                            func number(_ column: Int32, _ x: Double) {
                                if x.isNaN {
                                    sqlite_nio_sqlite3_bind_null(statement, c + column)
                                } else {
                                    sqlite_nio_sqlite3_bind_double(statement, c + column, x)
                                }
                            }
                            sqlite_nio_sqlite3_bind_int64(statement, c + 1, areas[Int(r.area)])
                            sqlite_nio_sqlite3_bind_text(
                                statement, c + 2, periodNames[Int(r.period)], periodLengths[Int(r.period)], isStatic)
                            sqlite_nio_sqlite3_bind_text(
                                statement, c + 3, groupNames[Int(r.group)], groupLengths[Int(r.group)], isStatic)
                            number(4, r.value)
                            number(5, r.numerator)
                            number(6, r.denominator)
                            number(7, r.weight)
                            sqlite_nio_sqlite3_bind_int(statement, c + 8, Int32(r.flags & 1))
                            sqlite_nio_sqlite3_bind_int(statement, c + 9, Int32(r.flags >> 1 & 1))
                        }
                        guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                            throw SQLiteDirect.Failure(
                                handle, "inserting the observation of line \(rows[Int(order[k])].line)")
                        }
                        sqlite_nio_sqlite3_reset(statement)
                        k += n
                    }
                }
            }
        }
    }
}

/// Any other SQL database (PostgreSQL): multi-row INSERTs through SQLKit, 1,000 rows a statement.
struct SQLKitObservationWriter: ObservationWriter {
    func insert(
        _ rows: CompactObservations, in order: [Int32], indicator: Int64, areas: [Int64], periods: [String],
        groups: [String],
        on db: any Database
    ) async throws {
        let sql = try db.sql()
        var start = 0
        while start < order.count {
            let end = min(start + 1000, order.count)
            var values: [[any SQLExpression]] = []
            values.reserveCapacity(end - start)
            for r in order[start..<end].map({ rows.rows[Int($0)] }) {
                values.append([
                    SQLBind(indicator), SQLBind(areas[Int(r.area)]), SQLBind(periods[Int(r.period)]),
                    SQLBind(groups[Int(r.group)]), SQLBind(CompactObservations.optional(r.value)),
                    SQLBind(CompactObservations.optional(r.numerator)),
                    SQLBind(CompactObservations.optional(r.denominator)),
                    SQLBind(CompactObservations.optional(r.weight)), SQLBind(r.preliminary), SQLBind(r.suppressed),
                ])
            }
            try await sql.insert(into: Observation.schema).columns(Observation.columns).values(values[0]).rows(
                Array(values.dropFirst())
            ).run()
            start = end
        }
    }
}
