import Fluent
import PostgresNIO
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// A save based on an older version than the stored one.
struct ConflictError: AbortError {
    let kind: EditKind
    let id: String
    let expected: Int
    let current: Int
    var status: HTTPResponseStatus { .conflict }
    var reason: String {
        "\(kind.rawValue) '\(id)' is at version \(current), but the change was based on version \(expected): someone saved in between. Reload, merge and save again."
    }
}
