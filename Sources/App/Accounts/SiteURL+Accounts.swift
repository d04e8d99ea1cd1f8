import Vapor

extension SiteURL {
    /// Signing in and out, one's own account and tokens, and the administration of accounts.
    enum Accounts: SiteRoute {
        case login
        case logout
        case account
        case password
        case tokens
        case revokeToken(Parameter<String>)
        case users
        case user(Parameter<String>)
        case userPassword(Parameter<String>)
        /// Clears a sign-in throttle (POST).
        case throttles
        /// Begins signing in at the OpenID Connect provider, which sends the person back to the callback.
        case oidcStart
        case oidcCallback
        /// Begins signing in at the SAML identity provider, which posts its answer to the consumer.
        case samlStart
        case samlConsumer
        case samlMetadata

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .login: return ["login"]
            case .logout: return ["logout"]
            case .account: return ["account"]
            case .password: return ["account", "password"]
            case .tokens: return ["account", "tokens"]
            case .revokeToken(let token): return ["account", "tokens", token.component(id), "revoke"]
            case .users: return ["admin", "users"]
            case .user(let user): return ["admin", "users", user.component(id)]
            case .userPassword(let user): return ["admin", "users", user.component(id), "password"]
            case .throttles: return ["admin", "throttles", "clear"]
            case .oidcStart: return ["login", "oidc"]
            case .oidcCallback: return ["login", "oidc", "callback"]
            case .samlStart: return ["login", "saml"]
            case .samlConsumer: return ["login", "saml", "acs"]
            case .samlMetadata: return ["login", "saml", "metadata"]
            }
        }
    }
}
