/// Counting days and months on `Day` (dagräkning), without Foundation's calendars: a window of
/// twelve months around a dialogue, weeks since it ended, days between two dialogues. The
/// calendar is the proleptic Gregorian one (Gregorian rules extended back before 1582), which is
/// what `YYYY-MM-DD` in the records and in SQL means.
extension Day {
    /// The day numbers `Day` can hold: 0000-01-01 to 9999-12-31.
    public static let dayNumbers = -719_528...2_932_896

    /// Days since 1970-01-01, negative before it: the day Unix time counts from, so a number can be
    /// checked against `date -d @…` or SQL's `unixepoch` (not `Day.epoch`, a placeholder day).
    ///
    /// Howard Hinnant's `days_from_civil`: years counted from March so the leap day is the last
    /// day of the year, then whole 400-year eras (146,097 days each).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with this number (days since 1970-01-01), or nil outside the years 0–9999.
    public init?(dayNumber: Int) {
        guard Day.dayNumbers.contains(dayNumber) else { return nil }
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The day `days` later (earlier when negative), or nil outside the years 0–9999.
    public func adding(days: Int) -> Day? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow else { return nil }
        return Day(dayNumber: sum)
    }

    /// The same day of the month `months` later (earlier when negative), clamped to the month's
    /// last day as people count months: 2024-01-31 + 1 month = 2024-02-29, 2023-01-31 + 1 month =
    /// 2023-02-28. Nil outside the years 0–9999.
    public func adding(months: Int) -> Day? {
        let limit = 12 * 10_000
        guard (-limit...limit).contains(months) else { return nil }
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        guard (0...9999).contains(newYear) else { return nil }
        return Day(year: newYear, month: newMonth, day: min(day, Day.daysIn(newMonth, newYear)))
    }

    /// Days from this day to `other`: positive when `other` is later, 0 for the same day.
    public func days(to other: Day) -> Int {
        other.dayNumber - dayNumber
    }
}
