import Foundation

/// A wide table's period columns (*periodkolumner*): Statistics Sweden publishes area tables with
/// one row per area and one column per year (`Medelvärde för samtliga, tkr 2020`, `… 2021`), and
/// importing every year in one run needs to know which columns those are and which period each holds.
///
/// `ObservationMapping.periodColumns` says it in one of three forms:
/// - a pattern with `YEAR` and optionally `*` (any text): `Medelvärde * YEAR`, `*YEAR`. Every header
///   it matches is a period column, its period taken from where `YEAR` stands. Headers are matched
///   as column names are (case and spaces forgiven); `YEAR` is four digits not touching other
///   digits, with an optional school-year tail (`2021/22`, `2021/2022`) kept in the period;
/// - a comma list of columns by name or number (`Kolumn 2020,Kolumn 2021`, `#4,#5`): the period is
///   the year that ends each header. A name may itself hold commas: the longest run of parts that
///   names a column is taken;
/// - a range of columns `#4-#7`, each header ending in its year, or with the periods given:
///   `#4-#7=2020-2023`, one year a column, so the two ranges must be as long.
public struct PeriodColumns: Sendable, Equatable {
    /// A period column: its 0-based index in the header, and the period its cells are for.
    public struct Column: Sendable, Equatable {
        public let index: Int
        public let period: String

        public init(index: Int, period: String) {
            self.index = index
            self.period = period
        }
    }

    /// In the header's order for a pattern, as given for a list or a range.
    public let columns: [Column]

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// The columns `text` names in `header`, or every problem: a header without a year
    /// (`.periodColumnNoYear`), a range whose lengths differ or a form not understood
    /// (`.periodColumnsFormat`), a column not in the file, or two columns for one period
    /// (`.ambiguousColumn`, with their numbers, so that the user can list the ones meant).
    /// The problems' `column` is the text as given.
    public static func resolve(_ text: String, header: [String]) -> Result<PeriodColumns, ObservationProblems> {
        let given = text.trimmingCharacters(in: .whitespaces)
        var problems: [ObservationProblem] = []
        var found: [Column] = []
        if given.isEmpty {
            problems.append(ObservationProblem(line: nil, column: text, .periodColumnsFormat(got: text)))
        } else if given.contains("YEAR") {
            found = matching(pattern: given, header: header)
            if found.isEmpty {
                problems.append(
                    ObservationProblem(
                        line: nil, column: given,
                        .columnNotInFile(role: .period, columns: header.joined(separator: ", "))))
            }
        } else if given.hasPrefix("#") && given.contains("-") {
            found = range(given, header: header, problems: &problems)
        } else {
            found = list(given, header: header, problems: &problems)
        }
        problems += repeatedPeriods(found, header: header, given: given)
        return problems.isEmpty ? .success(PeriodColumns(found)) : .failure(ObservationProblems(problems))
    }

    // MARK: The three forms

    /// `#4-#7=2020-2023`, or `#4-#7` with the years from the headers.
    private static func range(_ text: String, header: [String], problems: inout [ObservationProblem]) -> [Column] {
        let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let columnBounds = bounds(sides[0], marked: true)
        let yearBounds = sides.count == 2 ? bounds(sides[1], marked: false) : nil
        guard let (first, last) = columnBounds, first <= last, sides.count == 1 || yearBounds != nil else {
            problems.append(ObservationProblem(line: nil, column: text, .periodColumnsFormat(got: text)))
            return []
        }
        for number in [first, last] where number < 1 || number > header.count {
            problems.append(
                ObservationProblem(
                    line: nil, column: text, .noColumnNumber(columns: header.count, role: .period, name: "#\(number)")))
        }
        guard problems.isEmpty else { return [] }
        guard let (firstYear, lastYear) = yearBounds else {
            return withHeaderYears(Array((first - 1)...(last - 1)), header: header, problems: &problems)
        }
        guard firstYear <= lastYear, lastYear - firstYear == last - first else {
            problems.append(ObservationProblem(line: nil, column: text, .periodColumnsFormat(got: text)))
            return []
        }
        return (0...(last - first)).map { step in Column(index: first - 1 + step, period: String(firstYear + step)) }
    }

    /// `a-b` as two numbers, each after a `#` when `marked` (`#4-#7`) and four digits when not (`2020-2023`).
    private static func bounds(_ text: Substring, marked: Bool) -> (Int, Int)? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else { return nil }
        var numbers: [Int] = []
        for end in ends {
            var digits = end.trimmingCharacters(in: .whitespaces)
            if marked {
                guard digits.hasPrefix("#") else { return nil }
                digits.removeFirst()
            } else if digits.count != 4 {
                return nil
            }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits) else { return nil }
            numbers.append(number)
        }
        return (numbers[0], numbers[1])
    }

    /// `Kolumn 2020,Kolumn 2021` or `#4,#5`: each part a column, its header ending in its year.
    private static func list(_ text: String, header: [String], problems: inout [ObservationProblem]) -> [Column] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var indexes: [Int] = []
        var start = 0
        while start < parts.count {
            if parts[start].isEmpty {
                start += 1
                continue
            }
            // The longest run of parts that names a column: a header may hold a comma itself.
            var taken: (index: Int, parts: Int)?
            var lastProblem: ObservationProblem?
            for end in stride(from: parts.count, to: start, by: -1) {
                let name = parts[start..<end].joined(separator: ",")
                switch column(name, header: header) {
                case .success(let index?):
                    taken = (index, end - start)
                case .success(nil):
                    continue
                case .failure(let problem):
                    lastProblem = problem
                }
                if taken != nil || lastProblem != nil { break }
            }
            if let taken {
                indexes.append(taken.index)
                start += taken.parts
                continue
            }
            problems.append(
                lastProblem
                    ?? ObservationProblem(
                        line: nil, column: parts[start],
                        .columnNotInFile(role: .period, columns: header.joined(separator: ", "))))
            start += 1
        }
        return withHeaderYears(indexes, header: header, problems: &problems)
    }

    /// A column by `#N` or by name; nil when there is none, a problem when the name is ambiguous
    /// or the number is past the header.
    private static func column(_ name: String, header: [String]) -> Result<Int?, ObservationProblem> {
        if name.hasPrefix("#"), let number = Int(name.dropFirst()) {
            guard number >= 1 && number <= header.count else {
                return .failure(
                    ObservationProblem(
                        line: nil, column: name, .noColumnNumber(columns: header.count, role: .period, name: name)))
            }
            return .success(number - 1)
        }
        do {
            return .success(try CSVTable.column(name, in: header))
        } catch {
            return .failure(ObservationProblem.ambiguity(error, name: name, header: header))
        }
    }

    /// The columns with the year that ends each header; a header without one is a problem.
    private static func withHeaderYears(
        _ indexes: [Int], header: [String], problems: inout [ObservationProblem]
    ) -> [Column] {
        var columns: [Column] = []
        for index in indexes {
            if let period = trailingYear(header[index]) {
                columns.append(Column(index: index, period: period))
            } else {
                problems.append(
                    ObservationProblem(line: nil, column: header[index], .periodColumnNoYear(header: header[index])))
            }
        }
        return columns
    }

    /// Every header `pattern` matches, with the year where `YEAR` stands.
    private static func matching(pattern: String, header: [String]) -> [Column] {
        let tokens = PatternToken.parse(pattern)
        return header.indices.compactMap { index in
            let text = Array(looseText(header[index]))
            return match(tokens[...], text, from: 0).map { Column(index: index, period: $0) }
        }
    }

    /// Two columns for one period would give each area two values for it: refused, naming both.
    private static func repeatedPeriods(_ columns: [Column], header: [String], given: String) -> [ObservationProblem] {
        var byPeriod: [String: [Int]] = [:]
        var order: [String] = []
        for column in columns {
            if byPeriod[column.period] == nil { order.append(column.period) }
            byPeriod[column.period, default: []].append(column.index)
        }
        return order.compactMap { period in
            guard let indexes = byPeriod[period], indexes.count > 1 else { return nil }
            return ObservationProblem(
                line: nil, column: given,
                .ambiguousColumn(
                    name: "\(given) (\(period))", headers: indexes.map { header[$0] }, numbers: indexes.map { $0 + 1 }))
        }
    }

    // MARK: Years and patterns

    /// The year that ends `header` (`Medelvärde 2020` → `2020`, `Läsår 2021/22` → `2021/22`), or nil.
    static func trailingYear(_ header: String) -> String? {
        let text = Array(header.trimmingCharacters(in: .whitespaces))
        for start in stride(from: text.count - 4, through: 0, by: -1) where text[start].isASCIIDigit {
            guard let end = yearEnds(text, at: start).first(where: { $0 == text.count }) else { continue }
            return String(text[start..<end])
        }
        return nil
    }

    /// Where a year that starts at `start` can end: after `2021/2022`, `2021/22` or `2021`, longest
    /// first, each not followed by a digit; none if `start` is no year's start.
    private static func yearEnds(_ text: [Character], at start: Int) -> [Int] {
        func digits(_ from: Int, _ count: Int) -> Bool {
            from + count <= text.count && text[from..<(from + count)].allSatisfy(\.isASCIIDigit)
        }
        func free(_ end: Int) -> Bool { end == text.count || !text[end].isASCIIDigit }
        guard start == 0 || !text[start - 1].isASCIIDigit, digits(start, 4) else { return [] }
        var ends: [Int] = []
        let slash = start + 4
        if slash < text.count && text[slash] == "/" {
            for tail in [4, 2] where digits(slash + 1, tail) && free(slash + 1 + tail) { ends.append(slash + 1 + tail) }
        }
        if free(slash) { ends.append(slash) }
        return ends
    }

    /// How a header or a pattern is compared: lowercased, spaces trimmed and single, as
    /// `CSVTable.column(_:in:)` forgives them.
    private static func looseText(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    private enum PatternToken: Equatable {
        case text([Character])
        case anything
        case year

        /// `Medelvärde * YEAR` → text `medelvärde `, anything, text ` `, year. Spaces around a `*`
        /// are kept but optional: `Medelvärde*YEAR` and `Medelvärde * YEAR` match the same headers.
        static func parse(_ pattern: String) -> [PatternToken] {
            var tokens: [PatternToken] = []
            // `YEAR` as written (capitals) is the placeholder; a `year` in other letters is text.
            var rest = Substring(looseText(pattern.replacingOccurrences(of: "YEAR", with: "\u{0}")))
            var literal: [Character] = []
            func flush() {
                if !literal.isEmpty { tokens.append(.text(literal)) }
                literal = []
            }
            while let character = rest.first {
                rest = rest.dropFirst()
                switch character {
                case "*":
                    if literal.last == " " { literal.removeLast() }
                    flush()
                    if tokens.last != .anything { tokens.append(.anything) }
                    if rest.first == " " { rest = rest.dropFirst() }
                case "\u{0}":
                    flush()
                    tokens.append(.year)
                default:
                    literal.append(character)
                }
            }
            flush()
            return tokens
        }
    }

    /// The period where `.year` stands when `tokens` match all of `text` from `position`, or nil
    /// (`""` when they match and hold no year).
    private static func match(_ tokens: ArraySlice<PatternToken>, _ text: [Character], from position: Int) -> String? {
        guard let token = tokens.first else { return position == text.count ? "" : nil }
        let rest = tokens.dropFirst()
        switch token {
        case .text(let literal):
            guard position + literal.count <= text.count,
                text[position..<(position + literal.count)].elementsEqual(literal)
            else { return nil }
            return match(rest, text, from: position + literal.count)
        case .anything:
            // Any text, also none: the spaces around the `*` were left out of the tokens for that.
            for end in position...text.count {
                if let found = match(rest, text, from: end) { return found }
            }
            return nil
        case .year:
            for end in yearEnds(text, at: position) where match(rest, text, from: end) != nil {
                return String(text[position..<end])
            }
            return nil
        }
    }
}
