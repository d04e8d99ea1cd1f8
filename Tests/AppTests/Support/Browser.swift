@testable import App

/// A signed-in browser in tests: the session cookie and the CSRF token of its forms.
struct Browser {
    var cookie: String
    var csrf: String

    /// The `Cookie` header's value that carries the session.
    var sessionCookie: String {
        "\(AuthMiddleware.cookieName)=\(cookie)"
    }
}
