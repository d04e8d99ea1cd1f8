import Fluent
import PostgresNIO
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// A save based on an older version than the stored one.
struct ConflictError: AbortError, WordedProblem {
    let kind: EditKind
    let id: String
    let expected: Int
    let current: Int
    var status: HTTPResponseStatus { .conflict }
    var reason: String { text(Texts(.en)) }

    func text(_ texts: Texts) -> String {
        Strings.fill(texts[.problemVersionConflict], kind.rawValue, id, String(current), String(expected))
    }
}
