import Foundation

/// An iCalendar (RFC 5545) feed of events on the municipality's clock, which calendar programs
/// subscribe to: the dialogue portal's feeds (all, per area, per organiser), the referral and
/// follow-up deadlines (sista svarsdag, whole days), and any other list of dated events.
///
/// Times are local (`LocalMoment`: a day and a time of day, or a whole day), as a session is
/// announced, and written with `TZID=Europe/Stockholm` and the zone's definition inside the file,
/// so a subscriber abroad sees the right hour, across summer time too, without converting here.
/// Whole days are `VALUE=DATE`, ending (exclusively) on the day after the last.
///
/// Every text is escaped as TEXT and every line folded at 75 octets, so no value, however it is
/// written, can end a property, an event or the calendar.
public enum ICalendarWriter {
    /// The zone every local time is in: the City of Stockholm's.
    public static let timeZone = "Europe/Stockholm"

    /// One event (VEVENT).
    public struct Event: Sendable, Equatable {
        /// Whether the event takes place; a cancelled one stays in the feed so calendars remove it.
        public enum Status: String, Sendable, CaseIterable {
            case confirmed = "CONFIRMED"
            case tentative = "TENTATIVE"
            case cancelled = "CANCELLED"
        }

        /// Unique and stable across feeds (`session-3.dialogue-id@skillnad`): calendars update an
        /// event by it.
        public var uid: String
        public var start: LocalMoment
        /// The end, or nil: a whole day then lasts that day, a timed event is a point in time.
        public var end: LocalMoment?
        public var summary: String
        public var description: String?
        public var location: String?
        /// WGS 84 degrees, written as GEO only when both are there and in range.
        public var latitude: Double?
        public var longitude: Double?
        public var url: String?
        public var status: Status?
        public var categories: [String]
        public var lastModified: Date?

        public init(
            uid: String, start: LocalMoment, end: LocalMoment? = nil, summary: String,
            description: String? = nil, location: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
            url: String? = nil, status: Status? = nil, categories: [String] = [], lastModified: Date? = nil
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.location = location
            self.latitude = latitude
            self.longitude = longitude
            self.url = url
            self.status = status
            self.categories = categories
            self.lastModified = lastModified
        }
    }

    /// The whole calendar, lines ended by CRLF.
    /// - Parameters:
    ///   - name: shown by calendar programs as the subscription's name (X-WR-CALNAME).
    ///   - productID: PRODID, the program that wrote the file.
    ///   - stamp: DTSTAMP of every event: when the feed was written.
    public static func document(
        name: String, events: [Event], productID: String = "-//Skillnad//Skillnad//SV", stamp: Date = Date()
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:" + escape(productID),
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "X-WR-TIMEZONE:" + timeZone,
        ]
        lines += stockholmZone
        let written = utc(stamp)
        for event in events {
            lines += eventLines(event, stamp: written)
        }
        lines.append("END:VCALENDAR")
        var out = ""
        for line in lines {
            out += fold(line)
            out += "\r\n"
        }
        return out
    }

    /// The zone's rules since 1996 (the EU's): summer time from the last Sunday of March at 02:00
    /// to the last Sunday of October at 03:00 local time.
    static let stockholmZone = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZone,
        "X-LIC-LOCATION:" + timeZone,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func eventLines(_ event: Event, stamp: String) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + stamp]
        lines.append("DTSTART" + moment(event.start))
        if let end = endMoment(of: event) { lines.append("DTEND" + end) }
        lines.append("SUMMARY:" + escape(event.summary))
        if let description = event.description, !description.isEmpty {
            lines.append("DESCRIPTION:" + escape(description))
        }
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
        if let latitude = event.latitude, let longitude = event.longitude, (-90...90).contains(latitude),
            (-180...180).contains(longitude)
        {
            lines.append("GEO:" + String(format: "%.6f;%.6f", latitude, longitude))
        }
        // A URI is not TEXT and is not escaped, but no control character may break its line.
        if let url = event.url, !url.isEmpty { lines.append("URL:" + withoutControls(url)) }
        if let status = event.status { lines.append("STATUS:" + status.rawValue) }
        let categories = event.categories.filter { !$0.isEmpty }
        if !categories.isEmpty { lines.append("CATEGORIES:" + categories.map(escape).joined(separator: ",")) }
        if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + utc(modified)) }
        lines.append("END:VEVENT")
        return lines
    }

    /// `;VALUE=DATE:YYYYMMDD` for a whole day, `;TZID=Europe/Stockholm:YYYYMMDDTHHMMSS` for a time.
    static func moment(_ moment: LocalMoment) -> String {
        guard let minute = moment.minute else { return ";VALUE=DATE:" + compact(moment.day) }
        return ";TZID=\(timeZone):" + compact(moment.day) + String(format: "T%02d%02d00", minute / 60, minute % 60)
    }

    /// DTEND must be of DTSTART's kind and after it. A whole day ends the day after its last day
    /// (exclusive), also when the end is given with a time; a timed start with a whole-day end runs
    /// to that day's midnight. An end before the start is left out (the form refuses it; a feed
    /// must still be readable), and so is the end of 9999-12-31, which has no next day.
    static func endMoment(of event: Event) -> String? {
        let start = event.start
        guard start.minute != nil else {
            let lastDay = max(event.end?.day ?? start.day, start.day)
            return lastDay.next.map { ";VALUE=DATE:" + compact($0) }
        }
        guard let end = event.end, end > start else { return nil }
        guard end.minute == nil else { return moment(end) }
        return end.day.next.map { moment(LocalMoment(day: $0, minute: 0)) }
    }

    static func compact(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(
                dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt))
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line break (LF,
    /// CRLF or a lone CR) as `\n`, other control characters but tab dropped, so no text can end
    /// its line and start a property of its own.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\".unicodeScalars
            case ";": out += "\\;".unicodeScalars
            case ",": out += "\\,".unicodeScalars
            case "\r": out += "\\n".unicodeScalars
            case "\n":
                if !previousWasCR { out += "\\n".unicodeScalars }
            case "\t": out.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.append(scalar) }
            }
        }
        return String(out)
    }

    static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// Folds a content line (without its CRLF) into lines of at most 75 octets, each continuation
    /// starting with a space. Breaks fall between characters; a character longer than a whole line
    /// (a long emoji sequence) is broken between its scalars, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        let limit = 75
        guard line.utf8.count > limit else { return line }
        var out = ""
        var used = 0
        func breakLine() {
            out += "\r\n "
            used = 1
        }
        for character in line {
            let size = character.utf8.count
            if used + size <= limit {
                out.append(character)
                used += size
                continue
            }
            if size <= limit - 1 {
                breakLine()
                out.append(character)
                used += size
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarSize = UTF8.width(scalar)
                if used + scalarSize > limit { breakLine() }
                out.unicodeScalars.append(scalar)
                used += scalarSize
            }
        }
        return out
    }
}
