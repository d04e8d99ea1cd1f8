import Vapor

/// RFC 9457 problem details, the body of every API error (`application/problem+json`).
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    /// The query or path parameter that was wrong, when one was.
    var parameter: String?
    /// Where a request body was wrong, one entry per problem.
    var errors: [ProblemItem]?

    static let contentType = HTTPMediaType(
        type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
}
