import Fluent
import FluentSQLiteDriver
import Foundation
import SkillnadCore
import SQLKit
import VaporCSQLite

/// The values of the areas above a file's areas (summering uppåt i områdesträdet): from voting
/// districts, DeSO or RegSO areas to their districts, district areas and the city, per period and
/// group. Counts are added up (value = Σ numerators / Σ denominators × per, weight = Σ weights),
/// never rates averaged; where the areas give only values and weights (or the catalogue knows
/// their population), the value is the population-weighted mean Σ(value × weight) / Σ weight.
/// Each row says which (`Observation.Origin`), and pages say so.
///
/// - An area's own measured value is never replaced: only missing values are added, and an area
///   above passes on its measured row, not the sum below it.
/// - One suppressed area inside makes the area above suppressed (no value), so nothing hidden can
///   be worked out by subtraction; an area inside with neither counts nor value and weight leaves
///   the area above without a value rather than with a sum of the others.
/// - Values of an area that lies in no other area and is not the city cannot be added up to the
///   city: the refresh is refused, naming every such area, and nothing is written.
///
/// The work is one pass over the indicator's rows in key order (period, group, area): each
/// period and group is added up in memory, area by area from the deepest up, and compared with
/// the added-up values stored, so that only what changed is written. On SQLite it reads
/// and writes through SQLite's C interface (`SQLiteDirect`), because grouping 5 million rows by
/// their parent in SQL made SQLite sort them all (3–5 s for the first level alone, against the
/// 5 s that the whole refresh may take); PostgreSQL reads and writes through SQLKit.
enum IndicatorAggregation {
    /// Brings the indicator's added-up values up to date: without `aggregate` deletes them; with it
    /// computes them from the measured ones and writes what changed (new, changed and no longer
    /// added-up values). Call it in the transaction that changed the values or the areas.
    /// - Parameter per: the rate's base (100 for percent, 1,000 per mille), as the file's rows had.
    /// - Returns: the number of added-up values the indicator has now. Those that are as they were
    ///   are not written again (a refresh after a change in one area rewrites only what changed).
    /// - Throws: `ObservationProblems` with `.noParent` for every area whose values cannot reach the
    ///   city; nothing is then written.
    static func refresh(indicatorNumber: Int64, per: Double, aggregate: Bool, on tx: any Database) async throws -> Int {
        try await refresh(indicatorNumber: indicatorNumber, per: per, aggregate: aggregate, direct: true, on: tx)
    }

    /// `refresh`, with `direct: false` taking the portable path on SQLite too (the tests compare both).
    static func refresh(
        indicatorNumber: Int64, per: Double, aggregate: Bool, direct: Bool, on tx: any Database
    ) async throws -> Int {
        guard tx.inTransaction else {
            return try await tx.transaction { inner in
                try await refresh(
                    indicatorNumber: indicatorNumber, per: per, aggregate: aggregate, direct: direct, on: inner)
            }
        }
        let sql = try tx.sql()
        guard aggregate else {
            try await deleteAggregated(indicatorNumber, on: sql)
            return 0
        }
        let kind = try await sql.select().column("kind").from(Indicator.schema)
            .where("number", .equal, indicatorNumber).first()?.decode(column: "kind", as: String?.self)
        if kind == IndicatorKind.categorical.rawValue {
            throw ObservationProblems([ObservationProblem(line: nil, column: "aggregate", .aggregateClasses)])
        }
        let clock = ContinuousClock()
        let started = clock.now
        let tree = try await AreaTree.load(on: sql)
        let box = AdderBox(Adder(tree: tree, per: per))
        var sqlite: (any SQLiteDatabase)?
        if direct, let candidate = tx as? any SQLiteDatabase, await SQLiteDirect.isAvailable(on: candidate) {
            sqlite = candidate
        }
        if let sqlite {
            try await SQLiteDirect.run(on: sqlite) { handle in
                try DirectIO.read(indicator: indicatorNumber, into: box, handle: handle)
            }
        } else {
            try await PortableIO.read(indicator: indicatorNumber, into: box, on: sql)
        }
        box.adder.finish()
        let read = clock.now
        let unrooted = box.adder.unrootedAreas
        if !unrooted.isEmpty {
            throw ObservationProblems(unrooted.map { ObservationProblem(line: nil, column: nil, .noParent(area: $0)) })
        }
        let adder = box.adder
        if let sqlite {
            let cacheKiB = SQLiteObservationWriter.importCacheKiB(rows: adder.inserts.count + adder.updates.count)
            _ = try await sqlite.query("PRAGMA cache_size = -\(cacheKiB)", [])
            do {
                try await SQLiteDirect.run(on: sqlite) { handle in
                    try DirectIO.write(adder, indicator: indicatorNumber, handle: handle)
                }
            } catch {
                _ = try? await sqlite.query("PRAGMA cache_size = -2000", [])
                throw error
            }
            // The pooled connection must not keep hundreds of megabytes of pages.
            _ = try await sqlite.query("PRAGMA cache_size = -2000", [])
        } else {
            try await PortableIO.write(adder, indicator: indicatorNumber, on: sql)
        }
        let timing =
            "adding up indicator \(indicatorNumber): areas and reading \(read - started), writing \(clock.now - read); "
            + "\(adder.inserts.count) new, \(adder.updates.count) changed, \(adder.unchanged) unchanged, "
            + "\(adder.deletes.count) gone"
        tx.logger.debug("\(timing)")
        return adder.total
    }

    /// Refreshes every indicator whose last import asked for aggregation (its stored
    /// `IndicatorImportSpec`), values and summaries, after its areas changed (`skillnad areas link`).
    /// - Returns: each refreshed indicator's code and the number of added-up values it has, by code.
    static func refreshAll(on tx: any Database) async throws -> [(code: String, written: Int)] {
        let sql = try tx.sql()
        var refreshed: [(code: String, written: Int)] = []
        for indicator in try await Indicator.query(on: tx).sort(\.$code).all() {
            guard let text = indicator.importSpec, let spec = try? IndicatorImportSpec.read(Data(text.utf8)),
                spec.aggregate
            else { continue }
            guard
                let number = try await sql.select().column("number").from(Indicator.schema)
                    .where("id", .equal, try indicator.requireID()).first()?.value("number", as: Int64.self)
            else { continue }
            let written = try await refresh(
                indicatorNumber: number, per: spec.indicator.per, aggregate: true, on: tx)
            try await IndicatorSummaries.recompute(indicator, on: tx)
            refreshed.append((indicator.code, written))
        }
        return refreshed
    }

    /// How an indicator's values came about in one period, for the sentence under its chart.
    struct Provenance: Sendable, Equatable {
        struct Added: Sendable, Equatable {
            let kind: String
            let origin: Observation.Origin
        }
        struct Measured: Sendable, Equatable {
            let kind: String
            let areas: Int
        }
        /// The kinds of area with added-up values, finest first, and how they were added up.
        var aggregated: [Added]
        /// The kinds of area (other than the city) with measured values, finest first, and how
        /// many areas of each: what the added-up values come from.
        var measured: [Measured]
    }

    /// Which kinds of area have added-up values of the indicator in the period (everyone's
    /// group), and the kinds and numbers of the measured areas; nil when no value of the period
    /// is added up.
    static func provenance(_ indicatorID: UUID, period: String, on db: any Database) async throws -> Provenance? {
        let sql = try db.sql()
        let rows = try await sql.raw(
            """
            SELECT a.kind AS kind, o.aggregated AS aggregated, COUNT(*) AS areas
            FROM \(ident: Observation.schema) o JOIN \(ident: Area.schema) a ON a.number = o.area_no
            WHERE o.indicator_no = \(Observation.number(ofIndicator: indicatorID)) AND o.period = \(bind: period)
              AND o.group_key = \(bind: ObservationGroup.total)
            GROUP BY a.kind, o.aggregated
            """
        ).all()
        var aggregated: [String: Observation.Origin] = [:]
        var measured: [String: Int] = [:]
        for row in rows {
            let kind = try row.decode(column: "kind", as: String.self)
            let origin = Observation.Origin(rawValue: Int16(try row.decode(column: "aggregated", as: Int.self)))
            switch origin {
            case .measured?:
                if kind != AreaKind.city.rawValue {
                    measured[kind, default: 0] += try row.decode(column: "areas", as: Int.self)
                }
            case .summed?:
                aggregated[kind] = .summed
            case .weighted?:
                // A kind with both says "added up": the counts are the usual case.
                if aggregated[kind] == nil { aggregated[kind] = .weighted }
            case nil:
                continue
            }
        }
        guard !aggregated.isEmpty else { return nil }
        let order = Dictionary(uniqueKeysWithValues: AreaKind.allCases.enumerated().map { ($1.rawValue, $0) })
        func finer(_ first: String, _ second: String) -> Bool {
            (order[first] ?? order.count, first) > (order[second] ?? order.count, second)
        }
        return Provenance(
            aggregated: aggregated.keys.sorted(by: finer).map {
                Provenance.Added(kind: $0, origin: aggregated[$0] ?? .summed)
            },
            measured: measured.keys.sorted(by: finer).map { Provenance.Measured(kind: $0, areas: measured[$0] ?? 0) })
    }

    private static func deleteAggregated(_ indicatorNumber: Int64, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: Observation.schema).where("indicator_no", .equal, indicatorNumber)
            .where("aggregated", .notEqual, SQLBind(Int(Observation.Origin.measured.rawValue))).run()
    }
}

extension IndicatorAggregation {
    /// The areas as the refresh walks them: each area's slot, its parent's slot, its depth below
    /// its root and whether that root is a city.
    struct AreaTree: Sendable {
        let numbers: [Int64]
        let slugs: [String]
        /// The slot of each slot's parent, or -1.
        let parents: [Int32]
        let depths: [Int32]
        let roots: [Int32]
        let rootedInCity: [Bool]
        /// The population the catalogue gives, the weight of a value without one (NaN when none).
        let populations: [Double]
        let maxDepth: Int
        private let slotByNumber: [Int64: Int32]
        /// Most area numbers are small: a plain array finds a slot faster than a dictionary.
        private let slotByIndex: [Int32]

        init(numbers: [Int64], slugs: [String], kinds: [String], parentNumbers: [Int64?], populations: [Double?]) {
            self.numbers = numbers
            self.slugs = slugs
            self.populations = populations.map { $0 ?? .nan }
            var bySlot: [Int64: Int32] = [:]
            for (slot, number) in numbers.enumerated() { bySlot[number] = Int32(slot) }
            slotByNumber = bySlot
            let largest = numbers.max() ?? 0
            var byIndex: [Int32] = []
            if largest >= 0, largest < 4 * Int64(numbers.count) + 1_024 {
                byIndex = Array(repeating: -1, count: Int(largest) + 1)
                for (slot, number) in numbers.enumerated() where number >= 0 { byIndex[Int(number)] = Int32(slot) }
            }
            slotByIndex = byIndex
            let parentSlots = parentNumbers.map { number in number.flatMap { bySlot[$0] } ?? -1 }
            parents = parentSlots
            var depth = Array(repeating: Int32(-1), count: numbers.count)
            var root = Array(repeating: Int32(-1), count: numbers.count)
            for start in numbers.indices where depth[start] < 0 {
                // Up to a slot already placed, or to the root; a loop (which the catalogue refuses)
                // stops after as many steps as there are areas.
                var path: [Int] = []
                var slot = start
                while depth[slot] < 0, path.count <= numbers.count {
                    path.append(slot)
                    let parent = Int(parentSlots[slot])
                    if parent < 0 { break }
                    slot = parent
                }
                var level: Int32 = depth[slot] >= 0 ? depth[slot] + 1 : 0
                let top: Int32 = depth[slot] >= 0 ? root[slot] : Int32(path.last ?? start)
                for placed in path.reversed() where depth[placed] < 0 {
                    depth[placed] = level
                    root[placed] = top
                    level += 1
                }
            }
            depths = depth
            roots = root
            rootedInCity = root.map { $0 >= 0 && kinds[Int($0)] == AreaKind.city.rawValue }
            maxDepth = Int(depth.max() ?? 0)
        }

        func slot(_ number: Int64) -> Int32? {
            if number >= 0, number < slotByIndex.count {
                let slot = slotByIndex[Int(number)]
                return slot >= 0 ? slot : nil
            }
            return slotByNumber[number]
        }

        /// No areas: what an adder holds while its work is elsewhere.
        static let empty = AreaTree(numbers: [], slugs: [], kinds: [], parentNumbers: [], populations: [])

        static func load(on sql: any SQLDatabase) async throws -> AreaTree {
            let rows = try await sql.raw(
                """
                SELECT a.number AS number, a.slug AS slug, a.kind AS kind, a.population AS population,
                       p.number AS parent_no
                FROM \(ident: Area.schema) a LEFT JOIN \(ident: Area.schema) p ON p.id = a.parent_id
                """
            ).all()
            var numbers: [Int64] = []
            var slugs: [String] = []
            var kinds: [String] = []
            var parents: [Int64?] = []
            var populations: [Double?] = []
            for row in rows {
                numbers.append(try row.decode(column: "number", as: Int64.self))
                slugs.append(try row.decode(column: "slug", as: String.self))
                kinds.append(try row.decode(column: "kind", as: String.self))
                parents.append(try row.decode(column: "parent_no", as: Int64?.self))
                populations.append(try row.decode(column: "population", as: Double?.self))
            }
            return AreaTree(
                numbers: numbers, slugs: slugs, kinds: kinds, parentNumbers: parents, populations: populations)
        }
    }

    /// One area's numbers as the area above it takes them: its measured row, or its own sum.
    /// NaN stands for no number.
    struct Contribution: Sendable {
        var value = Double.nan
        var numerator = Double.nan
        var denominator = Double.nan
        var weight = Double.nan
        var suppressed = false
        var preliminary = false
    }

    /// What the areas inside one area gave, in one period and group.
    struct Sums: Sendable {
        var rows: Int32 = 0
        var suppressedRows: Int32 = 0
        /// Rows with a numerator and a denominator.
        var counted: Int32 = 0
        /// Rows with a value and a weight.
        var rated: Int32 = 0
        /// Rows with a weight.
        var weighted: Int32 = 0
        var numerator = 0.0
        var denominator = 0.0
        var valueTimesWeight = 0.0
        var ratedWeight = 0.0
        var weight = 0.0
        var preliminary = false

        mutating func add(_ part: Contribution) {
            rows += 1
            if part.preliminary { preliminary = true }
            if part.suppressed {
                // A suppressed area's numbers, if it has any, are not used.
                suppressedRows += 1
                return
            }
            if !part.numerator.isNaN, !part.denominator.isNaN {
                counted += 1
                numerator += part.numerator
                denominator += part.denominator
            }
            if !part.weight.isNaN {
                weighted += 1
                weight += part.weight
                if !part.value.isNaN {
                    rated += 1
                    valueTimesWeight += part.value * part.weight
                    ratedWeight += part.weight
                }
            }
        }

        /// The area's added-up row, and how it was added up.
        func total(per: Double) -> (Contribution, Observation.Origin) {
            var out = Contribution()
            out.preliminary = preliminary
            let present = rows - suppressedRows
            if suppressedRows > 0 {
                // No value; the origin says how the others would have been added up.
                out.suppressed = true
                let weightedOnly = counted < present && rated == present
                return (out, weightedOnly ? .weighted : .summed)
            }
            if counted == rows {
                out.numerator = numerator
                out.denominator = denominator
                // As the file's rows: a denominator of 0 is not computable, never 0.
                out.value = denominator > 0 ? numerator / denominator * per : .nan
                out.weight = weighted == rows ? weight : .nan
                return (out, .summed)
            }
            if rated == rows {
                out.value = ratedWeight > 0 ? valueTimesWeight / ratedWeight : .nan
                out.weight = ratedWeight
                return (out, .weighted)
            }
            // Some area inside has neither counts nor a value with a weight: no value, rather than
            // a sum of the others that would look complete.
            return (out, .summed)
        }
    }

    /// An added-up value to write: its area's number, period and group (indexes into the adder's
    /// names), the numbers (NaN for none), flags (bit 0 preliminary, bit 1 suppressed) and origin.
    struct Row: Sendable {
        var area: Int64
        var period: Int32
        var group: Int32
        var value, numerator, denominator, weight: Double
        var flags: UInt8
        var origin: Observation.Origin

        /// The same numbers (NaN alike), flags and origin: nothing to write.
        func sameValues(as other: Row) -> Bool {
            func same(_ first: Double, _ second: Double) -> Bool {
                first.isNaN ? second.isNaN : first == second
            }
            return same(value, other.value) && same(numerator, other.numerator)
                && same(denominator, other.denominator) && same(weight, other.weight) && flags == other.flags
                && origin == other.origin
        }
    }

    /// Adds up the measured rows of one indicator, handed over in key order (period, group, any
    /// area order), one period and group at a time.
    struct Adder: Sendable {
        let tree: AreaTree
        let per: Double
        private(set) var periods: [String] = []
        private(set) var groups: [String] = []
        private var groupIndex: [String: Int32] = [:]
        /// Added-up values that are new, that changed, and stored ones that are no longer added up.
        private(set) var inserts: [Row] = []
        private(set) var updates: [Row] = []
        private(set) var deletes: [Row] = []
        /// Added-up values that are as they were, so not written.
        private(set) var unchanged = 0
        /// How many added-up values the indicator has after the refresh.
        var total: Int { inserts.count + updates.count + unchanged }
        private var unrooted: Set<Int32> = []
        /// The stored added-up rows of this period and group, by slot, to compare with the new ones.
        private var stored: [Row?]
        private var storedSlots: [Int32] = []
        private var sums: [Sums]
        private var own: [Contribution]
        private var hasOwn: [Bool]
        private var touched: [Bool]
        /// The slots touched in this period and group, by depth.
        private var byDepth: [[Int32]]
        private var period: Int32 = -1
        private var group: Int32 = -1

        init(tree: AreaTree, per: Double) {
            self.tree = tree
            self.per = per
            let count = tree.numbers.count
            sums = Array(repeating: Sums(), count: count)
            own = Array(repeating: Contribution(), count: count)
            hasOwn = Array(repeating: false, count: count)
            touched = Array(repeating: false, count: count)
            stored = Array(repeating: nil, count: count)
            byDepth = Array(repeating: [], count: tree.maxDepth + 1)
        }

        /// The areas that have values and lie in no other area but are not the city (or lie in such
        /// an area), by id.
        var unrootedAreas: [String] { unrooted.map { tree.slugs[Int($0)] }.sorted() }

        /// Starts a period and group: adds up the one before.
        mutating func begin(period newPeriod: String, group newGroup: String) {
            flush()
            if periods.last != newPeriod {
                periods.append(newPeriod)
            }
            period = Int32(periods.count - 1)
            if let known = groupIndex[newGroup] {
                group = known
            } else {
                group = Int32(groups.count)
                groups.append(newGroup)
                groupIndex[newGroup] = group
            }
        }

        /// One stored row of the current period and group: a measured one is added up, an added-up
        /// one (`aggregated` not 0) is kept to compare with its new value.
        mutating func add(
            area: Int64, value: Double, numerator: Double, denominator: Double, weight: Double, preliminary: Bool,
            suppressed: Bool, aggregated: Int16
        ) {
            guard let slot = tree.slot(area) else { return }
            let index = Int(slot)
            if aggregated != 0 {
                stored[index] = Row(
                    area: area, period: period, group: group, value: value, numerator: numerator,
                    denominator: denominator, weight: weight,
                    flags: (preliminary ? 1 : 0) | (suppressed ? 2 : 0),
                    origin: Observation.Origin(rawValue: aggregated) ?? .summed)
                storedSlots.append(slot)
                return
            }
            if !tree.rootedInCity[index] { unrooted.insert(tree.roots[index]) }
            own[index] = Contribution(
                value: value, numerator: numerator, denominator: denominator,
                weight: weight.isNaN ? tree.populations[index] : weight, suppressed: suppressed,
                preliminary: preliminary)
            hasOwn[index] = true
            touch(slot)
        }

        /// Adds up the last period and group.
        mutating func finish() {
            flush()
            period = -1
        }

        private mutating func touch(_ slot: Int32) {
            let index = Int(slot)
            guard !touched[index] else { return }
            touched[index] = true
            byDepth[Int(tree.depths[index])].append(slot)
        }

        /// From the deepest areas up: each area passes its measured row, or else its own sum, to
        /// the area it lies in; each sum is a row to write.
        private mutating func flush() {
            guard period >= 0 else { return }
            let insertsBefore = inserts.count
            let updatesBefore = updates.count
            for depth in stride(from: byDepth.count - 1, through: 0, by: -1) {
                var position = 0
                while position < byDepth[depth].count {
                    let slot = byDepth[depth][position]
                    position += 1
                    let index = Int(slot)
                    let part: Contribution
                    if hasOwn[index] {
                        part = own[index]
                    } else {
                        let (total, origin) = sums[index].total(per: per)
                        part = total
                        let row = Row(
                            area: tree.numbers[index], period: period, group: group, value: total.value,
                            numerator: total.numerator, denominator: total.denominator, weight: total.weight,
                            flags: (total.preliminary ? 1 : 0) | (total.suppressed ? 2 : 0), origin: origin)
                        if let old = stored[index] {
                            stored[index] = nil
                            if old.sameValues(as: row) {
                                unchanged += 1
                            } else {
                                updates.append(row)
                            }
                        } else {
                            inserts.append(row)
                        }
                    }
                    let parent = tree.parents[index]
                    if parent >= 0 {
                        touch(parent)
                        sums[Int(parent)].add(part)
                    }
                    sums[index] = Sums()
                    hasOwn[index] = false
                    touched[index] = false
                }
                byDepth[depth].removeAll(keepingCapacity: true)
            }
            // Stored added-up values that nothing adds up to any more.
            for slot in storedSlots {
                if let old = stored[Int(slot)] {
                    deletes.append(old)
                    stored[Int(slot)] = nil
                }
            }
            storedSlots.removeAll(keepingCapacity: true)
            // In the table's key order within the period and group, so the B-tree grows in place.
            inserts[insertsBefore...].sort { $0.area < $1.area }
            updates[updatesBefore...].sort { $0.area < $1.area }
        }
    }

    /// An `Adder` that the readers' closures can fill: they run one at a time, on the
    /// connection's thread or in the order the rows arrive, never at once.
    final class AdderBox: @unchecked Sendable {
        /// Not checked for exclusive access at each use: the readers use it one row at a time, and
        /// the check, millions of times, cost more than the adding.
        @exclusivity(unchecked) var adder: Adder
        /// A row the portable reader could not decode; thrown after the rows.
        var failure: (any Error)?
        init(_ adder: Adder) { self.adder = adder }
    }
}

extension IndicatorAggregation {
    /// Reading and writing through SQLite's C interface, on the transaction's own connection.
    enum DirectIO {
        /// The SQL function through which SQLite hands each row to the adder, inside one statement
        /// per period and group: a row then costs no step and no column call (each of which takes
        /// the connection's lock), only the reading of the function's arguments. Its first argument
        /// is the address of the `AdderBox`, which the caller keeps alive while the statement runs;
        /// the function is registered only for SQL run directly (`SQLITE_DIRECTONLY`), and this is
        /// the only SQL that names it.
        static let addFunctionName = "skillnad_aggregation_add"

        private static let addFunction:
            @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
                context, count, arguments in
                guard count == 7, let arguments,
                    let address = UnsafeRawPointer(bitPattern: Int(sqlite_nio_sqlite3_value_int64(arguments[0])))
                else {
                    sqlite_nio_sqlite3_result_error(context, "\(addFunctionName): unexpected arguments", -1)
                    return
                }
                let box = Unmanaged<AdderBox>.fromOpaque(address).takeUnretainedValue()
                func number(_ index: Int) -> Double {
                    let value = arguments[index]
                    return sqlite_nio_sqlite3_value_type(value) == SQLITE_NULL
                        ? .nan : sqlite_nio_sqlite3_value_double(value)
                }
                let flags = sqlite_nio_sqlite3_value_int(arguments[6])
                box.adder.add(
                    area: sqlite_nio_sqlite3_value_int64(arguments[1]), value: number(2), numerator: number(3),
                    denominator: number(4), weight: number(5), preliminary: flags & 1 != 0,
                    suppressed: flags & 2 != 0, aggregated: Int16(truncatingIfNeeded: flags >> 2))
            }

        /// Hands every row of the indicator, in key order, to the adder: one period and group at a
        /// time, each found by a seek in the table's key, then its rows through `addFunction` in one
        /// step. So no row carries its period and group as text, and no row is stepped to singly.
        static func read(indicator: Int64, into box: AdderBox, handle: SQLiteDirect.Handle) throws {
            /// A statement, with the indicator's number as `?1` when it has one.
            func prepare(_ query: String) throws -> OpaquePointer {
                var prepared: OpaquePointer?
                guard sqlite_nio_sqlite3_prepare_v2(handle, query, -1, &prepared, nil) == SQLITE_OK,
                    let statement = prepared
                else {
                    sqlite_nio_sqlite3_finalize(prepared)
                    throw SQLiteDirect.Failure(handle, "preparing the reading of observations")
                }
                if sqlite_nio_sqlite3_bind_parameter_count(statement) > 0 {
                    sqlite_nio_sqlite3_bind_int64(statement, 1, indicator)
                }
                return statement
            }
            // Registered once on each connection: registering it again while a statement runs (the
            // one that runs this code) would be refused.
            let registered = try prepare(
                "SELECT COUNT(*) FROM pragma_function_list WHERE name = '\(addFunctionName)'")
            let found =
                sqlite_nio_sqlite3_step(registered) == SQLITE_ROW && sqlite_nio_sqlite3_column_int(registered, 0) > 0
            sqlite_nio_sqlite3_finalize(registered)
            if !found {
                guard
                    sqlite_nio_sqlite3_create_function_v2(
                        handle, addFunctionName, 7, SQLITE_UTF8 | SQLITE_DIRECTONLY, nil, addFunction, nil, nil, nil)
                        == SQLITE_OK
                else { throw SQLiteDirect.Failure(handle, "registering \(addFunctionName)") }
            }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            /// The one text a MIN(…) seek gives, or nil when there is none.
            func seek(_ statement: OpaquePointer, _ texts: [String]) throws -> String? {
                defer { sqlite_nio_sqlite3_reset(statement) }
                for (offset, text) in texts.enumerated() {
                    sqlite_nio_sqlite3_bind_text(statement, Int32(offset + 2), text, -1, transient)
                }
                guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW,
                    let text = sqlite_nio_sqlite3_column_text(statement, 0)
                else { return nil }
                return String(cString: text)
            }
            let ofIndicator = "FROM observations WHERE indicator_no = ?1"
            let nextPeriod = try prepare("SELECT MIN(period) \(ofIndicator) AND period > ?2")
            defer { sqlite_nio_sqlite3_finalize(nextPeriod) }
            let firstGroup = try prepare("SELECT MIN(group_key) \(ofIndicator) AND period = ?2")
            defer { sqlite_nio_sqlite3_finalize(firstGroup) }
            let nextGroup = try prepare("SELECT MIN(group_key) \(ofIndicator) AND period = ?2 AND group_key > ?3")
            defer { sqlite_nio_sqlite3_finalize(nextGroup) }
            // The flags in one argument: bit 0 preliminary, bit 1 suppressed, bits 2–3 the origin.
            let rows = try prepare(
                "SELECT COUNT(\(addFunctionName)(?4, area_no, value, numerator, denominator, weight, "
                    + "preliminary + 2 * suppressed + 4 * aggregated)) \(ofIndicator) AND period = ?2 AND group_key = ?3"
            )
            defer { sqlite_nio_sqlite3_finalize(rows) }
            try withExtendedLifetime(box) {
                let address = Int64(Int(bitPattern: Unmanaged.passUnretained(box).toOpaque()))
                sqlite_nio_sqlite3_bind_int64(rows, 4, address)
                var period = try seek(nextPeriod, [""])
                while let currentPeriod = period {
                    var group = try seek(firstGroup, [currentPeriod])
                    while let currentGroup = group {
                        box.adder.begin(period: currentPeriod, group: currentGroup)
                        sqlite_nio_sqlite3_bind_text(rows, 2, currentPeriod, -1, transient)
                        sqlite_nio_sqlite3_bind_text(rows, 3, currentGroup, -1, transient)
                        guard sqlite_nio_sqlite3_step(rows) == SQLITE_ROW else {
                            throw SQLiteDirect.Failure(handle, "reading observations")
                        }
                        sqlite_nio_sqlite3_reset(rows)
                        group = try seek(nextGroup, [currentPeriod, currentGroup])
                    }
                    period = try seek(nextPeriod, [currentPeriod])
                }
            }
        }

        /// Deletes the added-up values nothing adds up to any more, updates the changed ones and
        /// inserts the new ones, 64 a statement (one step per 64 rows costs less than one a row).
        static func write(_ adder: Adder, indicator: Int64, handle: SQLiteDirect.Handle) throws {
            func prepare(_ query: String) throws -> OpaquePointer {
                var prepared: OpaquePointer?
                guard sqlite_nio_sqlite3_prepare_v2(handle, query, -1, &prepared, nil) == SQLITE_OK,
                    let statement = prepared
                else {
                    sqlite_nio_sqlite3_finalize(prepared)
                    throw SQLiteDirect.Failure(handle, "preparing the writing of added-up observations")
                }
                return statement
            }
            func step(_ statement: OpaquePointer) throws {
                guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                    throw SQLiteDirect.Failure(handle, "writing added-up observations")
                }
                sqlite_nio_sqlite3_reset(statement)
            }
            // C copies of every name, bound without copying (SQLITE_STATIC) and freed at the end:
            // a Swift string passed as a C string is copied anew at every call.
            let copies = [adder.periods, adder.groups].map { $0.map { strdup($0) } }
            defer { copies.forEach { $0.forEach { free($0) } } }
            guard !copies.joined().contains(nil) else { throw POSIXError(.ENOMEM) }
            let periodNames = copies[0]
            let groupNames = copies[1]
            let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)
            func bindKey(_ row: Row, _ statement: OpaquePointer, area: Int32, period: Int32, group: Int32) {
                sqlite_nio_sqlite3_bind_int64(statement, area, row.area)
                sqlite_nio_sqlite3_bind_text(statement, period, periodNames[Int(row.period)], -1, isStatic)
                sqlite_nio_sqlite3_bind_text(statement, group, groupNames[Int(row.group)], -1, isStatic)
            }
            /// The value, numerator, denominator, weight, flags and origin, from `first` on.
            func bindValues(_ row: Row, _ statement: OpaquePointer, from first: Int32) {
                func number(_ column: Int32, _ value: Double) {
                    if value.isNaN {
                        sqlite_nio_sqlite3_bind_null(statement, column)
                    } else {
                        sqlite_nio_sqlite3_bind_double(statement, column, value)
                    }
                }
                number(first, row.value)
                number(first + 1, row.numerator)
                number(first + 2, row.denominator)
                number(first + 3, row.weight)
                sqlite_nio_sqlite3_bind_int(statement, first + 4, Int32(row.flags & 1))
                sqlite_nio_sqlite3_bind_int(statement, first + 5, Int32(row.flags >> 1 & 1))
                sqlite_nio_sqlite3_bind_int(statement, first + 6, Int32(row.origin.rawValue))
            }
            let key = "indicator_no = \(indicator) AND area_no = ?1 AND period = ?2 AND group_key = ?3"
            if !adder.deletes.isEmpty {
                let delete = try prepare("DELETE FROM observations WHERE \(key)")
                defer { sqlite_nio_sqlite3_finalize(delete) }
                for row in adder.deletes {
                    bindKey(row, delete, area: 1, period: 2, group: 3)
                    try step(delete)
                }
            }
            if !adder.updates.isEmpty {
                let update = try prepare(
                    "UPDATE observations SET value = ?4, numerator = ?5, denominator = ?6, weight = ?7, "
                        + "preliminary = ?8, suppressed = ?9, aggregated = ?10 WHERE \(key)")
                defer { sqlite_nio_sqlite3_finalize(update) }
                for row in adder.updates {
                    bindKey(row, update, area: 1, period: 2, group: 3)
                    bindValues(row, update, from: 4)
                    try step(update)
                }
            }
            let batch = 64
            let columns = (Observation.columns + ["aggregated"]).joined(separator: ",")
            func insert(_ count: Int) throws -> OpaquePointer {
                let row = "(\(indicator),?,?,?,?,?,?,?,?,?,?)"
                return try prepare(
                    "INSERT INTO observations (\(columns)) VALUES "
                        + Array(repeating: row, count: count).joined(separator: ","))
            }
            let many = try insert(batch)
            defer { sqlite_nio_sqlite3_finalize(many) }
            let one = try insert(1)
            defer { sqlite_nio_sqlite3_finalize(one) }
            var position = 0
            let rows = adder.inserts
            while position < rows.count {
                let size = rows.count - position >= batch ? batch : 1
                let statement = size == batch ? many : one
                for offset in 0..<size {
                    let first = Int32(offset * 10)
                    bindKey(rows[position + offset], statement, area: first + 1, period: first + 2, group: first + 3)
                    bindValues(rows[position + offset], statement, from: first + 4)
                }
                try step(statement)
                position += size
            }
        }
    }

    /// Reading and writing through SQLKit: PostgreSQL, and SQLite when its C interface is not at hand.
    enum PortableIO {
        static func read(indicator: Int64, into box: AdderBox, on sql: any SQLDatabase) async throws {
            let lastKey = LastKey()
            try await sql.raw(
                """
                SELECT area_no, period, group_key, value, numerator, denominator, weight, preliminary, suppressed,
                       aggregated
                FROM \(ident: Observation.schema) WHERE indicator_no = \(bind: indicator) ORDER BY period, group_key
                """
            ).run { row in
                guard box.failure == nil else { return }
                do {
                    let period = try row.decode(column: "period", as: String.self)
                    let group = try row.decode(column: "group_key", as: String.self)
                    if lastKey.period != period || lastKey.group != group {
                        lastKey.period = period
                        lastKey.group = group
                        box.adder.begin(period: period, group: group)
                    }
                    func number(_ column: String) throws -> Double {
                        try row.decode(column: column, as: Double?.self) ?? .nan
                    }
                    box.adder.add(
                        area: try row.decode(column: "area_no", as: Int64.self), value: try number("value"),
                        numerator: try number("numerator"), denominator: try number("denominator"),
                        weight: try number("weight"), preliminary: try row.decode(column: "preliminary", as: Bool.self),
                        suppressed: try row.decode(column: "suppressed", as: Bool.self),
                        aggregated: Int16(truncatingIfNeeded: try row.decode(column: "aggregated", as: Int.self)))
                } catch {
                    box.failure = error
                }
            }
            if let failure = box.failure { throw failure }
        }

        /// Deletes and updates one row a statement (a refresh changes few), inserts 1,000 rows a
        /// statement (11,000 values: within both databases' limits).
        static func write(_ adder: Adder, indicator: Int64, on sql: any SQLDatabase) async throws {
            func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
            func key(_ query: SQLPredicateBuilder, _ row: Row) {
                query.where("indicator_no", .equal, indicator).where("area_no", .equal, row.area)
                    .where("period", .equal, adder.periods[Int(row.period)])
                    .where("group_key", .equal, adder.groups[Int(row.group)])
            }
            for row in adder.deletes {
                let delete = sql.delete(from: Observation.schema)
                key(delete, row)
                try await delete.run()
            }
            for row in adder.updates {
                let update = sql.update(Observation.schema)
                    .set("value", to: SQLBind(optional(row.value))).set(
                        "numerator", to: SQLBind(optional(row.numerator))
                    )
                    .set("denominator", to: SQLBind(optional(row.denominator)))
                    .set("weight", to: SQLBind(optional(row.weight))).set(
                        "preliminary", to: SQLBind(row.flags & 1 == 1)
                    )
                    .set("suppressed", to: SQLBind(row.flags & 2 == 2))
                    .set("aggregated", to: SQLBind(Int(row.origin.rawValue)))
                key(update, row)
                try await update.run()
            }
            var start = 0
            let rows = adder.inserts
            while start < rows.count {
                let end = min(start + 1_000, rows.count)
                let values: [[any SQLExpression]] = rows[start..<end].map { row in
                    [
                        SQLBind(indicator), SQLBind(row.area), SQLBind(adder.periods[Int(row.period)]),
                        SQLBind(adder.groups[Int(row.group)]), SQLBind(optional(row.value)),
                        SQLBind(optional(row.numerator)), SQLBind(optional(row.denominator)),
                        SQLBind(optional(row.weight)), SQLBind(row.flags & 1 == 1), SQLBind(row.flags & 2 == 2),
                        SQLBind(Int(row.origin.rawValue)),
                    ]
                }
                try await sql.insert(into: Observation.schema).columns(Observation.columns + ["aggregated"])
                    .values(values[0]).rows(Array(values.dropFirst())).run()
                start = end
            }
        }

        /// The period and group of the row before, in the reader's callback.
        private final class LastKey: @unchecked Sendable {
            var period: String?
            var group: String?
        }
    }
}
