import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOCore
import SQLKit
import Vapor

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
            SQLiteDirect.install()  // before the first connection opens
            app.databases.use(.sqlite(.init(storage: .file(path: path), enableForeignKeys: true)), as: .sqlite)
        case .postgres(let config, let connectionsPerLoop):
            app.databases.use(
                .postgres(configuration: config, maxConnectionsPerEventLoop: connectionsPerLoop), as: .psql)
        }
        app.storage[Key.self] = self
    }

    var isSQLite: Bool { if case .sqlite = self { return true } else { return false } }

    struct Key: StorageKey { typealias Value = DatabaseChoice }
}
