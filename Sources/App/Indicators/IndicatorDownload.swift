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
        return try await req.exportResponse(
            "indicator \(info.id) \(format.rawValue)", contentType: format.contentType,
            filename: format.filename(info.code)
        ) { sink in
            try await write(info, format: format, index: index, on: db, to: sink)
        }
    }

    /// Writes every observation, in the order of period, group and area id: one query per
    /// period, read column by column, written in chunks.
    static func write(
        _ info: IndicatorInfo, format: Format, index: CatalogueIndex, on db: any Database,
        to sink: ExportFiles.Sink
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let periods = try await IndicatorQueries.periods(info.id, on: db)
        var csv = CSVWriter(format == .csvSwedish ? .excel : .rfc4180)
        var openSDG = OpenSDGFormat.Writer(groups: format == .openSDG ? try await groups(info.id, on: sql) : [])
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
        var areas: [String: (code: String?, name: String, kind: String)] = [:]
        for period in periods {
            let rows = try await sql.raw(
                """
                SELECT a.slug AS slug, o.group_key AS group_key, o.value AS value, o.numerator AS numerator,
                       o.denominator AS denominator, o.weight AS weight, o.preliminary AS preliminary, o.suppressed AS suppressed,
                       o.aggregated AS aggregated
                FROM observations o JOIN areas a ON a.number = o.area_no
                WHERE o.indicator_no = \(Observation.number(ofIndicator: info.id)) AND o.period = \(bind: period)
                ORDER BY o.group_key, a.slug
                """
            ).all()
            for row in rows {
                let slug: String = try row.value("slug")
                let area =
                    areas[slug]
                    ?? {
                        let record = index.areaByID[slug]
                        let found = (code: record?.code, name: record?.name ?? slug, kind: record?.kind.rawValue ?? "")
                        areas[slug] = found
                        return found
                    }()
                pending.append(
                    ExportRow(
                        indicator: info.code, areaID: slug, areaCode: area.code, areaName: area.name,
                        areaKind: area.kind, period: period, group: try row.value("group_key"),
                        value: try row.optional("value"), numerator: try row.optional("numerator"),
                        denominator: try row.optional("denominator"), weight: try row.optional("weight"),
                        preliminary: try row.value("preliminary"), suppressed: try row.value("suppressed"),
                        origin: (Observation.Origin(rawValue: Int16(try row.value("aggregated", as: Int.self)))
                            ?? .measured).name))
                // About 100 bytes a row.
                if pending.count * 100 >= chunkBytes { try await flush() }
            }
        }
        // Always at least once, so a file without values still has its header.
        try await flush()
        if format == .json { try await sink.write(ObservationExport.jsonEnd) }
    }

    /// The indicator's groups, for the columns of an Open SDG file.
    static func groups(_ indicatorID: UUID, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().distinct().column(SQLColumn("group_key")).from(Observation.schema)
            .where(SQLColumn("indicator_no"), .equal, Observation.number(ofIndicator: indicatorID))
            .all().map { try $0.value("group_key") }
    }
}
