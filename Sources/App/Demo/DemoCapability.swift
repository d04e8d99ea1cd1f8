import Vapor

/// The demo: the `demo` command that loads the city's records, and a city-sized history for benchmarks.
enum DemoCapability: Capability {
    static func register(_ app: Application) throws {
        app.asyncCommands.use(DemoCommand(), as: "demo")
    }
}
