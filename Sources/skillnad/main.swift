import App
import Foundation
import Logging
import Vapor

// `--db PATH` is accepted by every subcommand: it picks the SQLite file before anything opens it.
var arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--db") {
    guard i + 1 < arguments.count else {
        FileHandle.standardError.write(Data("--db needs a file path, e.g. --db ./skillnad.sqlite\n".utf8))
        exit(2)
    }
    setenv("SKILLNAD_DB", arguments[i + 1], 1)
    arguments.removeSubrange(i...(i + 1))
}

// The server only (`serve` is also what runs without a subcommand); see `Allocator.tune`.
if arguments.dropFirst().first.map({ $0 == "serve" || $0.hasPrefix("-") }) ?? true { Allocator.tune() }

var env = try Environment.detect(arguments: arguments)
if ProcessInfo.processInfo.environment["SKILLNAD_LOG_FORMAT"] == "json" {
    try LoggingSystem.bootstrap(from: &env) { level in JSONLogHandler.factory(level: level) }
} else {
    try LoggingSystem.bootstrap(from: &env)
}
let app = try await Application.make(env)
do {
    try await configure(app)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
