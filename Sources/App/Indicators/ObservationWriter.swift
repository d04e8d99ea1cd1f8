import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import VaporCSQLite

/// One observation to write: its area (an index into the writer's `areas`), period and group
/// (indexes into its names), the numbers (NaN for none) and flags (bit 0 preliminary, bit 1
/// suppressed), and the file's line or cell for messages.
struct ObservationRow: Sendable {
    var area, period, group: Int32
    var value, numerator, denominator, weight: Double
    var flags: UInt8
    var line: Int32
}

/// Observations ready to be written, handed over in the order of the table's key (period, group,
/// area), so that the database's B-tree grows at one end. A file's rows (`CompactObservations` in
/// key order) and a cube's cells (`CubeObservations`) both are.
protocol ObservationRows {
    var count: Int { get }
    /// The row at `position` in key order, `0..<count`.
    func row(_ position: Int) -> ObservationRow
}

/// Writes many observations at once. One implementation per database, because the generic path
/// (SQLKit binds through `Encodable`) costs microseconds a value, which for millions of rows is
/// most of an import; SQLite takes its own values directly.
protocol ObservationWriter: Sendable {
    /// Inserts the rows of one indicator; areas by number.
    func insert(
        _ rows: some ObservationRows, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
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
    /// the table's pages), at most 64 MB, then back to SQLite's default. Pages that do not fit are
    /// written to the log before the commit; rows come in key order, so the table grows at one
    /// end and a page, once written, is seldom touched again. A larger cache saved little time
    /// and cost an import of a 126 MB file several hundred megabytes.
    static func importCacheKiB(rows: Int) -> Int { min(max(rows / 10, 2_000), 65_536) }

    func insert(
        _ rows: some ObservationRows, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
        on db: any Database
    ) async throws {
        guard let sqlite = db as? any SQLiteDatabase, await SQLiteDirect.isAvailable(on: sqlite) else {
            return try await SQLKitObservationWriter().insert(
                rows, indicator: indicator, areas: areas, periods: periods, groups: groups, on: db)
        }
        _ = try await sqlite.query("PRAGMA cache_size = -\(Self.importCacheKiB(rows: rows.count))", [])
        do {
            try await SQLiteDirect.run(on: sqlite) { handle in
                try Self.write(
                    rows, indicator: indicator, areas: areas, periods: periods, groups: groups, handle: handle)
            }
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
            throw error
        }
        // The pooled connection must not keep hundreds of megabytes of pages.
        _ = try await sqlite.query("PRAGMA cache_size = -2000", [])
    }

    private static func write(
        _ rows: some ObservationRows, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
        handle: SQLiteDirect.Handle
    ) throws {
        // Statements of `batch` rows and of one row, for the rest: one step per 64 rows costs less
        // than a step and a reset per row. The indicator's number is the same for every row, and
        // an integer that the database gave, so it is written into the statement.
        let batch = 64
        func prepare(_ count: Int) throws -> OpaquePointer {
            let row = "(\(indicator),?,?,?,?,?,?,?,?,?)"
            let sql =
                "INSERT INTO observations (\(Observation.columns.joined(separator: ","))) VALUES "
                + Array(repeating: row, count: count).joined(separator: ",")
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
            func bind(_ row: ObservationRow, _ statement: OpaquePointer, at position: Int) {
                let offset = Int32(position * 9)
                func number(_ column: Int32, _ value: Double) {
                    if value.isNaN {
                        sqlite_nio_sqlite3_bind_null(statement, offset + column)
                    } else {
                        sqlite_nio_sqlite3_bind_double(statement, offset + column, value)
                    }
                }
                sqlite_nio_sqlite3_bind_int64(statement, offset + 1, areas[Int(row.area)])
                sqlite_nio_sqlite3_bind_text(
                    statement, offset + 2, periodNames[Int(row.period)], periodLengths[Int(row.period)], isStatic)
                sqlite_nio_sqlite3_bind_text(
                    statement, offset + 3, groupNames[Int(row.group)], groupLengths[Int(row.group)], isStatic)
                number(4, row.value)
                number(5, row.numerator)
                number(6, row.denominator)
                number(7, row.weight)
                sqlite_nio_sqlite3_bind_int(statement, offset + 8, Int32(row.flags & 1))
                sqlite_nio_sqlite3_bind_int(statement, offset + 9, Int32(row.flags >> 1 & 1))
            }
            func step(_ statement: OpaquePointer, line: Int32) throws {
                guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                    throw SQLiteDirect.Failure(handle, "inserting the observation of line \(line)")
                }
                sqlite_nio_sqlite3_reset(statement)
            }
            var position = 0
            while position < rows.count {
                let size = rows.count - position >= batch ? batch : 1
                let statement = size == batch ? many : one
                for offset in 0..<size { bind(rows.row(position + offset), statement, at: offset) }
                try step(statement, line: rows.row(position).line)
                position += size
            }
        }
    }
}

/// Any other SQL database (PostgreSQL): multi-row INSERTs through SQLKit, 1,000 rows a statement.
struct SQLKitObservationWriter: ObservationWriter {
    func insert(
        _ rows: some ObservationRows, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
        on db: any Database
    ) async throws {
        let sql = try db.sql()
        func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
        var start = 0
        while start < rows.count {
            let end = min(start + 1000, rows.count)
            let values: [[any SQLExpression]] = (start..<end).map { position in
                let row = rows.row(position)
                return [
                    SQLBind(indicator), SQLBind(areas[Int(row.area)]), SQLBind(periods[Int(row.period)]),
                    SQLBind(groups[Int(row.group)]), SQLBind(optional(row.value)), SQLBind(optional(row.numerator)),
                    SQLBind(optional(row.denominator)), SQLBind(optional(row.weight)), SQLBind(row.flags & 1 == 1),
                    SQLBind(row.flags & 2 == 2),
                ]
            }
            try await sql.insert(into: Observation.schema).columns(Observation.columns).values(values[0])
                .rows(Array(values.dropFirst())).run()
            start = end
        }
    }
}
