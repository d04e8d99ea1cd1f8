import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import NIOCore
import SQLKit
import Vapor

/// Sets up the application: database, migrations, templates, middleware, routes, commands.
public func configure(_ app: Application) async throws {
    try DatabaseSetup.use(on: app)
    app.migrations.add(CreateCatalogue())
    app.lifecycle.use(DatabaseSetup.Pragmas())

    app.views.use(.leaf)
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: .default,
                                                  sandboxDirectory: StaticFiles.viewsDirectory,
                                                  viewDirectory: StaticFiles.viewsDirectory))
    // Templates are read once and kept; they ship inside the binary's resources.
    app.leaf.cache.isEnabled = app.environment != .development || Environment.get("SKILLNAD_RELOAD_TEMPLATES") == nil

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(SiteErrorMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: StaticFiles.publicDirectory, defaultFile: nil,
                                      directoryAction: .none, advancedETagComparison: true), at: .end)
    _ = app.catalogue
    try routes(app)

    // Our own migrate command: Fluent's asks for confirmation even when nobody can answer.
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(CatalogueCommand(), as: "catalogue")
}

/// Chooses the database: PostgreSQL when `DATABASE_URL` is set, otherwise the embedded SQLite
/// file (`SKILLNAD_DB`, default `./skillnad.sqlite`).
enum DatabaseSetup {
    static let defaultSQLitePath = "skillnad.sqlite"

    static var sqlitePath: String {
        Environment.get("SKILLNAD_DB").flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath
    }

    static var postgresURL: String? {
        Environment.get("DATABASE_URL").flatMap { $0.isEmpty ? nil : $0 }
    }

    static func use(on app: Application) throws {
        if let url = postgresURL {
            try app.databases.use(.postgres(url: url, maxConnectionsPerEventLoop: 4), as: .psql)
        } else {
            app.databases.use(.sqlite(.init(storage: .file(path: sqlitePath), enableForeignKeys: true)), as: .sqlite)
        }
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
            guard postgresURL == nil, let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("PRAGMA journal_mode=WAL").run()
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
        return res
    }
}
