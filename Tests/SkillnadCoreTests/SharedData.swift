import Foundation

/// The public data beside the project (`../shared`, or `$SKILLNAD_SHARED`), as
/// `../shared/data/README.md` asks: read there by path, never copied into the repository.
enum SharedData {
    static var root: URL {
        if let p = ProcessInfo.processInfo.environment["SKILLNAD_SHARED"] { return URL(fileURLWithPath: p) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static func file(_ path: String) -> URL { root.appendingPathComponent("data/" + path) }
}
