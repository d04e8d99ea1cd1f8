import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A real OpenID Connect provider for the tests: `oidc-provider-mock` from PyPI, started as its
/// own process on a free port. `.ci/run` installs it and names it in `SKILLNAD_OIDC_PROVIDER`;
/// without that the tests that need it do not run.
final class OIDCTestProvider: @unchecked Sendable {
    static let executable = ProcessInfo.processInfo.environment["SKILLNAD_OIDC_PROVIDER"]
    static var isAvailable: Bool { executable.map { FileManager.default.isExecutableFile(atPath: $0) } ?? false }

    let port: Int
    private static let nextPort = NIOLockedValueBox(Int.random(in: 20000..<39000))
    private var process: Process?

    var issuer: String { "http://127.0.0.1:\(port)" }

    init() async throws {
        // Ports from one counter, so the tests of this process never pick the same one; a port
        // something already answers on would make the readiness check lie.
        var candidate = Self.nextPort.withLockedValue { port in
            port += 1
            return port
        }
        while await Self.answers(candidate) {
            candidate = Self.nextPort.withLockedValue { port in
                port += 1
                return port
            }
        }
        port = candidate
        try await start()
    }

    static func answers(_ port: Int) async -> Bool {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        guard let channel = try? await bootstrap.connect(host: "127.0.0.1", port: port).get() else { return false }
        try? await channel.close()
        return true
    }

    deinit {
        stop()
    }

    func start() async throws {
        guard let executable = Self.executable else {
            throw ProviderFailure(message: "SKILLNAD_OIDC_PROVIDER is not set")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        // Ready when it takes connections; it starts in a second or two.
        for _ in 0..<150 {
            if await Self.answers(port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProviderFailure(message: "the provider did not start on port \(port)")
    }

    /// Stops the process; `start()` brings it back with a new signing key, as a key rotation does.
    func stop() {
        guard let process else { return }
        // Killed, not asked: it keeps nothing, and a polite stop waits for idle keep-alive connections.
        kill(process.processIdentifier, SIGKILL)
        // Not `waitUntilExit()`: it waits on a run loop that a test's thread does not run.
        for _ in 0..<100 where process.isRunning {
            usleep(50_000)
        }
        self.process = nil
    }

    struct ProviderFailure: Error {
        let message: String
    }
}
