import Vapor

/// Running an installation (drift): backups and their restore, and the metrics monitoring reads.
enum OperationsCapability: Capability {
    static func register(_ app: Application) throws {
        ServerMetrics.bootstrap()
        app.metricsToken = ServerMetrics.configuredToken
        app.get(SiteURL.Operations.metrics, use: MetricsController.metrics)
        app.asyncCommands.use(BackupCommand(), as: "backup")
    }
}
