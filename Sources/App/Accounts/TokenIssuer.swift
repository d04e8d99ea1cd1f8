import Fluent
import Vapor

/// Makes API tokens: for oneself on the account page, for anyone by an administrator on the
/// command line. The secret is returned once and only its hash is kept.
enum TokenIssuer {
    static let prefixLength = 12

    static func issue(
        for userID: UUID, name: String, scope: APIToken.Scope, days: Int, by actor: AuditActor,
        on db: any Database
    ) async throws -> String {
        let secret = "skl_" + Secrets.random()
        let token = APIToken()
        token.$user.id = userID
        token.name = name
        token.tokenHash = Secrets.hash(secret)
        token.prefix = String(secret.prefix(prefixLength))
        token.scope = scope.rawValue
        token.createdAt = Date()
        token.expiresAt = Date().addingTimeInterval(TimeInterval(days) * 86400)
        try await token.create(on: db)
        try await Audit.record(
            "token-create", objectType: "token", objectID: token.prefix,
            after: "{\"name\":\(jsonString(name)),\"scope\":\"\(scope.rawValue)\",\"days\":\(days)}", by: actor, on: db)
        return secret
    }

    static func jsonString(_ s: String) -> String {
        (try? String(decoding: JSONEncoder().encode(s), as: UTF8.self)) ?? "\"\""
    }
}
