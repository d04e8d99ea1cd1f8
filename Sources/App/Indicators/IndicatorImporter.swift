import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Imports one indicator's observations from a statistics file, all rows or none. First every
/// row is checked and every area matched (an unmatched area refuses the file before anything is
/// written), keeping the rows in a compact form (`CompactObservations`); then, in one
/// transaction, the indicator and any new areas are written, the rows are put in key order and
/// checked for repeats (a repeat rolls everything back), and the observations and the recomputed
/// disparity summaries are written.
enum IndicatorImporter {
    struct Outcome: Sendable {
        let summary: ObservationSummary
        let written: Int
        let createdAreas: Int
        let skipped: [String]
        let periods: [String]
        /// What a preview found would change; nil when the import was written.
        var preview: Preview? = nil
    }

    /// What an import would change, shown before it is written.
    struct Preview: Sendable {
        /// The indicator as it is now, when it exists.
        let currentName: String?
        let currentOwner: String?
        /// Values it has now in all, and in the periods and groups the file covers (those are replaced).
        let currentValues: Int
        let replacedValues: Int
        let newValues: Int
        /// The names of the areas that would be created (the first 50).
        let newAreas: [String]
    }

    /// Rows whose area is not in the catalogue, with suggestions; the import is refused.
    struct Unmatched: Error, CustomStringConvertible {
        let rows: [(line: Int, area: String, suggestions: [String])]
        var description: String {
            "\(rows.count) row(s) name areas that are not in the catalogue (use --create-areas or --skip-unmatched):\n"
                + rows.prefix(50).map { r in
                    "  line \(r.line): \(r.area)"
                        + (r.suggestions.isEmpty ? "" : " (did you mean: \(r.suggestions.joined(separator: ", "))?)")
                }
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
                    throw ObservationProblems([
                        .init(
                            line: nil, column: "kpi", .kpiMismatch(has: k.kpis.joined(separator: ", "), wanted: wanted))
                    ])
                }
                for o in k.observations { try body(o) }
            case .failure(let p): throw p
            }
        case .opensdg:
            switch OpenSDGFormat.read(try CSVTable.parse(data)) {
            case .success(let rows): for o in rows { try body(o) }
            case .failure(let p): throw p
            }
        case .px, .jsonstat:
            // Being built: the cube readers (issue 20).
            throw ObservationProblems([.init(line: nil, column: nil, .chooseFormat)])
        }
    }

    /// Imports the file, or with `preview` only checks it and says what it would change.
    /// - Parameter owner: the owning body to record (a new indicator, or an administrator's choice).
    static func run(
        _ data: Data, _ spec: IndicatorImportSpec, owner: String? = nil, preview: Bool = false, by actor: AuditActor,
        on db: any Database
    ) async throws -> Outcome {
        let definitionProblems = spec.indicator.problems()
        if !definitionProblems.isEmpty { throw ObservationProblems(definitionProblems) }
        let doc = try await CatalogueLoader.load(from: db)
        var linkProblems: [ObservationProblem] = []
        let targetIDs = Set(doc.roadmap?.targetAreas.map(\.id) ?? [])
        let strategyIDs = Set(doc.roadmap?.targetAreas.flatMap { $0.strategies.map(\.id) } ?? [])
        for t in spec.indicator.targetAreas ?? [] where !targetIDs.contains(t) {
            linkProblems.append(.init(line: nil, column: "targetAreas", .noTargetArea(t)))
        }
        for s in spec.indicator.strategies ?? [] where !strategyIDs.contains(s) {
            linkProblems.append(.init(line: nil, column: "strategies", .noStrategy(s)))
        }
        if let parent = spec.parent, !doc.areas.contains(where: { $0.id == parent }) {
            linkProblems.append(.init(line: nil, column: "parent", .noArea(parent)))
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
        let cityName = city.map { SearchText.fold($0.name) }
        var plan = Plan()
        var unmatched: [(line: Int, area: String, suggestions: [String])] = []
        var newAreas: [AreaRecord] = []
        var takenIDs = Set(doc.areas.map(\.id))
        var createdFor: [String: String] = [:]
        var summary = ObservationSummary()
        var lastArea: (key: AreaKey, slug: String?)?
        plan.rows.reserve(data.count / 24)
        try forEachRow(data, spec) { r in
            let key = AreaKey(code: r.areaCode, name: r.areaName, year: r.period.prefix(4))
            let slug: String?
            // Files list an area's rows together: the row before usually names the same area.
            if let last = lastArea, last.key == key {
                slug = last.slug
            } else if let known = plan.areaOf[key] {
                slug = known
            } else {
                if r.areaCode == nil && r.areaName == nil, let city {
                    slug = city.id  // Open SDG rows without GeoCode are for the whole city.
                } else if let city, r.areaCode == nil, let name = r.areaName, SearchText.fold(name) == cityName {
                    slug = city.id  // A file of districts often ends with the city's own row.
                } else {
                    switch matcher.match(code: r.areaCode, name: r.areaName, period: r.period) {
                    case .found(let a): slug = a.id
                    case .ambiguous(let list):
                        unmatched.append((r.line, r.areaName ?? r.areaCode ?? "", list.map(\.id)))
                        slug = nil
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
                                newAreas.append(
                                    AreaRecord(
                                        id: id, name: r.areaName ?? label, kind: spec.areaKind, code: r.areaCode,
                                        parent: spec.parent))
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
            lastArea = (key, slug)
            guard let slug else {
                plan.skipped.append(r.areaName ?? r.areaCode ?? "")
                return
            }
            plan.add(r, area: slug)
            // Collection rows are counted (the six of early votes are six rows not computable) but stored once.
            summary.add(r)
        }
        lap("reading and checking \(plan.rows.count) rows")
        if !unmatched.isEmpty { throw Unmatched(rows: unmatched) }
        for (what, n) in [
            ("periods", plan.periods.names.count), ("groups", plan.groups.names.count),
            ("areas", plan.areas.names.count),
        ]
        where n > CompactObservations.maxDistinct {
            throw ObservationProblems([
                .init(
                    line: nil, column: nil, .tooManyDistinct(count: n, what: what, max: CompactObservations.maxDistinct)
                )
            ])
        }

        if preview {
            return Outcome(
                summary: summary, written: 0, createdAreas: newAreas.count, skipped: plan.skipped,
                periods: plan.periods.names.sorted(),
                preview: try await self.preview(spec, plan: plan, newAreas: newAreas, on: db))
        }

        // Pass 2: write, in one transaction.
        let (created, finalPlan) = (newAreas, plan)
        let written = try await CatalogueEditor.transaction(on: db) { tx -> Int in
            let t0 = clock.now
            try await CatalogueImporter.add(areas: created, in: tx, actor: actor)
            let previous = try await Indicator.query(on: tx).filter(\.$code == spec.indicator.code).first()
            let sql = try tx.sql()
            // What this import replaces is kept, so that it can be restored.
            if let previous,
                let number = try await sql.select().column("number").from(Indicator.schema)
                    .where("id", .equal, try previous.requireID()).first()?.value("number", as: Int64.self)
            {
                try await IndicatorArchive.keep(previous, number: number, by: actor, on: tx)
            }
            let indicator = try await save(spec, owner: owner, on: tx)
            let areaNumbers = try await sql.select().column("slug").column("number").from(Area.schema).all()
                .reduce(into: [String: Int64]()) { $0[try $1.value("slug")] = try $1.value("number") }
            guard
                let numberRow = try await sql.select().column("number").from(Indicator.schema)
                    .where("id", .equal, try indicator.requireID()).first()
            else {
                throw Abort(.internalServerError, reason: "The indicator '\(spec.indicator.code)' was not saved.")
            }
            let indicatorNumber: Int64 = try numberRow.value("number")
            // A file replaces what it covers: the same indicator, periods and groups.
            try await sql.delete(from: Observation.schema).where("indicator_no", .equal, indicatorNumber)
                .where("period", .in, finalPlan.periods.names).where("group_key", .in, finalPlan.groups.names).run()
            let t1 = clock.now
            // Repeated rows are found here, in the sort the writing needs anyway; an error rolls
            // back the areas created above with everything else.
            let areas = try finalPlan.areas.names.map { name in
                guard let number = areaNumbers[name] else {
                    throw Abort(.internalServerError, reason: "The area '\(name)' was not saved.")
                }
                return number
            }
            let (order, repeated) = finalPlan.rows.keyOrder(
                period: CompactObservations.ranks(finalPlan.periods.names),
                group: CompactObservations.ranks(finalPlan.groups.names),
                area: CompactObservations.ranks(areas))
            if !repeated.isEmpty {
                throw ObservationProblems(
                    repeated.prefix(1000).map { r in
                        ObservationProblem(
                            line: r.line, column: nil,
                            .valueTwice(
                                area: finalPlan.areas.names[Int(r.area)],
                                period: finalPlan.periods.names[Int(r.period)],
                                group: finalPlan.groups.names[Int(r.group)], firstLine: r.firstLine))
                    })
            }
            try await observationWriter(for: tx).insert(
                finalPlan.rows, in: order, indicator: indicatorNumber, areas: areas,
                periods: finalPlan.periods.names, groups: finalPlan.groups.names, on: tx)
            let t2 = clock.now
            try await IndicatorSummaries.recompute(indicator, on: tx)
            tx.logger.debug(
                "indicator import: areas and deletes \(t1 - t0), inserting \(t2 - t1), summaries \(clock.now - t2)")
            try await CatalogueState.advance(on: tx)
            try await Audit.record(
                "import", objectType: "indicator", objectID: spec.indicator.code,
                after: "{\"observations\":\(order.count),\"periods\":\(finalPlan.periods.names.sorted())}", by: actor,
                on: tx)
            return order.count
        }
        return Outcome(
            summary: summary, written: written, createdAreas: newAreas.count, skipped: plan.skipped,
            periods: plan.periods.names.sorted())
    }

    /// Counts what the planned import would replace.
    static func preview(_ spec: IndicatorImportSpec, plan: Plan, newAreas: [AreaRecord], on db: any Database)
        async throws -> Preview
    {
        let current = try await Indicator.query(on: db).filter(\.$code == spec.indicator.code).first()
        var total = 0
        var replaced = 0
        if let current, let id = current.id, let sql = db as? any SQLDatabase {
            func count(_ covered: Bool) async throws -> Int {
                var q = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                    Observation.schema
                )
                .where("indicator_no", .equal, Observation.number(ofIndicator: id))
                if covered { q = q.where("period", .in, plan.periods.names).where("group_key", .in, plan.groups.names) }
                return try await q.first()?.value("n", as: Int.self) ?? 0
            }
            total = try await count(false)
            replaced = try await count(true)
        }
        return Preview(
            currentName: current?.name, currentOwner: current?.ownerBody, currentValues: total,
            replacedValues: replaced,
            newValues: plan.rows.count, newAreas: newAreas.prefix(50).map(\.name))
    }

    /// Creates or updates the indicator's row from its definition.
    static func save(_ spec: IndicatorImportSpec, owner: String?, on tx: any Database) async throws -> Indicator {
        let d = spec.indicator
        let indicator = try await Indicator.query(on: tx).filter(\.$code == d.code).first() ?? Indicator()
        let isNew = indicator.id == nil
        try apply(d, to: indicator)
        if let owner { indicator.ownerBody = owner }
        indicator.importSpec = String(decoding: spec.encoded(), as: UTF8.self)
        indicator.updatedAt = ISO8601DateFormatter().string(from: Date())
        indicator.version = isNew ? 1 : indicator.version + 1
        try await indicator.save(on: tx)
        return indicator
    }

    /// Writes a definition's fields to the indicator's row (an import, a restore).
    static func apply(_ d: IndicatorDefinition, to indicator: Indicator) throws {
        indicator.code = d.code
        indicator.name = d.name
        indicator.nameEn = d.nameEn
        indicator.unit = d.unit
        indicator.direction = d.direction.rawValue
        indicator.definition = d.definition
        indicator.definitionEn = d.definitionEn
        indicator.source = d.source
        indicator.sourceURL = d.sourceURL
        indicator.targetAreas =
            (d.targetAreas ?? []).isEmpty
            ? nil : String(decoding: try JSONEncoder().encode(d.targetAreas), as: UTF8.self)
        indicator.strategies =
            (d.strategies ?? []).isEmpty ? nil : String(decoding: try JSONEncoder().encode(d.strategies), as: UTF8.self)
        indicator.kind = d.kind?.rawValue
        indicator.classes =
            (d.classes ?? []).isEmpty ? nil : String(decoding: try JSONEncoder().encode(d.classes), as: UTF8.self)
    }

    static func uniqueSlug(_ base: String, taken: Set<String>) -> String {
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// How a row names its area; the year decides between an old name and its successor.
    struct AreaKey: Hashable {
        let code: String?
        let name: String?
        let year: Substring
    }

    /// What the first pass learnt, for the second: the area of each way of naming one, and the
    /// rows to write. Repeated rows are found when the rows are put in order for writing
    /// (`CompactObservations.keyOrder`), which needs no table of every row seen.
    struct Plan: Sendable {
        var areaOf: [AreaKey: String?] = [:]
        var skipped: [String] = []
        var areas = Interned(), periods = Interned(), groups = Interned()
        var rows = CompactObservations()

        mutating func add(_ r: ReadObservation, area: String) {
            rows.append(r, area: areas.index(area), period: periods.index(r.period), group: groups.index(r.group))
        }
    }
}
