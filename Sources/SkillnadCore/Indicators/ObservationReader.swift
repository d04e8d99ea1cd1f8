import Foundation

/// Which columns of a statistics file hold what: the column mapping an analyst gives the import
/// (on the command line or in a saved mapping file). Every field may be left out of a mapping
/// file, so a hand-written one needs only what the file has.
public struct ObservationMapping: Sendable, Codable, Equatable {
    public var areaCode: String?
    public var areaName: String?
    /// Rates are computed from numerator and denominator when both are mapped.
    public var numerator: String?
    public var denominator: String?
    /// A ready value, when there is no numerator and denominator.
    public var value: String?
    /// The column with the period, or a fixed period for the whole file.
    public var periodColumn: String?
    public var period: String?
    /// Group dimensions: dimension name → column (`"kon": "Kön"`). A cell that says total
    /// (`T`, `Totalt`, `Alla`, empty) is no group.
    public var groups: [String: String]
    /// The column with the weight (population) for weighted measures; without it the denominator is.
    public var weight: String?
    /// A column that marks preliminary values (`1`, `ja`, `true`, `p`, `prel`, `preliminär`).
    public var preliminaryColumn: String?
    /// Every value in the file is preliminary.
    public var preliminary: Bool
    /// Only rows whose column equals the value (`KOMMUNKOD` = `180`), e.g. one municipality.
    public var filters: [String: String]
    /// Rate = numerator / denominator × `per` (100 for percent, 1000 for per mille).
    public var per: Double
    /// A wide table's period columns (one column a period, e.g. one a year): a pattern with
    /// `YEAR` (`Medelvärde * YEAR`), a list of columns, or `#4-#7=2020-2023`. The value (or the
    /// numerator) is then read from each of them in turn.
    public var periodColumns: String?
    /// Only rows whose column starts with the value (`region` ^= `Stockholm (`).
    public var filterPrefixes: [String: String]

    public init(
        areaCode: String? = nil, areaName: String? = nil, numerator: String? = nil, denominator: String? = nil,
        value: String? = nil, periodColumn: String? = nil, period: String? = nil, groups: [String: String] = [:],
        weight: String? = nil, preliminaryColumn: String? = nil, preliminary: Bool = false,
        filters: [String: String] = [:], per: Double = 100, periodColumns: String? = nil,
        filterPrefixes: [String: String] = [:]
    ) {
        self.areaCode = areaCode
        self.areaName = areaName
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.periodColumn = periodColumn
        self.period = period
        self.groups = groups
        self.weight = weight
        self.preliminaryColumn = preliminaryColumn
        self.preliminary = preliminary
        self.filters = filters
        self.per = per
        self.periodColumns = periodColumns
        self.filterPrefixes = filterPrefixes
    }

    enum CodingKeys: String, CodingKey {
        case areaCode, areaName, numerator, denominator, value, periodColumn, period, groups, weight, preliminaryColumn,
            preliminary, filters, per, periodColumns, filterPrefixes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            areaCode: try c.decodeIfPresent(String.self, forKey: .areaCode),
            areaName: try c.decodeIfPresent(String.self, forKey: .areaName),
            numerator: try c.decodeIfPresent(String.self, forKey: .numerator),
            denominator: try c.decodeIfPresent(String.self, forKey: .denominator),
            value: try c.decodeIfPresent(String.self, forKey: .value),
            periodColumn: try c.decodeIfPresent(String.self, forKey: .periodColumn),
            period: try c.decodeIfPresent(String.self, forKey: .period),
            groups: try c.decodeIfPresent([String: String].self, forKey: .groups) ?? [:],
            weight: try c.decodeIfPresent(String.self, forKey: .weight),
            preliminaryColumn: try c.decodeIfPresent(String.self, forKey: .preliminaryColumn),
            preliminary: try c.decodeIfPresent(Bool.self, forKey: .preliminary) ?? false,
            filters: try c.decodeIfPresent([String: String].self, forKey: .filters) ?? [:],
            per: try c.decodeIfPresent(Double.self, forKey: .per) ?? 100,
            periodColumns: try c.decodeIfPresent(String.self, forKey: .periodColumns),
            filterPrefixes: try c.decodeIfPresent([String: String].self, forKey: .filterPrefixes) ?? [:])
    }
}

extension ObservationMapping {
    /// Whether a cell is a filter's wanted value: the same text, or codes of digits alike up to
    /// leading zeros (`0180` and `180`), as Statistics Sweden and Valmyndigheten write one code.
    public static func sameCode(_ cell: String, _ wanted: String) -> Bool {
        if cell == wanted { return true }
        guard let cellDigits = ObservationReader.Filter.number(cell),
            let wantedDigits = ObservationReader.Filter.number(wanted)
        else { return false }
        return cellDigits.elementsEqual(wantedDigits)
    }

    /// `NAME=VALUE, NAME=VALUE`, as the import command and the upload form take groups and
    /// filters: the pairs, and every part that is not one, for the caller to report in its terms.
    public static func pairs(_ text: String) -> (pairs: [String: String], malformed: [String]) {
        var pairs: [String: String] = [:]
        var malformed: [String] = []
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, !kv[0].isEmpty { pairs[kv[0]] = kv[1] } else { malformed.append(String(part)) }
        }
        return (pairs, malformed)
    }

    /// `KOMMUNKOD=180, region^=Stockholm (`, as the import command's `--where` and the upload
    /// form's filter take them: `=` keeps rows whose cell equals the value (`filters`), `^=` rows
    /// whose cell starts with it (`filterPrefixes`). Names and values are trimmed of spaces, so a
    /// value may hold `(`, `=` and inner spaces but not a comma; blank parts are ignored, and every
    /// other part that is no pair is returned for the caller to report in its terms.
    public static func filterPairs(
        _ text: String
    ) -> (equals: [String: String], prefixes: [String: String], malformed: [String]) {
        var equals: [String: String] = [:]
        var prefixes: [String: String] = [:]
        var malformed: [String] = []
        for part in text.split(separator: ",") {
            if part.allSatisfy(\.isWhitespace) { continue }
            guard let sign = part.firstIndex(of: "=") else {
                malformed.append(String(part))
                continue
            }
            var nameEnd = sign
            var startsWith = false
            if sign > part.startIndex, part[part.index(before: sign)] == "^" {
                nameEnd = part.index(before: sign)
                startsWith = true
            }
            let name = part[..<nameEnd].trimmingCharacters(in: .whitespaces)
            let value = part[part.index(after: sign)...].trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                malformed.append(String(part))
            } else if startsWith {
                prefixes[name] = value
            } else {
                equals[name] = value
            }
        }
        return (equals, prefixes, malformed)
    }
}

/// One observation read from a file (observation: a value for an area, a period and a group).
public struct ReadObservation: Sendable, Equatable {
    public let line: Int
    public let areaCode: String?
    public let areaName: String?
    public let period: String
    /// The group the value is for, as an `ObservationGroup` key: `T` for everyone.
    public let group: String
    public let numerator: Double?
    public let denominator: Double?
    /// nil when not computable (denominator 0 or missing) or suppressed: shown as such, never as 0.
    public let value: Double?
    /// The weight (usually the population) for population-weighted measures, when the file gives one.
    public let weight: Double?
    public let suppressed: Bool
    /// The publisher marked the value preliminary (*preliminär*).
    public let preliminary: Bool

    public var computable: Bool { value != nil }

    public init(
        line: Int, areaCode: String?, areaName: String?, period: String, group: String = ObservationGroup.total,
        numerator: Double? = nil, denominator: Double? = nil, value: Double?, weight: Double? = nil,
        suppressed: Bool = false, preliminary: Bool = false
    ) {
        self.line = line
        self.areaCode = areaCode
        self.areaName = areaName
        self.period = period
        self.group = group
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.weight = weight
        self.suppressed = suppressed
        self.preliminary = preliminary
    }
}

/// A row or a mapping that cannot be read, with where. The reason is kept as data: files, logs
/// and the command line word it in English (`message`), the pages in the reader's language.
public struct ObservationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int?
    public let column: String?
    public let reason: Reason

    public init(line: Int?, column: String?, _ reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var message: String { reason.english }

    public var description: String {
        [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            + (line == nil && column == nil ? "" : ": ") + message
    }

    /// The role a mapped column plays, for saying which one is missing.
    public enum ColumnRole: String, Sendable, Equatable {
        case areaCode = "area code"
        case areaName = "area name"
        case numerator, denominator, value, period, weight
        case preliminary, group, filter
    }

    /// What is wrong, with the values that say which.
    public enum Reason: Sendable, Equatable {
        /// A parser's own words (a CSV or JSON library), shown as they are.
        case detail(String)
        case invalidJSON(String)
        case number(CSVNumber.Problem, value: String, decimal: String)
        case yearEmpty
        case openSDGColumnMissing(name: String, columns: String)
        case periodEmpty
        case noColumnNumber(columns: Int, role: ColumnRole, name: String)
        case columnNotInFile(role: ColumnRole, columns: String)
        case mapArea
        case mapNumeratorAndDenominator
        case mapValue
        case givePeriod
        case required
        case mappingNotJSON
        case invalidCode(String)
        case needsName
        case unknownUnit(String, expected: String)
        case sourceNotAWebAddress
        case classesNeeded
        case classesOrder
        case classLabelEmpty(Int)
        case classesOnlyCategorical
        // Kolada responses
        case koladaValuesMissing
        case expectedArray
        case notKoladaResponse(got: String)
        case expectedObject(got: String)
        case isEmpty
        case missing
        case expectedString(got: String)
        case whoseValue
        case notKoladaGender(String)
        case notAKoladaNumber(got: String)
        case expectedYear(got: String)
        // An import's checks against the catalogue and the file as a whole
        case kpiMismatch(has: String, wanted: String)
        case noTargetArea(String)
        case noStrategy(String)
        case noArea(String)
        case tooManyDistinct(count: Int, what: String, max: Int)
        case valueTwice(area: String, period: String, group: String, firstLine: Int)
        // The upload form
        case pairsFormat(got: String)
        case chooseDirection
        case chooseFormat
        case chooseAreaKind
        case chooseKind
        case classLineFormat(got: String)
        // PC-Axis files (`line` is the file's line, `column` the keyword)
        case pxSyntax(expected: String)
        case pxKeywordMissing(String)
        case pxUnknownCodepage(String)
        case pxDataCount(expected: Int, got: Int, sizes: String)
        case pxValueNotNumber(String)
        case pxCodesCount(variable: String, values: Int, codes: Int)
        // JSON-stat (`column` is the JSON path)
        case jsonStatSize(size: String, dimensions: String)
        case jsonStatValueCount(expected: Int, got: Int)
        case jsonStatNotDataset(got: String)
        // Cubes of either format mapped to observations
        case dimensionUnmapped(name: String, values: Int, examples: String)
        case contentUnmapped(values: String)
        // Wide tables
        case periodColumnNoYear(header: String)
        case periodColumnsFormat(got: String)
        case periodColumnsAndPeriod
        // Aggregation up the area tree
        case noParent(area: String)
        // An import that would make a second indicator of the same name
        case nameTaken(name: String, code: String)
        case filterKeepsNothing(value: String, examples: String)
        case sameArea(first: String, second: String, area: String)
        case periodColumnsHoldValues
        // A JSON-stat category index or sparse value/status object (`column` is the JSON path)
        case jsonStatPosition(got: String, last: Int)
        /// A mapped name that more than one column answers to (a header that repeats `LÄN`, or
        /// period columns that give one period twice): the columns' headers and 1-based numbers,
        /// so that the message can offer the `#N` form.
        case ambiguousColumn(name: String, headers: [String], numbers: [Int])
        /// Aggregation asked for a categorical indicator: class numbers cannot be added up.
        case aggregateClasses

        /// The reason in English, for files, logs and the command line.
        public var english: String {
            switch self {
            case .detail(let text): text
            case .invalidJSON(let detail): "not valid JSON: \(detail)"
            case .number(let problem, let value, let decimal):
                problem.message(value: value, decimal: Character(decimal))
            case .yearEmpty: "the year is empty"
            case .openSDGColumnMissing(let name, let columns):
                "an Open SDG data file has a \(name) column; this one has \(columns)"
            case .periodEmpty: "the period is empty"
            case .noColumnNumber(let columns, let role, let name):
                "the file has \(columns) columns, so there is no \(role.rawValue) column \(name)"
            case .columnNotInFile(let role, let columns):
                "the \(role.rawValue) column is not in the file (columns: \(columns))"
            case .mapArea: "map an area code or an area name column"
            case .mapNumeratorAndDenominator: "map both numerator and denominator, or neither"
            case .mapValue: "map a value column, or numerator and denominator"
            case .givePeriod: "give the period, or map a period column"
            case .required: "is required"
            case .mappingNotJSON: "the mapping file is not valid JSON"
            case .invalidCode(let code): "the indicator code must be lowercase a–z, digits and hyphens, got \"\(code)\""
            case .needsName: "the indicator needs a name"
            case .unknownUnit(let unit, let expected): "unknown unit \"\(unit)\" (expected one of \(expected))"
            case .sourceNotAWebAddress: "the source link must start with https:// or http://"
            case .classesNeeded: "a categorical indicator needs at least two classes, each a number with a label"
            case .classesOrder: "the classes' numbers must be different and in rising order"
            case .classLabelEmpty(let value): "class \(value) has no label"
            case .classesOnlyCategorical: "only a categorical indicator has classes (set kind to categorical)"
            case .koladaValuesMissing: "missing: a Kolada data response is {\"count\": …, \"values\": [ … ]}"
            case .expectedArray: "expected an array"
            case .notKoladaResponse(let got): "expected a Kolada data response (an object with \"values\"), got \(got)"
            case .expectedObject(let got): "expected an object, got \(got)"
            case .isEmpty: "is empty"
            case .missing: "missing"
            case .expectedString(let got): "expected a string, got \(got)"
            case .whoseValue: "neither \"municipality\" nor \"ou\": whose value is this?"
            case .notKoladaGender(let gender): "\"\(gender)\" is not a Kolada gender (T, K or M)"
            case .notAKoladaNumber(let got): "\(got) is not a number (a Kolada value is a number or null)"
            case .expectedYear(let got): "expected a year, got \(got)"
            case .kpiMismatch(let has, let wanted): "the file has \(has), not \(wanted)"
            case .noTargetArea(let id): "the roadmap has no target area \"\(id)\""
            case .noStrategy(let id): "the roadmap has no strategy \"\(id)\""
            case .noArea(let id): "no area has the id \"\(id)\""
            case .tooManyDistinct(let count, let what, let max):
                "the file has \(count) different \(what); one import takes at most \(max)"
            case .valueTwice(let area, let period, let group, let firstLine):
                "the area \(area), period \(period) and group \(group) already have a value on line \(firstLine)"
            case .pairsFormat(let got): "write NAME=VALUE, separated by commas (got \"\(got)\")"
            case .chooseDirection: "choose higher or lower is better"
            case .chooseFormat: "choose csv, kolada, opensdg, px or jsonstat"
            case .chooseAreaKind: "choose a kind of area"
            case .chooseKind: "choose quantities or classes"
            case .classLineFormat(let got): "write each class as a number, = and its label, got \"\(got)\""
            case .pxSyntax(let expected): "expected \(expected)"
            case .pxKeywordMissing(let keyword): "the file has no \(keyword), which a PC-Axis file needs"
            case .pxUnknownCodepage(let name):
                "unknown code page \"\(name)\" (known: utf-8, iso-8859-1, windows-1252, iso-8859-15)"
            case .pxDataCount(let expected, let got, let sizes):
                "DATA has \(got) values, but the variables (\(sizes)) make \(expected)"
            case .pxValueNotNumber(let value): "\"\(value)\" is neither a number nor a missing-value symbol"
            case .pxCodesCount(let variable, let values, let codes):
                "\(variable) has \(values) VALUES but \(codes) CODES"
            case .jsonStatSize(let size, let dimensions):
                "size says \(size), but the dimensions have \(dimensions) categories"
            case .jsonStatValueCount(let expected, let got):
                "value has \(got) cells, but the dimensions make \(expected)"
            case .jsonStatNotDataset(let got): "expected a JSON-stat 2.0 dataset (\"class\": \"dataset\"), got \(got)"
            case .dimensionUnmapped(let name, let values, let examples):
                "the dimension \(name) has \(values) values (\(examples)) and is not mapped: map it as a group "
                    + "(--group NAME=\(name)) or keep one value (--where \(name)=VALUE)"
            case .contentUnmapped(let values):
                "the file has several contents (\(values)): map one as the value, or two as numerator and denominator"
            case .periodColumnNoYear(let header): "the column \"\(header)\" has no year in its header"
            case .periodColumnsFormat(let got):
                "write the period columns as a pattern with YEAR (\"Medelvärde * YEAR\"), a list of columns, "
                    + "or #4-#7=2020-2023; got \"\(got)\""
            case .periodColumnsAndPeriod: "give the period columns, or the period (or its column), not both"
            case .noParent(let area):
                "the area \(area) has no parent, so its values cannot be added up to the areas above it"
            case .nameTaken(let name, let code):
                "an indicator named \"\(name)\" already exists with the code \(code): "
                    + "import with --code \(code) to replace its values, or with --new to make another"
            case .filterKeepsNothing(let value, let examples):
                "no value is \"\(value)\" (values: \(examples))"
            case .periodColumnsHoldValues:
                "with period columns, each period column holds the values: "
                    + "leave out the value, numerator and denominator columns"
            case .sameArea(let first, let second, let area):
                "\"\(first)\" and \"\(second)\" both mean the area \(area): one area can have one value"
            case .jsonStatPosition(let got, let last):
                "expected a position from 0 to \(last) that no other has, got \(got)"
            case .ambiguousColumn(let name, let headers, let numbers):
                CSVTable.ambiguityMessage(name: name, headers: headers, numbers: numbers)
            case .aggregateClasses:
                "a categorical indicator's classes cannot be added up to the areas above: import it without aggregation"
            }
        }
    }
}

extension ObservationProblem {
    /// A column lookup's error as a problem of the mapping: a name the header has more than once
    /// becomes `.ambiguousColumn` (worded in the reader's language, with the `#N` form); anything
    /// else keeps the error's own words.
    static func ambiguity(_ error: CSVError, name: String, header: [String]) -> ObservationProblem {
        guard case .ambiguousColumn(_, let matches) = error.kind else {
            return ObservationProblem(line: nil, column: name, .detail("\(error)"))
        }
        let headers = matches.map { $0 < header.count ? header[$0] : "" }
        return ObservationProblem(
            line: nil, column: name, .ambiguousColumn(name: name, headers: headers, numbers: matches.map { $0 + 1 }))
    }
}

/// All the problems of one file, thrown together so that nothing is written.
public struct ObservationProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [ObservationProblem]
    public init(_ problems: [ObservationProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads observations out of a statistics file with a mapping. Every problem is collected (with
/// line and column) so that an import can refuse the whole file and say all that is wrong.
///
/// A long table gives one observation a row. A wide table (`ObservationMapping.periodColumns`,
/// *bred tabell*: one row per area, one column per period) gives one a period column of each row,
/// each with the row's line, so that one run imports every period.
public enum ObservationReader {
    /// A whole parsed table at once; for small files and tests.
    public static func read(_ table: CSVTable, mapping: ObservationMapping) -> Result<
        [ReadObservation], ObservationProblems
    > {
        let columns: Columns
        switch Columns.resolve(table.header, mapping) {
        case .success(let resolved): columns = resolved
        case .failure(let problems): return .failure(problems)
        }
        var decimals = DecimalVote(columns, delimiter: table.delimiter)
        for row in table.rows { decimals.count(row) }
        let reader = RowReader(columns: columns, mapping: mapping, header: table.header, decimals: decimals)
        var observations: [ReadObservation] = []
        observations.reserveCapacity(table.rows.count * max(columns.periods.count, 1))
        var problems: [ObservationProblem] = []
        for (index, row) in table.rows.enumerated() {
            let line = table.lineNumbers[index]
            if columns.periods.isEmpty {
                if let observation = reader.read(row, line: line, problems: &problems) {
                    observations.append(observation)
                }
            } else {
                reader.readWide(row, line: line, problems: &problems, into: &observations)
            }
        }
        return problems.isEmpty ? .success(observations) : .failure(ObservationProblems(problems))
    }

    /// Streams a file of any size: a first pass learns each number column's decimal separator,
    /// the second hands over one observation at a time. Problems do not stop the reading, so all
    /// of them are thrown together at the end as `ObservationProblems` (at most `maxProblems`);
    /// a caller writing inside a transaction rolls it back then. A file that is not CSV throws `CSVError`.
    /// - Parameter passed: told the offset of the first byte not yet read, now and then, and
    ///   the whole length once the first look is over (`CSVTable.forEachRow`).
    public static func stream(
        _ data: Data, mapping: ObservationMapping, maxProblems: Int = 1000, passed: ((Int) -> Void)? = nil,
        row emit: (ReadObservation) throws -> Void
    ) throws {
        var columns: Columns?
        var header: [String] = []
        var decimals: DecimalVote?
        try CSVTable.forEachCell(
            data,
            header: { names, delimiter in
                header = names
                switch Columns.resolve(names, mapping) {
                case .success(let resolved):
                    columns = resolved
                    decimals = DecimalVote(resolved, delimiter: delimiter)
                case .failure(let problems): throw problems
                }
            }, cell: { column, bytes in decimals?.count(column, bytes) })
        guard let columns, let decimals else {
            throw CSVError(.empty, line: nil, column: nil, message: "the file has no header line")
        }
        passed?(data.count)
        let reader = RowReader(columns: columns, mapping: mapping, header: header, decimals: decimals)
        var problems: [ObservationProblem] = []
        if columns.periods.isEmpty {
            try CSVTable.forEachRow(
                data, passed: passed,
                row: { fields, line in
                    if let observation = reader.read(fields, line: line, problems: &problems), problems.isEmpty {
                        try emit(observation)
                    }
                    if problems.count >= maxProblems { throw ObservationProblems(problems) }
                })
        } else {
            // One row's observations, one a period column, refilled for every row.
            var observations: [ReadObservation] = []
            observations.reserveCapacity(columns.periods.count)
            try CSVTable.forEachRow(
                data, passed: passed,
                row: { fields, line in
                    observations.removeAll(keepingCapacity: true)
                    reader.readWide(fields, line: line, problems: &problems, into: &observations)
                    if problems.isEmpty {
                        for observation in observations { try emit(observation) }
                    }
                    if problems.count >= maxProblems { throw ObservationProblems(problems) }
                })
        }
        if !problems.isEmpty { throw ObservationProblems(problems) }
    }

    /// A filter on one column: equal to the value (whole numbers compared without leading zeros,
    /// so `KOMMUNKOD=0180` keeps Valmyndigheten's `180` rows and `180` keeps Statistics Sweden's
    /// `0180`), or starting with it. Both compare the trimmed cell, case and all.
    struct Filter {
        let column: Int
        let value: String
        let startsWith: Bool
        /// The wanted value's digits without leading zeros, when it is all digits.
        let digits: Substring.UTF8View?

        init(column: Int, value: String, startsWith: Bool) {
            self.column = column
            self.value = value.trimmingCharacters(in: .whitespaces)
            self.startsWith = startsWith
            digits = startsWith ? nil : Self.number(self.value)
        }

        func keeps(_ cell: String) -> Bool {
            if startsWith { return cell.hasPrefix(value) }
            if cell == value { return true }
            guard let digits, let cellDigits = Self.number(cell) else { return false }
            return cellDigits.elementsEqual(digits)
        }

        /// `0180` → `180`: the digits after any leading zeros, or nil when `text` is not all digits.
        static func number(_ text: String) -> Substring.UTF8View? {
            let bytes = text.utf8
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let zeros = bytes.prefix { $0 == 0x30 }.count
            return Substring(text).utf8.dropFirst(zeros)
        }
    }

    /// The mapped columns' indexes in a header.
    struct Columns {
        var code, name, num, den, val, per, weight, preliminary: Int?
        var groups: [(dimension: String, column: Int)] = []
        var filters: [Filter] = []
        /// A wide table's period columns, each a value for its period; empty for a long table.
        var periods: [PeriodColumns.Column] = []

        static func resolve(_ header: [String], _ m: ObservationMapping) -> Result<Columns, ObservationProblems> {
            var problems: [ObservationProblem] = []
            func col(_ name: String?, _ role: ObservationProblem.ColumnRole) -> Int? {
                guard let name else { return nil }
                // `#2` is the second column, for files whose header leaves a column unnamed.
                if name.hasPrefix("#"), let n = Int(name.dropFirst()) {
                    if (1...header.count).contains(n) { return n - 1 }
                    problems.append(
                        ObservationProblem(
                            line: nil, column: name, .noColumnNumber(columns: header.count, role: role, name: name)))
                    return nil
                }
                do {
                    if let i = try CSVTable.column(name, in: header) { return i }
                    problems.append(
                        ObservationProblem(
                            line: nil, column: name,
                            .columnNotInFile(role: role, columns: header.joined(separator: ", "))))
                } catch {
                    problems.append(ObservationProblem.ambiguity(error, name: name, header: header))
                }
                return nil
            }
            var c = Columns()
            c.code = col(m.areaCode, .areaCode)
            c.name = col(m.areaName, .areaName)
            c.num = col(m.numerator, .numerator)
            c.den = col(m.denominator, .denominator)
            c.val = col(m.value, .value)
            c.per = col(m.periodColumn, .period)
            c.weight = col(m.weight, .weight)
            c.preliminary = col(m.preliminaryColumn, .preliminary)
            c.groups = m.groups.sorted { $0.key < $1.key }.compactMap { g in col(g.value, .group).map { (g.key, $0) } }
            let equal = m.filters.sorted { $0.key < $1.key }.compactMap { filter in
                col(filter.key, .filter).map { Filter(column: $0, value: filter.value, startsWith: false) }
            }
            let starting = m.filterPrefixes.sorted { $0.key < $1.key }.compactMap { filter in
                col(filter.key, .filter).map { Filter(column: $0, value: filter.value, startsWith: true) }
            }
            c.filters = equal + starting
            if m.areaCode == nil && m.areaName == nil {
                problems.append(ObservationProblem(line: nil, column: nil, .mapArea))
            }
            if let periodColumns = m.periodColumns {
                problems += wideProblems(m)
                switch PeriodColumns.resolve(periodColumns, header: header) {
                case .success(let resolved): c.periods = resolved.columns
                case .failure(let found): problems += found.problems
                }
                return problems.isEmpty ? .success(c) : .failure(ObservationProblems(problems))
            }
            if (m.numerator == nil) != (m.denominator == nil) {
                problems.append(ObservationProblem(line: nil, column: nil, .mapNumeratorAndDenominator))
            }
            if m.numerator == nil && m.value == nil {
                problems.append(ObservationProblem(line: nil, column: nil, .mapValue))
            }
            if m.periodColumn == nil && (m.period ?? "").isEmpty {
                problems.append(ObservationProblem(line: nil, column: nil, .givePeriod))
            }
            return problems.isEmpty ? .success(c) : .failure(ObservationProblems(problems))
        }

        /// A wide table's period columns hold the values and say the periods: a period (or its
        /// column), a value column, or a numerator and denominator besides them cannot be meant.
        /// Rates from counts in wide tables are not read: such a file is imported as values.
        static func wideProblems(_ m: ObservationMapping) -> [ObservationProblem] {
            var problems: [ObservationProblem] = []
            if m.periodColumn != nil || !(m.period ?? "").isEmpty {
                problems.append(
                    ObservationProblem(line: nil, column: m.periodColumn ?? m.period, .periodColumnsAndPeriod))
            }
            for name in [m.value, m.numerator, m.denominator].compactMap({ $0 }) {
                problems.append(
                    ObservationProblem(
                        line: nil, column: name,
                        .periodColumnsHoldValues))
            }
            return problems
        }
    }

    /// The decimal separator of each number column by a vote of its values, as
    /// `CSVTable.decimalSeparator(column:)` decides it for a whole table. A wide table's period
    /// columns vote together: one measure over the years is written one way, and a year whose
    /// values are all whole numbers could not tell on its own.
    struct DecimalVote {
        /// By column index: whether it holds numbers, and its votes.
        private var isNumber: [Bool]
        private var commas: [Int], dots: [Int]
        private let fallback: Character

        init(_ c: Columns, delimiter: CSVTable.Delimiter) {
            let columns = [c.num, c.den, c.val, c.weight].compactMap { $0 } + c.periods.map(\.index)
            let n = (columns.max() ?? -1) + 1
            isNumber = Array(repeating: false, count: n)
            for column in columns { isNumber[column] = true }
            commas = Array(repeating: 0, count: n)
            dots = commas
            fallback = delimiter == .comma ? "." : ","
        }

        mutating func count(_ row: [String]) {
            for (i, cell) in row.enumerated() {
                var cell = cell
                cell.withUTF8 { count(i, $0) }
            }
        }

        mutating func count(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            guard column < isNumber.count, isNumber[column] else { return }
            switch CSVNumber.evidence(bytes: bytes) {
            case CSVNumber.comma?: commas[column] += 1
            case CSVNumber.dot?: dots[column] += 1
            default: break
            }
        }

        func separator(_ column: Int?) -> Character {
            separator(columns: column.map { [$0] } ?? [])
        }

        /// The separator of columns that vote together.
        func separator(columns: [Int]) -> Character {
            let counted = columns.filter { $0 < isNumber.count }
            guard !counted.isEmpty else { return "." }
            let c = counted.reduce(0) { $0 + commas[$1] }
            let d = counted.reduce(0) { $0 + dots[$1] }
            return c > d ? "," : d > c ? "." : fallback
        }
    }

    /// Turns one row into its observations, none when a filter leaves it out or it has a problem.
    /// A class with caches: a file of millions of rows repeats a few periods and groups, and
    /// folding and joining them anew for every row took most of the reading time.
    final class RowReader {
        let c: Columns
        let m: ObservationMapping
        let header: [String]
        let dNum, dDen, dVal, dWeight: Character
        /// The separator of a wide table's period columns.
        let periodsDecimal: Character

        init(columns: Columns, mapping: ObservationMapping, header: [String], decimals: DecimalVote) {
            c = columns
            m = mapping
            self.header = header
            dNum = decimals.separator(columns.num)
            dDen = decimals.separator(columns.den)
            dVal = decimals.separator(columns.val)
            dWeight = decimals.separator(columns.weight)
            periodsDecimal = decimals.separator(columns: columns.periods.map(\.index))
        }

        private var groupCache: [[String]: String] = [:]
        private var singleGroupCache: [String: String] = [:]
        private var yesCache: [String: Bool] = [:]

        static let totalWords: Set<String> = ["", "t", "totalt", "total", "alla", "samtliga", "all"]

        /// The cell without surrounding spaces; the same string, uncopied, when it has none.
        static func trim(_ s: String) -> String {
            guard let first = s.utf8.first, let last = s.utf8.last else { return s }
            if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 && first < 0x80 && last < 0x80 {
                return s
            }
            return s.trimmingCharacters(in: .whitespaces)
        }
        static let yesWords: Set<String> = ["1", "ja", "yes", "true", "j", "p", "prel", "preliminar", "preliminary"]

        /// A cell as a number, or nil when it has none; `suppressed` when the publisher withheld it.
        private func number(
            _ row: [String], _ column: Int?, _ decimal: Character, line: Int, problems: inout [ObservationProblem]
        ) -> (value: Double?, suppressed: Bool) {
            guard let column else { return (nil, false) }
            switch CSVNumber.parse(row[column], decimal: decimal) {
            case .success(.value(let x)): return (x, false)
            case .success(.missing): return (nil, false)
            case .success(.suppressed): return (nil, true)
            case .failure(let problem):
                problems.append(
                    ObservationProblem(
                        line: line, column: header[column],
                        .number(problem, value: row[column], decimal: String(decimal))))
                return (nil, false)
            }
        }

        /// Whether the filters keep the row.
        @inline(__always)
        private func kept(_ row: [String]) -> Bool {
            for filter in c.filters where !filter.keeps(Self.trim(row[filter.column])) { return false }
            return true
        }

        /// A wide table's row: appends one observation a period column to `output`, or the
        /// row's problems to `problems`.
        func readWide(
            _ row: [String], line: Int, problems: inout [ObservationProblem], into output: inout [ReadObservation]
        ) {
            guard kept(row) else { return }
            let before = problems.count
            let (weight, _) = number(row, c.weight, dWeight, line: line, problems: &problems)
            guard problems.count == before else { return }
            let group = group(row)
            let preliminary = preliminary(row)
            let code = c.code.map { Self.trim(row[$0]) }
            let name = c.name.map { Self.trim(row[$0]) }
            for period in c.periods {
                let (value, suppressed) = number(row, period.index, periodsDecimal, line: line, problems: &problems)
                guard problems.count == before else { continue }
                output.append(
                    ReadObservation(
                        line: line, areaCode: code, areaName: name, period: period.period, group: group,
                        value: value, weight: weight, suppressed: suppressed, preliminary: preliminary))
            }
        }

        /// A long table's row as one observation, or nil when a filter leaves it out or it has a problem.
        func read(_ row: [String], line: Int, problems: inout [ObservationProblem]) -> ReadObservation? {
            guard kept(row) else { return nil }
            let before = problems.count
            let (w, _) = number(row, c.weight, dWeight, line: line, problems: &problems)
            let (n, sn) = number(row, c.num, dNum, line: line, problems: &problems)
            let (d, sd) = number(row, c.den, dDen, line: line, problems: &problems)
            let (v, sv) = number(row, c.val, dVal, line: line, problems: &problems)
            let value: Double?
            if c.num != nil {
                // A denominator of 0 or none: not computable, kept as such.
                if let n, let d, d > 0 { value = n / d * m.per } else { value = nil }
            } else {
                value = v
            }
            let period = c.per.map { Self.trim(row[$0]) } ?? m.period ?? ""
            if period.isEmpty {
                problems.append(ObservationProblem(line: line, column: c.per.map { header[$0] }, .periodEmpty))
            }
            guard problems.count == before else { return nil }
            let code = c.code.map { Self.trim(row[$0]) }
            let name = c.name.map { Self.trim(row[$0]) }
            return ReadObservation(
                line: line, areaCode: code, areaName: name,
                period: period, group: group(row), numerator: n, denominator: d, value: value,
                weight: w ?? (c.num != nil ? d : nil), suppressed: sn || sd || sv, preliminary: preliminary(row))
        }

        /// The row's group key (`ObservationGroup`), `T` when no group column is mapped.
        private func group(_ row: [String]) -> String {
            guard !c.groups.isEmpty else { return ObservationGroup.total }
            if c.groups.count == 1, let known = singleGroupCache[Self.trim(row[c.groups[0].column])] {
                // One group column (the usual case): a key of one string, not an array of one.
                return known
            }
            let cells = c.groups.map { Self.trim(row[$0.column]) }
            if let known = groupCache[cells] { return known }
            let group = ObservationGroup.key(
                zip(c.groups, cells).compactMap { g, v in
                    Self.totalWords.contains(SearchText.fold(v)) ? nil : (g.dimension, v)
                })
            groupCache[cells] = group
            if cells.count == 1 { singleGroupCache[cells[0]] = group }
            return group
        }

        /// Whether the row's value is preliminary: the whole file, or its preliminary column says so.
        private func preliminary(_ row: [String]) -> Bool {
            guard !m.preliminary, let column = c.preliminary else { return m.preliminary }
            let cell = Self.trim(row[column])
            if let known = yesCache[cell] { return known }
            let yes = Self.yesWords.contains(SearchText.fold(cell))
            yesCache[cell] = yes
            return yes
        }
    }
}

/// What an import found, for the person who ran it: how many values, the lowest and highest
/// area and the gap between them. Built one row at a time, so a file of millions of rows is never
/// held in memory for it.
public struct ObservationSummary: Sendable, Equatable {
    public private(set) var computable = 0
    public private(set) var notComputable = 0
    public private(set) var lowest: ReadObservation?
    public private(set) var highest: ReadObservation?
    public var difference: Double? { (highest?.value).flatMap { h in (lowest?.value).map { h - $0 } } }

    public init() {}

    public init(_ rows: [ReadObservation]) {
        for r in rows { add(r) }
    }

    /// A summary counted elsewhere (a cube read in place), with its lowest and highest rows.
    public init(computable: Int, notComputable: Int, lowest: ReadObservation?, highest: ReadObservation?) {
        self.computable = computable
        self.notComputable = notComputable
        self.lowest = lowest
        self.highest = highest
    }

    /// Counts one row; the first of equal lowest (highest) values is kept.
    public mutating func add(_ r: ReadObservation) {
        guard let v = r.value else {
            notComputable += 1
            return
        }
        computable += 1
        if v < lowest?.value ?? .infinity { lowest = r }
        if v > highest?.value ?? -.infinity { highest = r }
    }
}
