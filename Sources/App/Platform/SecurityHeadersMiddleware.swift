import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOCore
import SQLKit
import Vapor

/// Headers that keep pages from being framed or sniffed, and allow no inline script.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: request)
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        let formActions = (["'self'"] + request.application.formActionOrigins).joined(separator: " ")
        res.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action \(formActions)"
        )
        // Over TLS, browsers are told to use nothing else for a year.
        if request.isSecure { res.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        // An answer to a token is for that client only.
        if request.principal?.token != nil { res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store") }
        return res
    }
}

extension Application {
    private struct FormActionOriginsKey: StorageKey { typealias Value = [String] }

    /// Other sites a form here may lead to: a form's answer that redirects elsewhere is blocked
    /// by the browser unless that site is named (signing out at an identity provider).
    var formActionOrigins: [String] {
        get { storage[FormActionOriginsKey.self] ?? [] }
        set { storage[FormActionOriginsKey.self] = newValue }
    }
}
