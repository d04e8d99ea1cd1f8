@testable import App
import Foundation

/// What a page shows that changes from run to run, replaced by a placeholder before a page is
/// compared with its snapshot. Each mask says why it exists; anything else that differs between
/// two runs is a fault of the page or of the test, not something to mask.
struct SnapshotMask {
    let pattern: String
    let placeholder: String

    static let all: [SnapshotMask] = [
        // A new random CSRF token for every visitor and every session.
        SnapshotMask(pattern: #"name="_csrf" value="[^"]*""#, placeholder: #"name="_csrf" value="{CSRF}""#),
        // The stylesheet's address carries a hash of the stylesheet, so that browsers fetch it
        // again after a change; the snapshots guard the pages' markup, not the stylesheet.
        SnapshotMask(pattern: #"skillnad\.css\?v=[0-9a-z]+"#, placeholder: "skillnad.css?v={CSS-VERSION}"),
        // Users, tokens and attachments get random ids when a test makes them.
        SnapshotMask(
            pattern: "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
            placeholder: "{UUID}"),
        // A moment to the minute is when the test made something (an edit, a sign-in, an
        // import); the demo's own dates are days.
        SnapshotMask(pattern: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, placeholder: "{TIME}"),
    ]

    /// The day the test runs, as pages show it for what the test made that day (an indicator's
    /// import), and the day before, for a run that passes midnight between making the template
    /// and rendering the page. Only those exact days are masked, so that the demo's dates stay.
    static func runDays(now: Date = Date()) -> [String] {
        [day(now.addingTimeInterval(-86_400)), day(now)]
    }

    static func apply(to html: String) -> String {
        var text = html
        for mask in all {
            text = text.replacingOccurrences(of: mask.pattern, with: mask.placeholder, options: .regularExpression)
        }
        for runDay in runDays() {
            text = text.replacingOccurrences(of: runDay, with: "{RUN-DAY}")
        }
        return text
    }
}
