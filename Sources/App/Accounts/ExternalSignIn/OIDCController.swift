import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Signing in through the municipality's OpenID Connect provider: the authorisation code flow
/// with PKCE, state and nonce. The request is kept in the database (so any server process can
/// take the answer) and in a cookie (so only the browser that began it can finish it).
enum OIDCController {
    /// `GET /login/oidc`: sends the person to the provider.
    static func start(_ req: Request) async throws -> Response {
        guard let provider = req.application.oidcProvider else { throw Abort(.notFound) }
        // Each start writes a row: counted against the client's rate like other uncached work.
        try req.chargeUncachedWork()
        let settings = req.application.signInSettings
        let meta: OIDCProvider.Metadata
        do {
            meta = try await provider.metadata(using: req.client)
        } catch let refusal as SignInRefusal {
            return try await ExternalSignIn.refuse(req, refusal, method: "oidc")
        }
        let request = try await SignInRequest.open(
            method: "oidc", handle: Secrets.random(), nonce: Secrets.random(), codeVerifier: Secrets.random(bytes: 48),
            next: AccountController.safeNext(req.query[String.self, at: "next"]), on: req.db)
        let challenge = OIDCProvider.base64URLEncoded(SHA256.hash(data: Data((request.codeVerifier ?? "").utf8)))
        guard var components = URLComponents(string: meta.authorizationEndpoint) else {
            throw Abort(.internalServerError)
        }
        let existing = components.queryItems ?? []
        components.queryItems =
            existing + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: provider.settings.clientID),
                URLQueryItem(name: "redirect_uri", value: redirectURI(settings)),
                URLQueryItem(name: "scope", value: provider.settings.scopes),
                URLQueryItem(name: "state", value: request.handle),
                URLQueryItem(name: "nonce", value: request.nonce),
                URLQueryItem(name: "code_challenge", value: challenge),
                URLQueryItem(name: "code_challenge_method", value: "S256"),
                URLQueryItem(name: "ui_locales", value: Lang.of(req).rawValue),
            ]
        guard let address = components.url?.absoluteString else { throw Abort(.internalServerError) }
        let res = req.redirect(to: address, redirectType: .normal)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        res.cookies[ExternalSignIn.cookieName] = ExternalSignIn.requestCookie(req, request.handle, postedBack: false)
        return res
    }

    /// `GET /login/oidc/callback`: the provider's answer.
    static func callback(_ req: Request) async throws -> Response {
        guard let provider = req.application.oidcProvider else { throw Abort(.notFound) }
        try req.chargeUncachedWork()
        return try await ExternalSignIn.refusing(req, method: "oidc") { try await finish(req, provider: provider) }
    }

    private static func finish(_ req: Request, provider: OIDCProvider) async throws -> Response {
        let state = req.query[String.self, at: "state"] ?? ""
        let cookie = req.cookies[ExternalSignIn.cookieName]?.string ?? ""
        // Login CSRF: the answer must come to the browser that asked for it.
        guard !state.isEmpty, !cookie.isEmpty, Secrets.constantTimeEqual(state, cookie) else {
            throw SignInRefusal(.notThisBrowser, "the state does not match this browser's sign-in")
        }
        guard let request = try await SignInRequest.take(state, method: "oidc", on: req.db) else {
            throw SignInRefusal(.usedOrLapsed, "the sign-in request is unknown, lapsed or already used")
        }
        if let error = req.query[String.self, at: "error"] {
            throw SignInRefusal(.providerRefused, "the provider answered \(error.prefix(100))")
        }
        guard let code = req.query[String.self, at: "code"], !code.isEmpty, code.count <= 2048,
            let nonce = request.nonce, let verifier = request.codeVerifier
        else {
            throw SignInRefusal(.providerRefused, "the provider's answer has no code")
        }
        let settings = req.application.signInSettings
        let token = try await provider.exchange(
            code: code, verifier: verifier, redirectURI: redirectURI(settings), using: req.client)
        let claims = try await provider.verify(token, nonce: nonce, using: req.client)
        guard let oidc = settings.oidc else { throw Abort(.notFound) }
        let person = try ExternalSignIn.person(claims, oidc, identityKey: settings.identityKey)
        let res = try await ExternalSignIn.signIn(
            req, person, method: "oidc", next: request.next ?? SiteURL.Accounts.account.link(Lang.of(req)))
        res.cookies[ExternalSignIn.cookieName] = ExternalSignIn.expiredCookie(req)
        return res
    }

    static func redirectURI(_ settings: SignInSettings) -> String {
        settings.publicURL + SiteURL.Accounts.oidcCallback.path
    }

    /// Where to send a person signing out so the provider ends its session too, if it can.
    static func endSessionURL(_ req: Request, provider: OIDCProvider) async -> String? {
        guard let meta = try? await provider.metadata(using: req.client), let ending = meta.endSessionEndpoint,
            var components = URLComponents(string: ending)
        else { return nil }
        let existing = components.queryItems ?? []
        components.queryItems =
            existing + [
                URLQueryItem(name: "client_id", value: provider.settings.clientID),
                // Exactly the address registered at the provider, whatever the language.
                URLQueryItem(name: "post_logout_redirect_uri", value: req.application.signInSettings.publicURL + "/"),
            ]
        return components.url?.absoluteString
    }
}
