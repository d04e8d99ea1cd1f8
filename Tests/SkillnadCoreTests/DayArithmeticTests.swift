import Testing

@testable import SkillnadCore

/// Day numbers checked against Python's `date.toordinal() - date(1970, 1, 1).toordinal()`, and
/// month arithmetic against the calendar by hand.
@Suite("DayArithmetic")
struct DayArithmeticTests {
    private func day(_ text: String) throws -> Day {
        try #require(Day(text))
    }

    @Test func dayNumbersOfKnownDays() throws {
        let expected: [(String, Int)] = [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2000-01-01", 10_957), ("2000-03-01", 11_017),
            ("2024-02-29", 19_782), ("2024-12-31", 20_088), ("2025-01-01", 20_089), ("1900-03-01", -25_508),
            ("1600-02-29", -135_081), ("0001-01-01", -719_162), ("0000-01-01", -719_528),
            ("9999-12-31", 2_932_896),
        ]
        for (text, number) in expected {
            let parsed = try day(text)
            #expect(parsed.dayNumber == number, "\(text)")
            #expect(Day(dayNumber: number) == parsed, "\(number)")
        }
    }

    /// Every day from 1899 to 2101 (1900 not a leap year, 2000 one) follows the one before by one.
    @Test func consecutiveDaysRoundTrip() throws {
        var current = try day("1899-01-01")
        var number = current.dayNumber
        let last = try day("2101-12-31")
        while current < last {
            let following = try #require(current.next)
            #expect(following.dayNumber == number + 1, "\(following)")
            #expect(Day(dayNumber: number + 1) == following)
            current = following
            number += 1
        }
    }

    @Test func outsideTheYearsIsNil() throws {
        #expect(Day(dayNumber: -719_529) == nil)
        #expect(Day(dayNumber: 2_932_897) == nil)
        #expect(try day("9999-12-31").adding(days: 1) == nil)
        #expect(try day("0000-01-01").adding(days: -1) == nil)
        #expect(try day("2024-01-01").adding(days: Int.max) == nil)
        #expect(try day("9999-12-15").adding(months: 1) == nil)
        #expect(try day("0000-01-15").adding(months: -1) == nil)
        #expect(try day("2024-01-01").adding(months: Int.min) == nil)
    }

    @Test func addingDaysOverYearEndsAndLeapDays() throws {
        #expect(try day("2024-12-31").adding(days: 1) == (try day("2025-01-01")))
        #expect(try day("2025-01-01").adding(days: -1) == (try day("2024-12-31")))
        #expect(try day("2024-02-28").adding(days: 1) == (try day("2024-02-29")))
        #expect(try day("2023-02-28").adding(days: 1) == (try day("2023-03-01")))
        #expect(try day("1900-02-28").adding(days: 1) == (try day("1900-03-01")))
        #expect(try day("2000-02-28").adding(days: 1) == (try day("2000-02-29")))
        #expect(try day("2024-01-01").adding(days: 366) == (try day("2025-01-01")))
        #expect(try day("2024-05-12").adding(days: 0) == (try day("2024-05-12")))
    }

    @Test func addingMonthsClampsTheDay() throws {
        #expect(try day("2024-01-31").adding(months: 1) == (try day("2024-02-29")))
        #expect(try day("2023-01-31").adding(months: 1) == (try day("2023-02-28")))
        #expect(try day("2024-03-31").adding(months: -1) == (try day("2024-02-29")))
        #expect(try day("2024-05-31").adding(months: 1) == (try day("2024-06-30")))
        #expect(try day("2024-02-29").adding(months: 12) == (try day("2025-02-28")))
        #expect(try day("2024-02-29").adding(months: -12) == (try day("2023-02-28")))
        #expect(try day("2024-02-29").adding(months: 48) == (try day("2028-02-29")))
        #expect(try day("2024-11-15").adding(months: 2) == (try day("2025-01-15")))
        #expect(try day("2025-01-15").adding(months: -2) == (try day("2024-11-15")))
        #expect(try day("2024-12-01").adding(months: -12) == (try day("2023-12-01")))
        #expect(try day("2024-01-01").adding(months: -1) == (try day("2023-12-01")))
        #expect(try day("2024-06-10").adding(months: 0) == (try day("2024-06-10")))
    }

    @Test func daysBetween() throws {
        #expect(try day("2024-03-01").days(to: day("2025-03-01")) == 365)
        #expect(try day("2023-03-01").days(to: day("2024-03-01")) == 366)
        #expect(try day("2025-01-01").days(to: day("2024-12-31")) == -1)
        #expect(try day("2024-05-12").days(to: day("2024-05-12")) == 0)
        #expect(try day("1899-12-31").days(to: day("1900-03-01")) == 60)
    }
}
