import Vapor

/// Delivering public records to the municipality's e-archive (e-arkiv) as FGS 2.0 packages: the
/// packages, what was delivered, and the command that does it.
enum ArchiveCapability: Capability {
    static func register(_ app: Application) throws {
        app.asyncCommands.use(ArchiveCommand(), as: "archive")
    }

    static var texts: [(key: String, sv: String, en: String)] { ArchiveText.entries }
}
