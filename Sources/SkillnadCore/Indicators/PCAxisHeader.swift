/// A PC-Axis file's keywords found by name, language and subkey, with their texts decoded in the
/// file's code page.
struct PCAxisHeader {
    struct Key: Hashable {
        var name: String
        var language: String?
        var subkeys: [String]
    }

    let codepage: PCAxisCodepage
    private(set) var keywords: [Key: PCAxisKeyword] = [:]
    /// Every language some keyword is written in (the `en` of `VALUES[en]`), in lower case.
    private(set) var languages: Set<String> = []

    /// A keyword written twice counts once, as first written.
    init(_ list: [PCAxisKeyword], codepage: PCAxisCodepage) {
        self.codepage = codepage
        for keyword in list {
            let key = self.key(of: keyword)
            if keywords[key] == nil { keywords[key] = keyword }
            if let language = key.language { languages.insert(language) }
        }
    }

    func key(of keyword: PCAxisKeyword) -> Key {
        Key(
            name: keyword.name, language: keyword.language.map { codepage.decode($0).lowercased() },
            subkeys: keyword.subkeys.map { codepage.decode($0) })
    }

    func keyword(_ name: String, language: String? = nil, _ subkeys: String...) -> PCAxisKeyword? {
        keywords[Key(name: name, language: language, subkeys: subkeys)]
    }

    /// Every keyword of a name, in any language and with any subkeys.
    func all(_ name: String) -> [PCAxisKeyword] {
        keywords.filter { $0.key.name == name }.map(\.value)
    }

    /// A keyword as the file writes it, for messages: `VALUES[en]("region")`.
    func display(_ keyword: PCAxisKeyword) -> String {
        let key = key(of: keyword)
        return PCAxisKeyword.display(key.name, language: key.language, subkeys: key.subkeys)
    }

    func text(_ bytes: [UInt8]) -> String { codepage.decode(bytes) }

    /// A value that is a list: quoted texts separated by commas (`"a","b"`), or one unquoted word
    /// (`DECIMALS=1`, `ELIMINATION("kön")=YES`).
    func list(_ keyword: PCAxisKeyword) throws(ObservationProblem) -> [String] {
        var items: [String] = []
        var expectingItem = true
        for token in keyword.tokens {
            switch token {
            case .text(let bytes) where expectingItem, .word(let bytes) where expectingItem:
                items.append(text(bytes))
                expectingItem = false
            case .comma where !expectingItem:
                expectingItem = true
            default:
                throw ObservationProblem(
                    line: keyword.line, column: display(keyword),
                    .pxSyntax(expected: "a list of quoted texts separated by commas"))
            }
        }
        if expectingItem && !items.isEmpty {
            throw ObservationProblem(
                line: keyword.line, column: display(keyword), .pxSyntax(expected: "a text after the last comma"))
        }
        return items
    }

    /// The one text or word of a value; nil when it has none or several.
    func single(_ keyword: PCAxisKeyword?) -> String? {
        guard let keyword, let items = try? list(keyword), items.count == 1 else { return nil }
        return items[0]
    }

    /// The periods a `TIMEVAL` lists: `TLIST(A1),"2019","2020"` or the range `TLIST(A1, "2019"-"2021")`
    /// (years, half-years `20191`, quarters `20194`, months `201912`); nil when it lists none.
    func timeValues(_ keyword: PCAxisKeyword) -> [String]? {
        let tokens = keyword.tokens
        guard tokens.count >= 4, case .word(let tlist) = tokens[0], text(tlist).uppercased() == "TLIST",
            tokens[1] == .open, case .word(let unitBytes) = tokens[2]
        else { return nil }
        let unit = text(unitBytes).uppercased()
        let rest = Array(tokens[3...])
        if rest.first == .close {
            let texts = rest.compactMap { token -> String? in
                if case .text(let bytes) = token { return text(bytes) }
                return nil
            }
            return texts.isEmpty ? nil : texts
        }
        guard rest.count == 5, rest[0] == .comma, case .text(let first) = rest[1],
            rest[2] == .word([UInt8(ascii: "-")]),
            case .text(let last) = rest[3], rest[4] == .close
        else { return nil }
        return Self.periods(unit: unit, from: text(first), to: text(last))
    }

    /// The periods from one to another in a `TLIST` unit (`A1` years, `H1`, `Q1`, `M1`); nil for
    /// weeks (whose count a year varies) and for bounds that are not periods of the unit.
    static func periods(unit: String, from first: String, to last: String) -> [String]? {
        let perYear: Int
        switch unit {
        case "A1": perYear = 1
        case "H1": perYear = 2
        case "Q1": perYear = 4
        case "M1": perYear = 12
        default: return nil
        }
        let width = perYear == 1 ? 4 : perYear == 12 ? 6 : 5
        guard first.count == width, last.count == width, let from = Int(first), let to = Int(last) else { return nil }
        func ordinal(_ period: Int) -> Int? {
            if perYear == 1 { return period }
            let divisor = perYear == 12 ? 100 : 10
            let part = period % divisor
            guard (1...perYear).contains(part) else { return nil }
            return (period / divisor) * perYear + part - 1
        }
        guard let start = ordinal(from), let end = ordinal(to), start <= end, end - start < 100_000 else { return nil }
        return (start...end).map { number in
            if perYear == 1 { return String(number) }
            let part = number % perYear + 1
            let year = String(number / perYear)
            return perYear == 12 ? year + (part < 10 ? "0" : "") + String(part) : year + String(part)
        }
    }
}
