import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// An indicator's observations as a download (CSV, CSV for Swedish Excel, JSON, Open SDG CSV),
/// read from the database one period and group at a time and written to an export file, so a
/// download of millions of values never holds them all in memory.
enum IndicatorDownload {
    enum Format: String, CaseIterable, Sendable {
        case csv
        case csvSwedish = "csv-sv"
        case json
        case openSDG = "opensdg"

        var contentType: HTTPMediaType {
            self == .json ? .json : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }

        func filename(_ code: String) -> String {
            switch self {
            case .csv: return "\(code).csv"
            case .csvSwedish: return "\(code)-excel.csv"
            case .json: return "\(code).json"
            case .openSDG: return "\(code)-opensdg.csv"
            }
        }
    }

    /// Bytes gathered before a chunk is written to the file.
    static let chunkBytes = 1 << 20

    static func response(_ req: Request, info: IndicatorInfo, format: Format) async throws -> Response {
        let index = try await req.catalogue().index
        let db = req.db
        return try await req.exportResponse("indicator \(info.id) \(format.rawValue)", contentType: format.contentType,
                                            filename: format.filename(info.code)) { sink in
            try await write(info, format: format, index: index, on: db, to: sink)
        }
    }

    /// Writes every observation, in the order of period, group and area id.
    static func write(_ info: IndicatorInfo, format: Format, index: CatalogueIndex, on db: any Database,
                      to sink: ExportFiles.Sink) async throws {
        let pairs = try await periodsAndGroups(info.id, on: db)
        var csv = CSVWriter(format == .csvSwedish ? .excel : .rfc4180)
        var openSDG = OpenSDGFormat.Writer(groups: Set(pairs.map(\.group)))
        var first = true
        switch format {
        case .csv, .csvSwedish: csv.row(ObservationExport.header)
        case .json: try await sink.write(ObservationExport.jsonStart)
        case .openSDG: break
        }
        var pending: [ExportRow] = []
        func flush() async throws {
            switch format {
            case .csv, .csvSwedish:
                for row in pending { ObservationExport.append(row, to: &csv) }
                try await sink.write(csv.take())
            case .json:
                try await sink.write(ObservationExport.jsonChunk(pending, first: first))
                if !pending.isEmpty { first = false }
            case .openSDG:
                for row in pending { openSDG.append(row) }
                try await sink.write(openSDG.csv.take())
            }
            pending.removeAll(keepingCapacity: true)
        }
        for pair in pairs {
            let rows = try await IndicatorQueries.observations(info.id, period: pair.period, group: pair.group, on: db)
            for o in rows {
                let area = index.areaByID[o.slug]
                pending.append(ExportRow(indicator: info.code, areaID: o.slug, areaCode: area?.code, areaName: area?.name ?? o.slug,
                                         areaKind: area?.kind.rawValue ?? "", period: o.period, group: o.group_key, value: o.value,
                                         numerator: o.numerator, denominator: o.denominator, weight: o.weight,
                                         preliminary: o.preliminary, suppressed: o.suppressed))
            }
            // About 100 bytes a row.
            if pending.count * 100 >= chunkBytes { try await flush() }
        }
        // Always at least once, so a file without values still has its header.
        try await flush()
        if format == .json { try await sink.write(ObservationExport.jsonEnd) }
    }

    struct PeriodGroup: Sendable { let period: String; let group: String }

    /// The indicator's periods and groups, in order: each is then read with one seek.
    static func periodsAndGroups(_ indicatorID: UUID, on db: any Database) async throws -> [PeriodGroup] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.select().distinct()
            .column(SQLColumn("period")).column(SQLColumn("group_key"))
            .from(Observation.schema)
            .where(SQLColumn("indicator_no"), .equal, Observation.number(ofIndicator: indicatorID))
            .orderBy("period").orderBy("group_key")
            .all()
        return try rows.map { PeriodGroup(period: try $0.value("period"), group: try $0.value("group_key")) }
    }
}
