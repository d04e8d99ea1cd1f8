import Vapor

/// An error the client can correct, with the name of the parameter that was wrong, so that the
/// message can say what and where.
struct ParameterError: AbortError {
    let parameter: String
    let message: String
    /// 400 for a malformed value; 404 for a well-formed id that names nothing.
    var status: HTTPResponseStatus = .badRequest
    var reason: String { "Parameter '\(parameter)': \(message)" }
}
