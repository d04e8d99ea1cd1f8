import Foundation

/// A file's format as an archive describes it: its media type, its name and version, and its key
/// in PRONOM, the registry of file formats the National Archives of the UK keeps and archives use.
public struct FileFormat: Sendable, Equatable {
    public let mediaType: String
    public let name: String
    public let version: String?
    /// PRONOM's unique identifier (`fmt/18`), when the format is known precisely enough for one.
    public let pronom: String?

    public init(mediaType: String, name: String, version: String? = nil, pronom: String? = nil) {
        self.mediaType = mediaType
        self.name = name
        self.version = version
        self.pronom = pronom
    }

    public static let csv = FileFormat(mediaType: "text/csv", name: "Comma Separated Values", pronom: "x-fmt/18")
    public static let json = FileFormat(
        mediaType: "application/json", name: "JSON Data Interchange Format", pronom: "fmt/817")
    public static let plainText = FileFormat(mediaType: "text/plain", name: "Plain Text File", pronom: "x-fmt/111")
    public static let xml = FileFormat(
        mediaType: "application/xml", name: "Extensible Markup Language", version: "1.0", pronom: "fmt/101")
    public static let xmlSchema = FileFormat(
        mediaType: "application/xml", name: "XML Schema Definition", version: "1.0", pronom: "x-fmt/280")

    /// The format of an attached document (PDF, DOCX, ODT), told from its bytes: a PDF's version
    /// from its header, and PDF/A when the file's own metadata declares it (declared, not verified).
    public static func document(_ data: Data, mediaType: String) -> FileFormat {
        if let format = DocumentFormat.allCases.first(where: { $0.matches(data) }) {
            switch format {
            case .pdf: return pdf(data)
            case .docx:
                return FileFormat(
                    mediaType: format.contentType, name: "Microsoft Word for Windows", version: "2007 onwards",
                    pronom: "fmt/412")
            case .odt: return FileFormat(mediaType: format.contentType, name: "OpenDocument Text")
            }
        }
        return FileFormat(mediaType: mediaType.isEmpty ? "application/octet-stream" : mediaType, name: "Unidentified")
    }

    static func pdf(_ data: Data) -> FileFormat {
        let head = String(decoding: data.prefix(8), as: UTF8.self)
        let version = head.hasPrefix("%PDF-") ? String(head.dropFirst(5).prefix(3)) : nil
        if let (part, conformance) = pdfA(data) {
            let keys = [
                "1A": "fmt/95", "1B": "fmt/354", "2A": "fmt/476", "2B": "fmt/477", "2U": "fmt/478",
                "3A": "fmt/479", "3B": "fmt/480", "3U": "fmt/481",
            ]
            return FileFormat(
                mediaType: "application/pdf", name: "Acrobat PDF/A - Portable Document Format",
                version: "\(part)\(conformance.lowercased())", pronom: keys["\(part)\(conformance)"])
        }
        let keys = [
            "1.0": "fmt/14", "1.1": "fmt/15", "1.2": "fmt/16", "1.3": "fmt/17", "1.4": "fmt/18", "1.5": "fmt/19",
            "1.6": "fmt/20", "1.7": "fmt/276", "2.0": "fmt/1129",
        ]
        return FileFormat(
            mediaType: "application/pdf", name: "Acrobat PDF - Portable Document Format", version: version,
            pronom: version.flatMap { keys[$0] })
    }

    /// The PDF/A part and conformance level a PDF's XMP metadata declares, in either of the two
    /// ways XMP writes a property (`pdfaid:part="2"` or `<pdfaid:part>2</pdfaid:part>`).
    static func pdfA(_ data: Data) -> (part: String, conformance: String)? {
        guard let part = xmpValue("pdfaid:part", in: data), ["1", "2", "3"].contains(part) else { return nil }
        let conformance = (xmpValue("pdfaid:conformance", in: data) ?? "B").uppercased()
        return (part, conformance)
    }

    static func xmpValue(_ name: String, in data: Data) -> String? {
        guard let found = data.range(of: Data(name.utf8)) else { return nil }
        let after = data[found.upperBound...].prefix(8)
        let text = String(decoding: after, as: UTF8.self)
        let value = text.drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == ">" || $0 == " " }
        let letter = value.prefix(1)
        return letter.isEmpty ? nil : String(letter)
    }
}
