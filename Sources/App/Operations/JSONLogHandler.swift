import Foundation
import Logging
import NIOConcurrencyHelpers

/// Log lines as JSON, one object a line (`SKILLNAD_LOG_FORMAT=json`), for a log collector to index:
/// time, level, logger, message, and every metadata value, the request's `request-id` among them
/// (Vapor's, or the client's `X-Request-Id`). Values are strings; nested metadata is flattened
/// with dots.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let write: @Sendable (String) -> Void

    /// One lock for every handler, so that lines from many threads never interleave.
    private static let output = NIOLock()

    public init(label: String, level: Logger.Level, write: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.logLevel = level
        self.write =
            write ?? { line in
                JSONLogHandler.output.withLock { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
    }

    /// The handler factory for `LoggingSystem.bootstrap`.
    public static func factory(level: Logger.Level) -> @Sendable (String) -> any LogHandler {
        { label in JSONLogHandler(label: label, level: level) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [:]
        func flatten(_ value: Logger.Metadata.Value, _ key: String) {
            switch value {
            case .string(let text): fields[key] = text
            case .stringConvertible(let convertible): fields[key] = convertible.description
            case .dictionary(let entries): for (inner, value) in entries { flatten(value, key + "." + inner) }
            case .array(let values): fields[key] = values.map(\.description).joined(separator: ", ")
            }
        }
        let provided = metadataProvider?.get() ?? [:]
        for (key, value) in metadata.merging(provided, uniquingKeysWith: { _, new in new }) { flatten(value, key) }
        for (key, value) in event.metadata ?? [:] { flatten(value, key) }
        fields["time"] = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        fields["level"] = event.level.rawValue
        fields["logger"] = label
        fields["message"] = event.message.description
        if let error = event.error { fields["error"] = String(describing: error) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { return }
        write(String(decoding: data, as: UTF8.self))
    }
}
