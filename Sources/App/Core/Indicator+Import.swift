import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Imports one indicator's observations from a statistics file, all rows or none. First every
/// row is checked and every area matched (an unmatched area refuses the file before anything is
/// written), keeping the rows in a compact form (about 50 bytes a row, so 5 million rows take
/// some 250 MB rather than gigabytes of strings); then the indicator, any new areas, the
/// observations and the recomputed disparity summaries are written in one transaction.
enum IndicatorImporter {
    struct Outcome: Sendable {
        let summary: ObservationSummary
        let written: Int
        let createdAreas: Int
        let skipped: [String]
        let periods: [String]
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

    /// The rows of a file in the spec's shape, one at a time (CSV streams; Kolada JSON and
    /// Open SDG files are small and read whole).
    static func forEachRow(_ data: Data, _ spec: IndicatorImportSpec, _ body: (ReadObservation) throws -> Void) throws {
        switch spec.format {
        case .csv:
            var mapping = spec.mapping
            mapping.per = spec.indicator.per
            try ObservationReader.stream(data, mapping: mapping, row: body)
        case .kolada:
            switch KoladaReader.parse(data) {
            case .success(let k):
                if !k.kpis.isEmpty, let wanted = spec.mapping.filters["kpi"], !k.kpis.contains(wanted) {
                    throw ObservationProblems([.init(line: nil, column: "kpi", message: "the file has \(k.kpis.joined(separator: ", ")), not \(wanted)")])
                }
                for o in k.observations { try body(o) }
            case .failure(let p): throw p
            }
        case .opensdg:
            switch OpenSDGFormat.read(try CSVTable.parse(data)) {
            case .success(let rows): for o in rows { try body(o) }
            case .failure(let p): throw p
            }
        }
    }

    static func run(_ data: Data, _ spec: IndicatorImportSpec, by actor: AuditActor, on db: any Database) async throws -> Outcome {
        let definitionProblems = spec.indicator.problems()
        if !definitionProblems.isEmpty { throw ObservationProblems(definitionProblems) }
        let doc = try await CatalogueLoader.load(from: db)
        var linkProblems: [ObservationProblem] = []
        let targetIDs = Set(doc.roadmap?.targetAreas.map(\.id) ?? [])
        let strategyIDs = Set(doc.roadmap?.targetAreas.flatMap { $0.strategies.map(\.id) } ?? [])
        for t in spec.indicator.targetAreas ?? [] where !targetIDs.contains(t) {
            linkProblems.append(.init(line: nil, column: "targetAreas", message: "the roadmap has no target area \"\(t)\""))
        }
        for s in spec.indicator.strategies ?? [] where !strategyIDs.contains(s) {
            linkProblems.append(.init(line: nil, column: "strategies", message: "the roadmap has no strategy \"\(s)\""))
        }
        if let parent = spec.parent, !doc.areas.contains(where: { $0.id == parent }) {
            linkProblems.append(.init(line: nil, column: "parent", message: "no area has the id \"\(parent)\""))
        }
        if !linkProblems.isEmpty { throw ObservationProblems(linkProblems) }

        let clock = ContinuousClock()
        var phase = clock.now
        func lap(_ name: String) {
            let now = clock.now
            db.logger.debug("indicator import: \(name) took \(now - phase)")
            phase = now
        }
        lap("loading the catalogue")
        // Pass 1: check every row, match every area, find duplicate rows.
        let matcher = AreaMatcher(doc.areas, kind: spec.areaKind)
        let city = doc.areas.first { $0.kind == .city }
        var plan = Plan()
        var unmatched: [(line: Int, area: String, suggestions: [String])] = []
        var newAreas: [AreaRecord] = []
        var takenIDs = Set(doc.areas.map(\.id))
        var createdFor: [String: String] = [:]
        var problems: [ObservationProblem] = []
        var summary = ObservationSummary()
        try forEachRow(data, spec) { r in
            let key = AreaKey(code: r.areaCode, name: r.areaName, year: r.period.prefix(4))
            let slug: String?
            if let known = plan.areaOf[key] {
                slug = known
            } else {
                if r.areaCode == nil && r.areaName == nil, let city {
                    slug = city.id // Open SDG rows without GeoCode are for the whole city.
                } else {
                    switch matcher.match(code: r.areaCode, name: r.areaName, period: r.period) {
                    case .found(let a): slug = a.id
                    case .ambiguous(let list):
                        unmatched.append((r.line, r.areaName ?? r.areaCode ?? "", list.map(\.id))); slug = nil
                    case .unmatched(let suggestions):
                        let label = [r.areaCode, r.areaName].compactMap { $0 }.joined(separator: " ")
                        if spec.createAreas {
                            // One new area per code (or name), whatever the period.
                            let createKey = r.areaCode ?? r.areaName ?? label
                            if let id = createdFor[createKey] {
                                slug = id
                            } else {
                                let id = uniqueSlug(Slug.make("\(spec.areaKind.rawValue) \(label)"), taken: takenIDs)
                                takenIDs.insert(id)
                                createdFor[createKey] = id
                                newAreas.append(AreaRecord(id: id, name: r.areaName ?? label, kind: spec.areaKind, code: r.areaCode, parent: spec.parent))
                                slug = id
                            }
                        } else {
                            if !spec.skipUnmatched { unmatched.append((r.line, label, suggestions)) }
                            slug = nil
                        }
                    }
                }
                plan.areaOf[key] = slug
            }
            guard let slug else { plan.skipped.append(r.areaName ?? r.areaCode ?? ""); return }
            switch plan.add(r, area: slug) {
            // Collection rows are counted (the six of early votes are six rows not computable) but stored once.
            case .added, .collectionRow: summary.add(r)
            case .duplicate(let problem): problems.append(problem)
            }
        }
        lap("reading and checking \(plan.rows.count) rows")
        if !unmatched.isEmpty { throw Unmatched(rows: unmatched) }
        if !problems.isEmpty { throw ObservationProblems(problems) }

        // Pass 2: write, in one transaction.
        let (created, finalPlan) = (newAreas, plan)
        let written = try await CatalogueEditor.transaction(on: db) { tx -> Int in
            let t0 = clock.now
            try await CatalogueImporter.add(areas: created, in: tx, actor: actor)
            let indicator = try await save(spec, on: tx)
            let sql = tx as! any SQLDatabase
            let areaNumbers = try await sql.select().column("slug").column("number").from(Area.schema).all()
                .reduce(into: [String: Int64]()) { $0[try $1.value("slug")] = try $1.value("number") }
            let indicatorNumber: Int64 = try await sql.select().column("number").from(Indicator.schema)
                .where("id", .equal, indicator.id!).first()!.value("number")
            // A file replaces what it covers: the same indicator, periods and groups.
            try await sql.delete(from: Observation.schema).where("indicator_no", .equal, indicatorNumber)
                .where("period", .in, finalPlan.periods.names).where("group_key", .in, finalPlan.groups.names).run()
            let t1 = clock.now
            let writer = observationWriter(for: tx)
            try await writer.insert(finalPlan.rows, indicator: indicatorNumber, areas: finalPlan.areas.names.map { areaNumbers[$0]! },
                                    periods: finalPlan.periods.names, groups: finalPlan.groups.names, on: tx)
            let t2 = clock.now
            try await IndicatorSummaries.recompute(indicator, on: tx)
            tx.logger.debug("indicator import: areas and deletes \(t1 - t0), inserting \(t2 - t1), summaries \(clock.now - t2)")
            try await bumpGeneration(on: tx)
            try await Audit.record("import", objectType: "indicator", objectID: spec.indicator.code,
                                   after: "{\"observations\":\(finalPlan.rows.count),\"periods\":\(finalPlan.periods.names.sorted())}", by: actor, on: tx)
            return finalPlan.rows.count
        }
        return Outcome(summary: summary, written: written, createdAreas: newAreas.count, skipped: plan.skipped, periods: plan.periods.names.sorted())
    }

    /// Creates or updates the indicator's row from its definition.
    static func save(_ spec: IndicatorImportSpec, on tx: any Database) async throws -> Indicator {
        let d = spec.indicator
        let indicator = try await Indicator.query(on: tx).filter(\.$code == d.code).first() ?? Indicator()
        let isNew = indicator.id == nil
        indicator.code = d.code; indicator.name = d.name; indicator.nameEn = d.nameEn; indicator.unit = d.unit
        indicator.direction = d.direction.rawValue; indicator.definition = d.definition; indicator.definitionEn = d.definitionEn
        indicator.source = d.source; indicator.sourceURL = d.sourceURL
        indicator.targetAreas = (d.targetAreas ?? []).isEmpty ? nil : String(decoding: try JSONEncoder().encode(d.targetAreas), as: UTF8.self)
        indicator.strategies = (d.strategies ?? []).isEmpty ? nil : String(decoding: try JSONEncoder().encode(d.strategies), as: UTF8.self)
        indicator.importSpec = String(decoding: spec.encoded(), as: UTF8.self)
        indicator.updatedAt = ISO8601DateFormatter().string(from: Date())
        indicator.version = isNew ? 1 : indicator.version + 1
        try await indicator.save(on: tx)
        return indicator
    }

    /// Pages and API answers are cached per catalogue generation: new values are a new generation.
    static func bumpGeneration(on tx: any Database) async throws {
        let state = try await CatalogueState.find(1, on: tx) ?? CatalogueState(id: 1, generation: 0)
        state.generation += 1
        try await state.save(on: tx)
    }

    static func uniqueSlug(_ base: String, taken: Set<String>) -> String {
        var candidate = base, n = 2
        while taken.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
        return candidate
    }

    /// How a row names its area; the year decides between an old name and its successor.
    struct AreaKey: Hashable {
        let code: String?
        let name: String?
        let year: Substring
    }

    /// What the first pass learnt, for the second: the area of each way of naming one, and the
    /// rows to write.
    struct Plan: Sendable {
        var areaOf: [AreaKey: String?] = [:]
        var skipped: [String] = []
        var areas = Interned(), periods = Interned(), groups = Interned()
        var rows = CompactObservations()
        /// Area, period and group packed into one number → the first line, negative when it has no value.
        private var seen: [Int64: Int32] = [:]

        enum Added { case added, collectionRow, duplicate(ObservationProblem) }

        /// Several rows for one area, period and group are allowed only when none has a value
        /// (collection rows such as early votes not allocated to a district); the first is stored.
        mutating func add(_ r: ReadObservation, area: String) -> Added {
            let a = areas.index(area), p = periods.index(r.period), g = groups.index(r.group)
            let key = Int64(a) << 40 | Int64(p) << 24 | Int64(g)
            if let first = seen[key] {
                if r.computable || first > 0 {
                    return .duplicate(ObservationProblem(line: r.line, column: nil,
                        message: "the area \(area), period \(r.period) and group \(r.group) already have a value on line \(abs(first))"))
                }
                return .collectionRow
            }
            seen[key] = Int32(clamping: r.line) * (r.computable ? 1 : -1)
            rows.append(r, area: a, period: p, group: g)
            return .added
        }
    }
}

/// Strings numbered in the order first seen.
struct Interned: Sendable {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    mutating func index(_ s: String) -> Int32 {
        if let i = numbers[s] { return i }
        let i = Int32(names.count)
        numbers[s] = i
        names.append(s)
        return i
    }
}

/// Observations as columns of numbers: areas, periods and groups by index, missing numbers as NaN.
struct CompactObservations: Sendable {
    private(set) var area: [Int32] = [], period: [Int32] = [], group: [Int32] = []
    private(set) var value: [Double] = [], numerator: [Double] = [], denominator: [Double] = [], weight: [Double] = []
    /// Bit 0: preliminary, bit 1: suppressed.
    private(set) var flags: [UInt8] = []

    var count: Int { area.count }

    mutating func append(_ r: ReadObservation, area a: Int32, period p: Int32, group g: Int32) {
        area.append(a); period.append(p); group.append(g)
        value.append(r.value ?? .nan); numerator.append(r.numerator ?? .nan)
        denominator.append(r.denominator ?? .nan); weight.append(r.weight ?? .nan)
        flags.append((r.preliminary ? 1 : 0) | (r.suppressed ? 2 : 0))
    }

    static func optional(_ x: Double) -> Double? { x.isNaN ? nil : x }
}
