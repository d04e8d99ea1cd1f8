import Foundation

/// The document formats attachments may have (PDF, DOCX, ODT), told from the file's name and its
/// first bytes together: a PDF starts `%PDF`; DOCX and ODT are ZIP archives (`PK\u{3}\u{4}`), an
/// ODT's first entry is `mimetype` holding its type and a DOCX has `word/document.xml` (names in a
/// ZIP are plain text). A renamed image, program or other archive is refused.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case pdf
    case docx
    case odt

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }

    /// The format a file name claims by its extension, whatever the bytes are.
    public init?(filename: String) {
        let ext = (filename as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }

    /// Whether `data` really is a document of this format.
    public func matches(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(4))
        if self == .pdf { return head == Array("%PDF".utf8) }
        guard head == [0x50, 0x4B, 0x03, 0x04] else { return false }
        if self == .odt {
            return data.count > 38
                && data.dropFirst(30).starts(with: Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8))
        }
        return data.range(of: Data("word/document.xml".utf8)) != nil
    }
}
