import Fluent
import Foundation
import Vapor

/// The bodies an editor writes for (one row per body).
final class UserBody: Model, @unchecked Sendable {
    static let schema = "user_bodies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "body_id") var body: Body

    init() {}
}
