import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Writes many observations at once. One implementation per database, because the generic path
/// (SQLKit binds through `Encodable`) costs microseconds a value, which for millions of rows is
/// most of an import; SQLite takes its own values directly.
protocol ObservationWriter: Sendable {
    func insert(_ rows: CompactObservations, indicator: String, areas: [String], periods: [String], groups: [String],
                on db: any Database) async throws
}

func observationWriter(for db: any Database) -> any ObservationWriter {
    db is any SQLiteDatabase ? SQLiteObservationWriter() : SQLKitObservationWriter()
}

private let observationColumns = ["indicator_id", "area_id", "period", "group_key", "value", "numerator", "denominator", "weight", "preliminary", "suppressed"]

/// Multi-row INSERTs with SQLite's own values: 2,000 rows (20,000 parameters, under SQLite's
/// limit of 32,766) a statement, in the order of the unique index (period, group, area), so that
/// the index grows at one end instead of being searched and split page by page; and with a page
/// cache large enough that a million-row transaction does not spill to disk before it commits.
struct SQLiteObservationWriter: ObservationWriter {
    static let rowsPerStatement = 2000
    /// 256 MB of page cache for the import's connection (negative: in KiB), then back to SQLite's default.
    static let importCacheKiB = 262_144

    func insert(_ rows: CompactObservations, indicator: String, areas: [String], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sqlite = db as! any SQLiteDatabase
        let placeholders = "(" + Array(repeating: "?", count: observationColumns.count).joined(separator: ",") + ")"
        func statement(_ n: Int) -> String {
            "INSERT INTO observations (\(observationColumns.joined(separator: ","))) VALUES "
                + Array(repeating: placeholders, count: n).joined(separator: ",")
        }
        let full = statement(Self.rowsPerStatement)
        let areaData = areas.map { SQLiteData.text($0) }, periodData = periods.map { SQLiteData.text($0) }
        let groupData = groups.map { SQLiteData.text($0) }
        let indicatorData = SQLiteData.text(indicator)
        func number(_ x: Double) -> SQLiteData { x.isNaN ? .null : .float(x) }
        // Each value's rank in the index's order, packed into one sortable number per row.
        func ranks(_ names: [String]) -> [Int64] {
            var r = [Int64](repeating: 0, count: names.count)
            for (rank, i) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { r[i] = Int64(rank) }
            return r
        }
        let pr = ranks(periods), gr = ranks(groups), ar = ranks(areas)
        var order = (0..<rows.count).map { i in
            (key: pr[Int(rows.period[i])] << 42 | gr[Int(rows.group[i])] << 21 | ar[Int(rows.area[i])], row: Int32(i))
        }
        order.sort { $0.key < $1.key }
        _ = try await sqlite.query("PRAGMA cache_size = -\(Self.importCacheKiB)", [])
        do {
            try await write()
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
            throw error
        }
        // The pooled connection must not keep a quarter of a gigabyte of pages.
        _ = try await sqlite.query("PRAGMA cache_size = -2000", [])

        func write() async throws {
            var start = 0
            while start < rows.count {
                let end = min(start + Self.rowsPerStatement, rows.count)
                var binds: [SQLiteData] = []
                binds.reserveCapacity((end - start) * observationColumns.count)
                for o in start..<end {
                    let i = Int(order[o].row)
                    binds.append(indicatorData)
                    binds.append(areaData[Int(rows.area[i])])
                    binds.append(periodData[Int(rows.period[i])])
                    binds.append(groupData[Int(rows.group[i])])
                    binds.append(number(rows.value[i])); binds.append(number(rows.numerator[i]))
                    binds.append(number(rows.denominator[i])); binds.append(number(rows.weight[i]))
                    binds.append(.integer(Int(rows.flags[i] & 1))); binds.append(.integer(Int(rows.flags[i] >> 1 & 1)))
                }
                _ = try await sqlite.query(end - start == Self.rowsPerStatement ? full : statement(end - start), binds)
                start = end
            }
        }
    }
}

/// Any other SQL database (PostgreSQL): multi-row INSERTs through SQLKit, 1,000 rows a statement.
struct SQLKitObservationWriter: ObservationWriter {
    func insert(_ rows: CompactObservations, indicator: String, areas: [String], periods: [String], groups: [String],
                on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let indicatorID = UUID(uuidString: indicator)!
        let areaIDs = areas.map { UUID(uuidString: $0)! }
        var start = 0
        while start < rows.count {
            let end = min(start + 1000, rows.count)
            var values: [[any SQLExpression]] = []
            values.reserveCapacity(end - start)
            for i in start..<end {
                values.append([SQLBind(indicatorID), SQLBind(areaIDs[Int(rows.area[i])]), SQLBind(periods[Int(rows.period[i])]),
                               SQLBind(groups[Int(rows.group[i])]), SQLBind(CompactObservations.optional(rows.value[i])),
                               SQLBind(CompactObservations.optional(rows.numerator[i])), SQLBind(CompactObservations.optional(rows.denominator[i])),
                               SQLBind(CompactObservations.optional(rows.weight[i])), SQLBind(rows.flags[i] & 1 == 1), SQLBind(rows.flags[i] & 2 == 2)])
            }
            try await sql.insert(into: Observation.schema).columns(observationColumns).values(values[0]).rows(Array(values.dropFirst())).run()
            start = end
        }
    }
}
