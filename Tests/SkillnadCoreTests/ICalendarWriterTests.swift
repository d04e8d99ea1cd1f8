import Foundation
import Testing

@testable import SkillnadCore

/// The iCalendar feeds residents subscribe to: whatever an official types, the file stays one
/// calendar with the events it should have, each line folded as RFC 5545 says.
@Suite("iCalendar writer")
struct ICalendarWriterTests {
    static let stamp = Date(timeIntervalSince1970: 1_715_529_600)  // 2024-05-12 16:00 UTC

    static func moment(_ text: String) throws -> LocalMoment {
        try #require(LocalMoment(text))
    }

    static func event(
        uid: String = "session-1.walk@skillnad", start: String = "2024-05-12 18:00", end: String? = "2024-05-12 20:00",
        summary: String = "Trygghetsvandring i Husby", description: String? = nil
    ) throws -> ICalendarWriter.Event {
        ICalendarWriter.Event(
            uid: uid, start: try moment(start), end: try end.map(moment), summary: summary, description: description)
    }

    /// A property read back: name, parameters and value, from an unfolded content line.
    struct Property {
        var name: String
        var parameters: String
        var value: String
    }

    /// The content lines of `document`, unfolded (a CRLF followed by a space joins two lines).
    static func contentLines(_ document: String) -> [String] {
        let unfolded = unfold(document)
        var lines = unfolded.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `text` without its folds (CRLF and a space), on octets: a fold may fall inside a grapheme.
    static func unfold(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count && bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x20 {
                index += 3
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The physical lines of `text`, split at CRLF on octets.
    static func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count && bytes[index] == 0x0D && bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
                continue
            }
            lines[lines.count - 1].append(bytes[index])
            index += 1
        }
        return lines
    }

    /// Splits a content line at the first `:` that is not inside a quoted parameter value.
    static func property(_ line: String) -> Property {
        var quoted = false
        for index in line.indices {
            let character = line[index]
            if character == "\"" { quoted.toggle() }
            if character == ":" && !quoted {
                let head = line[..<index]
                let name = head.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                return Property(
                    name: name, parameters: String(head.dropFirst(name.count)),
                    value: String(line[line.index(after: index)...]))
            }
        }
        return Property(name: line, parameters: "", value: "")
    }

    /// A TEXT value unescaped, as a calendar program reads it.
    static func unescape(_ value: String) -> String {
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func properties(_ document: String, named name: String) -> [Property] {
        contentLines(document).map(property).filter { $0.name == name }
    }

    @Test("Text escapes backslash, semicolon, comma and line breaks, and drops control characters")
    func escaping() {
        #expect(ICalendarWriter.escape("a;b,c\\d") == "a\\;b\\,c\\\\d")
        #expect(ICalendarWriter.escape("rad 1\nrad 2\r\nrad 3\rrad 4") == "rad 1\\nrad 2\\nrad 3\\nrad 4")
        #expect(ICalendarWriter.escape("klocka\u{07}\u{0B}\u{7F}\tflik") == "klocka\tflik")
        #expect(ICalendarWriter.escape("Älvsjö 😀") == "Älvsjö 😀")
    }

    @Test("The calendar has its header, the Stockholm zone with the EU rules, and CRLF everywhere")
    func calendarFrame() throws {
        let document = ICalendarWriter.document(
            name: "Dialoger i Rinkeby-Kista", events: [try Self.event()], stamp: Self.stamp)
        let lines = Self.contentLines(document)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        for expected in [
            "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Dialoger i Rinkeby-Kista",
            "PRODID:-//Skillnad//Skillnad//SV", "TZID:Europe/Stockholm", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "DTSTART:19700329T020000", "DTSTART:19701025T030000",
            "TZNAME:CEST", "TZNAME:CET",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        // Summer time starts from +0100 and standard time from +0200, in that order of blocks.
        let daylight = try #require(lines.firstIndex(of: "BEGIN:DAYLIGHT"))
        let standard = try #require(lines.firstIndex(of: "BEGIN:STANDARD"))
        #expect(lines[daylight + 1] == "TZOFFSETFROM:+0100")
        #expect(lines[daylight + 2] == "TZOFFSETTO:+0200")
        #expect(lines[standard + 1] == "TZOFFSETFROM:+0200")
        #expect(lines[standard + 2] == "TZOFFSETTO:+0100")
        // Every line ends CRLF: no LF without its CR, no CR without its LF.
        let bytes = Array(document.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        }
        #expect(document.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test("A timed event is local time in the Stockholm zone, stamped in UTC, with all its properties")
    func timedEvent() throws {
        var event = try Self.event()
        event.description = "Vi går runt torget."
        event.location = "Husby torg, Stockholm"
        event.latitude = 59.4096
        event.longitude = 17.9255
        event.url = "https://skillnad.example/dialoger/husby?lang=sv&x=1"
        event.status = .cancelled
        event.categories = ["Trygghet", "Husby, Kista"]
        event.lastModified = Date(timeIntervalSince1970: 1_700_000_000)
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        let lines = Self.contentLines(document)
        for expected in [
            "UID:session-1.walk@skillnad", "DTSTAMP:20240512T160000Z",
            "DTSTART;TZID=Europe/Stockholm:20240512T180000", "DTEND;TZID=Europe/Stockholm:20240512T200000",
            "SUMMARY:Trygghetsvandring i Husby", "DESCRIPTION:Vi går runt torget.",
            "LOCATION:Husby torg\\, Stockholm", "GEO:59.409600;17.925500",
            "URL:https://skillnad.example/dialoger/husby?lang=sv&x=1", "STATUS:CANCELLED",
            "CATEGORIES:Trygghet,Husby\\, Kista", "LAST-MODIFIED:20231114T221320Z",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
    }

    @Test("An end before the start, a missing end and coordinates out of range are left out")
    func doubtfulParts() throws {
        var event = try Self.event(end: "2024-05-12 17:00")
        event.latitude = 17.9
        event.longitude = 259.4
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        #expect(Self.properties(document, named: "DTEND").isEmpty)
        #expect(Self.properties(document, named: "GEO").isEmpty)
        let open = ICalendarWriter.document(name: "Alla", events: [try Self.event(end: nil)], stamp: Self.stamp)
        #expect(Self.properties(open, named: "DTEND").isEmpty)
        let starts = Self.properties(open, named: "DTSTART").filter { $0.parameters == ";TZID=Europe/Stockholm" }
        #expect(starts.map(\.value) == ["20240512T180000"])
    }

    @Test(
        "A whole day is a DATE and ends, exclusively, the day after its last day",
        arguments: [
            ("2024-06-06", nil, "20240606", "20240607"),
            ("2024-06-06", "2024-06-08", "20240606", "20240609"),
            ("2024-12-31", nil, "20241231", "20250101"),
            ("2024-02-28", "2024-02-29", "20240228", "20240301"),
            // An end given with a time still ends a whole-day event on a day boundary.
            ("2024-06-06", "2024-06-07 15:00", "20240606", "20240608"),
        ])
    func wholeDays(start: String, end: String?, dtstart: String, dtend: String) throws {
        let event = try Self.event(start: start, end: end, summary: "Nationaldagen")
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        let starts = Self.properties(document, named: "DTSTART").filter { $0.parameters == ";VALUE=DATE" }
        let ends = Self.properties(document, named: "DTEND")
        #expect(starts.map(\.value) == [dtstart])
        #expect(ends.map(\.parameters) == [";VALUE=DATE"])
        #expect(ends.map(\.value) == [dtend])
    }

    @Test("A timed start with a whole-day end runs to midnight after that day")
    func timedToWholeDay() throws {
        let event = try Self.event(start: "2024-06-06 10:00", end: "2024-06-07")
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        #expect(Self.properties(document, named: "DTEND").map(\.value) == ["20240608T000000"])
    }

    @Test("Hostile text stays inside its value: the calendar keeps its events and ends once")
    func hostileText() throws {
        let hostile = "Kom!\r\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VEVENT\nUID:fake\nSUMMARY:Falsk; möte, \\ här\r"
        let events = [
            try Self.event(uid: "a@skillnad", summary: hostile, description: hostile),
            try Self.event(uid: "b;c,d@skillnad", summary: "END:VCALENDAR", description: "\nEND:VCALENDAR\n"),
            try Self.event(uid: "e@skillnad", summary: "Vanligt möte"),
        ]
        let document = ICalendarWriter.document(name: "END:VCALENDAR\nX", events: events, stamp: Self.stamp)
        let lines = Self.contentLines(document)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == 3)
        #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
        #expect(lines.last == "END:VCALENDAR")
        // Read by a lenient reader that breaks lines at any CR or LF, without unfolding: still no
        // line is a property it should not be.
        let lenient = Self.unfold(document).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        #expect(lenient.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lenient.filter { $0 == "END:VCALENDAR" }.count == 1)
        #expect(lenient.filter { $0.hasPrefix("UID:") }.count == 3)
        #expect(lenient.filter { $0.hasPrefix("SUMMARY:") }.count == 3)
        // And the text reads back as written (the CR LF as one line break, the lone CR as another).
        let expected = hostile.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let descriptions = Self.properties(document, named: "DESCRIPTION").map { Self.unescape($0.value) }
        #expect(descriptions == [expected, "\nEND:VCALENDAR\n"])
        let uids = Self.properties(document, named: "UID").map { Self.unescape($0.value) }
        #expect(uids == ["a@skillnad", "b;c,d@skillnad", "e@skillnad"])
    }

    @Test("A carriage return in a title starts no property: the summary keeps it as an escaped line break")
    func carriageReturnInTitle() throws {
        let event = try Self.event(start: "2024-01-01", end: nil, summary: "Titel\rBEGIN:VEVENT\nX")
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        let lines = Self.contentLines(document)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(lines.contains("SUMMARY:Titel\\nBEGIN:VEVENT\\nX"))
        // Nor does a reader that breaks lines at a lone CR find a second event.
        let lenient = Self.unfold(document).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        #expect(lenient.filter { $0 == "BEGIN:VEVENT" }.count == 1)
    }

    @Test("A deadline on the last day there is (9999-12-31) has no day after it: no DTEND, and no trap")
    func lastDayThereIs() throws {
        let event = try Self.event(start: "9999-12-31", end: nil, summary: "Sist")
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        #expect(Self.contentLines(document).contains("DTSTART;VALUE=DATE:99991231"))
        #expect(Self.properties(document, named: "DTEND").isEmpty)
        #expect(Self.properties(document, named: "SUMMARY").map(\.value) == ["Sist"])
    }

    @Test("A URL is written as given, not escaped as text, but a line break in it cannot start a property")
    func urlControls() throws {
        var event = try Self.event(start: "2024-03-01", end: nil, summary: "Sista svarsdag: Remiss")
        event.url = "https://skillnad.example/referrals/r-1?a=1,2;b\\c\r\nX-Evil: 1"
        let document = ICalendarWriter.document(name: "Alla", events: [event], stamp: Self.stamp)
        let lines = Self.contentLines(document)
        #expect(lines.contains("URL:https://skillnad.example/referrals/r-1?a=1,2;b\\cX-Evil: 1"))
        #expect(!lines.contains { $0.hasPrefix("X-Evil") })
    }

    /// Lines of at most 75 octets, each valid UTF-8 on its own, continuations starting with a space.
    static func checkFolding(_ folded: String, unfoldsTo original: String) {
        for (index, bytes) in physicalLines(folded).enumerated() {
            #expect(bytes.count <= 75, "line \(index) has \(bytes.count) octets")
            #expect(index == 0 || bytes.first == 0x20)
            // Each physical line alone decodes: no UTF-8 sequence was split.
            #expect(String(bytes: bytes, encoding: .utf8) != nil)
        }
        #expect(Array(unfold(folded).utf8) == Array(original.utf8))
    }

    @Test(
        "Folding keeps lines to 75 octets without splitting å, ä, ö or an emoji",
        arguments: [
            "SUMMARY:" + String(repeating: "å", count: 100),
            "SUMMARY:" + String(repeating: "a", count: 66) + "😀" + String(repeating: "ö", count: 60),
            "SUMMARY:" + String(repeating: "a", count: 65) + "ä😀" + String(repeating: "x", count: 80),
            "DESCRIPTION:" + String(repeating: "👨‍👩‍👧‍👦 Älvsjö ", count: 20),
            // One grapheme longer than a line (e and 40 combining accents): split between scalars.
            "SUMMARY:e" + String(repeating: "\u{0301}", count: 40) + "slut",
            "SUMMARY:" + String(repeating: "a", count: 67),
        ])
    func folding(line: String) {
        Self.checkFolding(ICalendarWriter.fold(line), unfoldsTo: line)
    }

    @Test("An emoji that would cross the 75th octet moves whole to the next line")
    func emojiAtBoundary() {
        // 8 + 66 = 74 octets: the 4-octet emoji does not fit in the one left.
        let line = "SUMMARY:" + String(repeating: "a", count: 66) + "😀b"
        let folded = ICalendarWriter.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count == 2)
        #expect(physical.first?.utf8.count == 74)
        #expect(physical.last == " 😀b")
        // Exactly 75 octets are not folded.
        let full = "SUMMARY:" + String(repeating: "a", count: 67)
        #expect(ICalendarWriter.fold(full) == full)
    }

    @Test("Every line of a whole calendar with long Swedish text is folded correctly")
    func foldedDocument() throws {
        let text = String(repeating: "Medborgardialog om Järvafältet, ängar och öar; 😀 ", count: 12)
        let document = ICalendarWriter.document(
            name: text, events: [try Self.event(summary: text, description: text)], stamp: Self.stamp)
        for line in Self.physicalLines(document) {
            #expect(line.count <= 75)
        }
        let summaries = Self.properties(document, named: "SUMMARY").map { Self.unescape($0.value) }
        #expect(summaries == [text])
    }
}
