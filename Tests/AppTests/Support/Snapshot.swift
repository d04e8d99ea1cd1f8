import Foundation
import Testing

/// Compares a page's HTML with its recorded snapshot, `Tests/AppTests/Snapshots/<name>.html`,
/// after masking what changes from run to run (`SnapshotMask`).
///
/// - `SKILLNAD_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` writes the snapshots; look
///   at `git diff Tests/AppTests/Snapshots` before committing them.
/// - A missing snapshot fails the test, never records itself: a test that passes the first time
///   it runs, with nothing to compare with, could never fail.
/// - A page that differs fails the test with the first differing lines, and is written beside
///   the snapshot as `<name>.actual.html` (ignored by git) to compare or to copy over it.
enum Snapshot {
    static let recordVariable = "SKILLNAD_RECORD_SNAPSHOTS"
    static let recordCommand = "\(recordVariable)=1 swift test --filter SnapshotTests"

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment[recordVariable] == "1"
    }

    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = SnapshotMask.apply(to: html)
        let expectedFile = folder.appendingPathComponent("\(name).html")
        let actualFile = folder.appendingPathComponent("\(name).actual.html")
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: expectedFile)
            try? FileManager.default.removeItem(at: actualFile)
            return
        }
        guard let expected = try? String(contentsOf: expectedFile, encoding: .utf8) else {
            let message =
                "No snapshot Snapshots/\(name).html to compare with. "
                + "Record it with `\(recordCommand)`, look at it, and commit it."
            // A Comment, not a String: with Vapor a String is also an Error, and would be
            // reported as a thrown error.
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        if expected == page {
            try? FileManager.default.removeItem(at: actualFile)
            return
        }
        try Data(page.utf8).write(to: actualFile)
        let message =
            "The page differs from Snapshots/\(name).html:\n\(firstDifference(expected, page))\n"
            + "The page as rendered is in Snapshots/\(name).actual.html. If the change is meant, "
            + "record again with `\(recordCommand)` and commit the snapshot."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The first lines that differ, each cut to the part around the first differing character:
    /// templates put much on one line.
    static func firstDifference(_ expected: String, _ actual: String, lines shown: Int = 3) -> String {
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        var report: [String] = []
        let count = max(expectedLines.count, actualLines.count)
        for number in 0..<count where report.count < shown * 3 {
            let old = number < expectedLines.count ? expectedLines[number] : "(no line)"
            let new = number < actualLines.count ? actualLines[number] : "(no line)"
            guard old != new else { continue }
            let column = old.commonPrefix(with: new).count
            report.append("line \(number + 1), column \(column + 1):")
            report.append("  expected: \(excerpt(old, around: column))")
            report.append("  actual:   \(excerpt(new, around: column))")
        }
        return report.joined(separator: "\n")
    }

    private static func excerpt(_ line: String, around column: Int, width: Int = 60) -> String {
        let characters = Array(line)
        let start = max(0, column - width)
        let end = min(characters.count, column + width)
        guard start < end else { return line }
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return prefix + String(characters[start..<end]) + suffix
    }
}
