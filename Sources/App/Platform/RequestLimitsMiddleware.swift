import Foundation
import NIOCore
import Vapor

/// Bounds on what a request may bring before any handler sees it: the query string's length
/// (no page takes more than a search phrase and a few filters), and no NUL character in the
/// address or in a form's text (PostgreSQL cannot store one, so it would fail deep inside a
/// query; nobody types one).
struct RequestLimitsMiddleware: AsyncMiddleware {
    static let maxQueryBytes = 4096

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, query.utf8.count > Self.maxQueryBytes {
            // The API says 400, which every operation with parameters documents; pages say 414.
            let status: HTTPResponseStatus = request.url.path.hasPrefix("/api/") ? .badRequest : .uriTooLong
            throw Abort(status, reason: "The query string is longer than \(Self.maxQueryBytes) bytes.")
        }
        if request.url.path.hasPrefix("/api/") {
            // In the API a NUL is a valid character of a string that simply names nothing
            // (nothing is stored with one): in the path, 404 as for any unknown id; in a filter,
            // `Request.filter` makes it a character no stored value has.
            if Self.hasEncodedNUL(request.url.path) {
                throw Abort(.notFound, reason: "Nothing is named with a NUL character (%00).")
            }
        } else if Self.hasEncodedNUL(request.url.string) {
            throw Abort(.badRequest, reason: "The address contains a NUL character (%00).")
        }
        return try await next.respond(to: request)
    }

    /// A part is a file when its Content-Disposition has a `filename` parameter (not merely the
    /// word somewhere in its headers).
    static func isFile(_ headers: String) -> Bool {
        guard let line = headers.split(separator: "\r\n").first(where: { $0.hasPrefix("content-disposition:") }) else {
            return false
        }
        return line.split(separator: ";").dropFirst().contains { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces)
            return name == "filename" || name == "filename*"
        }
    }

    static func hasEncodedNUL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return bytes.contains(0) }
        for index in bytes.indices {
            if bytes[index] == 0 { return true }
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "0"),
                bytes[index + 2] == UInt8(ascii: "0")
            {
                return true
            }
        }
        return false
    }

    /// Refuses a collected form body with a NUL in its text: anywhere in an urlencoded body, and
    /// in the parts of a multipart body that are not files (a PDF holds NUL bytes rightly).
    /// Pages take forms only (urlencoded or multipart): any other body on a page's write is
    /// refused, so no JSON reaches a form's fields unchecked.
    static func checkFormBody(_ request: Request) throws {
        guard let body = request.body.data, body.readableBytes > 0 else { return }
        guard let type = request.headers.contentType, type == .urlEncodedForm || type.type == "multipart" else {
            throw Abort(
                .unsupportedMediaType,
                reason: "Forms are sent as application/x-www-form-urlencoded or multipart/form-data.")
        }
        let bytes = body.readableBytesView
        let refused = Abort(.badRequest, reason: "The form contains a NUL character, which no field may hold.")
        if type == .urlEncodedForm {
            if hasEncodedNUL(String(decoding: bytes, as: UTF8.self)) { throw refused }
            return
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty else { return }
        let data = Data(bytes)
        let separator = Data(("--" + boundary).utf8)
        var start = data.startIndex
        while let range = data.range(of: separator, in: start..<data.endIndex) {
            let partEnd = data.range(of: separator, in: range.upperBound..<data.endIndex)?.lowerBound ?? data.endIndex
            let part = data[range.upperBound..<partEnd]
            let headerEnd = part.range(of: Data("\r\n\r\n".utf8))?.lowerBound ?? part.endIndex
            let headers = String(decoding: part[part.startIndex..<headerEnd], as: UTF8.self).lowercased()
            if !isFile(headers), part[headerEnd..<part.endIndex].contains(0) { throw refused }
            start = partEnd
            if partEnd == data.endIndex { break }
        }
    }
}
