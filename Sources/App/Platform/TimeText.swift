import SkillnadCore
import Fluent
import Foundation
import Vapor

/// A date as people in Stockholm read it: `2026-11-21`.
func day(_ date: Date) -> String { stockholmTime(date, "yyyy-MM-dd") }

/// A time as people in Stockholm read it: `2026-11-21 14:05`.
func minute(_ date: Date) -> String { stockholmTime(date, "yyyy-MM-dd HH:mm") }

private func stockholmTime(_ date: Date, _ format: String) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "sv_SE")
    f.timeZone = TimeZone(identifier: "Europe/Stockholm")
    f.dateFormat = format
    return f.string(from: date)
}

/// Today in Stockholm, for deadlines.
func today() -> Day { Day(day(Date())) ?? .epoch }
