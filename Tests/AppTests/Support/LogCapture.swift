import Foundation
import Logging

/// Collects every log line, to search it for secrets. Installed once for the whole test process,
/// as the logging system can be set up only once.
final class LogCapture: LogHandler, @unchecked Sendable {
    static let shared: LogCapture = {
        let capture = LogCapture()
        LoggingSystem.bootstrap { _ in capture }
        return capture
    }()

    private let lock = NSLock()
    private var lines: [String] = []
    // One handler for every logger: keep the level and metadata fixed.
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        lock.lock()
        defer { lock.unlock() }
        lines.append("\(message) \(metadata ?? [:])")
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}
