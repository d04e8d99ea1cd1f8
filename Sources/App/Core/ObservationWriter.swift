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
/// limit of 32,766) a statement.
struct SQLiteObservationWriter: ObservationWriter {
    static let rowsPerStatement = 2000

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
        var start = 0
        while start < rows.count {
            let end = min(start + Self.rowsPerStatement, rows.count)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * observationColumns.count)
            for i in start..<end {
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
