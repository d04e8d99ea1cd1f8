/// Reads the cells after `DATA=` straight from the file's bytes: they are nearly all of a 200 MB
/// file, so no cell becomes a String. Cells are separated by spaces, tabs, line ends or commas
/// (the spec allows them mixed); a `;` with only blanks after it ends them. A number is read by
/// a fast path that is exact (a decimal of at most 15 digits is an integer divided by a power of
/// ten, both exact as Doubles, and division rounds correctly), anything longer by `Double.init`.
/// Cells without a value (saknade värden): the spec's `.` to `......` and `-`, the texts the file
/// names in `DATASYMBOL1`…`6` and `DATASYMBOLNIL`, and the other "no value" symbols of
/// `StatisticsSymbol` (`x`, `:`), quoted as the spec asks or not. They are NaN; the cells whose
/// symbol is suppressed are listed in `suppressed`.
struct PCAxisDataReader {
    /// After this many cells that are not numbers the rest is not read: the file is something else.
    static let maxProblems = 20
    static let column = "DATA"

    /// Where `skipDelimiters` stopped.
    enum Stop {
        case cell
        case lineEnd
        case end
    }

    /// What the data symbols of a file stand for. The spec's symbols in DATA are `.` to `......`
    /// and `-`; `DATASYMBOL1`…`6` and `DATASYMBOLNIL` give the text each is shown as
    /// (`DATASYMBOL2="x"`), and some files write that text in DATA instead. Either way the cell is
    /// suppressed or missing as the shown text is by `StatisticsSymbol`'s rule, or, when that text
    /// is no symbol (`DATASYMBOL1="Uppgift saknas"`), as the spec's symbol is.
    struct Symbols {
        /// The spec's symbols, in the order of `keywords`.
        static let spec: [[UInt8]] = [".", "..", "...", "....", ".....", "......", "-"].map { Array($0.utf8) }
        static let keywords = (1...6).map { "DATASYMBOL\($0)" } + ["DATASYMBOLNIL"]
        /// Where `-` is in `spec`.
        static let dash = 6

        /// What each of `spec` stands for in this file.
        var standard: [StatisticsSymbol]
        /// The texts the file shows the symbols as, with what each stands for.
        var shown: [(text: [UInt8], symbol: StatisticsSymbol)] = []

        /// The spec's symbols as the rule has them, for a file that names none.
        init() {
            standard = Self.spec.map { StatisticsSymbol.classify(utf8: $0) ?? .missing }
        }

        /// `texts[n]` are the texts (bytes and decoded) a file gives for `keywords[n]`, in any
        /// language. Where one language shows a symbol as suppressed and another as missing, the
        /// cell is suppressed: a withheld value said to be missing would be the worse mistake.
        init(texts: [[(bytes: [UInt8], text: String)]]) {
            self.init()
            for (index, given) in texts.enumerated() where index < standard.count && !given.isEmpty {
                let said = given.compactMap { StatisticsSymbol.classify($0.text) }
                if said.contains(.suppressed) {
                    standard[index] = .suppressed
                } else if said.contains(.missing) {
                    standard[index] = .missing
                }
                shown += given.map { ($0.bytes, standard[index]) }
            }
        }
    }

    /// A stub variable whose values start each row of a file with `KEYS` (sparse data).
    struct Key {
        var name: String
        /// `CODES` or `VALUES`: which texts the rows use.
        var kind: String
        var index: [String: Int]
        /// How far apart in the cube two neighbouring values of the variable are.
        var stride: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let codepage: PCAxisCodepage
    let symbols: Symbols
    var position: Int
    var line: Int
    var problems: [ObservationProblem] = []
    /// The cells whose symbol says suppressed, in the order read (a cell of a file with `KEYS`
    /// may come twice).
    var suppressed: [Int] = []
    /// Whether the last NaN read was a suppressed symbol: set wherever a cell becomes NaN, and
    /// looked at only for a NaN by the loops that know the cell's index, so numbers never wait for it.
    var lastSuppressed = false
    /// A text without its closing quote: after it the cells cannot be counted.
    var broken = false
    /// Where the cells end: the line of the closing `;`, else of the last cell.
    var endLine: Int
    /// 10⁰ … 10²², every one exact as a Double.
    let powersOfTen: [Double]

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int, codepage: PCAxisCodepage, symbols: Symbols) {
        self.bytes = bytes
        self.position = start
        self.line = line
        self.endLine = line
        self.codepage = codepage
        self.symbols = symbols
        var powers: [Double] = []
        var power = 1.0
        for _ in 0...22 {
            powers.append(power)
            power *= 10
        }
        powersOfTen = powers
    }

    var stopped: Bool { broken || problems.count >= Self.maxProblems }

    /// Every cell in storage order (`expected` of them when the file is right); a problem when
    /// there are more or fewer, on the line where they ran over or ended.
    mutating func dense(expected: Int, sizes: String) -> [Double] {
        // A file cannot hold more cells than it has bytes for (`1 2` is two in three bytes).
        let capacity = min(expected, (bytes.count - position + 1) / 2)
        var count = 0
        var overrunLine: Int?
        let values = [Double](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            cells: while !stopped {
                switch skipDelimiters(rows: false) {
                case .end: break cells
                case .lineEnd: continue cells
                case .cell: break
                }
                let value = cell()
                if count < capacity {
                    buffer[count] = value
                    if value.isNaN, lastSuppressed { suppressed.append(count) }
                } else if count == expected {
                    overrunLine = line
                }
                count += 1
                endLine = line
            }
            initialized = min(count, capacity)
        }
        if !stopped && count != expected {
            problems.append(
                ObservationProblem(
                    line: overrunLine ?? endLine, column: Self.column,
                    .pxDataCount(expected: expected, got: count, sizes: sizes)))
        }
        return values
    }

    /// The cells of a file with `KEYS`: each line starts with the keyed variables' values
    /// (`"0180","1",`) and has the cells of the other variables for them; `offsets` says where
    /// each of a row's cells goes from the row's first. Rows the file leaves out are zeros, as
    /// the spec says they are.
    mutating func keyed(keys: [Key], offsets: [Int], cellCount: Int, sizes: String) -> [Double] {
        var values = [Double](repeating: 0, count: cellCount)
        rows: while !stopped {
            switch skipDelimiters(rows: true) {
            case .end: break rows
            case .lineEnd: continue rows
            case .cell: break
            }
            let rowLine = line
            guard let base = rowStart(keys) else {
                skipLine()
                continue rows
            }
            var cells = 0
            var stop = Stop.end
            while !stopped {
                stop = skipDelimiters(rows: true)
                guard stop == .cell else { break }
                let value = cell()
                if cells < offsets.count {
                    values[base + offsets[cells]] = value
                    if value.isNaN, lastSuppressed { suppressed.append(base + offsets[cells]) }
                }
                cells += 1
            }
            if !stopped && cells != offsets.count {
                problems.append(
                    ObservationProblem(
                        line: rowLine, column: Self.column,
                        .pxDataCount(expected: offsets.count, got: cells, sizes: sizes)))
            }
            if stop == .end { break rows }
        }
        return values
    }

    /// The keys at the start of a row, as the index of the row's first cell; nil (with a
    /// problem) when one is not a value of its variable.
    mutating func rowStart(_ keys: [Key]) -> Int? {
        var base = 0
        for (number, key) in keys.enumerated() {
            if number > 0, skipDelimiters(rows: true) != .cell {
                problems.append(
                    ObservationProblem(
                        line: line, column: Self.column,
                        .pxSyntax(expected: "\(keys.count) quoted keys at the start of each row (KEYS)")))
                return nil
            }
            let text = keyText()
            guard let index = key.index[text] else {
                problems.append(
                    ObservationProblem(
                        line: line, column: Self.column,
                        .pxSyntax(expected: "one of the \(key.kind) of \(key.name) as a row's key, got \"\(text)\"")))
                return nil
            }
            base += index * key.stride
        }
        return base
    }

    /// A row's key: a quoted text, or a word.
    mutating func keyText() -> String {
        if bytes[position] == UInt8(ascii: "\"") {
            let start = position + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), !PCAxisLexer.isLineEnd(bytes[end]) {
                end += 1
            }
            position = min(end + 1, bytes.count)
            return codepage.decode(bytes[start..<end])
        }
        let start = position
        while position < bytes.count, !Self.endsCell(bytes[position]) {
            position += 1
        }
        return codepage.decode(bytes[start..<position])
    }

    /// Past the end of the line (after a row that could not be placed).
    mutating func skipLine() {
        while position < bytes.count, !PCAxisLexer.isLineEnd(bytes[position]) {
            position += 1
        }
    }

    /// Moves to the next cell. With `rows`, a line end is returned too (after it is passed).
    mutating func skipDelimiters(rows: Bool) -> Stop {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "\n"):
                line += 1
                position += 1
                if rows { return .lineEnd }
            case UInt8(ascii: "\r"):
                let counts = !PCAxisLexer.carriageReturnContinues(bytes, at: position)
                position += 1
                if counts {
                    line += 1
                    if rows { return .lineEnd }
                }
            case UInt8(ascii: ";"):
                if onlyBlanks(after: position + 1) {
                    endLine = line
                    position = bytes.count
                    return .end
                }
                // Old files separate cells with `;` too.
                position += 1
            default:
                return .cell
            }
        }
        return .end
    }

    func onlyBlanks(after start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x1A:
                index += 1
            default:
                return false
            }
        }
        return true
    }

    /// The cell at `position`: its value, NaN for a "no value" symbol (and for a cell that is
    /// neither, with a problem).
    @inline(__always)
    mutating func cell() -> Double {
        if bytes[position] == UInt8(ascii: "\"") { return quotedCell() }
        let start = position
        var index = position
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var fractionDigits = 0
        var afterPoint = false
        var plain = true
        while index < bytes.count {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                if significant > 0 || digit != 0 {
                    significant += 1
                    if significant <= 15 { mantissa = mantissa &* 10 &+ UInt64(digit) }
                }
                digits += 1
                if afterPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
            } else if Self.endsCell(byte) {
                break
            } else {
                plain = false
            }
            index += 1
        }
        position = index
        if plain, digits > 0, significant <= 15, fractionDigits <= 22 {
            let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -magnitude : magnitude
        }
        return symbolOrNumber(start..<index)
    }

    /// A cell in quotes: a "no value" symbol as the spec writes them, or a number.
    mutating func quotedCell() -> Double {
        let start = position + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), !PCAxisLexer.isLineEnd(bytes[end]) {
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            problems.append(
                ObservationProblem(
                    line: line, column: Self.column,
                    .pxSyntax(expected: "a closing \" on the line the cell starts on")))
            broken = true
            position = end
            lastSuppressed = false
            return .nan
        }
        position = end + 1
        return symbolOrNumber(start..<end)
    }

    /// The slow way, for what the fast path does not take: symbols, exponents, long numbers.
    mutating func symbolOrNumber(_ range: Range<Int>) -> Double {
        let token = UnsafeBufferPointer(rebasing: bytes[range])
        let found = symbol(token)
        lastSuppressed = found == .suppressed
        if found != nil { return .nan }
        let numeric = token.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let numberBytes = token.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E")
        }
        if numeric, numberBytes, let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite {
            return value
        }
        problems.append(
            ObservationProblem(line: line, column: Self.column, .pxValueNotNumber(codepage.decode(token))))
        return .nan
    }

    /// What a cell's symbol stands for (see `Symbols`); nil when it is no symbol.
    func symbol(_ token: UnsafeBufferPointer<UInt8>) -> StatisticsSymbol? {
        if token.count == 1, token[0] == UInt8(ascii: "-") { return symbols.standard[Symbols.dash] }
        if (1...6).contains(token.count), token.allSatisfy({ $0 == UInt8(ascii: ".") }) {
            return symbols.standard[token.count - 1]
        }
        for shown in symbols.shown where shown.text.elementsEqual(token) {
            return shown.symbol
        }
        // A dash outside ASCII is two bytes in UTF-8 and one in Windows-1252.
        if token.contains(where: { $0 >= 0x80 }) { return StatisticsSymbol.classify(codepage.decode(token)) }
        return StatisticsSymbol.classify(utf8: token)
    }

    @inline(__always)
    static func endsCell(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "\""):
            true
        default:
            false
        }
    }
}
