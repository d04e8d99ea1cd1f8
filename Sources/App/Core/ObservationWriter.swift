import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import VaporCSQLite

/// Writes many observations at once. One implementation per database, because the generic path
/// (SQLKit binds through `Encodable`) costs microseconds a value, which for millions of rows is
/// most of an import; SQLite takes its own values directly.
protocol ObservationWriter: Sendable {
    func insert(_ rows: CompactObservations, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws
}

func observationWriter(for db: any Database) -> any ObservationWriter {
    db is any SQLiteDatabase ? SQLiteObservationWriter() : SQLKitObservationWriter()
}

/// SQLite: one prepared statement stepped once a row through SQLite's C interface
/// (`SQLiteDirect`), inside the import's transaction, in the order of the primary key (indicator,
/// period, group, area) so that the table grows at one end instead of being searched and split
/// page by page; and with a page cache large enough that a million-row transaction does not spill
/// to disk before it commits. A connection without `SQLiteDirect` takes the portable path.
struct SQLiteObservationWriter: ObservationWriter {
    /// 256 MB of page cache for the import's connection (negative: in KiB), then back to SQLite's default.
    static let importCacheKiB = 262_144

    func insert(_ rows: CompactObservations, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sqlite = db as! any SQLiteDatabase
        guard await SQLiteDirect.isAvailable(on: sqlite) else {
            return try await SQLKitObservationWriter().insert(rows, indicator: indicator, areas: areas, periods: periods, groups: groups, on: db)
        }
        // Each value's rank in the key's order (SQLite compares text bytewise, as Swift's `<` on
        // UTF-8 does; areas by number), packed into one sortable number per row.
        func ranks(_ names: [String]) -> [Int64] {
            var r = [Int64](repeating: 0, count: names.count)
            for (rank, i) in names.indices.sorted(by: { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }).enumerated() { r[i] = Int64(rank) }
            return r
        }
        let pr = ranks(periods), gr = ranks(groups)
        var ar = [Int64](repeating: 0, count: areas.count)
        for (rank, i) in areas.indices.sorted(by: { areas[$0] < areas[$1] }).enumerated() { ar[i] = Int64(rank) }
        var keyed = (0..<rows.count).map { i in
            (key: pr[Int(rows.period[i])] << 42 | gr[Int(rows.group[i])] << 21 | ar[Int(rows.area[i])], row: Int32(i))
        }
        keyed.sort { $0.key < $1.key }
        let index = keyed.map(\.row)
        keyed = []
        _ = try await sqlite.query("PRAGMA cache_size = -\(Self.importCacheKiB)", [])
        do {
            try await SQLiteDirect.run(on: sqlite) { handle in
                try Self.write(rows, in: index, indicator: indicator, areas: areas, periods: periods, groups: groups, handle: handle)
            }
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
            throw error
        }
        // The pooled connection must not keep a quarter of a gigabyte of pages.
        _ = try await sqlite.query("PRAGMA cache_size = -2000", [])
    }

    private static func write(_ rows: CompactObservations, in index: [Int32], indicator: Int64, areas: [Int64], periods: [String],
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
        // Plain pointers over the columns: the loop runs millions of times, and array accesses
        // through the struct retained and bounds-checked each one.
        let periodNames = names[0], groupNames = names[1]
        try areas.withUnsafeBufferPointer { areaNumbers in try rows.area.withUnsafeBufferPointer { area in try rows.period.withUnsafeBufferPointer { period in
        try rows.group.withUnsafeBufferPointer { group in try rows.flags.withUnsafeBufferPointer { flags in
        try rows.value.withUnsafeBufferPointer { value in try rows.numerator.withUnsafeBufferPointer { numerator in
        try rows.denominator.withUnsafeBufferPointer { denominator in try rows.weight.withUnsafeBufferPointer { weight in
            for i32 in index {
                let i = Int(i32)
                sqlite_nio_sqlite3_bind_int64(statement, 2, areaNumbers[Int(area[i])])
                sqlite_nio_sqlite3_bind_text(statement, 3, periodNames[Int(period[i])], -1, isStatic)
                sqlite_nio_sqlite3_bind_text(statement, 4, groupNames[Int(group[i])], -1, isStatic)
                number(5, value[i]); number(6, numerator[i]); number(7, denominator[i]); number(8, weight[i])
                sqlite_nio_sqlite3_bind_int(statement, 9, Int32(flags[i] & 1))
                sqlite_nio_sqlite3_bind_int(statement, 10, Int32(flags[i] >> 1 & 1))
                guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                    throw SQLiteDirect.Failure(handle, "inserting observation \(i + 1)")
                }
                sqlite_nio_sqlite3_reset(statement)
            }
        } } } } } } } } }
    }
}

/// Any other SQL database (PostgreSQL): multi-row INSERTs through SQLKit, 1,000 rows a statement.
struct SQLKitObservationWriter: ObservationWriter {
    func insert(_ rows: CompactObservations, indicator: Int64, areas: [Int64], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var start = 0
        while start < rows.count {
            let end = min(start + 1000, rows.count)
            var values: [[any SQLExpression]] = []
            values.reserveCapacity(end - start)
            for i in start..<end {
                values.append([SQLBind(indicator), SQLBind(areas[Int(rows.area[i])]), SQLBind(periods[Int(rows.period[i])]),
                               SQLBind(groups[Int(rows.group[i])]), SQLBind(CompactObservations.optional(rows.value[i])),
                               SQLBind(CompactObservations.optional(rows.numerator[i])), SQLBind(CompactObservations.optional(rows.denominator[i])),
                               SQLBind(CompactObservations.optional(rows.weight[i])), SQLBind(rows.flags[i] & 1 == 1), SQLBind(rows.flags[i] & 2 == 2)])
            }
            try await sql.insert(into: Observation.schema).columns(Observation.columns).values(values[0]).rows(Array(values.dropFirst())).run()
            start = end
        }
    }
}
