/// Finds the catalogue area a statistics file means: by code within the area kind, else by name
/// or alias with case and Swedish letters folded (`BAGARMOSSEN`, `Bagarmossen`), also in the
/// form `Stockholm (Rinkeby)` that Statistics Sweden writes, where the part outside the brackets
/// must name an area the catalogue knows (so `Sundbyberg (Marieberg)` is not Stockholm's
/// Marieberg). A name two areas share (an old name
/// kept as an alias of the area that replaced it: `Hägersten-Liljeholmen` on Hägersten-Älvsjö) is
/// decided by the period: the area that existed then.
///
/// Names are matched within the kind only, unless `acrossKinds`: then a name no area of the kind
/// has is looked for among the other kinds (a RegSO area's `Stockholm (Rinkeby)` finds the
/// district Rinkeby), and `locate` says so (`MatchedBy.otherKind`), because an area of one kind is
/// not the same as an area of another that shares its name: sometimes that is right and sometimes
/// not, and the user must see which.
public struct AreaMatcher: Sendable {
    /// How an area was found: the user is told, per kind, how many rows matched each way.
    public enum MatchedBy: String, Sendable {
        case code, name, alias, otherKind
    }

    /// An area under one of its names, and whether that name is an alias.
    private struct Named: Sendable {
        let area: AreaRecord
        let isAlias: Bool
    }

    private let byCode: [String: AreaRecord]
    private let byName: [String: [Named]]
    /// Names of the areas of other kinds, for `acrossKinds`.
    private let otherKindsByName: [String: [Named]]
    private let all: [AreaRecord]
    /// Every name and alias of every area, of any kind, folded.
    private let knownNames: Set<String>
    private let acrossKinds: Bool

    /// - Parameters:
    ///   - kind: the kind the file's areas are; nil for any kind.
    ///   - acrossKinds: look for a name the kind lacks among the other kinds (`MatchedBy.otherKind`).
    public init(_ areas: [AreaRecord], kind: AreaKind?, acrossKinds: Bool = false) {
        knownNames = Set(areas.flatMap { Self.names(of: $0).map(\.name) }.map(SearchText.fold))
        let candidates = kind.map { wanted in areas.filter { $0.kind == wanted } } ?? areas
        all = candidates
        var codes: [String: AreaRecord] = [:]
        for area in candidates {
            if let code = area.code { codes[code] = area }
        }
        byCode = codes
        byName = Self.index(candidates)
        self.acrossKinds = acrossKinds && kind != nil
        otherKindsByName = self.acrossKinds ? Self.index(areas.filter { $0.kind != kind }) : [:]
    }

    /// An area's names: its name and English name, then its aliases.
    private static func names(of area: AreaRecord) -> [(name: String, isAlias: Bool)] {
        [(area.name, false)] + (area.nameEn.map { [($0, false)] } ?? []) + (area.aliases ?? []).map { ($0, true) }
    }

    /// Areas by folded name; an area that a name reaches both as a name and as an alias is kept
    /// once, as a name.
    private static func index(_ areas: [AreaRecord]) -> [String: [Named]] {
        var names: [String: [Named]] = [:]
        for area in areas {
            for (name, isAlias) in Self.names(of: area) {
                let key = SearchText.fold(name)
                var list = names[key, default: []]
                if let existing = list.firstIndex(where: { $0.area.id == area.id }) {
                    if list[existing].isAlias && !isAlias { list[existing] = Named(area: area, isAlias: false) }
                } else {
                    list.append(Named(area: area, isAlias: isAlias))
                }
                names[key] = list
            }
        }
        return names
    }

    public enum Match: Sendable, Equatable {
        case found(AreaRecord)
        case ambiguous([AreaRecord])
        case unmatched(suggestions: [String])
    }

    public func match(code: String?, name: String?, period: String? = nil) -> Match {
        locate(code: code, name: name, period: period).match
    }

    /// The area a row names, and how it was found (nil unless found).
    public func locate(code: String?, name: String?, period: String?) -> (match: Match, by: MatchedBy?) {
        if let code, !code.isEmpty, let area = byCode[code] { return (.found(area), .code) }
        guard let name, !name.isEmpty else { return (.unmatched(suggestions: []), nil) }
        var keys = [SearchText.fold(name)]
        // "Stockholm (Rinkeby)" → "rinkeby"
        if byName[keys[0]] == nil, let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"),
            open < close
        {
            let inner = SearchText.fold(String(name[name.index(after: open)..<close]))
            let outer = SearchText.fold(String(name[..<open]))
            guard knownNames.contains(outer) else { return (.unmatched(suggestions: []), nil) }
            keys = acrossKinds ? [inner, keys[0]] : [inner]
        }
        for key in keys {
            if let list = byName[key], !list.isEmpty { return Self.choose(list, period: period, other: false) }
        }
        for key in keys {
            if let list = otherKindsByName[key], !list.isEmpty { return Self.choose(list, period: period, other: true) }
        }
        let key = keys[0]
        let first = key.split(separator: " ").first.map(String.init) ?? key
        let suggestions = all.filter { SearchText.fold($0.name).contains(first) }.map(\.name).sorted().prefix(3)
        return (.unmatched(suggestions: Array(suggestions)), nil)
    }

    /// One of the areas a name reaches: the only one, or the only one that existed in the period.
    private static func choose(_ list: [Named], period: String?, other: Bool) -> (match: Match, by: MatchedBy?) {
        func found(_ named: Named) -> (match: Match, by: MatchedBy?) {
            (.found(named.area), other ? .otherKind : (named.isAlias ? .alias : .name))
        }
        if list.count == 1 { return found(list[0]) }
        if let year = period.flatMap(Self.year) {
            let then = list.filter { named in
                (named.area.validFrom.map { $0.year <= year } ?? true)
                    && (named.area.validTo.map { $0.year >= year } ?? true)
            }
            if then.count == 1 { return found(then[0]) }
        }
        return (.ambiguous(list.map(\.area).sorted { $0.id < $1.id }), nil)
    }

    /// The year a period is in: `2022`, `2022-03`, `2022Q1`, `2021/22` (its first year).
    public static func year(_ period: String) -> Int? {
        let digits = period.prefix { $0.isNumber }
        return digits.count == 4 ? Int(digits) : nil
    }
}
