import Foundation
import SkillnadCore
import Testing

@testable import App

@Suite("Dates and times as read in Stockholm")
struct TimeTextTests {
    /// Seconds since 1970 of a UTC time given as text.
    func utc(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        return try #require(formatter.date(from: text), "not a time: \(text)")
    }

    @Test("Winter and summer time, and the turn of the year, as in Stockholm")
    func stockholmTime() throws {
        #expect(minute(try utc("2026-01-15T08:05:00Z")) == "2026-01-15 09:05")
        // Summer time begins on 29 March 2026 at 01:00 UTC.
        #expect(minute(try utc("2026-03-29T00:59:00Z")) == "2026-03-29 01:59")
        #expect(minute(try utc("2026-03-29T01:00:00Z")) == "2026-03-29 03:00")
        #expect(minute(try utc("2026-07-01T22:30:00Z")) == "2026-07-02 00:30")
        #expect(day(try utc("2026-12-31T22:59:59Z")) == "2026-12-31")
        #expect(day(try utc("2026-12-31T23:00:00Z")) == "2027-01-01")
        #expect(today().description == day(Date()) || today().description == day(Date().addingTimeInterval(-1)))
    }
}
