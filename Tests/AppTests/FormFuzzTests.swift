@testable import App
import Fluent
import Foundation
import Testing
import Vapor

/// Posts every registered form route, as every kind of caller, with missing, empty,
/// wrong-typed, oversized and control-character values and every `action` the pages offer,
/// urlencoded and multipart. No answer may be a server error, and the server must still answer
/// afterwards: no request, however malformed, may reach a trap.
@Suite("Form fuzzer")
struct FormFuzzTests {
    enum Role: String, CaseIterable, Sendable { case anonymous, reader, editor, admin }

    /// The values each field gets, one variant per round of posts.
    static let variants: [(name: String, value: String?)] = [
        ("missing", nil),
        ("empty", ""),
        ("wrong type", "not-a-number"),
        ("negative", "-1"),
        ("huge number", "99999999999999999999999"),
        ("oversized", String(repeating: "å", count: 5_000)),
        ("controls", "a\u{0}b\r\nSet-Cookie: x=1\u{1B}[31m\u{7F}"),
        ("date-like", "2024-02-30"),
    ]

    /// One test per kind of caller, so they run in parallel.
    @Test("No form post, however malformed, gets a 5xx or stops the server", arguments: Role.allCases)
    func fuzz(role: Role) async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("reader@stockholm.se", role: .reader)
            try await app.makeUser(
                "editor@stockholm.se", role: .editor,
                bodies: ["rinkeby-kista-stadsdelsnamnd", "skarpnack-stadsdelsnamnd"])
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let admin = try await app.signIn("admin@stockholm.se")
            let editorUser = try await app.user("editor@stockholm.se")
            _ = try await app.issueToken(to: "editor@stockholm.se", scope: .read, name: "fuzz")
            let tokenID = try #require(try await APIToken.query(on: app.db).first()?.id)

            // Field names and actions from the real forms, read as an administrator sees them.
            let pages = [
                "/login", "/account", "/admin/users", "/referrals/new",
                "/referrals/remiss-skillnadernas-stockholm-2015/edit",
                "/referrals/remiss-skillnadernas-stockholm-2015/answers/skarpnack-stadsdelsnamnd",
                "/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd",
                "/bodies/kommunstyrelsen/edit", "/bodies/new", "/areas/new", "/reports/new", "/measures/new",
                "/roadmap/edit", "/indicators/import",
            ]
            var names: Set<String> = []
            var actions: Set<String> = []
            for page in pages {
                let html = try await app.get(page, as: admin).body
                names.formUnion(Self.matches(#"name="([^"]+)""#, in: html))
                actions.formUnion(Self.matches(#"name="action" value="([^"]+)""#, in: html))
            }
            names.remove("_csrf")
            #expect(names.count > 30, "the forms' fields were found")
            #expect(actions.count >= 3, "the answer form's actions were found: \(actions)")

            let values: [String: String] = [
                "referrals": "remiss-skillnadernas-stockholm-2015", "answers": "skarpnack-stadsdelsnamnd",
                "bodies": "kommunstyrelsen", "reports": "dold-potential", "measures": "dold-potential-a-2-3-1",
                "areas": "rinkeby-kista", "users": try editorUser.requireID().uuidString, "tokens": tokenID.uuidString,
            ]
            let forms = app.routes.all.filter { route in
                route.method != .GET && route.method != .HEAD && route.path.first?.description != "api"
            }
            #expect(forms.count >= 20)
            var requests = 0
            var failures: [String] = []
            for route in forms {
                for path in Self.paths(route, values: values) {
                    do {
                        let browser = try await Self.browser(app, role)
                        // Every action with otherwise plausible fields, where a form has actions: first, while
                        // the body has no answer yet, then once the other cases have made one.
                        var cases: [[String: String]] = []
                        for action in actions where path.contains("/answers/") {
                            cases.append(["action": action, "version": "0"])
                            cases.append(["action": action, "version": "1", "decidedOn": "2024-01-01"])
                        }
                        cases += Self.variants.map { variant in
                            guard let value = variant.value else { return [:] }
                            return Dictionary(uniqueKeysWithValues: names.map { ($0, value) })
                        }
                        for action in actions where path.contains("/answers/") {
                            cases.append(["action": action, "version": "1", "decidedOn": "2024-01-01"])
                        }
                        for (n, fields) in cases.enumerated() {
                            let multipart = n % 2 == 1
                            let status = try await Self.post(
                                app, route.method, path, fields, as: browser, multipart: multipart)
                            requests += 1
                            if status.code >= 500 {
                                failures.append(
                                    "\(route.method) \(path) as \(role.rawValue), case \(n): \(status.code)")
                            }
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
            #expect(requests > 100)
            #expect(try await app.get("/healthz").status == .ok)
            #expect(try await app.get("/referrals").status == .ok)
        }
    }

    /// The route's path with each parameter as a real id and as one that names nothing.
    static func paths(_ route: Route, values: [String: String]) -> [String] {
        var real: [String] = []
        var none: [String] = []
        var previous = ""
        for component in route.path {
            switch component {
            case .parameter:
                real.append(values[previous] ?? "x")
                none.append("no-such-object")
            default:
                real.append(component.description)
                none.append(component.description)
                previous = component.description
            }
        }
        let first = "/" + real.joined(separator: "/")
        let second = "/" + none.joined(separator: "/")
        return first == second ? [first] : [first, second]
    }

    /// A fresh session for the role (a fuzzed post may have signed it out or changed it), made
    /// directly in the database as the sign-in does: hundreds of sign-ins through the form cost
    /// more than the fuzzing itself.
    static func browser(_ app: Application, _ role: Role) async throws -> Browser? {
        guard role != .anonymous else { return nil }
        guard let user = try await User.query(on: app.db).filter(\.$email == "\(role.rawValue)@stockholm.se").first(),
            user.active
        else { return nil }
        return try await app.storeSession(for: user)
    }

    static func post(
        _ app: Application, _ method: HTTPMethod, _ path: String, _ fields: [String: String], as browser: Browser?,
        multipart: Bool
    ) async throws -> HTTPStatus {
        var status: HTTPStatus = .internalServerError
        var form = fields
        form["_csrf"] = browser?.csrf ?? ""
        try await app.testing().test(
            method, path,
            beforeRequest: { req in
                if let browser { req.headers.replaceOrAdd(name: .cookie, value: browser.sessionCookie) }
                if multipart {
                    var parts = MultipartForm()
                    for (name, value) in form {
                        parts.add(name, value)
                    }
                    parts.addFile(
                        "attachment", filename: "a\nb.pdf", contentType: "application/pdf", data: Data("%PDF-1.7".utf8))
                    req.headers.contentType = parts.contentType
                    req.body = parts.body
                } else {
                    try req.content.encode(form, as: .urlEncodedForm)
                }
            }, afterResponse: { res in status = res.status })
        return status
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
