import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Imports one indicator's observations from a statistics file, all rows or none: the file is
/// read and checked whole, areas are matched (or, when asked, created), and then the indicator,
/// any new areas and every observation are written in one transaction.
enum IndicatorImporter {
    static let units = ["percent", "count", "sek", "years", "perMille"]

    struct Options: Sendable {
        var code: String
        var name: String
        var nameEn: String?
        var unit: String
        var direction: Direction
        var mapping: ObservationMapping
        /// The kind of area the file's rows are (voting districts, district areas, …).
        var areaKind: AreaKind
        var createAreas: Bool
        var parent: String?
        var skipUnmatched: Bool
    }

    struct Outcome: Sendable {
        let summary: ObservationSummary
        let written: Int
        let createdAreas: Int
        let skipped: [String]
    }

    /// Rows whose area is not in the catalogue, with suggestions; the import is refused.
    struct Unmatched: Error, CustomStringConvertible {
        let rows: [(line: Int, area: String, suggestions: [String])]
        var description: String {
            "\(rows.count) row(s) name areas that are not in the catalogue (use --create-areas or --skip-unmatched):\n"
                + rows.prefix(50).map { r in "  line \(r.line): \(r.area)" + (r.suggestions.isEmpty ? "" : " (did you mean: \(r.suggestions.joined(separator: ", "))?)") }
                .joined(separator: "\n") + (rows.count > 50 ? "\n  … and \(rows.count - 50) more" : "")
        }
    }

    static func run(_ data: Data, _ o: Options, by actor: AuditActor, on db: any Database) async throws -> Outcome {
        guard units.contains(o.unit) else { throw CatalogueCommandError("unknown unit \"\(o.unit)\" (expected one of \(units.joined(separator: ", ")))") }
        guard CatalogueReader.isSlug(o.code) else { throw CatalogueCommandError("the indicator code must be lowercase a–z, digits and hyphens, got \"\(o.code)\"") }
        let table = try CSVTable.parse(data)
        let rows: [ReadObservation]
        switch ObservationReader.read(table, mapping: o.mapping) {
        case .success(let r): rows = r
        case .failure(let p): throw p
        }
        let doc = try await CatalogueLoader.load(from: db)
        if let parent = o.parent, !doc.areas.contains(where: { $0.id == parent }) {
            throw CatalogueCommandError("--parent: no area has the id \"\(parent)\"")
        }
        let matcher = AreaMatcher(doc.areas, kind: o.areaKind)
        var areaOf: [Int: String] = [:]
        var unmatched: [(Int, String, [String])] = []
        var newAreas: [AreaRecord] = []
        var newIDs: [String: String] = [:]
        for (i, r) in rows.enumerated() {
            switch matcher.match(code: r.areaCode, name: r.areaName) {
            case .found(let a): areaOf[i] = a.id
            case .ambiguous(let list): unmatched.append((r.line, r.areaName ?? r.areaCode ?? "", list.map(\.id)))
            case .unmatched(let suggestions):
                let label = [r.areaCode, r.areaName].compactMap { $0 }.joined(separator: " ")
                if o.createAreas {
                    let key = r.areaCode ?? r.areaName ?? ""
                    if let id = newIDs[key] { areaOf[i] = id; continue }
                    let id = uniqueSlug(Slug.make("\(o.areaKind.rawValue) \(label)"), taken: Set(doc.areas.map(\.id)).union(newIDs.values))
                    newIDs[key] = id
                    newAreas.append(AreaRecord(id: id, name: r.areaName ?? key, kind: o.areaKind, code: r.areaCode, parent: o.parent))
                    areaOf[i] = id
                } else if !o.skipUnmatched {
                    unmatched.append((r.line, label, suggestions))
                }
            }
        }
        if !unmatched.isEmpty { throw Unmatched(rows: unmatched.map { (line: $0.0, area: $0.1, suggestions: $0.2) }) }
        // Several rows for one area and period: allowed only when none has a value (collection
        // rows such as early votes not allocated to a district); one of them is stored.
        var firstRow: [String: Int] = [:]
        var duplicates: [ObservationProblem] = []
        for i in rows.indices {
            guard let a = areaOf[i] else { continue }
            let key = "\(a)|\(rows[i].period)"
            if let j = firstRow[key] {
                if rows[i].computable || rows[j].computable {
                    duplicates.append(ObservationProblem(line: rows[i].line, column: nil,
                        message: "the area \(a) and period \(rows[i].period) already have a value on line \(rows[j].line)"))
                }
                areaOf[i] = nil
                areaOf[-1 - i] = a // counted, not written
            } else {
                firstRow[key] = i
            }
        }
        if !duplicates.isEmpty { throw ObservationProblems(duplicates) }
        let skipped = rows.indices.filter { areaOf[$0] == nil && areaOf[-1 - $0] == nil }.map { rows[$0].areaName ?? rows[$0].areaCode ?? "" }

        let (created, areaFor) = (newAreas, areaOf)
        let written = try await CatalogueEditor.transaction(on: db) { tx -> Int in
            if !created.isEmpty {
                var edited = try await CatalogueLoader.load(from: tx)
                edited.areas += created
                if case .failure(let p) = CatalogueReader.read(try JSONEncoder().encode(edited)) { throw p }
                _ = try await CatalogueImporter.sync(edited, in: tx, actor: actor)
            }
            let indicator = try await Indicator.query(on: tx).filter(\.$code == o.code).first() ?? Indicator()
            let isNew = indicator.id == nil
            indicator.code = o.code; indicator.name = o.name; indicator.nameEn = o.nameEn; indicator.unit = o.unit
            indicator.direction = o.direction.rawValue
            indicator.version = isNew ? 1 : indicator.version + 1
            try await indicator.save(on: tx)
            let areaIDs = Dictionary(try await Area.query(on: tx).all().map { ($0.slug, $0.id!) }, uniquingKeysWith: { a, _ in a })
            // A file replaces what it covers: the same indicator, periods and group.
            let periods = Set(rows.map(\.period))
            try await Observation.query(on: tx).filter(\.$indicator.$id == indicator.id!).filter(\.$period ~~ Array(periods)).delete()
            var count = 0
            let sql = tx as! any SQLDatabase
            var batch: [[any SQLExpression]] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                try await sql.insert(into: Observation.schema)
                    .columns("id", "indicator_id", "area_id", "period", "group_key", "value", "numerator", "denominator", "weight", "preliminary", "suppressed")
                    .values(batch.first!).rows(Array(batch.dropFirst())).run()
                batch.removeAll(keepingCapacity: true)
            }
            for (i, r) in rows.enumerated() {
                guard let slug = areaFor[i], let areaID = areaIDs[slug] else { continue }
                batch.append([SQLBind(UUID()), SQLBind(indicator.id!), SQLBind(areaID), SQLBind(r.period), SQLBind("T"),
                              SQLBind(r.value), SQLBind(r.numerator), SQLBind(r.denominator), SQLBind(r.denominator),
                              SQLBind(false), SQLBind(r.suppressed)])
                count += 1
                if batch.count == 500 { try await flush() }
            }
            try await flush()
            try await Audit.record("import", objectType: "indicator", objectID: o.code,
                                   after: "{\"observations\":\(count),\"periods\":\(Array(periods).sorted())}", by: actor, on: tx)
            return count
        }
        return Outcome(summary: ObservationSummary(rows.indices.filter { areaOf[$0] != nil || areaOf[-1 - $0] != nil }.map { rows[$0] }), written: written,
                       createdAreas: newAreas.count, skipped: skipped)
    }

    static func uniqueSlug(_ base: String, taken: Set<String>) -> String {
        var candidate = base, n = 2
        while taken.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
        return candidate
    }
}
