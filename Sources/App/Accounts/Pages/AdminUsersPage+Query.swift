import Fluent
import Vapor

extension AdminUsersPage {
    /// Reads every account, their bodies, the bodies to choose from and the current sign-in
    /// throttles, then builds the page.
    static func load(
        _ req: Request, message: String?, errors: [String: String],
        typed: AdminUsersController.UserForm?
    ) async throws -> PageContext<AdminUsersPage> {
        let query = Query(
            users: try await User.query(on: req.db).sort(\.$email).all(),
            links: try await UserBody.query(on: req.db).with(\.$body).all(),
            bodies: try await Body.query(on: req.db).sort(\.$name).all(),
            throttles: Array(try await SignInThrottle.current(on: req.db).prefix(200)))
        return try build(req, query: query, message: message, errors: errors, typed: typed)
    }
}
