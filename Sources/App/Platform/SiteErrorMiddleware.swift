import Vapor

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

    static func problem(
        _ status: HTTPResponseStatus, detail: String, parameter: String?, headers: HTTPHeaders,
        request: Request, errors: [ProblemItem]? = nil
    ) -> Response {
        let body = Problem(
            title: status.reasonPhrase, status: Int(status.code), detail: detail,
            instance: request.url.path, parameter: parameter, errors: errors)
        let res = Response(status: status, headers: headers)
        do {
            try res.content.encode(body, as: .json)
            res.headers.contentType = Problem.contentType
        } catch {
            res.body = .init(string: "{\"title\":\"Internal Server Error\",\"status\":500}")
        }
        return res
    }

    /// `measures[3].leadBody` → `/measures/3/leadBody`; `parent` → `/parent` (JSON Pointer).
    static func pointer(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        return "/"
            + path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            .split(separator: ".").joined(separator: "/")
    }

    /// The methods registered for the request's path, matching parameters by position.
    static func allowedMethods(for request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/").map(String.init)
        var methods: Set<String> = []
        for route in request.application.routes.all where route.path.count == parts.count {
            let matches = zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let c): return c == part
                case .parameter: return true
                default: return false
                }
            }
            if matches { methods.insert(route.method.rawValue) }
        }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    static func response(for error: any Error, request: Request) async -> Response {
        let status: HTTPResponseStatus
        let detail: String
        var parameter: String? = nil
        var headers = HTTPHeaders()
        var items: [ProblemItem]? = nil
        switch error {
        case let e as EditProblems:
            status = e.status
            detail = "The object is not valid: \(e.problems.count) problem(s)."
            items = e.problems.map { ProblemItem(pointer: pointer($0.path), detail: $0.message) }
        case let e as ParameterError:
            status = e.status
            detail = e.reason
            parameter = e.parameter
        case let e as any AbortError:
            status = e.status
            detail = e.reason
            headers = e.headers
            // Vapor answers 404 for a known path with another method; say 405 and what is allowed,
            // on pages as in the API.
            if status == .notFound {
                let allowed = allowedMethods(for: request)
                if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                    if request.url.path.hasPrefix("/api/") {
                        return problem(
                            .methodNotAllowed,
                            detail:
                                "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", ")).",
                            parameter: nil, headers: ["Allow": allowed.joined(separator: ", ")], request: request)
                    }
                    return await response(
                        for: Abort(
                            .methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")],
                            reason: "\(request.method.rawValue) is not allowed here."), request: request)
                }
            }
        default:
            status = .internalServerError
            detail = "The server could not answer this request."
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        if request.url.path.hasPrefix("/api/") || request.url.path == "/api" {
            return problem(
                status, detail: status.code >= 500 ? "The server could not answer this request." : detail,
                parameter: parameter, headers: headers, request: request, errors: items)
        }
        let lang = Lang.of(request)
        // A refusal kept as data is worded in the reader's language; the API above gets English.
        let worded = (error as? any WordedProblem)?.text(Texts(lang)) ?? detail
        var page = ErrorPage.build(
            status: status, detail: status.code >= 500 ? nil : worded, lang: lang, path: request.url.path)
        // The signed-in still see who they are and the way out, on an error page too.
        if let principal = request.principal, principal.session != nil {
            page.meta.user = .signedIn(principal, request, lang)
        }
        do {
            let res = try await request.view.render("Platform/error", page).encodeResponse(status: status, for: request)
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            // Retry-After, WWW-Authenticate and the like reach the browser on error pages too.
            for (name, value) in headers where HeaderValue.checked(value) != nil {
                res.headers.replaceOrAdd(name: name, value: value)
            }
            return res
        } catch {
            return Response(status: status, body: .init(string: "\(status.code) \(status.reasonPhrase)"))
        }
    }
}
