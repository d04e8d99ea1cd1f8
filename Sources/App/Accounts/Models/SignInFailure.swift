import Fluent
import Foundation
import Vapor

/// A failed sign-in, counted per account and per address for throttling.
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}
}
