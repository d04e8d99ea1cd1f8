import Foundation

/// A delimited text table (CSV, *kommaseparerad fil*) read whole into memory, as statistics offices
/// publish it: Statistics Sweden, the Election Authority, Kolada, the city's own open data.
///
/// Such files come as they come, so the reader takes all of these without being told: UTF-8 with or
/// without a byte-order mark; CRLF, LF or bare CR line ends, mixed in one file, and CR CR LF (which
/// some exports write, a CRLF whose CR was doubled) as one line end; comma, semicolon or
/// tab as delimiter (Swedish Excel writes semicolon with decimal comma); quoted fields with `""`
/// escapes and delimiters or line breaks inside quotes; blank lines (they carry no row); a
/// delimiter at the end of every line, when the header has it too.
///
/// What it refuses, with a message an administrator can act on (`CSVError`), rather than guessing:
/// a file that is not UTF-8 (a guessed Latin-1 or Windows-1252 would silently turn a wrong guess
/// into wrong Swedish letters in area names, which then fail to match), binary files (images, Excel
/// workbooks, PDF), JSON or HTML documents, files no delimiter splits consistently, rows with
/// another number of fields than the header (*ojämna rader*), and quotes that never close.
///
/// Parsing works on the UTF-8 bytes, not on `Character`s: a field is located by scanning for the
/// delimiter, line-end and quote bytes (all ASCII, so never inside a multi-byte letter) and only
/// then turned into a `String`. For files too large to keep as `[[String]]`, `forEachRow` hands
/// over one row at a time with the same rules.
public struct CSVTable: Sendable {
    /// The field separator (*avgränsare*).
    public enum Delimiter: String, Sendable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"

        var byte: UInt8 {
            switch self {
            case .comma: 0x2C
            case .semicolon: 0x3B
            case .tab: 0x09
            }
        }

        /// Order of preference when several delimiters split the sample consistently: semicolon
        /// first, because a Swedish Excel file (semicolon + decimal comma) can also split evenly on
        /// its decimal commas, while a comma file rarely has the same number of semicolons per line.
        static let preference: [Delimiter] = [.semicolon, .tab, .comma]
    }

    public let delimiter: Delimiter
    /// Column names as written, trimmed, byte-order mark removed. Empty names at the end (from a
    /// delimiter that ends every line) are dropped together with their always-empty fields.
    public let header: [String]
    /// Every data row, fields unquoted (`""` → `"`, line breaks inside quotes as `\n`), otherwise as
    /// written (not trimmed). Every row has `header.count` fields.
    public let rows: [[String]]
    /// The 1-based physical line where each row starts (the header is usually line 1), for messages
    /// that point into the file as the user sees it in an editor.
    public let lineNumbers: [Int]
    /// The physical line of the header.
    public let headerLine: Int

    /// A table from parts, for tables built elsewhere and for tests; `parse` is the way to read a file.
    public init(delimiter: Delimiter, header: [String], rows: [[String]], lineNumbers: [Int], headerLine: Int = 1) {
        self.delimiter = delimiter
        self.header = header
        self.rows = rows
        self.lineNumbers = lineNumbers
        self.headerLine = headerLine
    }

    /// Reads a whole table. `delimiter` nil means: detect it from the header and the first twenty
    /// rows (the one of semicolon, tab, comma that splits them all into the same number of fields,
    /// in that order of preference).
    /// - Throws: `CSVError`; a table with a header but no data rows is `.empty`.
    public static func parse(_ data: Data, delimiter: Delimiter? = nil) throws(CSVError) -> CSVTable {
        var rows: [[String]] = []
        var lines: [Int] = []
        let head = try read(data, delimiter: delimiter) { fields, line in
            rows.append(fields)
            lines.append(line)
            return true
        }
        if rows.isEmpty {
            throw CSVError(.empty, line: nil, column: nil, message: "the file has a header line but no data rows")
        }
        return CSVTable(
            delimiter: head.delimiter, header: head.header, rows: rows, lineNumbers: lines, headerLine: head.line)
    }

    /// Streams the table: `header` is called once with the column names and the delimiter, then
    /// `row` once per data row with its fields and its 1-based starting line. Same rules and errors
    /// as `parse`, but only one row is in memory at a time, for imports of millions of rows where
    /// `[[String]]` would cost gigabytes. A header without rows is not an error here (`row` is
    /// simply never called). An error thrown by a closure stops reading and is rethrown as is.
    ///
    /// `fields` is the same array, refilled for each row, so a closure that keeps only the values
    /// it needs costs no allocation per row; one that stores the array itself gets a copy.
    ///
    /// `passed`, when given, is called now and then (every `passedStride` bytes) with the offset
    /// in `data` of the first byte not yet read, so that the caller can let go of the file's pages
    /// before it (`MappedFile`).
    public static func forEachRow(
        _ data: Data,
        delimiter: Delimiter? = nil,
        header: (_ names: [String], _ delimiter: Delimiter) throws -> Void = { _, _ in },
        passed: ((Int) -> Void)? = nil,
        row: (_ fields: [String], _ line: Int) throws -> Void
    ) throws {
        var callerError: (any Error)?
        try read(
            data, delimiter: delimiter, passed: passed,
            onHead: { names, found in
                do {
                    try header(names, found)
                    return true
                } catch {
                    callerError = error
                    return false
                }
            },
            onRow: { fields, line in
                do {
                    try row(fields, line)
                    return true
                } catch {
                    callerError = error
                    return false
                }
            })
        if let callerError { throw callerError }
    }

    /// A first look at a big file, cheaper than `forEachRow`: the header as there, then every
    /// data row's fields as bytes, one at a time, with their column index; no strings are built.
    /// The bytes are valid only during the call. Rows are not checked against the header (a
    /// `forEachRow` pass reports that), but the text checks and quoting errors are the same.
    public static func forEachCell(
        _ data: Data,
        delimiter given: Delimiter? = nil,
        header: (_ names: [String], _ delimiter: Delimiter) throws -> Void,
        cell: (_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        var callerError: (any Error)?
        let outcome: Result<Void, CSVError> = data.withUnsafeBytes { raw in
            do throws(CSVError) {
                let body = try checkText(raw.bindMemory(to: UInt8.self))
                let delimiter: Delimiter
                if let given { delimiter = given } else { delimiter = try detectDelimiter(body) }
                var scanner = CSVRecordScanner(bytes: body, delimiter: delimiter.byte)
                var fields: [String] = []
                guard try scanner.next(into: &fields) != nil else {
                    throw CSVError(.empty, line: nil, column: nil, message: "the file is empty")
                }
                do { try header(headerNames(fields), delimiter) } catch {
                    callerError = error
                    return .success(())
                }
                var column = 0
                while try scanner.next(field: { bytes in
                    cell(column, bytes)
                    column += 1
                }) != nil { column = 0 }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if let callerError { throw callerError }
        try outcome.get()
    }

    /// The column names of a header line: trimmed, and without the empty ones that delimiters at
    /// the end of the line make (`a;b;` over `1;2;` reads as two columns).
    static func headerNames(_ fields: [String]) -> [String] {
        let written = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var named = written.count
        while named > 1 && written[named - 1].isEmpty { named -= 1 }
        return Array(written[..<named])
    }

    // MARK: - Columns

    /// The index of the column called `name`, or nil. Matching forgives how a person types a
    /// header: case (with Swedish letters, `"ANTAL RÖSTANDE"` == `"antal röstande"`), surrounding
    /// and doubled spaces, and Unicode composition (macOS writes `ö` decomposed). Only if nothing
    /// matches that way are diacritics and punctuation folded too (`SearchText.fold`:
    /// `"antal_rostande"` finds `ANTAL RÖSTANDE`), so a file from an ASCII-only system still works
    /// while `Kön` and `Kon` in one file do not collide.
    /// - Throws: `CSVError` `.ambiguousColumn` when two columns match equally well; a header that
    ///   repeats a name is fine as long as that name is not asked for (map such a column as `#N`).
    public func column(_ name: String) throws(CSVError) -> Int? {
        try Self.column(name, in: header)
    }

    /// `column(_:)` over a header from `forEachRow`.
    public static func column(_ name: String, in header: [String]) throws(CSVError) -> Int? {
        let key = looseKey(name)
        guard !key.isEmpty else { return nil }
        let exact = header.indices.filter { looseKey(header[$0]) == key }
        if let hit = try single(exact, name: name, header: header) { return hit }
        let folded = SearchText.fold(name)
        guard !folded.isEmpty else { return nil }
        let close = header.indices.filter { SearchText.fold(header[$0]) == folded }
        return try single(close, name: name, header: header)
    }

    /// The name a row error reports for column `index`: the header name, or "column 3" when the
    /// header leaves it blank.
    public func columnName(_ index: Int) -> String {
        let name = index < header.count ? header[index] : ""
        return name.isEmpty ? "column \(index + 1)" : name
    }

    private static func looseKey(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    private static func single(_ matches: [Int], name: String, header: [String]) throws(CSVError) -> Int? {
        guard matches.count > 1 else { return matches.first }
        throw CSVError(
            .ambiguousColumn(name: name, matches: matches), line: nil, column: name,
            message: ambiguityMessage(name: name, headers: matches.map { header[$0] }, numbers: matches.map { $0 + 1 }))
    }

    /// Why a name that several columns answer to cannot be used, and the `#N` form that can:
    /// Valmyndigheten's files repeat `LÄN` and `VALDISTRIKT` in one header, and a file is better
    /// mapped by column number than edited. `numbers` are 1-based, as `#N` counts.
    static func ambiguityMessage(name: String, headers: [String], numbers: [Int]) -> String {
        let columns = numbers.map { "#\($0)" }
        let advice = "map it as \(listed(columns, last: "or"))"
        if let first = headers.first, headers.allSatisfy({ $0 == first }) {
            let times = [2: "twice", 3: "three times"][headers.count] ?? "\(headers.count) times"
            return "the header has \"\(first)\" \(times) (columns \(listed(columns, last: "and"))): \(advice)"
        }
        let named = zip(headers, columns).map { header, column in "\(header) (\(column))" }
        return "more than one column matches \"\(name)\": \(listed(named, last: "and")): \(advice)"
    }

    /// `a, b and c`.
    static func listed(_ items: [String], last word: String) -> String {
        guard items.count > 1, let final = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + final
    }
}

// MARK: - Errors

/// Why a file could not be read as a table, with where (line, column) when that is known.
/// `description` is a sentence an administrator can act on, e.g.
/// `line 12, column ANTAL RÖSTANDE: "12a" is not a number`.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Binary data: an image, an Excel workbook or other ZIP archive, a PDF, NUL bytes.
        case notText
        /// Text, but not valid UTF-8 (most likely Latin-1 / Windows-1252 or UTF-16 from old Excel).
        case notUTF8
        /// No bytes, only blanks, or a header and no data rows.
        case empty
        /// No comma, semicolon or tab splits the lines consistently; also JSON, HTML and XML.
        case notDelimited
        /// A quoted field that is never closed; `line` is where it opens.
        case unterminatedQuote
        /// A row with another number of fields than the header.
        case ragged(expected: Int, found: Int)
        /// More fields in one line than any statistics file has (`CSVRecordScanner.maxFields`).
        case tooManyColumns(found: Int)
        /// A value under a header that ends with delimiters (an unnamed trailing column).
        case valueInUnnamedColumn
        /// `column(_:)` found several columns for one name (their indices).
        case ambiguousColumn(name: String, matches: [Int])
        /// A value that should be a number and is not.
        case notANumber(value: String, problem: CSVNumber.Problem)
    }

    public var kind: Kind
    /// 1-based physical line, when the problem is in one place of the file.
    public var line: Int?
    /// The column's name as in the header, when the problem is in one column.
    public var column: String?
    public var message: String

    public init(_ kind: Kind, line: Int?, column: String?, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case let (l?, c?): "line \(l), column \(c): \(message)"
        case let (l?, nil): "line \(l): \(message)"
        case (nil, _): message
        }
    }
}

// MARK: - Reading

extension CSVTable {
    struct Head {
        var delimiter: Delimiter
        var header: [String]
        var line: Int
    }

    /// How many bytes `forEachRow` reads between two calls of its `passed`.
    public static let passedStride = 8 << 20

    /// The one reading loop behind `parse` and `forEachRow`. `onHead` and `onRow` return false to
    /// stop reading (a caller's closure failed).
    @discardableResult
    static func read(
        _ data: Data,
        delimiter given: Delimiter?,
        passed: ((Int) -> Void)? = nil,
        onHead: ([String], Delimiter) -> Bool = { _, _ in true },
        onRow: ([String], Int) -> Bool
    ) throws(CSVError) -> Head {
        let outcome: Result<Head, CSVError> = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            do throws(CSVError) {
                let body = try checkText(all)
                // Where the body (after a byte-order mark) starts in the data.
                let bodyStart = (body.baseAddress.map { $0 - (all.baseAddress ?? $0) }) ?? 0
                var nextPassed = passedStride
                let delimiter: Delimiter
                if let given { delimiter = given } else { delimiter = try detectDelimiter(body) }
                var scanner = CSVRecordScanner(bytes: body, delimiter: delimiter.byte)
                var fields: [String] = []
                guard let headerLine = try scanner.next(into: &fields) else {
                    throw CSVError(.empty, line: nil, column: nil, message: "the file is empty")
                }
                // The header's fields as written, counting unnamed trailing ones: every row must have as many.
                let written = fields.count
                let header = headerNames(fields)
                let named = header.count
                let head = Head(delimiter: delimiter, header: header, line: headerLine)
                guard onHead(header, delimiter) else { return .success(head) }
                while let line = try scanner.next(into: &fields) {
                    guard fields.count == written else {
                        throw raggedError(
                            line: line, expected: written, found: fields.count,
                            endsWithDelimiter: fields.last == "", headerEndsWithDelimiter: named < written,
                            delimiter: delimiter)
                    }
                    if named < written {
                        for i in named..<written where !fields[i].isEmpty {
                            throw CSVError(
                                .valueInUnnamedColumn, line: line, column: "column \(i + 1)",
                                message:
                                    "\"\(fields[i])\" is in a column without a name (the header line ends with a delimiter); give the column a name"
                            )
                        }
                        fields.removeLast(written - named)
                    }
                    guard onRow(fields, line) else { break }
                    if let passed, scanner.position >= nextPassed {
                        passed(bodyStart + scanner.position)
                        nextPassed = scanner.position + passedStride
                    }
                }
                return .success(head)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    static func raggedError(
        line: Int, expected: Int, found: Int, endsWithDelimiter: Bool, headerEndsWithDelimiter: Bool,
        delimiter: Delimiter
    ) -> CSVError {
        var message = "\(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        if found == expected + 1 && endsWithDelimiter && !headerEndsWithDelimiter {
            message +=
                " (the line ends with a \(delimiter.name); that is allowed only when the header line ends with one too)"
        } else if found > expected {
            message += " (a \(delimiter.name) inside a value that is not in quotes?)"
        }
        return CSVError(.ragged(expected: expected, found: found), line: line, column: nil, message: message)
    }

    // MARK: Text checks

    /// The bytes after a UTF-8 byte-order mark, once they are known to be UTF-8 text that could be a
    /// table. Everything that is clearly something else is named, so the user knows what to do.
    static func checkText(_ all: UnsafeBufferPointer<UInt8>) throws(CSVError) -> UnsafeBufferPointer<UInt8> {
        func starts(_ prefix: [UInt8]) -> Bool { all.count >= prefix.count && zip(all, prefix).allSatisfy { $0 == $1 } }
        func notText(_ what: String) -> CSVError {
            CSVError(.notText, line: nil, column: nil, message: "this is \(what), not a CSV text file")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            throw notText("an Excel workbook or other ZIP archive (in Excel: Save as → CSV UTF-8)")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            throw notText("an old Excel workbook (.xls) (in Excel: Save as → CSV UTF-8)")
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { throw notText("a PNG image") }
        if starts([0xFF, 0xD8, 0xFF]) { throw notText("a JPEG image") }
        if starts([0x47, 0x49, 0x46, 0x38]) { throw notText("a GIF image") }
        if starts([0x25, 0x50, 0x44, 0x46]) { throw notText("a PDF document") }
        if starts([0x1F, 0x8B]) { throw notText("a gzip-compressed file (unpack it first)") }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
            throw CSVError(
                .notUTF8, line: nil, column: nil,
                message:
                    "the file is UTF-16 text (Excel's \"Unicode text\"), not UTF-8 (save the file as UTF-8: in Excel, Save as → CSV UTF-8)"
            )
        }
        let body = starts([0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
        if let bad = firstInvalidUTF8(body) {
            if body[bad] == 0 {
                throw notText("binary data (it contains NUL bytes)")
            }
            let line = lineNumber(at: bad, in: body)
            throw CSVError(
                .notUTF8, line: line, column: nil,
                message:
                    "not UTF-8 text (save the file as UTF-8: in Excel, Save as → CSV UTF-8); the first byte that is not UTF-8 is on this line, often an å, ä or ö saved as Latin-1 / Windows-1252"
            )
        }
        guard let first = body.firstIndex(where: { !isBlank($0) }) else {
            throw CSVError(.empty, line: nil, column: nil, message: "the file is empty")
        }
        switch body[first] {
        case UInt8(ascii: "{"):
            throw CSVError(
                .notDelimited, line: nil, column: nil,
                message: "this looks like a JSON document (it starts with \"{\"), not a CSV table")
        case UInt8(ascii: "["):
            if let next = body[(first + 1)...].firstIndex(where: { !isBlank($0) }),
                [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "]")].contains(body[next])
            {
                throw CSVError(
                    .notDelimited, line: nil, column: nil,
                    message: "this looks like a JSON document (it starts with \"[\"), not a CSV table")
            }
        case UInt8(ascii: "<"):
            throw CSVError(
                .notDelimited, line: nil, column: nil,
                message:
                    "this looks like an HTML or XML document (it starts with \"<\"), not a CSV table; was a web page saved instead of the file?"
            )
        default:
            break
        }
        return body
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// 1-based physical line of byte `offset` (LF, CRLF, CR CR LF and bare CR each end a line).
    static func lineNumber(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
                index += 1
            } else if bytes[index] == 0x0D {
                line += 1
                index += CSVRecordScanner.lineEndLength(bytes, at: index, end: offset)
            } else {
                index += 1
            }
        }
        return line
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF) or is NUL; nil if the whole buffer is fine.
    /// Eight ASCII bytes are checked at a time, which is what almost all of a statistics file is.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let ones: UInt64 = 0x0101_0101_0101_0101
                let hasZero = (word &- ones) & ~word & high
                if word & high == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let b = base[i]
            if b == 0 { return i }
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                upper = 0x9F
            case 0xF0:
                need = 3
                lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                upper = 0x8F
            default: return i
            }
            guard i + need < count else { return i }
            let second = base[i + 1]
            guard second >= lower && second <= upper else { return i }
            var k = 2
            while k <= need {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    // MARK: Delimiter detection

    /// How many records the detector looks at: the header and about twenty rows, enough to see a
    /// pattern and cheap on a file of millions of rows.
    static let sampleRecords = 21

    /// The delimiter that splits the header and the first rows into the same number (> 1) of
    /// fields, preferring semicolon, then tab, then comma (`Delimiter.preference`). Quotes are
    /// honoured, so commas inside `"Täby 11 Ensta, Kullagränd"` do not count.
    ///
    /// When none is fully consistent, one that splits the header into several fields and at least
    /// four in five sampled rows alike (at least two rows) is taken anyway, so that reading reports
    /// the odd row, or a header that lacks the rows' trailing delimiter, as ragged with its line
    /// number: more useful than "not a table". Likewise a quote that never closes is reported as
    /// such when it is what stops every delimiter.
    static func detectDelimiter(_ body: UnsafeBufferPointer<UInt8>) throws(CSVError) -> Delimiter {
        var plausible: Delimiter?
        var quoteError: CSVError?
        for candidate in Delimiter.preference {
            var scanner = CSVRecordScanner(bytes: body, delimiter: candidate.byte)
            var counts: [Int] = []
            var broken: CSVError?
            while counts.count < sampleRecords {
                do {
                    guard let n = try scanner.skipRecord() else { break }
                    counts.append(n)
                } catch {
                    // An unterminated quote ends the sample; reading proper reports it with its line.
                    broken = error
                    break
                }
            }
            if let broken, quoteError == nil, Set(counts).count <= 1 { quoteError = broken }
            guard let first = counts.first, first > 1 else { continue }
            if counts.allSatisfy({ $0 == first }) { return candidate }
            let rows = counts.dropFirst()
            var tally: [Int: Int] = [:]
            for n in rows { tally[n, default: 0] += 1 }
            let mode = tally.values.max() ?? 0
            if plausible == nil && mode >= 2 && mode * 5 >= rows.count * 4 { plausible = candidate }
        }
        if let plausible { return plausible }
        if let quoteError { throw quoteError }
        throw CSVError(
            .notDelimited, line: nil, column: nil,
            message: "not a delimited table (no comma, semicolon or tab that splits the lines consistently)")
    }
}

extension CSVTable.Delimiter {
    /// The delimiter's name for messages.
    public var name: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        }
    }
}

// MARK: - Scanner

/// The byte-level record reader. One record is one row of fields; it may span several physical
/// lines when a quoted field holds line breaks. Blank lines between records are skipped.
struct CSVRecordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private(set) var position = 0
    /// The physical line at `position`.
    private(set) var line = 1
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, quote: UInt8 = 0x22

    /// The length of the line end whose CR is at `index`: 2 for CRLF, 3 for CR CR LF (some exports
    /// write it; counted as one line end, so messages name the lines an editor shows and no empty
    /// line is seen between rows), else 1 (a bare CR, as old Mac files end lines).
    @inline(__always)
    static func lineEndLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        if index + 1 < end && bytes[index + 1] == lf { return 2 }
        if index + 2 < end && bytes[index + 1] == cr && bytes[index + 2] == lf { return 3 }
        return 1
    }

    /// Reads the next record into `fields` (replacing its contents); returns the line it starts on,
    /// or nil at the end of the data.
    /// No statistics file has this many columns; a line with more is refused before its fields
    /// are kept, so a file of one endless line costs a scan, not memory.
    static let maxFields = 10_000

    mutating func next(into fields: inout [String]) throws(CSVError) -> Int? {
        fields.removeAll(keepingCapacity: true)
        var found = 0
        let line = try scan { bytes in
            found += 1
            if found <= Self.maxFields { fields.append(String(decoding: bytes, as: UTF8.self)) }
        }
        try Self.checkWidth(found, line: line)
        return line
    }

    static func checkWidth(_ found: Int, line: Int?) throws(CSVError) {
        guard found > maxFields else { return }
        throw CSVError(
            .tooManyColumns(found: found), line: line, column: nil,
            message: "\(found) fields in one line; a file may have at most \(maxFields) columns")
    }

    /// Reads the next record without building strings; returns its field count, or nil at the end.
    mutating func skipRecord() throws(CSVError) -> Int? {
        var n = 0
        guard try scan(store: false, { _ in n += 1 }) != nil else { return nil }
        return n
    }

    /// Reads the next record, handing each field's bytes (unquoted) to `field` in turn; the bytes
    /// are valid only during the call. Returns the line the record starts on, or nil at the end.
    mutating func next(field: (UnsafeBufferPointer<UInt8>) -> Void) throws(CSVError) -> Int? {
        var found = 0
        let line = try scan { bytes in
            found += 1
            if found <= Self.maxFields { field(bytes) }
        }
        try Self.checkWidth(found, line: line)
        return line
    }

    @inline(__always)
    private mutating func scan(store: Bool = true, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) throws(CSVError)
        -> Int?
    {
        let end = bytes.count
        let lf = Self.lf
        let cr = Self.cr
        let quote = Self.quote
        let delimiter = self.delimiter
        // Blank lines carry no row.
        while position < end {
            let b = bytes[position]
            if b == lf {
                position += 1
                line += 1
            } else if b == cr {
                position += Self.lineEndLength(bytes, at: position, end: end)
                line += 1
            } else {
                break
            }
        }
        guard position < end else { return nil }
        let startLine = line
        while true {
            if position < end && bytes[position] == quote {
                // Quoted field: "" is one quote; delimiters and line breaks are data.
                let openedOn = line
                position += 1
                scratch.removeAll(keepingCapacity: true)
                var segment = position
                while true {
                    guard position < end else {
                        throw CSVError(
                            .unterminatedQuote, line: openedOn, column: nil,
                            message: "a quoted field starts here and its closing quote (\") is missing")
                    }
                    let b = bytes[position]
                    if b == quote {
                        if store {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<position]))
                        }
                        if position + 1 < end && bytes[position + 1] == quote {
                            if store { scratch.append(quote) }
                            position += 2
                            segment = position
                            continue
                        }
                        position += 1
                        break
                    } else if b == cr {
                        // A line break inside a value reads as "\n" whatever the file's line ends.
                        if store {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<position]))
                            scratch.append(lf)
                        }
                        position += Self.lineEndLength(bytes, at: position, end: end)
                        line += 1
                        segment = position
                    } else {
                        if b == lf { line += 1 }
                        position += 1
                    }
                }
                // Text between the closing quote and the delimiter is kept as written, as
                // spreadsheet programs do: `"12"3` reads as `123` rather than failing the file.
                let tail = position
                while position < end {
                    let b = bytes[position]
                    if b == delimiter || b == lf || b == cr { break }
                    position += 1
                }
                if store {
                    if position > tail {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail..<position]))
                    }
                    scratch.withUnsafeBufferPointer { emit($0) }
                } else {
                    emit(UnsafeBufferPointer(rebasing: bytes[tail..<tail]))
                }
            } else {
                let start = position
                while position < end {
                    let b = bytes[position]
                    if b == delimiter || b == lf || b == cr { break }
                    position += 1
                }
                emit(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            guard position < end else { return startLine }
            let b = bytes[position]
            if b == delimiter {
                position += 1
                continue
            }
            position += b == cr ? Self.lineEndLength(bytes, at: position, end: end) : 1
            line += 1
            return startLine
        }
    }
}
