import Foundation

/// Reads PC-Axis files (`.px`, PC-Axis-fil), the keyword format in which Statistics Sweden and
/// the other Nordic statistics offices publish tables through PxWeb, into a `StatisticsCube`:
///
///     CHARSET="ANSI";
///     CODEPAGE="iso-8859-1";
///     LANGUAGE="sv";
///     STUB="region","kön";
///     HEADING="år";
///     VALUES("region")="Stockholm","Uppsala";
///     CODES("region")="0180","0380";
///     VALUES("kön")="män","kvinnor";
///     TIMEVAL("år")=TLIST(A1, "2022"-"2023");
///     VALUES("år")="2022","2023";
///     DATA=
///     1 2 3 4
///     5 6 7 ".." ;
///
/// The cube's dimensions are the STUB variables, then the HEADING ones; in DATA the last
/// HEADING variable varies fastest, as in the cube. A cell's "no value" symbol makes it missing or
/// suppressed by `StatisticsSymbol`'s rule, as in a CSV or JSON-stat file (`".."` above is
/// suppressed). Every problem comes with the file's line and the keyword (`column`); the problems
/// the header has are thrown together.
public enum PCAxis {
    /// The table in a file. `language` picks one of a multilingual file's languages (`en` reads
    /// `STUB[en]`, `VALUES[en]("region")`, …); nil or the file's `LANGUAGE` reads the keywords
    /// written without one.
    public static func read(_ data: Data, language: String? = nil) throws(ObservationProblems) -> StatisticsCube {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(ObservationProblems) -> StatisticsCube in
                try read(bytes: raw.bindMemory(to: UInt8.self), language: language)
            }
        }
        return try result.get()
    }

    /// A variable of the table: its dimension, and what reading DATA needs beside it.
    struct Variable {
        var dimension: StatisticsCube.Dimension
        /// Its name in the file's default language, which `KEYS` use.
        var defaultName: String
        /// The default language's `VALUES`, which the rows of a file with `KEYS` may use.
        var defaultLabels: [String]
        var inStub: Bool
    }

    static func read(bytes: UnsafeBufferPointer<UInt8>, language requested: String?) throws(ObservationProblems)
        -> StatisticsCube
    {
        var lexer = PCAxisLexer(bytes: bytes)
        let lexed: PCAxisLexer.Header
        do {
            lexed = try lexer.header()
        } catch {
            throw ObservationProblems([error])
        }
        var problems: [ObservationProblem] = []
        let codepage = codepage(lexed, bytes: bytes, byteOrderMark: lexer.hasByteOrderMark, problems: &problems)
        let header = PCAxisHeader(lexed.keywords, codepage: codepage)
        var language: String?
        do {
            language = try chosenLanguage(requested, header: header)
        } catch {
            throw ObservationProblems([error])
        }
        let variables = variables(header, language: language, endLine: lexed.dataLine, problems: &problems)
        if lexed.dataStart == nil {
            problems.append(ObservationProblem(line: lexed.dataLine, column: "DATA", .pxKeywordMissing("DATA")))
        }
        guard problems.isEmpty, let dataStart = lexed.dataStart else { throw ObservationProblems(problems) }
        let (values, status) = try cells(
            bytes, start: dataStart, line: lexed.dataLine, header: header, variables: variables)
        func described(_ name: String) -> String? {
            header.single(header.keyword(name, language: language) ?? header.keyword(name))
        }
        return StatisticsCube(
            dimensions: variables.map(\.dimension), values: values, status: status,
            title: described("TITLE") ?? described("DESCRIPTION"), source: described("SOURCE"))
    }

    /// The file's code page: `CODEPAGE`, else a byte order mark's UTF-8, else a guess from the header.
    static func codepage(
        _ lexed: PCAxisLexer.Header, bytes: UnsafeBufferPointer<UInt8>, byteOrderMark: Bool,
        problems: inout [ObservationProblem]
    ) -> PCAxisCodepage {
        let headerBytes = UnsafeBufferPointer(rebasing: bytes[0..<(lexed.dataStart ?? bytes.count)])
        var named: PCAxisCodepage?
        if let keyword = lexed.keywords.first(where: { $0.name == "CODEPAGE" && $0.language == nil }) {
            let texts = keyword.tokens.compactMap { token -> [UInt8]? in
                switch token {
                case .text(let bytes), .word(let bytes): bytes
                default: nil
                }
            }
            let name = texts.first.map { PCAxisCodepage.utf8.decode($0) } ?? ""
            named = PCAxisCodepage(name: name)
            if named == nil {
                problems.append(ObservationProblem(line: keyword.line, column: "CODEPAGE", .pxUnknownCodepage(name)))
            }
        }
        if byteOrderMark { return .utf8 }
        return named ?? PCAxisCodepage.guess(header: headerBytes)
    }

    /// The language whose keywords to read: nil for the default ones (those without `[…]`).
    static func chosenLanguage(_ requested: String?, header: PCAxisHeader) throws(ObservationProblem) -> String? {
        guard let requested, !requested.isEmpty else { return nil }
        let wanted = requested.lowercased()
        let defaultLanguage = header.single(header.keyword("LANGUAGE"))?.lowercased()
        if wanted == defaultLanguage { return nil }
        if header.languages.contains(wanted) { return wanted }
        let languagesKeyword = header.keyword("LANGUAGES")
        let listed = languagesKeyword.flatMap { try? header.list($0) } ?? []
        // A file that says nothing of its language is read as it is.
        if defaultLanguage == nil && listed.isEmpty && header.languages.isEmpty { return nil }
        var known: [String] = defaultLanguage.map { [$0] } ?? []
        for language in listed.map({ $0.lowercased() }) + header.languages.sorted() where !known.contains(language) {
            known.append(language)
        }
        throw ObservationProblem(
            line: (languagesKeyword ?? header.keyword("LANGUAGE"))?.line, column: "LANGUAGES",
            .pxSyntax(expected: "one of the file's languages (\(known.joined(separator: ", "))), got \"\(requested)\""))
    }

    /// The STUB and HEADING variables with their values, codes and roles.
    static func variables(
        _ header: PCAxisHeader, language: String?, endLine: Int, problems: inout [ObservationProblem]
    ) -> [Variable] {
        var names: [(name: String, line: Int, inStub: Bool, translated: Bool)] = []
        var defaultNames: [String] = []
        var translated = false
        for part in ["STUB", "HEADING"] {
            let own = language.flatMap { header.keyword(part, language: $0) }
            let fallback = header.keyword(part)
            translated = translated || own != nil
            do {
                if let keyword = own ?? fallback {
                    names += try header.list(keyword).map { ($0, keyword.line, part == "STUB", own != nil) }
                }
                if let fallback { defaultNames += try header.list(fallback) }
            } catch {
                problems.append(error)
            }
        }
        if header.keyword("STUB") == nil && header.keyword("HEADING") == nil && !translated {
            problems.append(
                ObservationProblem(line: endLine, column: "STUB", .pxKeywordMissing("STUB or HEADING")))
            return []
        }
        if defaultNames.count != names.count { defaultNames = names.map(\.name) }
        var seen: Set<String> = []
        for entry in names where !seen.insert(entry.name).inserted {
            problems.append(
                ObservationProblem(
                    line: entry.line, column: entry.inStub ? "STUB" : "HEADING",
                    .pxSyntax(expected: "different names for the variables, got \"\(entry.name)\" twice")))
        }
        let content = (
            own: language.flatMap { header.single(header.keyword("CONTVARIABLE", language: $0)) },
            fallback: header.single(header.keyword("CONTVARIABLE"))
        )
        var variables: [Variable] = []
        for (position, entry) in names.enumerated() {
            let lookup = PCAxisVariableLookup(
                header: header, language: language, name: entry.name, defaultName: defaultNames[position],
                translated: entry.translated)
            do {
                guard var variable = try lookup.variable(line: entry.line) else {
                    let display = PCAxisKeyword.display("VALUES", language: language, subkeys: [entry.name])
                    problems.append(ObservationProblem(line: entry.line, column: display, .pxKeywordMissing(display)))
                    continue
                }
                if variable.dimension.role == .other,
                    content.own == entry.name || content.fallback == defaultNames[position]
                {
                    variable.dimension.role = .content
                }
                variable.inStub = entry.inStub
                variables.append(variable)
            } catch {
                problems.append(error)
            }
        }
        return variables
    }

    /// The cells after `DATA=`, dense or (with `KEYS`) row by row, and their status when some
    /// cell is suppressed (nil otherwise, as for most files, so that no status is kept for them).
    static func cells(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int, header: PCAxisHeader, variables: [Variable]
    ) throws(ObservationProblems) -> (values: [Double], status: [StatisticsCube.CellStatus]?) {
        var reader = PCAxisDataReader(
            bytes: bytes, start: start, line: line, codepage: header.codepage, symbols: symbols(header))
        let sizes = variables.map(\.dimension.count)
        var cellCount = 1
        for size in sizes {
            let (product, overflow) = cellCount.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Self.maxCells else {
                let described = sizes.map(String.init).joined(separator: " × ")
                throw ObservationProblems([
                    ObservationProblem(
                        line: line, column: "DATA",
                        .pxSyntax(expected: "at most \(Self.maxCells) cells, but the variables make \(described)"))
                ])
            }
            cellCount = product
        }
        let keys = try keyedVariables(header, variables: variables)
        let values =
            keys.isEmpty
            ? reader.dense(expected: cellCount, sizes: describe(variables))
            : keyedCells(&reader, keys: keys, header: header, variables: variables, cellCount: cellCount)
        if !reader.problems.isEmpty { throw ObservationProblems(reader.problems) }
        guard !reader.suppressed.isEmpty else { return (values, nil) }
        var status = values.map { $0.isNaN ? StatisticsCube.CellStatus.missing : .value }
        // A cell of a file with `KEYS` that a later row gives a number keeps it.
        for cell in reader.suppressed where values[cell].isNaN {
            status[cell] = .suppressed
        }
        return (values, status)
    }

    /// The texts the file's `DATASYMBOL1`…`6` and `DATASYMBOLNIL` show the data symbols as.
    static func symbols(_ header: PCAxisHeader) -> PCAxisDataReader.Symbols {
        let texts = PCAxisDataReader.Symbols.keywords.map { name in
            header.all(name).flatMap { keyword in
                keyword.tokens.compactMap { token -> (bytes: [UInt8], text: String)? in
                    guard case .text(let symbol) = token, !symbol.isEmpty else { return nil }
                    return (symbol, header.text(symbol))
                }
            }
        }
        return PCAxisDataReader.Symbols(texts: texts)
    }

    /// The cells of a file with `KEYS`: where each row's cells go, from the keys that start it.
    static func keyedCells(
        _ reader: inout PCAxisDataReader, keys: [Int], header: PCAxisHeader, variables: [Variable], cellCount: Int
    ) -> [Double] {
        let sizes = variables.map(\.dimension.count)
        var strides = [Int](repeating: 1, count: sizes.count)
        for index in sizes.indices.reversed().dropFirst() {
            strides[index] = strides[index + 1] * sizes[index + 1]
        }
        let keyed = Set(keys)
        var offsets = [0]
        for index in sizes.indices where !keyed.contains(index) {
            offsets = offsets.flatMap { offset in (0..<sizes[index]).map { offset + $0 * strides[index] } }
        }
        let rowKeys = keys.map { index in
            let variable = variables[index]
            let usesCodes = (try? keyKind(header, variable: variable)) == "CODES"
            let texts = usesCodes ? variable.dimension.codes : variable.defaultLabels
            var lookup: [String: Int] = [:]
            for (position, text) in texts.enumerated() where lookup[text] == nil {
                lookup[text] = position
            }
            return PCAxisDataReader.Key(
                name: variable.dimension.id, kind: usesCodes ? "CODES" : "VALUES", index: lookup,
                stride: strides[index])
        }
        let others = variables.enumerated().filter { !keyed.contains($0.offset) }.map(\.element)
        return reader.keyed(keys: rowKeys, offsets: offsets, cellCount: cellCount, sizes: describe(others))
    }

    /// More cells than this (2 GB of values) is no table an import can hold; a file with `KEYS`
    /// would have them all allocated before its first row is read.
    static let maxCells = 1 << 28

    /// The variables' sizes for messages: `region 3 × kön 2 × år 4`.
    static func describe(_ variables: [Variable]) -> String {
        variables.map { "\($0.dimension.id) \($0.dimension.count)" }.joined(separator: " × ")
    }

    /// The stub variables a file with `KEYS` starts its rows with, in order.
    static func keyedVariables(_ header: PCAxisHeader, variables: [Variable]) throws(ObservationProblems) -> [Int] {
        var keyed: [Int] = []
        var problems: [ObservationProblem] = []
        for (index, variable) in variables.enumerated() {
            do {
                guard try keyKind(header, variable: variable) != nil else { continue }
                if variable.inStub {
                    keyed.append(index)
                } else {
                    problems.append(
                        ObservationProblem(
                            line: header.keyword("KEYS", variable.defaultName)?.line,
                            column: PCAxisKeyword.display("KEYS", language: nil, subkeys: [variable.defaultName]),
                            .pxSyntax(expected: "KEYS only for STUB variables")))
                }
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw ObservationProblems(problems) }
        return keyed
    }

    /// `CODES` or `VALUES` when the variable has `KEYS`, nil when it has none.
    static func keyKind(_ header: PCAxisHeader, variable: Variable) throws(ObservationProblem) -> String? {
        guard
            let keyword = header.keyword("KEYS", variable.defaultName) ?? header.keyword("KEYS", variable.dimension.id)
        else { return nil }
        let kind = header.single(keyword)?.uppercased()
        guard kind == "CODES" || kind == "VALUES" else {
            throw ObservationProblem(
                line: keyword.line, column: header.display(keyword), .pxSyntax(expected: "KEYS to be CODES or VALUES"))
        }
        return kind
    }
}
