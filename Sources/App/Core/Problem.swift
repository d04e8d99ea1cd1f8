import Vapor

/// An error the client can correct, with the name of the parameter that was wrong, so that the
/// message can say what and where.
struct ParameterError: AbortError {
    let parameter: String
    let message: String
    var status: HTTPResponseStatus { .badRequest }
    var reason: String { "Parameter '\(parameter)': \(message)" }
}

/// RFC 9457 problem details, the body of every API error (`application/problem+json`).
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    /// The query or path parameter that was wrong, when one was.
    var parameter: String?
    /// Where a request body was wrong, one entry per problem.
    var errors: [ProblemItem]?

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
}

struct ProblemItem: Content {
    var pointer: String
    var detail: String
}

/// Answers errors as problem+json under `/api` and as a helpful page elsewhere, in the
/// visitor's language. Replaces Vapor's default error middleware.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) async -> Response {
        let status: HTTPResponseStatus
        let detail: String
        var parameter: String? = nil
        var headers = HTTPHeaders()
        switch error {
        case let e as ParameterError:
            status = e.status; detail = e.reason; parameter = e.parameter
        case let e as any AbortError:
            status = e.status; detail = e.reason; headers = e.headers
        default:
            status = .internalServerError
            detail = "The server could not answer this request."
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        if request.url.path.hasPrefix("/api/") || request.url.path == "/api" {
            let problem = Problem(title: status.reasonPhrase, status: Int(status.code),
                                  detail: status.code >= 500 ? "The server could not answer this request." : detail,
                                  instance: request.url.path, parameter: parameter)
            let res = Response(status: status, headers: headers)
            do {
                try res.content.encode(problem, as: .json)
                res.headers.contentType = Problem.contentType
            } catch {
                res.body = .init(string: "{\"title\":\"Internal Server Error\",\"status\":500}")
            }
            return res
        }
        let lang = Lang.of(request)
        let page = ErrorPage.build(status: status, detail: status.code >= 500 ? nil : detail, lang: lang, path: request.url.path)
        do {
            let res = try await request.view.render("error", page).encodeResponse(status: status, for: request)
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return res
        } catch {
            return Response(status: status, body: .init(string: "\(status.code) \(status.reasonPhrase)"))
        }
    }
}
