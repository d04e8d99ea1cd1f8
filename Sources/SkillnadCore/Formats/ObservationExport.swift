import Foundation

/// One observation as it leaves Skillnad in a download: flat, with the area spelled out, so a
/// file stands on its own without the catalogue beside it.
public struct ExportRow: Sendable, Codable, Equatable {
    public var indicator: String
    public var areaID: String
    public var areaCode: String?
    public var areaName: String
    /// `AreaKind` raw value (`city`, `district`, …); `city` rows are the whole reporting area.
    public var areaKind: String
    public var period: String
    /// An `ObservationGroup` key: `T`, or `dim=value;dim=value`.
    public var group: String
    /// nil when not computable or suppressed: written as an empty cell / `null`, never as 0.
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var weight: Double?
    public var preliminary: Bool
    public var suppressed: Bool
    /// How the value came about: `measured` (as a file gave it), `summed` (the numerators and
    /// denominators of the areas inside added up) or `weighted` (their rates weighted by population).
    public var origin: String

    public init(
        indicator: String, areaID: String, areaCode: String? = nil, areaName: String, areaKind: String, period: String,
        group: String = ObservationGroup.total, value: Double?, numerator: Double? = nil, denominator: Double? = nil,
        weight: Double? = nil, preliminary: Bool = false, suppressed: Bool = false, origin: String = "measured"
    ) {
        self.indicator = indicator
        self.areaID = areaID
        self.areaCode = areaCode
        self.areaName = areaName
        self.areaKind = areaKind
        self.period = period
        self.group = group
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.weight = weight
        self.preliminary = preliminary
        self.suppressed = suppressed
        self.origin = origin
    }

    /// The same names as the CSV header, so a CSV and a JSON download read alike.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator
        case areaID = "area_id"
        case areaCode = "area_code"
        case areaName = "area_name"
        case areaKind = "area_kind"
        case period, group
        case value, numerator, denominator, weight, preliminary, suppressed, origin
    }

    /// Missing values are written as `null` rather than left out, so every observation has every
    /// key and a consumer never mistakes an absent key for a schema change. Non-finite numbers
    /// (which JSON cannot hold) are `null` too.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func number(_ x: Double?, _ key: CodingKeys) throws {
            if let x, x.isFinite { try c.encode(x, forKey: key) } else { try c.encodeNil(forKey: key) }
        }
        try c.encode(indicator, forKey: .indicator)
        try c.encode(areaID, forKey: .areaID)
        if let areaCode { try c.encode(areaCode, forKey: .areaCode) } else { try c.encodeNil(forKey: .areaCode) }
        try c.encode(areaName, forKey: .areaName)
        try c.encode(areaKind, forKey: .areaKind)
        try c.encode(period, forKey: .period)
        try c.encode(group, forKey: .group)
        try number(value, .value)
        try number(numerator, .numerator)
        try number(denominator, .denominator)
        try number(weight, .weight)
        try c.encode(preliminary, forKey: .preliminary)
        try c.encode(suppressed, forKey: .suppressed)
        try c.encode(origin, forKey: .origin)
    }
}

/// Downloads of observations: CSV (plain, or as Swedish Excel expects it) and JSON.
public enum ObservationExport {
    /// The CSV header, one name per `ExportRow` field.
    public static let header = ExportRow.CodingKeys.allCases.map(\.rawValue)

    /// The rows as CSV: LF line ends, RFC 4180 quoting, not computable values as empty cells.
    ///
    /// `swedish: false` is comma-delimited with decimal point and no byte-order mark, for programs.
    /// `swedish: true` is what Swedish Excel opens by double-click without an import dialogue:
    /// semicolon (the Swedish list separator), decimal comma and a UTF-8 byte-order mark (without
    /// it Excel reads the file as Windows-1252 and å, ä, ö in area names break), formulas
    /// neutralised (`CSVWriter`).
    public static func csv(_ rows: [ExportRow], swedish: Bool = false) -> String {
        var writer = CSVWriter(swedish ? .excel : .rfc4180)
        writer.row(header)
        for row in rows { append(row, to: &writer) }
        return writer.text()
    }

    /// One observation's line, for exports written in chunks.
    public static func append(_ row: ExportRow, to writer: inout CSVWriter) {
        let decimal = writer.decimal
        func number(_ x: Double?) -> String { x.map { CSVText.number($0, decimal: decimal) } ?? "" }
        writer.row([
            row.indicator, row.areaID, row.areaCode ?? "", row.areaName, row.areaKind, row.period, row.group,
            number(row.value), number(row.numerator), number(row.denominator), number(row.weight),
            row.preliminary ? "true" : "false", row.suppressed ? "true" : "false", row.origin,
        ])
    }

    /// The rows as `{"observations":[…]}`, keys sorted so the same data always gives the same
    /// bytes (cacheable, diffable), missing numbers as `null`.
    public static func json(_ rows: [ExportRow]) -> Data {
        struct Document: Encodable { let observations: [ExportRow] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Cannot fail: every value is a string, a Bool or a finite Double (non-finite ones become null).
        return (try? encoder.encode(Document(observations: rows))) ?? Data(#"{"observations":[]}"#.utf8)
    }

    /// The JSON document in pieces, for exports written in chunks: `jsonStart`, then
    /// `jsonChunk` for each run of rows (the first with `first: true`), then `jsonEnd`. The
    /// pieces together are the same bytes as `json(_:)` of all the rows.
    public static let jsonStart = Data(#"{"observations":["#.utf8)
    public static let jsonEnd = Data("]}".utf8)

    public static func jsonChunk(_ rows: [ExportRow], first: Bool) -> Data {
        guard !rows.isEmpty else { return Data() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let array = try? encoder.encode(rows), array.count >= 2 else { return Data() }
        // `[a,b]` without its brackets, after a comma unless it is the first run.
        var out = first ? Data() : Data(",".utf8)
        out.append(array.dropFirst().dropLast())
        return out
    }
}

/// Writing side of CSV, shared by the exports: quoting and numbers that `CSVTable` and
/// `CSVNumber` read back unchanged.
public enum CSVText {
    /// A whole table: plain RFC 4180 UTF-8 (comma), or as Swedish Excel opens it correctly
    /// (semicolon, a byte-order mark so that å, ä and ö are read as UTF-8, formulas neutralised).
    /// Lines end in LF. Written by `CSVWriter`, like every export.
    public static func table(header: [String], rows: [[String]], swedish: Bool) -> String {
        var writer = CSVWriter(swedish ? .excel : .rfc4180)
        writer.row(header)
        for fields in rows { writer.row(fields) }
        return writer.text()
    }

    /// The shortest digits that read back as the same Double (Swift's own `description`), but
    /// never in exponent form: spreadsheet users and `CSVNumber` alike are better served by
    /// `0.00001` than `1e-05`, and an integral value has no `.0`. Non-finite values have no
    /// meaning in a statistics file and are written as an empty cell.
    static func number(_ x: Double, decimal: Character = ".") -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        var s = x.magnitude.description
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(s[s.index(after: e)...]) ?? 0
            let mantissa = s[..<e]
            let point =
                mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                ?? mantissa.count
            let digits = Array(mantissa.filter { $0 != "." })
            let at = point + exponent
            if at <= 0 {
                s = "0." + String(repeating: "0", count: -at) + String(digits)
            } else if at >= digits.count {
                s = String(digits) + String(repeating: "0", count: at - digits.count)
            } else {
                s = String(digits[..<at]) + "." + String(digits[at...])
            }
        }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if decimal != "." { s = s.replacingOccurrences(of: ".", with: String(decimal)) }
        return (x < 0 ? "-" : "") + s
    }
}
