import Vapor

/// Accounts (konton): signing in and out, one's own password and API tokens, the administration
/// of accounts, and the `user`, `token` and `audit` commands.
enum AccountsCapability: Capability {
    static var texts: [(key: String, sv: String, en: String)] { AccountText.entries }

    static func register(_ app: Application) throws {
        app.signInSettings = try SignInSettings.read(ProcessInfo.processInfo.environment)
        app.oidcProvider = app.signInSettings.oidc.map { OIDCProvider(settings: $0) }
        app.samlProvider = app.signInSettings.saml.map { SAMLIdentityProvider(settings: $0) }
        // The client talks only to the identity providers: what they answer is used as it is, never
        // a redirect to somewhere else (an https address must not lead on to an http one).
        app.http.client.configuration.redirectConfiguration = .disallow
        // Idle connections are closed before a provider would close them (uvicorn after 5 s, most
        // servers later), so a request never goes out on a connection the other end is closing.
        app.http.client.configuration.connectionPool.idleTimeout = .seconds(2)
        // Signing out redirects to the provider's end of session, which the form policy must allow.
        if let issuer = app.signInSettings.oidc.flatMap({ URL(string: $0.issuer) }), let scheme = issuer.scheme,
            let host = issuer.host
        {
            app.formActionOrigins = [scheme + "://" + host + (issuer.port.map { ":\($0)" } ?? "")]
        }
        app.on(.GET, SiteURL.Accounts.login.pathComponents, rule: .anyone, use: AccountController.loginPage)
        app.on(.POST, SiteURL.Accounts.login.pathComponents, rule: .anyone, use: AccountController.login)
        app.on(.POST, SiteURL.Accounts.logout.pathComponents, rule: .signedIn, use: AccountController.logout)
        app.on(.GET, SiteURL.Accounts.account.pathComponents, rule: .signedIn, use: AccountController.accountPage)
        app.on(.POST, SiteURL.Accounts.password.pathComponents, rule: .signedIn, use: AccountController.changePassword)
        app.on(.POST, SiteURL.Accounts.tokens.pathComponents, rule: .signedIn, use: AccountController.createToken)
        app.on(
            .POST, SiteURL.Accounts.revokeToken(.key).pathComponents, rule: .signedIn,
            use: AccountController.revokeToken)
        app.on(.GET, SiteURL.Accounts.users.pathComponents, rule: .admin, use: AdminUsersController.list)
        app.on(.POST, SiteURL.Accounts.users.pathComponents, rule: .admin, use: AdminUsersController.create)
        app.on(.POST, SiteURL.Accounts.user(.key).pathComponents, rule: .admin, use: AdminUsersController.update)
        let password = SiteURL.Accounts.userPassword(.key).pathComponents
        app.on(.POST, password, rule: .admin, use: AdminUsersController.resetPassword)
        app.on(.POST, SiteURL.Accounts.throttles.pathComponents, rule: .admin, use: AdminUsersController.clearThrottle)

        app.on(.GET, SiteURL.Accounts.oidcStart.pathComponents, rule: .anyone, use: OIDCController.start)
        app.on(.GET, SiteURL.Accounts.oidcCallback.pathComponents, rule: .anyone, use: OIDCController.callback)
        app.on(.GET, SiteURL.Accounts.samlStart.pathComponents, rule: .anyone, use: SAMLController.start)
        app.on(.GET, SiteURL.Accounts.samlMetadata.pathComponents, rule: .anyone, use: SAMLController.metadata)
        app.on(
            .POST, SiteURL.Accounts.samlConsumer.pathComponents, rule: .identityProvider,
            body: .collect(maxSize: "2mb"),
            use: SAMLController.consume)

        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(TokenCommand(), as: "token")
        app.asyncCommands.use(AuditCommand(), as: "audit")
    }
}
