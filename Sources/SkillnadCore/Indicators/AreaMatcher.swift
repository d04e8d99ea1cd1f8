/// Finds the catalogue area a statistics file means: by code within the area kind, else by name
/// or alias with case and Swedish letters folded (`BAGARMOSSEN`, `Bagarmossen`), also in the
/// form `Stockholm (Rinkeby)` that Statistics Sweden writes, where the part outside the brackets
/// must name an area the catalogue knows (so `Sundbyberg (Marieberg)` is not Stockholm's
/// Marieberg). A name two areas share (an old name
/// kept as an alias of the area that replaced it: `Hägersten-Liljeholmen` on Hägersten-Älvsjö) is
/// decided by the period: the area that existed then.
public struct AreaMatcher: Sendable {
    private let byCode: [String: AreaRecord]
    private let byName: [String: [AreaRecord]]
    private let all: [AreaRecord]
    /// Every name and alias of every area, of any kind, folded.
    private let knownNames: Set<String>

    public init(_ areas: [AreaRecord], kind: AreaKind?) {
        knownNames = Set(
            areas.flatMap { [$0.name] + ($0.nameEn.map { [$0] } ?? []) + ($0.aliases ?? []) }.map(SearchText.fold))
        let candidates = kind.map { k in areas.filter { $0.kind == k } } ?? areas
        all = candidates
        var codes: [String: AreaRecord] = [:]
        var names: [String: [AreaRecord]] = [:]
        for a in candidates {
            if let c = a.code { codes[c] = a }
            for n in [a.name] + (a.nameEn.map { [$0] } ?? []) + (a.aliases ?? []) {
                names[SearchText.fold(n), default: []].append(a)
            }
        }
        byCode = codes
        byName = names.mapValues { list in
            Array(Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values)
        }
    }

    public enum Match: Sendable, Equatable {
        case found(AreaRecord)
        case ambiguous([AreaRecord])
        case unmatched(suggestions: [String])
    }

    public func match(code: String?, name: String?, period: String? = nil) -> Match {
        if let code, !code.isEmpty, let a = byCode[code] { return .found(a) }
        guard let name, !name.isEmpty else { return .unmatched(suggestions: []) }
        var key = SearchText.fold(name)
        // "Stockholm (Rinkeby)" → "rinkeby"
        if byName[key] == nil, let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            let inner = SearchText.fold(String(name[name.index(after: open)..<close]))
            let outer = SearchText.fold(String(name[..<open]))
            guard knownNames.contains(outer) else { return .unmatched(suggestions: []) }
            key = inner
        }
        switch byName[key] ?? [] {
        case let list where list.count == 1: return .found(list[0])
        case let list where list.count > 1:
            if let year = period.flatMap(Self.year) {
                let then = list.filter { a in
                    (a.validFrom.map { $0.year <= year } ?? true) && (a.validTo.map { $0.year >= year } ?? true)
                }
                if then.count == 1 { return .found(then[0]) }
            }
            return .ambiguous(list.sorted { $0.id < $1.id })
        default:
            let first = key.split(separator: " ").first.map(String.init) ?? key
            let suggestions = all.filter { SearchText.fold($0.name).contains(first) }.map(\.name).sorted().prefix(3)
            return .unmatched(suggestions: Array(suggestions))
        }
    }

    /// The year a period is in: `2022`, `2022-03`, `2022Q1`, `2021/22` (its first year).
    public static func year(_ period: String) -> Int? {
        let digits = period.prefix { $0.isNumber }
        return digits.count == 4 ? Int(digits) : nil
    }
}
