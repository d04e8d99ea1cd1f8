import Fluent
import Vapor

extension AccountPage {
    /// Reads the signed-in user's API tokens, then builds the page.
    static func load(
        _ req: Request, message: String?, errors: [String: String],
        newToken: String?
    ) async throws -> PageContext<AccountPage> {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let tokens = try await APIToken.query(on: req.db)
            .filter(\APIToken.$user.$id == principal.userID)
            .sort(\.$createdAt, .descending)
            .all()
        return try build(req, tokens: tokens, message: message, errors: errors, newToken: newToken)
    }
}
