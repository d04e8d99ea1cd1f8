import Vapor

/// Cross-site request forgery protection for forms: signed-in forms carry the session's token;
/// the sign-in form carries a token that must match a cookie set with the page
/// (double submit).
enum CSRF {
    static let field = "_csrf"
    static let cookie = "skillnad_csrf"

    /// The token a form on this page must carry; sets the cookie when the visitor has none.
    static func token(for req: Request) -> String {
        if let s = req.principal?.session { return s.csrf }
        if let c = req.cookies[cookie]?.string, c.count >= 32 { return c }
        let fresh = Secrets.random()
        req.storage[PendingCookie.self] = fresh
        return fresh
    }

    static func verify(_ req: Request) async throws {
        let sent = (try? req.content.get(String.self, at: field)) ?? ""
        let expected: String?
        if let s = req.principal?.session { expected = s.csrf } else { expected = req.cookies[cookie]?.string }
        guard let expected, !sent.isEmpty, Secrets.constantTimeEqual(sent, expected) else {
            throw Abort(
                .forbidden,
                reason: "The form has expired or did not come from this site. Reload the page and try again.")
        }
    }

    struct PendingCookie: StorageKey { typealias Value = String }

    /// Attaches a fresh CSRF cookie if `token(for:)` made one.
    static func attachCookie(_ req: Request, to res: Response) {
        guard let value = req.storage[PendingCookie.self] else { return }
        res.cookies[cookie] = HTTPCookies.Value(
            string: value, expires: nil, maxAge: 3600 * 12, path: "/",
            isSecure: req.isSecure, isHTTPOnly: true, sameSite: .strict)
    }
}
