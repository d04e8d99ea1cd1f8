import Fluent
import Foundation
import SkillnadCore
import NIOConcurrencyHelpers
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
        /// How the rows found their areas: per kind of area and way (code, name, alias, another kind).
        var matches: [AreaResolver.MatchCount] = []
        /// Every row left out because its area is not in the catalogue (only rows the filters kept).
        var skippedRows: [(line: Int, area: String)] = []
        /// What a preview found would change; nil when the import was written.
        var preview: Preview? = nil
        /// Values added up for the areas above the file's (`IndicatorAggregation`), and how long that took.
        var addedUp = 0
        var addingUpTime: Duration? = nil
    }

    /// What the transaction wrote.
    struct Written: Sendable {
        let observations: Int
        /// Values added up for the areas above; 0 when the import did not ask for it.
        let addedUp: Int
        let addingUpTime: Duration?
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
    /// - Parameter passed: told now and then where the reading is in the file (`CSVTable.forEachRow`).
    static func forEachRow(
        _ data: Data, _ spec: IndicatorImportSpec, passed: ((Int) -> Void)? = nil,
        _ body: (ReadObservation) throws -> Void
    ) throws {
        switch spec.format {
        case .csv:
            var mapping = spec.mapping
            mapping.per = spec.indicator.per
            try ObservationReader.stream(data, mapping: mapping, passed: passed, row: body)
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
    /// - Parameters:
    ///   - owner: the owning body to record (a new indicator, or an administrator's choice).
    ///   - allowSameName: make a new indicator even when another code has its name.
    ///   - releasePages: for a mapped file (`MappedFile.releaser`), gives back the pages read.
    /// The file is consumed: its bytes are let go once every row is read, before the writing.
    static func run(
        _ data: consuming Data, _ spec: IndicatorImportSpec, owner: String? = nil, preview: Bool = false,
        allowSameName: Bool = false, releasePages: (@Sendable (Int) -> Void)? = nil, by actor: AuditActor,
        on db: any Database
    ) async throws -> Outcome {
        let started = ContinuousClock.now
        defer { TimedWork.import.record(preview ? "indicators-preview" : "indicators", since: started) }
        if spec.format == .px || spec.format == .jsonstat {
            let cube = try readCube(data, spec)
            _ = consume data
            return try await run(
                cube: cube, spec, owner: owner, preview: preview, allowSameName: allowSameName, by: actor, on: db)
        }
        let doc = try await check(spec, allowSameName: allowSameName, on: db)
        let clock = ContinuousClock()
        var phase = clock.now
        func lap(_ name: String) {
            let now = clock.now
            db.logger.debug("indicator import: \(name) took \(now - phase)")
            phase = now
        }
        lap("loading the catalogue")
        // Pass 1: check every row, match every area, find duplicate rows.
        var areas = AreaResolver(doc, spec)
        var plan = Plan()
        plan.rows = CompactObservations(per: spec.indicator.per)
        var summary = ObservationSummary()
        var lastArea: (key: AreaKey, slug: String?)?
        plan.rows.reserve(estimatedRows(data, spec))
        try forEachRow(data, spec, passed: releasePages) { row in
            let key = AreaKey(code: row.areaCode, name: row.areaName, year: row.period.prefix(4))
            let slug: String?
            // Files list an area's rows together: the row before usually names the same area.
            if let last = lastArea, last.key == key {
                slug = last.slug
                areas.countAgain(key)
            } else if let known = plan.areaOf[key] {
                slug = known
                areas.countAgain(key)
            } else {
                slug = areas.slug(code: row.areaCode, name: row.areaName, period: row.period, line: row.line, key: key)
                plan.areaOf[key] = slug
            }
            lastArea = (key, slug)
            guard let slug else {
                plan.skipped.append(row.areaName ?? row.areaCode ?? "")
                areas.skippedRows.append(
                    (row.line, [row.areaCode, row.areaName].compactMap { $0 }.joined(separator: " ")))
                return
            }
            plan.add(row, area: slug)
            // Collection rows are counted (the six of early votes are six rows not computable) but stored once.
            summary.add(row)
        }
        _ = consume data
        lap("reading and checking \(plan.rows.count) rows")
        if !areas.unmatched.isEmpty { throw Unmatched(rows: areas.unmatched) }
        for (what, count) in [
            ("periods", plan.periods.names.count), ("groups", plan.groups.names.count),
            ("areas", plan.areas.names.count),
        ]
        where count > CompactObservations.maxDistinct {
            throw ObservationProblems([
                .init(
                    line: nil, column: nil,
                    .tooManyDistinct(count: count, what: what, max: CompactObservations.maxDistinct))
            ])
        }
        let periods = plan.periods.names.sorted()
        if preview {
            return Outcome(
                summary: summary, written: 0, createdAreas: areas.created.count, skipped: plan.skipped,
                periods: periods, matches: areas.matchCounts, skippedRows: areas.skippedRows,
                preview: try await self.preview(
                    spec, periods: plan.periods.names, groups: plan.groups.names, newValues: plan.rows.count,
                    newAreas: areas.created, on: db))
        }
        // Pass 2: write, in one transaction. The rows are handed over once, so that they are freed
        // as soon as they are inserted, before the areas above are added up and the summaries made.
        let skipped = plan.skipped
        let handOver = NIOLockedValueBox<Plan?>(plan)
        let periodNames = plan.periods.names
        let groupNames = plan.groups.names
        plan = Plan()
        let written = try await write(
            spec, owner: owner, newAreas: areas.created, periods: periodNames, groups: groupNames, by: actor, on: db
        ) { areaNumbers in
            let taken = handOver.withLockedValue { held in
                defer { held = nil }
                return held
            }
            // Only a transaction started again after its rows were inserted finds them gone.
            guard let finalPlan = taken else {
                throw Abort(.serviceUnavailable, reason: "Another import wrote at the same moment; run this one again.")
            }
            // Repeated rows are found here, in the sort the writing needs anyway; an error rolls
            // back the areas created with everything else.
            let numbers = try finalPlan.areas.names.map { name in
                guard let number = areaNumbers[name] else {
                    throw Abort(.internalServerError, reason: "The area '\(name)' was not saved.")
                }
                return number
            }
            let (order, repeated) = finalPlan.rows.keyOrder(
                period: CompactObservations.ranks(finalPlan.periods.names),
                group: CompactObservations.ranks(finalPlan.groups.names),
                area: CompactObservations.ranks(numbers))
            if !repeated.isEmpty {
                throw ObservationProblems(
                    repeated.prefix(1000).map { row in
                        ObservationProblem(
                            line: row.line, column: nil,
                            .valueTwice(
                                area: finalPlan.areas.names[Int(row.area)],
                                period: finalPlan.periods.names[Int(row.period)],
                                group: finalPlan.groups.names[Int(row.group)], firstLine: row.firstLine))
                    })
            }
            return (CompactRowsInKeyOrder(rows: finalPlan.rows, order: order), numbers)
        }
        return Outcome(
            summary: summary, written: written.observations, createdAreas: areas.created.count,
            skipped: skipped, periods: periods, matches: areas.matchCounts, skippedRows: areas.skippedRows,
            addedUp: written.addedUp, addingUpTime: written.addingUpTime)
    }

    /// At least as many rows as a CSV file can give: its lines, times the fields of the first line
    /// in a wide table. Reserving more than the rows costs address space only (pages never
    /// written are never resident); growing by doubling would copy every column at its last growth.
    static func estimatedRows(_ data: Data, _ spec: IndicatorImportSpec) -> Int {
        guard spec.format == .csv else { return 0 }
        return data.withUnsafeBytes { bytes in
            let newline = UInt8(ascii: "\n")
            var lines = 1
            for byte in bytes where byte == newline { lines += 1 }
            guard spec.mapping.periodColumns != nil else { return lines }
            // Every field a period column at most; the delimiter is one of the three CSV files use.
            let firstLine = bytes.prefix { $0 != newline }
            let fields = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].map { delimiter in
                firstLine.reduce(1) { count, byte in byte == delimiter ? count + 1 : count }
            }
            return min(lines * (fields.max() ?? 1), bytes.count)
        }
    }

    /// Reads a PC-Axis or JSON-stat file into its cube.
    static func readCube(_ data: Data, _ spec: IndicatorImportSpec) throws -> StatisticsCube {
        spec.format == .px ? try PCAxis.read(data, language: spec.language) : try JSONStat.read(data)
    }

    /// Imports a cube (a PC-Axis or JSON-stat file, read), or with `preview` says what it would change.
    /// Its cells are read in place: each area value of the cube is matched once, and the
    /// observations are written straight from the cells in key order.
    static func run(
        cube: StatisticsCube, _ spec: IndicatorImportSpec, owner: String? = nil, preview: Bool = false,
        allowSameName: Bool = false, by actor: AuditActor, on db: any Database
    ) async throws -> Outcome {
        let doc = try await check(spec, allowSameName: allowSameName, on: db)
        var mappingOptions = spec.mapping
        mappingOptions.per = spec.indicator.per
        let mapping: CubeMapping
        switch CubeMapping.resolve(cube, mappingOptions) {
        case .success(let resolved): mapping = resolved
        case .failure(let problems): throw problems
        }
        // Each area value once; a name that two areas share is decided by the periods, when they agree.
        var areas = AreaResolver(doc, spec)
        let areaDimension = cube.dimensions[mapping.areaDimension]
        let periods =
            mapping.periodDimension.map { dimension in
                mapping.kept[dimension].map { cube.dimensions[dimension].codes[$0] }
            } ?? [mapping.fixedPeriod ?? ""]
        var slugOf: [Int: String] = [:]
        var slugs = Interned()
        var areaOf: [Int: Int32] = [:]
        var skipped: [String] = []
        for value in mapping.kept[mapping.areaDimension] {
            let code = areaDimension.codes[value]
            let name = areaDimension.labels[value]
            if let slug = areas.slug(code: code, name: name, periods: periods, line: value + 1) {
                slugOf[value] = slug
                areaOf[value] = slugs.index(slug)
            } else {
                skipped.append(name)
                areas.skippedRows.append((value + 1, code == name ? name : "\(code) \(name)"))
            }
        }
        if !areas.unmatched.isEmpty { throw Unmatched(rows: areas.unmatched) }
        // Two values of the area dimension that mean one area would give it two values.
        var firstValueOf: [Int32: Int] = [:]
        var sameArea: [ObservationProblem] = []
        for value in mapping.kept[mapping.areaDimension] {
            guard let index = areaOf[value] else { continue }
            if let first = firstValueOf[index] {
                sameArea.append(
                    .init(
                        line: nil, column: areaDimension.id,
                        .sameArea(
                            first: areaDimension.labels[first], second: areaDimension.labels[value],
                            area: slugs.names[Int(index)])))
            } else {
                firstValueOf[index] = value
            }
        }
        if !sameArea.isEmpty { throw ObservationProblems(Array(sameArea.prefix(1000))) }
        // Repeats show here already: two values of a dimension that mean one area, period or group.
        let planned = CubeObservations.make(
            cube, mapping, areaOf: areaOf, areaRanks: slugs.names.indices.map { Int64($0) })
        if !planned.repeats.isEmpty { throw ObservationProblems(planned.repeats) }
        // The summary, from the cells; only the lowest and highest become observations with names.
        let cells = planned.observations
        var computable = 0
        var lowest: (position: Int, value: Double)?
        var highest: (position: Int, value: Double)?
        for position in 0..<cells.count {
            let value = cells.row(position).value
            guard !value.isNaN else { continue }
            computable += 1
            if value < lowest?.value ?? .infinity { lowest = (position, value) }
            if value > highest?.value ?? -.infinity { highest = (position, value) }
        }
        func observation(_ position: Int) -> ReadObservation {
            let row = cells.row(position)
            let value = cells.areaValues[position % cells.areaValues.count]
            return ReadObservation(
                line: Int(row.line), areaCode: areaDimension.codes[value], areaName: areaDimension.labels[value],
                period: planned.periods[Int(row.period)], value: row.value)
        }
        let summary = ObservationSummary(
            computable: computable, notComputable: cells.count - computable,
            lowest: lowest.map { observation($0.position) }, highest: highest.map { observation($0.position) })
        let count = cells.count
        let groupNames = planned.groups
        if preview {
            return Outcome(
                summary: summary, written: 0, createdAreas: areas.created.count, skipped: skipped,
                periods: periods.sorted(), matches: areas.matchCounts, skippedRows: areas.skippedRows,
                preview: try await self.preview(
                    spec, periods: periods, groups: groupNames, newValues: count, newAreas: areas.created, on: db))
        }
        let slugNames = slugs.names
        let finalAreaOf = areaOf
        let written = try await write(
            spec, owner: owner, newAreas: areas.created, periods: planned.periods, groups: planned.groups, by: actor,
            on: db
        ) { areaNumbers in
            let numbers = try slugNames.map { name in
                guard let number = areaNumbers[name] else {
                    throw Abort(.internalServerError, reason: "The area '\(name)' was not saved.")
                }
                return number
            }
            let made = CubeObservations.make(
                cube, mapping, areaOf: finalAreaOf, areaRanks: CompactObservations.ranks(numbers))
            if !made.repeats.isEmpty { throw ObservationProblems(made.repeats) }
            return (made.observations, numbers)
        }
        return Outcome(
            summary: summary, written: written.observations, createdAreas: areas.created.count, skipped: skipped,
            periods: periods.sorted(), matches: areas.matchCounts, skippedRows: areas.skippedRows,
            addedUp: written.addedUp, addingUpTime: written.addingUpTime)
    }

    /// Checks the definition, its links to the roadmap and the parent of new areas, and that its
    /// name is not another indicator's; the catalogue, for matching areas.
    static func check(_ spec: IndicatorImportSpec, allowSameName: Bool, on db: any Database) async throws
        -> CatalogueDocument
    {
        let definitionProblems = spec.indicator.problems()
        if !definitionProblems.isEmpty { throw ObservationProblems(definitionProblems) }
        let doc = try await CatalogueLoader.load(from: db)
        var linkProblems: [ObservationProblem] = []
        let targetIDs = Set(doc.roadmap?.targetAreas.map(\.id) ?? [])
        let strategyIDs = Set(doc.roadmap?.targetAreas.flatMap { $0.strategies.map(\.id) } ?? [])
        for target in spec.indicator.targetAreas ?? [] where !targetIDs.contains(target) {
            linkProblems.append(.init(line: nil, column: "targetAreas", .noTargetArea(target)))
        }
        for strategy in spec.indicator.strategies ?? [] where !strategyIDs.contains(strategy) {
            linkProblems.append(.init(line: nil, column: "strategies", .noStrategy(strategy)))
        }
        if let parent = spec.parent, !doc.areas.contains(where: { $0.id == parent }) {
            linkProblems.append(.init(line: nil, column: "parent", .noArea(parent)))
        }
        // A second indicator of the same name is nearly always a mistyped code (issue 20).
        if !allowSameName, try await Indicator.query(on: db).filter(\.$code == spec.indicator.code).first() == nil {
            let name = SearchText.fold(spec.indicator.name)
            let namesake = try await Indicator.query(on: db).all().first { SearchText.fold($0.name) == name }
            if let namesake {
                linkProblems.append(
                    .init(line: nil, column: "name", .nameTaken(name: namesake.name, code: namesake.code)))
            }
        }
        if !linkProblems.isEmpty { throw ObservationProblems(linkProblems) }
        return doc
    }

    /// Writes the indicator, its new areas and its observations in one transaction: what the
    /// import replaces is kept first, then the covered values are deleted and the new ones
    /// written, the areas above added up when asked, and the summaries recomputed.
    /// - Parameter rows: the observations to write and each area index's number, given the
    ///   number of every area by its id; it may throw to roll everything back.
    static func write(
        _ spec: IndicatorImportSpec, owner: String?, newAreas: [AreaRecord], periods: [String], groups: [String],
        by actor: AuditActor, on db: any Database,
        rows: @escaping @Sendable ([String: Int64]) throws -> (rows: any ObservationRows, areas: [Int64])
    ) async throws -> Written {
        let clock = ContinuousClock()
        return try await CatalogueEditor.transaction(on: db) { tx -> Written in
            let started = clock.now
            try await CatalogueImporter.add(areas: newAreas, in: tx, actor: actor)
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
                .where("period", .in, periods).where("group_key", .in, groups).run()
            let deleted = clock.now
            // The rows live only inside this function: freed once written.
            func insertRows() async throws -> Int {
                let (ordered, areas) = try rows(areaNumbers)
                try await observationWriter(for: tx).insert(
                    ordered, indicator: indicatorNumber, areas: areas, periods: periods, groups: groups, on: tx)
                return ordered.count
            }
            let insertedCount = try await insertRows()
            let inserted = clock.now
            let aggregated = try await IndicatorAggregation.refresh(
                indicatorNumber: indicatorNumber, per: spec.indicator.per, aggregate: spec.aggregate, on: tx)
            let addedUp = clock.now
            try await IndicatorSummaries.recompute(indicator, on: tx)
            let timing =
                "indicator import: areas and deletes \(deleted - started), inserting \(inserted - deleted), "
                + "adding up and summaries \(clock.now - inserted)"
            tx.logger.debug("\(timing)")
            try await CatalogueState.advance(on: tx)
            try await Audit.record(
                "import", objectType: "indicator", objectID: spec.indicator.code,
                after:
                    "{\"observations\":\(insertedCount),\"aggregated\":\(aggregated),\"periods\":\(periods.sorted())}",
                by: actor, on: tx)
            return Written(
                observations: insertedCount, addedUp: aggregated,
                addingUpTime: spec.aggregate ? addedUp - inserted : nil)
        }
    }

    /// Counts what the planned import would replace.
    static func preview(
        _ spec: IndicatorImportSpec, periods: [String], groups: [String], newValues: Int, newAreas: [AreaRecord],
        on db: any Database
    ) async throws -> Preview {
        let current = try await Indicator.query(on: db).filter(\.$code == spec.indicator.code).first()
        var total = 0
        var replaced = 0
        if let current, let id = current.id, let sql = db as? any SQLDatabase {
            func count(_ covered: Bool) async throws -> Int {
                var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(Observation.schema)
                    .where("indicator_no", .equal, Observation.number(ofIndicator: id))
                if covered { query = query.where("period", .in, periods).where("group_key", .in, groups) }
                return try await query.first()?.value("n", as: Int.self) ?? 0
            }
            total = try await count(false)
            replaced = try await count(true)
        }
        return Preview(
            currentName: current?.name, currentOwner: current?.ownerBody, currentValues: total,
            replacedValues: replaced, newValues: newValues, newAreas: newAreas.prefix(50).map(\.name))
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
