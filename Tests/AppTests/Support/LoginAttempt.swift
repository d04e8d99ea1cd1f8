import Vapor

/// What one sign-in through the real form answered.
struct LoginAttempt {
    var status: HTTPStatus
    var body: String
    /// Every `Set-Cookie` header, in order.
    var setCookies: [String]
    var location: String?

    /// The `Set-Cookie` headers as one text, to search.
    var setCookie: String {
        setCookies.joined(separator: "; ")
    }
}
