import Foundation

/// Reads a statement's document, whatever it is called: the format is decided by the content
/// (a zip with a Word body or an ODF mimetype, `%PDF`, a compound file, or UTF-8 text), never by
/// the name, so a PDF named `.docx` is read as the PDF it is and an image named `.pdf` is refused.
public enum StatementReader {
    /// A statement runs to some tens of pages; a document far longer is not one.
    public static let maxPages = 150
    /// About `maxPages` pages of dense text, for formats without pages.
    public static let maxCharacters = 450_000

    public static func read(_ data: Data, fileName: String) throws(StatementReadProblem) -> StatementText {
        let text: StatementText
        switch sniff(data) {
        case .docx:
            text = try OfficeDocumentReader.read(docx: data)
        case .odt:
            text = try OfficeDocumentReader.read(odt: data)
        case .pdf:
            text = try PDFTextReader.read(data)
        case .text:
            text = try plainText(data)
        case nil:
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw StatementReadProblem(.compoundFile)
            }
            throw StatementReadProblem(.unknownFormat(fileName: fileName))
        }
        if let pages = text.pages, pages > maxPages {
            throw StatementReadProblem(.tooManyPages(pages: pages, limit: maxPages))
        }
        if text.pages == nil, text.characterCount > maxCharacters {
            throw StatementReadProblem(.tooManyPages(pages: text.characterCount / 3_000, limit: maxPages))
        }
        return text
    }

    /// The format by the first bytes.
    public static func sniff(_ data: Data) -> StatementFormat? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return OfficeDocumentReader.isODT(data) ? .odt : .docx
        }
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // Text: no NUL in the first kilobytes (binary files have them early).
        let head = data.prefix(8192)
        if !head.isEmpty, !head.contains(0), !data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .text }
        return nil
    }

    /// Plain text (UTF-8, with or without a byte-order mark): paragraphs separated by blank lines,
    /// lines inside a paragraph joined as `StatementCleaner` joins a PDF's.
    static func plainText(_ data: Data) throws(StatementReadProblem) -> StatementText {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw StatementReadProblem(.notUTF8(line: firstInvalidLine(bytes)))
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        return StatementText(format: .text, paragraphs: StatementCleaner.paragraphs(lines, page: nil))
    }

    /// The line of the first byte sequence that is not UTF-8, counted from 1.
    static func firstInvalidLine(_ bytes: Data) -> Int {
        var line = 1
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if String(data: bytes[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return line
    }
}
