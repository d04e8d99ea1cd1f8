import Vapor

/// The site itself: the health check, the accessibility statement, the API description and the
/// `migrate` command.
enum PlatformCapability: Capability {
    static var texts: [(key: String, sv: String, en: String)] { CommonText.entries }

    static func register(_ app: Application) throws {
        app.get(SiteURL.healthz, use: SiteController.healthz)
        app.get(SiteURL.accessibility, use: SiteController.accessibility)
        app.openAPIDocument = try OpenAPIController.assemble(parts: Capabilities.all.compactMap { $0.openAPIPart })
        app.get(APIURL.openapi, use: OpenAPIController.document)
        // Our own migrate command: Fluent's asks for confirmation even when nobody can answer.
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
    }
}
