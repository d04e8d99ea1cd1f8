import Foundation

/// A statement's text as read from its document (the body's tjänsteutlåtande): its paragraphs in
/// reading order, each knowing whether it stood in a table, whether it was a heading and on which
/// page (for a PDF), so every extraction can point back to where it came from. What repeated in
/// the page headers and footers is kept apart, in `margins`: it holds the diary number and the
/// body's name, but is not part of what the statement says.
public struct StatementText: Sendable, Equatable, Codable {
    /// One paragraph, or one table cell's paragraph.
    public struct Paragraph: Sendable, Equatable, Codable {
        public var text: String
        /// The heading level (1 the highest); nil for body text.
        public var heading: Int?
        /// The table cell it stood in; nil outside tables.
        public var cell: TableCell?
        /// The page it begins on, counted from 1, where the format has pages (PDF).
        public var page: Int?

        public init(_ text: String, heading: Int? = nil, cell: TableCell? = nil, page: Int? = nil) {
            self.text = text
            self.heading = heading
            self.cell = cell
            self.page = page
        }
    }

    /// Where in a table a paragraph stood: which table of the document (from 0), row and column.
    public struct TableCell: Sendable, Equatable, Hashable, Codable {
        public var table: Int
        public var row: Int
        public var column: Int

        public init(table: Int, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    public var format: StatementFormat
    public var paragraphs: [Paragraph]
    /// Lines of the page headers and footers, each once, in the order first seen.
    public var margins: [String]
    /// How many pages the document has, where the format has pages (PDF).
    public var pages: Int?

    public init(format: StatementFormat, paragraphs: [Paragraph], margins: [String] = [], pages: Int? = nil) {
        self.format = format
        self.paragraphs = paragraphs
        self.margins = margins
        self.pages = pages
    }

    /// Every character of the body text, for limits and for a scanned PDF's empty text layer.
    public var characterCount: Int { paragraphs.reduce(0) { $0 + $1.text.count } }
}

/// The kinds of document a statement can come as.
public enum StatementFormat: String, Sendable, Codable, CaseIterable {
    case docx
    case odt
    case pdf
    case text
}

/// Why a statement's document could not be read; the message says what and what to do.
public struct StatementReadProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not a DOCX, ODT, PDF or text file, whatever its name says.
        case unknownFormat(fileName: String)
        /// A Word file from before 2007 (.doc), or a DOCX protected by a password: both are
        /// compound files, which cannot be read here.
        case compoundFile
        case encryptedPDF
        /// A zip or PDF that is cut off or damaged; the detail says where it broke.
        case corrupt(detail: String)
        /// A zip whose parts unpack to more than the bound (a zip bomb, or no statement).
        case tooLarge(limit: Int)
        case tooManyPages(pages: Int, limit: Int)
        /// A PDF of images (a scan) with no text to read.
        case noTextLayer(pages: Int)
        /// Plain text that is not UTF-8; the line is the first that is not.
        case notUTF8(line: Int)
        /// `pdftotext` (Debian's poppler-utils) is not installed.
        case pdfToolMissing
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unknownFormat(let name):
            "\(name) is not a DOCX, ODT, PDF or text document (read by its content, not its name)."
        case .compoundFile:
            "The file is an old Word document (.doc) or a password-protected DOCX; save it as DOCX without a password."
        case .encryptedPDF:
            "The PDF is protected by a password; save a copy without one."
        case .corrupt(let detail):
            "The file is damaged or cut off: \(detail)."
        case .tooLarge(let limit):
            "The document unpacks to more than \(limit / 1_000_000) MB; a statement is far smaller (a zip bomb?)."
        case .tooManyPages(let pages, let limit):
            "The document has \(pages) pages; a statement of more than \(limit) is not read (split it, or attach it)."
        case .noTextLayer(let pages):
            "The PDF's \(pages) pages are images without text (a scan); run text recognition (OCR) on it first."
        case .notUTF8(let line):
            "The text is not UTF-8 (line \(line)); save it as UTF-8."
        case .pdfToolMissing:
            "Reading PDF needs pdftotext (Debian's package poppler-utils), which is not installed here."
        }
    }
}
