import Foundation
import Vapor

/// Serves `/static/<name>` from the shipped files and nothing else: a name of letters, digits,
/// `.`, `-` and `_` only, so a NUL (`skillnad.css%00.txt`), an overlong segment or a path to
/// elsewhere never reaches the file system and falls through to a plain 404.
struct StaticFilesMiddleware: AsyncMiddleware {
    let files = FileMiddleware(
        publicDirectory: StaticFiles.publicDirectory, defaultFile: nil,
        directoryAction: .none, advancedETagComparison: true)

    static func isServable(_ path: String) -> Bool {
        guard path.hasPrefix("/static/") else { return false }
        let name = path.dropFirst("/static/".count)
        guard (1...100).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.isServable(request.url.path) else { return try await next.respond(to: request) }
        if request.url.path == SiteURL.stylesheet.path { return Self.stylesheet(request) }
        return try await files.respond(to: request, chainingTo: next)
    }

    /// The assembled stylesheet; its address carries the version, so it may be kept a year.
    static func stylesheet(_ request: Request) -> Response {
        let tag = "\"" + StaticFiles.version + "\""
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000")
        if request.headers.first(name: .ifNoneMatch) == tag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: StaticFiles.stylesheet))
    }
}
