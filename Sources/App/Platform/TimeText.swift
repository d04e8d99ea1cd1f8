import SkillnadCore
import Fluent
import Foundation
import Vapor

/// A date as people in Stockholm read it: `2026-11-21`.
func day(_ date: Date) -> String { stockholmDay(date).description }

/// A time as people in Stockholm read it: `2026-11-21 14:05`.
func minute(_ date: Date) -> String {
    let parts = stockholmCalendar.dateComponents([.hour, .minute], from: date)
    return day(date) + " " + twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
}

/// Today in Stockholm, for deadlines.
func today() -> Day { stockholmDay(Date()) }

/// The Gregorian calendar in Stockholm's time zone, made once: a date formatter made per call
/// cost more than the rest of some requests.
private let stockholmCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? calendar.timeZone
    return calendar
}()

/// The day `date` falls on in Stockholm.
func stockholmDay(_ date: Date) -> Day {
    let parts = stockholmCalendar.dateComponents([.year, .month, .day], from: date)
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .epoch
}

private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
