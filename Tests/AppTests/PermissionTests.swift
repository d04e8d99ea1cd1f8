@testable import App
import Fluent
import Foundation
import Testing
import Vapor

/// Walks every route that writes (and every guarded page) with every role and asserts that it is
/// allowed or refused as its rule says. A write route without a rule fails the first test.
@Suite("Permissions")
struct PermissionTests {
    @Test("Every write route has a permission rule")
    func everyWriteRouteHasARule() async throws {
        try await withTestApp(demo: false) { app in
            let writes = app.routes.all.filter { $0.method != .GET && $0.method != .HEAD }
            #expect(!writes.isEmpty)
            for route in writes {
                #expect(
                    route.rule != nil,
                    "\(route.method) /\(route.path.map(\.description).joined(separator: "/")) has no rule")
            }
        }
    }

    enum Caller: String, CaseIterable {
        case anonymous, reader, editor, admin, association, readToken, writeToken, readerWriteToken
    }

    static func allowed(_ rule: Rule, _ caller: Caller, api: Bool, write: Bool) -> Bool {
        // What the identity provider makes a browser post: anyone's, with no CSRF token.
        if rule == .identityProvider { return true }
        switch caller {
        case .anonymous: return rule == .anyone
        case .reader:
            return api ? (!write && rule == .anyone) : (rule == .anyone || rule == .signedIn || rule == .staff)
        case .editor:
            return api
                ? (!write && rule == .anyone)
                : (rule == .anyone || rule == .signedIn || rule == .staff || rule == .editor)
        case .admin: return api ? (!write && rule == .anyone) : true
        case .association:
            return api ? (!write && rule == .anyone) : (rule == .anyone || rule == .signedIn || rule == .association)
        case .readToken: return api ? (!write && rule != .admin) || rule == .anyone : rule == .anyone
        case .writeToken: return api ? true : rule == .anyone
        case .readerWriteToken: return api ? (rule == .anyone || rule == .signedIn) : rule == .anyone
        }
    }

    @Test("Each rule is enforced for each kind of caller on every guarded route, pages and API alike")
    func walk() async throws {
        try await withTestApp { app in
            try await app.makeUser("reader@stockholm.se", role: .reader)
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            try await app.makeUser("admin@stockholm.se", role: .admin)
            try await app.makeUser("association@stockholm.se", role: .association)
            var browsers: [Caller: Browser] = [
                .reader: try await app.signIn("reader@stockholm.se"),
                .editor: try await app.signIn("editor@stockholm.se"),
                .admin: try await app.signIn("admin@stockholm.se"),
                .association: try await app.signIn("association@stockholm.se"),
            ]
            for (caller, b) in browsers { #expect(!b.cookie.isEmpty, "\(caller) could not sign in") }
            let tokens: [Caller: String] = [
                .readToken: try await app.issueToken(to: "admin@stockholm.se", scope: .read, name: "r"),
                .writeToken: try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite, name: "w"),
                .readerWriteToken: try await app.issueToken(to: "reader@stockholm.se", scope: .readWrite, name: "w"),
            ]
            let guarded = app.routes.all.filter { $0.rule != nil && $0.rule != .anyone }
            #expect(guarded.count > 20)
            for route in guarded {
                let rule = route.rule!
                let path =
                    "/"
                    + route.path.map { c -> String in
                        if case .parameter = c { return "no-such-object" }
                        return c.description
                    }.joined(separator: "/")
                let api = path.hasPrefix("/api/")
                let write = route.method != .GET
                for caller in Caller.allCases {
                    let ok = Self.allowed(rule, caller, api: api, write: write)
                    var status: HTTPStatus = .internalServerError
                    var location = ""
                    try await app.testing().test(
                        route.method, path,
                        beforeRequest: { req in
                            if let b = browsers[caller] {
                                req.headers.replaceOrAdd(name: .cookie, value: b.sessionCookie)
                                if write && !api { try req.content.encode(["_csrf": b.csrf], as: .urlEncodedForm) }
                            }
                            if let t = tokens[caller] { req.headers.bearerAuthorization = .init(token: t) }
                            if write && api {
                                req.headers.contentType = .json
                                req.body = ByteBuffer(string: "{}")
                            }
                        },
                        afterResponse: { res in
                            status = res.status
                            location = res.headers.first(name: .location) ?? ""
                        })
                    // A redirect to the sign-in page is a refusal; other redirects are the action's own.
                    let refused =
                        [.unauthorized, .forbidden].contains(status)
                        || (status == .seeOther && location.hasPrefix("/login"))
                    let label = "\(route.method) \(path) as \(caller.rawValue) (rule \(rule.rawValue))"
                    if ok {
                        #expect(!refused, "\(label) should be allowed, got \(status.code)")
                    } else {
                        #expect(refused, "\(label) should be refused, got \(status.code)")
                    }
                    // Signing out ends the session: sign in again for the routes that follow.
                    if path == SiteURL.Accounts.logout.path, ok, browsers[caller] != nil {
                        browsers[caller] = try await app.signIn("\(caller.rawValue)@stockholm.se")
                    }
                }
            }
        }
    }
}
