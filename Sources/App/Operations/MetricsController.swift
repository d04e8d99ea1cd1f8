import Vapor

/// `/metrics` for Prometheus. Not public: it is served only when `SKILLNAD_METRICS_TOKEN` is set,
/// and only to a request that carries that token (`Authorization: Bearer …`); otherwise it does
/// not exist (404), so a site that never configured monitoring shows nothing.
enum MetricsController {
    static func metrics(_ req: Request) async throws -> Response {
        guard let token = req.application.metricsToken else { throw Abort(.notFound) }
        guard let given = req.headers.bearerAuthorization?.token, Secrets.constantTimeEqual(given, token) else {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"metrics\"")
            throw Abort(
                .unauthorized, headers: headers, reason: "Metrics need the token set in SKILLNAD_METRICS_TOKEN.")
        }
        let text = await ServerMetrics.exposition(on: req.application, db: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
