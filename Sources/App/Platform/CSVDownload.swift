import SkillnadCore
import Vapor

/// A CSV download: its media type, the variant the address asks for, and an answer made for
/// this request alone (never kept by a cache: codes, drafts and filtered lists are personal or
/// change at any time). Large exports shared by everyone are streamed from `ExportFiles`.
enum CSVDownload {
    static let contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])

    /// `?variant=excel` for Swedish Excel (semicolons, a byte-order mark), plain RFC 4180 otherwise.
    static func variant(_ req: Request) throws -> CSVWriter.Variant {
        switch req.query[String.self, at: "variant"] {
        case nil, "": return .rfc4180
        case "excel": return .excel
        case let other?:
            throw ParameterError(parameter: "variant", message: "expected excel or nothing, got '\(other.prefix(40))'")
        }
    }

    static func response(_ text: String, filename: String) -> Response {
        response(Data(text.utf8), filename: filename)
    }

    static func response(_ data: Data, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        headers.replaceOrAdd(name: .contentDisposition, value: HeaderValue.attachment(filename: filename))
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
