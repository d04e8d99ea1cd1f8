import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOCore
import SQLKit
import Vapor

/// Sets up the application: database, migrations, templates, middleware, routes, commands.
public func configure(_ app: Application, database: DatabaseChoice? = nil) async throws {
    try (database ?? DatabaseChoice.fromEnvironment()).use(on: app)
    app.migrations.add(CreateCatalogue())
    app.migrations.add(CreateAccounts())
    app.migrations.add(AddRoadmapVersion())
    app.migrations.add(CreateIndicators())
    app.migrations.add(ExtendIndicators())
    app.migrations.add(CreateReferrals())
    app.migrations.add(KeyObservationsByContent())
    app.migrations.add(NumberObservationKeys())
    app.migrations.add(AddJointConfirmations())
    app.migrations.add(AddIndicatorOwnership())
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 11))
    app.lifecycle.use(DatabaseSetup.Pragmas())

    // Not `.leaf`: Leaf's own provider switches the template cache off whenever the environment
    // is development, which `skillnad serve` runs in unless told otherwise, and then every page
    // read and parsed its templates from disk again. Templates ship inside the binary.
    app.views.use { app in
        var userInfo = app.leaf.userInfo
        userInfo["application"] = app
        return LeafRenderer(configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
                            sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo)
    }
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: StaticFiles.viewsDirectory,
                                                  viewDirectory: StaticFiles.viewsDirectory))
    // Templates are read once and kept; they ship inside the binary's resources.
    app.leaf.cache.isEnabled = app.environment != .development || Environment.get("SKILLNAD_RELOAD_TEMPLATES") == nil

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    // Outside the error middleware, so error pages get the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SiteErrorMiddleware())
    app.middleware.use(RequestLimitsMiddleware())
    app.middleware.use(AuthMiddleware())
    app.middleware.use(PermissionMiddleware())
    app.middleware.use(StaticFilesMiddleware(), at: .end)
    let json = JSONEncoder()
    json.outputFormatting = [.withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: json, for: .json)
    _ = app.catalogue
    _ = app.throttleRecorded
    app.exportFiles = ExportFiles()
    app.uploadStash = UploadStash()
    app.lifecycle.use(UploadStash.Cleanup())
    app.lifecycle.use(ExportFiles.Cleanup())
    app.trustedProxies = TrustedProxies.fromEnvironment()
    // Tests that need the limit set their own; the rest would share one client address.
    app.rateLimiter = app.environment == .testing ? nil : RateLimiter.fromEnvironment()
    // A whole roadmap or a catalogue object with a geometry is larger than Vapor's 16 kB default.
    app.routes.defaultMaxBodySize = "1mb"
    try routes(app)

    // Our own migrate command: Fluent's asks for confirmation even when nobody can answer.
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(CatalogueCommand(), as: "catalogue")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(IndicatorsCommand(), as: "indicators")
    app.asyncCommands.use(AreasCommand(), as: "areas")
}

/// Which database to use. Tests name one explicitly; everything else reads the environment.
public enum DatabaseChoice: Sendable {
    case sqlite(path: String)
    /// - connectionsPerLoop: the pool per event loop (tests, which run hundreds of apps at
    ///   once against one server, take fewer).
    case postgres(SQLPostgresConfiguration, connectionsPerLoop: Int = 4)

    /// PostgreSQL when `DATABASE_URL` is set, otherwise the embedded SQLite file
    /// (`SKILLNAD_DB` or `--db`, default `./skillnad.sqlite`).
    public static func fromEnvironment() throws -> DatabaseChoice {
        if let url = DatabaseSetup.postgresURL { return .postgres(try SQLPostgresConfiguration(url: url)) }
        return .sqlite(path: DatabaseSetup.sqlitePath)
    }

    func use(on app: Application) throws {
        switch self {
        case .sqlite(let path):
            SQLiteDirect.install() // before the first connection opens
            app.databases.use(.sqlite(.init(storage: .file(path: path), enableForeignKeys: true)), as: .sqlite)
        case .postgres(let config, let connectionsPerLoop):
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: connectionsPerLoop), as: .psql)
        }
        app.storage[Key.self] = self
    }

    var isSQLite: Bool { if case .sqlite = self { return true } else { return false } }

    struct Key: StorageKey { typealias Value = DatabaseChoice }
}

/// Where the database is, and what to do once per file.
enum DatabaseSetup {
    static let defaultSQLitePath = "skillnad.sqlite"

    static var sqlitePath: String {
        Environment.get("SKILLNAD_DB").flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath
    }

    static var postgresURL: String? {
        Environment.get("DATABASE_URL").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The name to show people: a file path or the PostgreSQL host and database.
    static var description: String {
        if let url = postgresURL, let u = URL(string: url) {
            return "PostgreSQL \(u.host ?? "")\(u.path)"
        }
        return "SQLite \(sqlitePath)"
    }

    /// WAL lets readers go on while a writer writes; it is a property of the file, set once.
    struct Pragmas: LifecycleHandler {
        func didBootAsync(_ app: Application) async throws {
            guard let sql = sqlite(app) else { return }
            check(try await sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self), app)
        }

        /// Synchronous boot (Vapor's test client); the server and commands use `didBootAsync`.
        func didBoot(_ app: Application) throws {
            guard let sql = sqlite(app) else { return }
            check(try sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self).wait(), app)
        }

        private struct Mode: Decodable { let journal_mode: String }

        /// SQLite answers with the mode it is in: say so when the switch did not take.
        private func check(_ mode: Mode?, _ app: Application) {
            if mode?.journal_mode.lowercased() != "wal" {
                app.logger.warning("SQLite stays in journal mode \(mode?.journal_mode ?? "unknown"), not WAL")
            }
        }

        private func sqlite(_ app: Application) -> (any SQLDatabase)? {
            guard app.storage[DatabaseChoice.Key.self]?.isSQLite ?? false else { return nil }
            return app.db as? any SQLDatabase
        }
    }
}

/// Headers that keep pages from being framed or sniffed, and allow no inline script.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: request)
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        res.headers.replaceOrAdd(name: "Content-Security-Policy",
                                 value: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        // Over TLS, browsers are told to use nothing else for a year.
        if request.isSecure { res.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        // An answer to a token is for that client only.
        if request.principal?.token != nil { res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store") }
        return res
    }
}
