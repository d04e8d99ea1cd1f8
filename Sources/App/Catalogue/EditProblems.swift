import Fluent
import PostgresNIO
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// What is wrong with an edit, each with its place, so the form or the API can say it next to
/// the field.
struct EditProblems: AbortError {
    let problems: [CatalogueProblem]
    var status: HTTPResponseStatus { .unprocessableEntity }
    var reason: String { problems.map(\.description).joined(separator: "; ") }
}
