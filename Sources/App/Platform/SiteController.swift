import Vapor

/// The site's own pages that belong to no capability: the accessibility statement and the health check.
enum SiteController {
    static func accessibility(_ req: Request) async throws -> Response {
        let contact = Environment.get("SKILLNAD_ACCESSIBILITY_CONTACT")
        return try await PageRenderer.render(req, template: "Platform/accessibility") { _, lang in
            AccessibilityPage.build(lang, contact: contact)
        }
    }

    static func healthz(_ req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(staticString: "ok"))
    }
}
