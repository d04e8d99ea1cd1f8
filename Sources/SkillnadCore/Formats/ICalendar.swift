import Foundation

/// An iCalendar (RFC 5545) feed of all-day events, for referral deadlines (sista svarsdag).
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public let uid: String
        public let day: Day
        public let summary: String
        public let url: String?

        public init(uid: String, day: Day, summary: String, url: String? = nil) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.url = url
        }
    }

    /// Text as RFC 5545 wants it: backslash, semicolon and comma escaped, line breaks (CRLF, LF or a
    /// bare CR) as `\n`, and other control characters dropped, so no text can start a property.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for ch in line {
            let n = String(ch).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(ch)
            count += n
        }
        return out
    }

    static func compact(_ d: Day) -> String { String(format: "%04d%02d%02d", d.year, d.month, d.day) }

    public static func document(name: String, events: [Event], stamp: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Skillnad//Referral deadlines//SV", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(escape(e.uid))", "DTSTAMP:\(f.string(from: stamp))",
                "DTSTART;VALUE=DATE:\(compact(e.day))",
            ]
            // An all-day event ends the next day; the last day there is has no next one, and
            // without DTEND an all-day event is one day long anyway.
            if let end = e.day.next { lines.append("DTEND;VALUE=DATE:\(compact(end))") }
            lines.append("SUMMARY:\(escape(e.summary))")
            // A URI is not TEXT: not escaped, but no control character may end the line early.
            if let url = e.url {
                lines.append("URL:" + String(url.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }
}
