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
    app.migrations.add(Migrations.all)
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 11))
    app.lifecycle.use(DatabaseSetup.Pragmas())

    // Not `.leaf`: Leaf's own provider switches the template cache off whenever the environment
    // is development, which `skillnad serve` runs in unless told otherwise, and then every page
    // read and parsed its templates from disk again. Templates ship inside the binary.
    app.views.use { app in
        var userInfo = app.leaf.userInfo
        userInfo["application"] = app
        return LeafRenderer(
            configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
            sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo)
    }
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
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
    for capability in Capabilities.all {
        try capability.register(app)
    }

}
