@testable import App
import Foundation
import Testing
import Vapor

/// The rendered HTML of every kind of page, compared with recorded snapshots, so that a change
/// to a template, a view model or a text shows up as a diff to look at (see `Snapshot`).
@Suite("Snapshots of every page kind")
struct SnapshotTests {
    /// A page to snapshot: its name in `Snapshots/`, its address, and who looks at it.
    struct Page: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        var signedIn = false
        var status: HTTPStatus = .ok

        var testDescription: String { name }
    }

    static let round = "/referrals/remiss-fordjupningsrapporter-2016"

    static let pages: [Page] = [
        Page(name: "home", path: "/"),
        Page(name: "reports", path: "/reports"),
        Page(name: "report", path: "/reports/stad-i-samverkan"),
        Page(name: "measure", path: "/measures/stad-i-samverkan-4-1-1"),
        Page(name: "bodies", path: "/bodies"),
        Page(name: "body", path: "/bodies/kommunstyrelsen"),
        Page(name: "roadmap", path: "/roadmap"),
        Page(name: "areas", path: "/areas"),
        Page(name: "area", path: "/areas/hagersten-alvsjo"),
        Page(name: "search", path: "/search?q=medborgardialog"),
        Page(name: "indicators", path: "/indicators"),
        Page(name: "indicator", path: "/indicators/deltagande"),
        Page(name: "differences", path: "/differences"),
        Page(name: "methods", path: "/methods"),
        Page(name: "dialogues", path: "/dialogues"),
        Page(name: "new-dialogue", path: "/dialogues/new", signedIn: true),
        Page(name: "associations", path: "/associations"),
        Page(name: "new-association", path: "/associations/new", signedIn: true),
        Page(name: "referrals", path: "/referrals"),
        Page(name: "round", path: round),
        Page(name: "compilation", path: round + "/compilation"),
        Page(name: "compilation-print", path: round + "/compilation/print"),
        Page(name: "answer", path: round + "/answers/stadsbyggnadsnamnden"),
        Page(name: "login", path: "/login"),
        Page(name: "account", path: "/account", signedIn: true),
        Page(name: "admin-users", path: "/admin/users", signedIn: true),
        Page(name: "new-measure", path: "/measures/new?report=stad-i-samverkan", signedIn: true),
        Page(name: "edit-body", path: "/bodies/kommunstyrelsen/edit", signedIn: true),
        Page(name: "body-history", path: "/bodies/kommunstyrelsen/history", signedIn: true),
        Page(name: "roadmap-edit", path: "/roadmap/edit", signedIn: true),
        Page(name: "new-round", path: "/referrals/new", signedIn: true),
        Page(name: "indicator-import", path: "/indicators/import", signedIn: true),
        Page(name: "accessibility", path: "/accessibility"),
        Page(name: "not-found", path: "/reports/finns-inte", status: .notFound),
        Page(name: "en-home", path: "/?lang=en"),
        Page(name: "en-report", path: "/reports/stad-i-samverkan?lang=en"),
        Page(name: "en-measure", path: "/measures/stad-i-samverkan-4-1-1?lang=en"),
        Page(name: "en-indicator", path: "/indicators/deltagande?lang=en"),
        Page(name: "en-round", path: round + "?lang=en"),
        Page(name: "en-account", path: "/account?lang=en", signedIn: true),
        Page(name: "en-not-found", path: "/measures/finns-inte?lang=en", status: .notFound),
    ]

    @Test("The page's HTML is the recorded snapshot", arguments: pages)
    func page(_ page: Page) async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let administrator = try await Self.prepare(app)
            let headers: HTTPHeaders = page.signedIn ? ["Cookie": administrator.sessionCookie] : [:]
            let response = try await app.get(page.path, headers: headers)
            #expect(response.status == page.status)
            try Snapshot.check(response.body, named: page.name)
        }
    }

    /// What the template lacks for the pages to show: an administrator, signed in, and one edit
    /// for the history to show. The template has the indicator of `Fixture`, made up: the demo
    /// has indicators only with `../shared`, which the snapshots must not depend on.
    static func prepare(_ app: Application) async throws -> Browser {
        try await app.makeUser("admin@stockholm.se", role: .admin)
        let administrator = try await app.signIn("admin@stockholm.se")
        let englishName = [
            "name": "Kommunstyrelsen",
            "nameEn": "The City Executive Board",
            "kind": "executiveBoard",
            "version": "1",
        ]
        let edit = try await app.post("/bodies/kommunstyrelsen/edit", englishName, as: administrator)
        guard edit.status == .seeOther else {
            throw Abort(.internalServerError, reason: "the edit for the history failed: \(edit.status)")
        }
        return administrator
    }
}
