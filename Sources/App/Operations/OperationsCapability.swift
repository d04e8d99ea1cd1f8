import Vapor

/// Running an installation (drift): backups and their restore.
enum OperationsCapability: Capability {
    static func register(_ app: Application) throws {
        app.asyncCommands.use(BackupCommand(), as: "backup")
    }
}
