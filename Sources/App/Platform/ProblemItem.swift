import Vapor

struct ProblemItem: Content {
    var pointer: String
    var detail: String
}
