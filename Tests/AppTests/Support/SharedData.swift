import Foundation

/// The real public data beside the project, as the README of `../shared/data` asks.
enum SharedData {
    static var root: URL {
        if let path = ProcessInfo.processInfo.environment["SKILLNAD_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared")
    }
}
