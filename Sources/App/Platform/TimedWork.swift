import Metrics

/// Long work whose duration monitoring reads: imports and exports, by kind.
enum TimedWork: String {
    case `import`
    case export

    /// Runs `body` and records how long it took, whether it succeeded or threw.
    func run<T: Sendable>(_ kind: String, _ body: () async throws -> T) async throws -> T {
        try await Timer(label: "skillnad_\(rawValue)_duration_seconds", dimensions: [("kind", kind)])
            .measure { try await body() }
    }
}

extension TimedWork {
    /// Records work that began at `start`, for a function that cannot hand its body to `run`
    /// (one that consumes its input).
    func record(_ kind: String, since start: ContinuousClock.Instant) {
        Timer(label: "skillnad_\(rawValue)_duration_seconds", dimensions: [("kind", kind)])
            .record(duration: start.duration(to: .now))
    }
}
