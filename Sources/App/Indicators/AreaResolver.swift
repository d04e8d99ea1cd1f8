import SkillnadCore

/// Finds the catalogue area of each way a file names one, for an import: by the matcher (code,
/// name, alias, and other kinds only when asked), the city's own row by its name, new areas when
/// the import creates them; and keeps what the person who ran the import must see: the rows that
/// match nothing (the import is then refused), the rows skipped, and how many rows matched which
/// way, per kind of area.
struct AreaResolver {
    /// Rows of one kind of area that found it one way.
    struct MatchCount: Sendable {
        let kind: AreaKind
        let by: AreaMatcher.MatchedBy
        let rows: Int
    }

    private let spec: IndicatorImportSpec
    private let matcher: AreaMatcher
    private let city: AreaRecord?
    private let cityName: String?
    private var takenIDs: Set<String>
    private var createdFor: [String: String] = [:]
    /// How each way of naming an area matched, so that repeated rows count the same way.
    private var how: [IndicatorImporter.AreaKey: (kind: AreaKind, by: AreaMatcher.MatchedBy)] = [:]
    private var counts: [AreaKind: [AreaMatcher.MatchedBy: Int]] = [:]

    private(set) var created: [AreaRecord] = []
    private(set) var unmatched: [(line: Int, area: String, suggestions: [String])] = []
    var skippedRows: [(line: Int, area: String)] = []

    init(_ doc: CatalogueDocument, _ spec: IndicatorImportSpec) {
        self.spec = spec
        matcher = AreaMatcher(doc.areas, kind: spec.areaKind, acrossKinds: spec.matchNamesAcrossKinds)
        city = doc.areas.first { $0.kind == .city }
        cityName = city.map { SearchText.fold($0.name) }
        takenIDs = Set(doc.areas.map(\.id))
    }

    /// The counts, kinds in the catalogue's order and ways in the matcher's.
    var matchCounts: [MatchCount] {
        AreaKind.allCases.flatMap { kind in
            [AreaMatcher.MatchedBy.code, .name, .alias, .otherKind].compactMap { by in
                counts[kind]?[by].map { MatchCount(kind: kind, by: by, rows: $0) }
            }
        }
    }

    /// Counts one more row for a way of naming an area already resolved.
    mutating func countAgain(_ key: IndicatorImporter.AreaKey) {
        if let known = how[key] { counts[known.kind, default: [:]][known.by, default: 0] += 1 }
    }

    private mutating func count(_ key: IndicatorImporter.AreaKey, _ kind: AreaKind, _ by: AreaMatcher.MatchedBy) {
        how[key] = (kind, by)
        counts[kind, default: [:]][by, default: 0] += 1
    }

    /// The id of the area a value of a cube names, for all its periods: a name that means one
    /// area in one period and another in the next (an old name kept as an alias) cannot be one
    /// value of a dimension, and is refused with both areas, to be imported a period at a time.
    mutating func slug(code: String, name: String, periods: [String], line: Int) -> String? {
        let key = IndicatorImporter.AreaKey(code: code, name: name, year: "")
        var found: Set<String> = []
        for period in periods.isEmpty ? [""] : periods {
            if case .found(let area) = matcher.locate(code: code, name: name, period: period).match {
                found.insert(area.id)
            }
        }
        if found.count > 1 {
            unmatched.append((line, name, found.sorted()))
            return nil
        }
        return slug(code: code, name: name, period: periods.last ?? "", line: line, key: key)
    }

    /// The id of the area a row names, or nil when it has none (the row is skipped, or the
    /// import will be refused with the row among `unmatched`).
    mutating func slug(code: String?, name: String?, period: String, line: Int, key: IndicatorImporter.AreaKey)
        -> String?
    {
        if code == nil && name == nil, let city {
            count(key, .city, .name)
            return city.id  // Open SDG rows without GeoCode are for the whole city.
        }
        // A file of districts often ends with the city's own row.
        let namesCity = name.map { SearchText.fold($0) == cityName } ?? false
        if let city, code == nil, namesCity {
            count(key, .city, .name)
            return city.id
        }
        let (match, by) = matcher.locate(code: code, name: name, period: period)
        if case .unmatched = match, let city, namesCity {
            count(key, .city, .name)
            return city.id
        }
        switch match {
        case .found(let area):
            count(key, area.kind, by ?? .code)
            return area.id
        case .ambiguous(let list):
            unmatched.append((line, name ?? code ?? "", list.map(\.id)))
            return nil
        case .unmatched(let suggestions):
            let label = [code, name == code ? nil : name].compactMap { $0 }.joined(separator: " ")
            guard spec.createAreas else {
                if !spec.skipUnmatched { unmatched.append((line, label, suggestions)) }
                return nil
            }
            // One new area per code (or name), whatever the period.
            let createKey = code ?? name ?? label
            if let id = createdFor[createKey] { return id }
            let id = IndicatorImporter.uniqueSlug(Slug.make("\(spec.areaKind.rawValue) \(label)"), taken: takenIDs)
            takenIDs.insert(id)
            createdFor[createKey] = id
            created.append(
                AreaRecord(id: id, name: name ?? label, kind: spec.areaKind, code: code, parent: spec.parent))
            return id
        }
    }
}
