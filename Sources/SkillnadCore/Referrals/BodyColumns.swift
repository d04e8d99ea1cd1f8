import Foundation

/// The compilation's body columns (remissinstanser) grouped by kind of body, so that a reader
/// finds a district council among the district councils, and cut into tables narrow enough for
/// a sheet of paper.
public struct BodyColumnGroup: Sendable, Equatable {
    /// The groups in the order the compilation shows them.
    public enum Kind: String, CaseIterable, Sendable {
        /// facknämnder
        case committees
        /// stadsdelsnämnder
        case districtCouncils
        /// bolagsstyrelser
        case companies
        /// everyone else on a distribution list: the executive board, outside parties
        case others

        public init(_ kind: BodyKind?) {
            switch kind {
            case .specialistCommittee: self = .committees
            case .districtCouncil: self = .districtCouncils
            case .companyBoard: self = .companies
            default: self = .others
            }
        }
    }

    public let kind: Kind
    /// Positions in the distribution list, in its order.
    public let members: [Int]
    /// This is part `part` of `parts` of its kind (1-based); 1 of 1 when the kind was not cut.
    public let part: Int
    public let parts: Int

    public init(kind: Kind, members: [Int], part: Int = 1, parts: Int = 1) {
        self.kind = kind
        self.members = members
        self.part = part
        self.parts = parts
    }
}

public enum BodyColumns {
    /// The distribution list grouped by kind; a kind nobody on the list has gives no group.
    /// - Parameter kinds: the kind of each body on the list (nil for a body the catalogue lacks).
    public static func groups(_ kinds: [BodyKind?]) -> [BodyColumnGroup] {
        let byKind = Dictionary(grouping: kinds.indices) { BodyColumnGroup.Kind(kinds[$0]) }
        return BodyColumnGroup.Kind.allCases.compactMap { kind in
            guard let members = byKind[kind], !members.isEmpty else { return nil }
            return BodyColumnGroup(kind: kind, members: members.sorted())
        }
    }

    /// Each group cut into parts of at most `limit` columns, of nearly equal size (14 district
    /// councils with a limit of 10 become 7 and 7, not 10 and 4), so that every table of the
    /// printed compilation fits the width of the page.
    public static func split(_ groups: [BodyColumnGroup], limit: Int) -> [BodyColumnGroup] {
        let most = max(1, limit)
        return groups.flatMap { group -> [BodyColumnGroup] in
            let count = group.members.count
            let parts = max(1, (count + most - 1) / most)
            let smaller = count / parts
            let larger = count % parts
            var start = 0
            return (0..<parts).map { part in
                let size = smaller + (part < larger ? 1 : 0)
                let members = Array(group.members[start..<(start + size)])
                start += size
                return BodyColumnGroup(kind: group.kind, members: members, part: part + 1, parts: parts)
            }
        }
    }

    /// A short, unique label for each body, for a column header (förkortning): the short name
    /// when it is short ("SISAB", "Bromma"), the initials of a name in several parts
    /// ("Rinkeby-Kista" → "RK", "Stockholm Business Region" → "SBR"), a committee's initial and
    /// N ("Socialnämnden" → "SN"), otherwise the first letters. Labels that would be the same
    /// take more letters, then a number. The full names go in a key beside the table.
    public static func abbreviations(_ names: [(name: String, shortName: String?)]) -> [String] {
        var labels = names.map { abbreviation(name: $0.name, shortName: $0.shortName, extra: 0) }
        for extra in 1...3 {
            let counts = Dictionary(grouping: labels.indices) { labels[$0].lowercased() }
            let clashing = counts.values.filter { $0.count > 1 }.flatMap { $0 }
            if clashing.isEmpty { return labels }
            for index in clashing {
                labels[index] = abbreviation(name: names[index].name, shortName: names[index].shortName, extra: extra)
            }
        }
        // Still the same after three more letters: number them in list order.
        var seen: [String: Int] = [:]
        return labels.map { label in
            let key = label.lowercased()
            seen[key, default: 0] += 1
            let number = seen[key] ?? 1
            return number == 1 ? label : "\(label)\(number)"
        }
    }

    static let longest = 6
    static let committeeWords = ["nämnden", "nämnd"]
    /// Words a name may carry that say nothing of which body it is.
    static let fillerWords: Set<String> = ["ab", "i", "och", "för", "stadsdelsnämnd", "stadsdelsnämnden"]

    /// One label; `extra` more letters of each part when labels clash.
    static func abbreviation(name: String, shortName: String?, extra: Int) -> String {
        let base = (shortName?.isEmpty == false ? shortName : nil) ?? name
        if base.count <= longest && extra == 0 { return base }
        let parts = base.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        let meaningful = parts.filter { !fillerWords.contains($0.lowercased()) }
        let words = meaningful.isEmpty ? parts : meaningful
        if words.count > 1 {
            return words.map { initial($0, letters: 1 + extra) }.joined()
        }
        let word = words.first ?? base
        let lower = word.lowercased()
        if let suffix = committeeWords.first(where: { lower.hasSuffix($0) && lower.count > $0.count }) {
            let stem = String(word.dropLast(suffix.count))
            return initial(stem, letters: 1 + extra) + "N"
        }
        return initial(word, letters: 3 + extra)
    }

    /// The first `letters` letters, the first upper case, the rest as written.
    static func initial(_ word: String, letters: Int) -> String {
        let head = String(word.prefix(letters))
        return head.prefix(1).uppercased() + head.dropFirst()
    }
}
