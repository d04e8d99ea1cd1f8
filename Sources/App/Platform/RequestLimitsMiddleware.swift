import Vapor

/// Bounds on what a request may bring before any handler sees it: the query string's length
/// (no page takes more than a search phrase and a few filters).
struct RequestLimitsMiddleware: AsyncMiddleware {
    static let maxQueryBytes = 4096

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, query.utf8.count > Self.maxQueryBytes {
            throw Abort(.uriTooLong, reason: "The query string is longer than \(Self.maxQueryBytes) bytes.")
        }
        return try await next.respond(to: request)
    }
}
