import Foundation

/// An iCalendar (RFC 5545) feed of all-day events, for referral deadlines (sista svarsdag).
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public let uid: String
        public let day: Day
        public let summary: String
        public let url: String?

        public init(uid: String, day: Day, summary: String, url: String? = nil) {
            self.uid = uid; self.day = day; self.summary = summary; self.url = url
        }
    }

    /// Text as RFC 5545 wants it: backslash, semicolon and comma escaped, line breaks as `\n`.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var out = "", count = 0
        for ch in line {
            let n = String(ch).utf8.count
            if count + n > 75 { out += "\r\n "; count = 1 }
            out.append(ch)
            count += n
        }
        return out
    }

    static func compact(_ d: Day) -> String { String(format: "%04d%02d%02d", d.year, d.month, d.day) }

    public static func document(name: String, events: [Event], stamp: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Skillnad//Referral deadlines//SV", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(escape(name))"]
        for e in events {
            let next = Calendar(identifier: .gregorian).date(byAdding: .day, value: 1, to: DateComponents(calendar: Calendar(identifier: .gregorian),
                year: e.day.year, month: e.day.month, day: e.day.day).date!)!
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: next)
            lines += ["BEGIN:VEVENT", "UID:\(escape(e.uid))", "DTSTAMP:\(f.string(from: stamp))", "DTSTART;VALUE=DATE:\(compact(e.day))",
                      "DTEND;VALUE=DATE:\(compact(Day(year: c.year!, month: c.month!, day: c.day!)!))", "SUMMARY:\(escape(e.summary))"]
            if let url = e.url { lines.append("URL:\(url)") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }
}
