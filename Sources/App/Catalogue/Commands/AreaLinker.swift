import Fluent
import Foundation
import SkillnadCore

/// Places areas in their parents from a key table (nyckeltabell) such as Statistics Sweden's
/// `koppling-deso2018-regso2020.csv` (which DeSO area lies in which RegSO area): one row per
/// child, with the child's code and the parent's code or name, as the statistics offices publish
/// it (any delimiter, BOM or not). Or, with `parentByName`, places each child in the area of a
/// kind whose name is the child's (a RegSO area Rinkeby in the district Rinkeby), listing which
/// matched and which did not, because a RegSO area is not always the district of its name.
///
/// All or nothing, in one transaction: an unknown area (without `create`), a child given two
/// different parents, or a missing column refuses the whole file with its line and column. Every
/// change is in the audit trail (as the catalogue's edits are), and the indicators whose values
/// are added up the area tree are added up again (`IndicatorAggregation.refreshAll`).
enum AreaLinker {
    /// A condition on a column: equal (codes of digits alike up to leading zeros, so `Kommun=180`
    /// keeps `0180`) or, written `COLUMN^=VALUE`, starting with the value.
    struct Filter: Sendable, Equatable {
        let column: String
        let value: String
        let startsWith: Bool

        /// `Kommun=0180,Namn^=Stock` → two filters, by column; nil when a part is not `NAME=VALUE`
        /// (read as the indicator import reads its `--where`: `ObservationMapping.filterPairs`).
        static func parse(_ text: String) -> [Filter]? {
            let (equals, prefixes, malformed) = ObservationMapping.filterPairs(text)
            guard malformed.isEmpty else { return nil }
            let filters = all(equals: equals, prefixes: prefixes)
            return filters.isEmpty ? nil : filters
        }

        /// The filters of `filterPairs`' two lists, sorted by column.
        static func all(equals: [String: String], prefixes: [String: String]) -> [Filter] {
            let exact = equals.map { Filter(column: $0.key, value: $0.value, startsWith: false) }
            let starting = prefixes.map { Filter(column: $0.key, value: $0.value, startsWith: true) }
            return (exact + starting).sorted { ($0.column, $0.value) < ($1.column, $1.value) }
        }

        func keeps(_ cell: String) -> Bool {
            let text = cell.trimmingCharacters(in: .whitespaces)
            if startsWith { return text.hasPrefix(value) }
            return ObservationMapping.sameCode(text, value)
        }
    }

    struct Options: Sendable {
        /// Columns of the file: the child's code (and name), the parent's code or name.
        var childCode: String
        var childName: String?
        var childKind: AreaKind
        var parentCode: String?
        var parentName: String?
        var parentKind: AreaKind?
        /// Instead of parent columns: the parent is the area of this kind named as the child is.
        var parentByName: AreaKind?
        var filters: [Filter] = []
        /// Create the child and parent areas the catalogue lacks.
        var create = false
        /// The parent of created parents (and of created children that no name placed), by id.
        var top: String?
    }

    /// What a link changed, or with a dry run would change.
    struct Outcome: Sendable {
        /// Areas created, by kind.
        var created: [AreaKind: Int] = [:]
        var reparented = 0
        var unchanged = 0
        /// With `parentByName`: the children placed by name, as (child, parent) names …
        var matchedByName: [(child: String, parent: String)] = []
        /// … and those no area of the kind is named as, with suggestions.
        var unmatchedByName: [(child: String, suggestions: [String])] = []
        /// The indicators added up again, with the values written.
        var refreshed: [(code: String, written: Int)] = []

        var createdCount: Int { created.values.reduce(0, +) }
    }

    /// One child as the file gives it: its code and name, its parent's key, and the line.
    private struct Link {
        let line: Int
        let code: String
        let name: String?
        let parent: String?
        let parentName: String?
    }

    /// Makes the links in the catalogue, in one transaction; with `dryRun` only says what it would do.
    static func run(
        _ data: Data, _ options: Options, dryRun: Bool, by actor: AuditActor, on db: any Database
    ) async throws -> Outcome {
        try await CatalogueEditor.transaction(on: db) { tx in
            let doc = try await CatalogueLoader.load(from: tx)
            var (edited, outcome) = try plan(data, options, catalogue: doc)
            guard outcome.createdCount + outcome.reparented > 0 else { return outcome }
            // Through the reader, as a catalogue file would be: a parent loop, a code used twice.
            switch CatalogueReader.read(try JSONEncoder().encode(edited)) {
            case .success(let checked): edited = checked
            case .failure(let problems):
                throw ObservationProblems(
                    problems.problems.map { ObservationProblem(line: nil, column: nil, .detail("\($0)")) })
            }
            if dryRun { return outcome }
            _ = try await CatalogueImporter.sync(edited, in: tx, actor: actor)
            if outcome.reparented > 0 {
                outcome.refreshed = try await IndicatorAggregation.refreshAll(on: tx)
            }
            return outcome
        }
    }

    /// The catalogue with the file's links made, and what changed; refuses with every problem.
    static func plan(_ data: Data, _ options: Options, catalogue doc: CatalogueDocument) throws(ObservationProblems)
        -> (CatalogueDocument, Outcome)
    {
        let links = try read(data, options)
        var doc = doc
        var outcome = Outcome()
        var problems: [ObservationProblem] = []
        if let top = options.top, !doc.areas.contains(where: { $0.id == top }) {
            problems.append(ObservationProblem(line: nil, column: "--top", .noArea(top)))
        }
        var taken = Set(doc.areas.map(\.id))
        var indexOfID: [String: Int] = [:]
        for (index, area) in doc.areas.enumerated() { indexOfID[area.id] = index }
        func areasByCode(_ kind: AreaKind) -> [String: String] {
            var byCode: [String: String] = [:]
            for area in doc.areas where area.kind == kind {
                if let code = area.code { byCode[code] = area.id }
            }
            return byCode
        }
        /// Creates an area and returns its id: `deso-0180c1010` (by its code, else by its name).
        func create(kind: AreaKind, code: String?, name: String, parent: String?) -> String {
            let id = IndicatorImporter.uniqueSlug(Slug.make("\(kind.rawValue) \(code ?? name)"), taken: taken)
            taken.insert(id)
            indexOfID[id] = doc.areas.count
            doc.areas.append(AreaRecord(id: id, name: name, kind: kind, code: code, parent: parent))
            outcome.created[kind, default: 0] += 1
            return id
        }
        let label = Texts(.en)

        // The parents: by code or name in their kind, created when asked.
        var parentOf: [String: String] = [:]
        if let parentKind = options.parentKind, options.parentByName == nil {
            let byCode = areasByCode(parentKind)
            let matcher = AreaMatcher(doc.areas, kind: parentKind)
            var seen: Set<String> = []
            for link in links {
                guard let key = link.parent, seen.insert(key).inserted else { continue }
                if options.parentCode != nil, let id = byCode[key] {
                    parentOf[key] = id
                } else if options.parentCode == nil, case .found(let area) = matcher.match(code: nil, name: key) {
                    parentOf[key] = area.id
                } else if options.create {
                    parentOf[key] = create(
                        kind: parentKind, code: options.parentCode != nil ? key : nil, name: link.parentName ?? key,
                        parent: options.top)
                } else {
                    problems.append(
                        ObservationProblem(
                            line: link.line, column: options.parentCode ?? options.parentName,
                            .detail(
                                "no \(label.label(parentKind)) has the \(options.parentCode != nil ? "code" : "name") "
                                    + "\(key) (--create creates it)")))
                }
            }
        }

        // The children: placed in their parent, created when asked.
        let childByCode = areasByCode(options.childKind)
        let nameMatcher = options.parentByName.map { AreaMatcher(doc.areas, kind: $0) }
        for link in links {
            let childID = childByCode[link.code]
            var wanted: String?
            if let key = link.parent {
                // An unknown parent is a problem already; the child is still checked.
                wanted = parentOf[key]
            } else if let nameMatcher {
                let name = link.name ?? childID.flatMap { indexOfID[$0] }.map { doc.areas[$0].name } ?? link.code
                switch nameMatcher.match(code: nil, name: name) {
                case .found(let area):
                    wanted = area.id
                    outcome.matchedByName.append((name, area.name))
                case .ambiguous(let list):
                    if let current = list.filter({ $0.validTo == nil }).first,
                        list.filter({ $0.validTo == nil }).count == 1
                    {
                        wanted = current.id
                        outcome.matchedByName.append((name, current.name))
                    } else {
                        outcome.unmatchedByName.append((name, list.map(\.name)))
                    }
                case .unmatched(let suggestions):
                    outcome.unmatchedByName.append((name, suggestions))
                }
            }
            if childID == nil {
                guard options.create else {
                    problems.append(
                        ObservationProblem(
                            line: link.line, column: options.childCode,
                            .detail(
                                "no \(label.label(options.childKind)) has the code \(link.code) (--create creates it)")
                        ))
                    continue
                }
                if link.parent == nil || wanted != nil {
                    _ = create(
                        kind: options.childKind, code: link.code, name: link.name ?? link.code,
                        parent: wanted ?? options.top)
                }
                continue
            }
            guard let childID, let index = indexOfID[childID] else { continue }
            guard let wanted else { continue }
            if doc.areas[index].parent == wanted {
                outcome.unchanged += 1
            } else {
                doc.areas[index].parent = wanted
                outcome.reparented += 1
            }
        }
        if !problems.isEmpty { throw ObservationProblems(problems) }
        return (doc, outcome)
    }

    /// The kept rows of the file, one per child; a child given two different parents is refused
    /// with both lines.
    private static func read(_ data: Data, _ options: Options) throws(ObservationProblems) -> [Link] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data)
        } catch {
            throw ObservationProblems([
                ObservationProblem(line: error.line, column: error.column, .detail(error.message))
            ])
        }
        var problems: [ObservationProblem] = []
        if options.parentByName == nil
            && (options.parentKind == nil || (options.parentCode ?? options.parentName) == nil)
        {
            problems.append(
                ObservationProblem(
                    line: nil, column: "--parent-code",
                    .detail("give --parent-code or --parent-name with --parent-kind, or --parent-by-name KIND")))
        }
        if options.parentByName != nil && (options.parentCode ?? options.parentName) != nil {
            problems.append(
                ObservationProblem(
                    line: nil, column: "--parent-by-name",
                    .detail("--parent-by-name takes the parent from the child's name: give no parent columns")))
        }
        func column(_ name: String?, _ role: ObservationProblem.ColumnRole) -> Int? {
            guard let name else { return nil }
            // `#2` is the second column, for files whose header leaves it unnamed or repeats it.
            if name.hasPrefix("#"), let number = Int(name.dropFirst()) {
                if (1...max(table.header.count, 1)).contains(number) { return number - 1 }
                problems.append(
                    ObservationProblem(
                        line: nil, column: name, .noColumnNumber(columns: table.header.count, role: role, name: name)))
                return nil
            }
            do {
                if let index = try table.column(name) { return index }
                problems.append(
                    ObservationProblem(
                        line: nil, column: name,
                        .columnNotInFile(role: role, columns: table.header.joined(separator: ", "))))
            } catch {
                if case .ambiguousColumn(_, let matches) = error.kind {
                    problems.append(
                        ObservationProblem(
                            line: nil, column: name,
                            .ambiguousColumn(
                                name: name, headers: matches.map { table.header[$0] },
                                numbers: matches.map { $0 + 1 })))
                } else {
                    problems.append(ObservationProblem(line: nil, column: name, .detail(error.message)))
                }
            }
            return nil
        }
        let childCode = column(options.childCode, .areaCode)
        let childName = column(options.childName, .areaName)
        let parentCode = column(options.parentCode, .areaCode)
        let parentName = column(options.parentName, .areaName)
        let filters = options.filters.map { ($0, column($0.column, .filter)) }
        if !problems.isEmpty { throw ObservationProblems(problems) }
        guard let childCode else { throw ObservationProblems(problems) }

        func cell(_ row: [String], _ index: Int?) -> String? {
            guard let index else { return nil }
            let text = row[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var links: [Link] = []
        var first: [String: Link] = [:]
        var keptAny = false
        for (row, line) in zip(table.rows, table.lineNumbers) {
            guard filters.allSatisfy({ filter, index in index.map { filter.keeps(row[$0]) } ?? true }) else { continue }
            keptAny = true
            guard let code = cell(row, childCode) else {
                problems.append(ObservationProblem(line: line, column: options.childCode, .isEmpty))
                continue
            }
            let parentKey = cell(row, parentCode) ?? cell(row, parentName)
            if options.parentByName == nil && parentKey == nil {
                problems.append(
                    ObservationProblem(line: line, column: options.parentCode ?? options.parentName, .isEmpty))
                continue
            }
            let link = Link(
                line: line, code: code, name: cell(row, childName), parent: parentKey,
                parentName: cell(row, parentName))
            if let earlier = first[code] {
                if earlier.parent != link.parent {
                    problems.append(
                        ObservationProblem(
                            line: line, column: options.parentCode ?? options.parentName,
                            .detail(
                                "\(code) is put in \(link.parent ?? "–") here and in \(earlier.parent ?? "–") "
                                    + "on line \(earlier.line): a child has one parent")))
                }
                continue
            }
            first[code] = link
            links.append(link)
        }
        if !keptAny, let (filter, index) = filters.first, let index {
            let examples = Array(Set(table.rows.map { $0[index] })).sorted().prefix(5).joined(separator: ", ")
            problems.append(
                ObservationProblem(
                    line: nil, column: filter.column, .filterKeepsNothing(value: filter.value, examples: examples)))
        }
        if !problems.isEmpty { throw ObservationProblems(problems) }
        return links
    }
}
