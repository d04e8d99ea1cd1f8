import Fluent
import SkillnadCore
import Vapor

/// An association's administrator signs up (skapa konto för förening): a name, an e-mail address
/// and a password make an account with the association role, signed in at once, which can then
/// register its associations. Nothing else about the person is kept.
struct JoinForm: Encodable, Sendable {
    struct Fields: Content, Sendable {
        var name: String?
        var email: String?
        var password: String?
        var confirm: String?
    }

    let action: String
    let csrf: String
    let name: String
    let email: String
    let errors: [String]
    let minimumPassword: String
    let passwordHint: String
    let loginHref: String
    let signedIn: Bool

    static func register(_ app: Application) {
        let url = SiteURL.Associations.join
        app.storage[AttemptsKey.self] = RateLimiter(rate: 1.0 / 60, burst: 5)
        app.on(.GET, url.pathComponents, rule: .anyone, use: show)
        app.on(.POST, url.pathComponents, rule: .anyone, use: save)
    }

    struct AttemptsKey: StorageKey { typealias Value = RateLimiter }

    /// Sign-ups one address may try: five at once, then one a minute, each attempt counted
    /// before anything is looked up, so neither a script filling the register with accounts nor
    /// one asking which addresses have an account gets far.
    static func attempts(_ req: Request) -> RateLimiter {
        req.application.storage[AttemptsKey.self] ?? RateLimiter(rate: 1.0 / 60, burst: 5)
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, Fields(), errors: [], status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        guard req.principal == nil else { return req.redirect(to: SiteURL.Associations.mine.link(lang)) }
        if let wait = attempts(req).take(req.clientAddress) {
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": String(wait)],
                reason: Strings.fill(s[.asTooManyAccounts], String(wait)))
        }
        let fields = try req.content.decode(Fields.self)
        let name = (fields.name ?? "").trimmingCharacters(in: .whitespaces)
        let email = (fields.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var errors: [String] = []
        if name.isEmpty || name.count > AssociationDraft.nameLength {
            errors.append(Strings.fill(s[.asProblemMissing], s[.asYourName]))
        }
        if email.count > AccountController.maxEmailLength || !AssociationDraft.looksLikeEmail(email) {
            errors.append(Strings.fill(s[.asProblemEmail], s[.asYourEmail]))
        }
        if let problem = AccountController.passwordProblem(fields.password, fields.confirm, lang) {
            errors.append(problem)
        }
        if errors.isEmpty, try await User.query(on: req.db).filter(\.$email == email).first() != nil {
            errors.append(s[.asAccountExists])
        }
        guard errors.isEmpty, let password = fields.password else {
            return try await page(req, fields, errors: errors, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let user = try await UserAdmin.create(
            email: email, name: name, role: .association, bodies: [], passwordHash: hash,
            by: .system("sign-up"), on: req.db)
        return try await AccountController.startSession(
            req, user: user, userID: try user.requireID(), next: SiteURL.Associations.new.link(lang))
    }

    static func page(_ req: Request, _ fields: Fields, errors: [String], status: HTTPResponseStatus) async throws
        -> Response
    {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let form = JoinForm(
            action: SiteURL.Associations.join.link(lang), csrf: CSRF.token(for: req), name: fields.name ?? "",
            email: fields.email ?? "", errors: errors, minimumPassword: String(AccountController.minPasswordLength),
            passwordHint: Strings.fill(s[.asPasswordHint], String(AccountController.minPasswordLength)),
            loginHref: SiteURL.Accounts.login.link(lang, query: [("next", SiteURL.Associations.mine.path)]),
            signedIn: req.principal != nil)
        let meta = PageMeta.make(
            lang, title: s[.asJoin], description: s[.asDescription], section: SiteURL.Associations.list,
            route: SiteURL.Associations.join, crumbs: [(s[.associations], SiteURL.Associations.list)])
        return try await AccountController.render(
            req, "CivilSociety/join", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
