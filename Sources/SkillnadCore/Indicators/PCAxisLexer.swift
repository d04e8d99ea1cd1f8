/// Splits a PC-Axis file's header into keywords, on its bytes, up to `DATA=`. The header is small
/// (names and value lists); the cells after it are read by `PCAxisDataReader`. A syntax error
/// stops the reading: after an unterminated text or a missing `;` nothing that follows can be
/// trusted to be where it seems.
struct PCAxisLexer {
    /// The keywords before `DATA`, and where the cells begin.
    struct Header {
        var keywords: [PCAxisKeyword] = []
        /// The byte after `DATA=`; nil when the file has no `DATA`.
        var dataStart: Int?
        /// The line `DATA` is on, or the last keyword's when it has none: where a keyword
        /// that the file lacks is reported.
        var dataLine = 1
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The file starts with a UTF-8 byte order mark.
    var hasByteOrderMark: Bool { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF }

    mutating func header() throws(ObservationProblem) -> Header {
        var header = Header()
        var endLine = 1
        while true {
            skipBlank()
            guard position < bytes.count else {
                header.dataLine = endLine
                return header
            }
            var keyword = try keywordName(after: header.keywords.last)
            if keyword.name == "DATA" {
                header.dataStart = position
                header.dataLine = keyword.line
                return header
            }
            try value(of: &keyword)
            endLine = line
            header.keywords.append(keyword)
        }
    }

    /// A keyword up to and with its `=`: name, `[language]`, `("subkey", …)`.
    mutating func keywordName(after previous: PCAxisKeyword?) throws(ObservationProblem) -> PCAxisKeyword {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) {
            position += 1
        }
        guard position > start else {
            let found = Self.snippet(bytes, from: position)
            throw ObservationProblem(
                line: line, column: previous.map(Self.display),
                .pxSyntax(expected: "a keyword (as NAME=value;), got \(found)"))
        }
        var keyword = PCAxisKeyword(
            name: String(decoding: bytes[start..<position], as: UTF8.self).uppercased(), line: line)
        skipBlank()
        if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
            position += 1
            let languageStart = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "]"), !Self.isLineEnd(bytes[position]) {
                position += 1
            }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "]") else {
                throw problem(keyword, expected: "] after the language of \(keyword.name)")
            }
            keyword.language = Array(bytes[languageStart..<position])
            position += 1
            skipBlank()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            position += 1
            try subkeys(of: &keyword)
            skipBlank()
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            throw problem(keyword, expected: "= after \(Self.display(keyword))")
        }
        position += 1
        return keyword
    }

    /// The quoted names between `(` and `)`.
    mutating func subkeys(of keyword: inout PCAxisKeyword) throws(ObservationProblem) {
        while true {
            skipBlank()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw problem(keyword, expected: "a quoted name in \(keyword.name)(…)")
            }
            keyword.subkeys.append(try quoted(keyword))
            skipBlank()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ")") {
                position += 1
                return
            }
            throw problem(keyword, expected: ", or ) after a name in \(keyword.name)(…)")
        }
    }

    /// The tokens of a value, up to and with its `;`.
    mutating func value(of keyword: inout PCAxisKeyword) throws(ObservationProblem) {
        /// The line each token ends on: a missing `;` is reported after the last token before it.
        var tokenLines: [Int] = []
        while true {
            skipBlank()
            guard position < bytes.count else {
                throw ObservationProblem(
                    line: tokenLines.last ?? keyword.line, column: Self.display(keyword),
                    .pxSyntax(expected: "; at the end of \(Self.display(keyword))"))
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: ";"):
                position += 1
                return
            case UInt8(ascii: "\""):
                let text = try quoted(keyword)
                if case .text(let previous)? = keyword.tokens.last {
                    keyword.tokens[keyword.tokens.count - 1] = .text(previous + text)
                } else {
                    keyword.tokens.append(.text(text))
                }
            case UInt8(ascii: ","):
                keyword.tokens.append(.comma)
                position += 1
            case UInt8(ascii: "("):
                keyword.tokens.append(.open)
                position += 1
            case UInt8(ascii: ")"):
                keyword.tokens.append(.close)
                position += 1
            case UInt8(ascii: "="):
                // The next keyword began: the word before `=` is its name, so `;` belongs before it.
                var lineBefore = tokenLines.last ?? keyword.line
                if case .word? = keyword.tokens.last { lineBefore = tokenLines.dropLast().last ?? keyword.line }
                throw ObservationProblem(
                    line: lineBefore, column: Self.display(keyword),
                    .pxSyntax(expected: "; at the end of \(Self.display(keyword))"))
            default:
                let start = position
                while position < bytes.count, !Self.endsWord(bytes[position]) {
                    position += 1
                }
                keyword.tokens.append(.word(Array(bytes[start..<position])))
            }
            tokenLines.append(line)
        }
    }

    /// A text between quotes, which the format keeps on one line (a long one is split into
    /// several texts); the position is on the opening quote.
    mutating func quoted(_ keyword: PCAxisKeyword) throws(ObservationProblem) -> [UInt8] {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = Array(bytes[start..<position])
                position += 1
                return text
            }
            if Self.isLineEnd(byte) { break }
            position += 1
        }
        throw problem(keyword, expected: "a closing \" on the line the text starts on")
    }

    /// Spaces and line ends, counting lines.
    mutating func skipBlank() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\n"):
                line += 1
                position += 1
            case UInt8(ascii: "\r"):
                if !Self.carriageReturnContinues(bytes, at: position) { line += 1 }
                position += 1
            default:
                return
            }
        }
    }

    func problem(_ keyword: PCAxisKeyword, expected: String) -> ObservationProblem {
        ObservationProblem(line: line, column: Self.display(keyword), .pxSyntax(expected: expected))
    }

    /// A keyword for messages, before the code page is known (the texts read as UTF-8, else Windows-1252).
    static func display(_ keyword: PCAxisKeyword) -> String {
        PCAxisKeyword.display(
            keyword.name, language: keyword.language.map { PCAxisCodepage.utf8.decode($0) },
            subkeys: keyword.subkeys.map { PCAxisCodepage.utf8.decode($0) })
    }

    /// What stands at a place, for saying what was found instead of a keyword.
    static func snippet(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 20, !isLineEnd(bytes[end]) {
            end += 1
        }
        return "\"" + PCAxisCodepage.utf8.decode(bytes[start..<end]) + "\""
    }

    /// A CR that is part of a longer line end (CR LF, or the CR CR LF some exports write), which
    /// is counted once, at its LF.
    static func carriageReturnContinues(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let next = position + 1
        guard next < bytes.count else { return false }
        if bytes[next] == UInt8(ascii: "\n") { return true }
        return bytes[next] == UInt8(ascii: "\r") && next + 1 < bytes.count && bytes[next + 1] == UInt8(ascii: "\n")
    }

    static func isLineEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Letters, digits, `-` and `_`: `AXIS-VERSION`, `DATASYMBOL1`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "\""), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}
