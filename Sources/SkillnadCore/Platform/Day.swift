import Foundation

/// A calendar date without time or zone, written `YYYY-MM-DD` (as in Swedish records).
/// Stored as text so that it sorts and compares the same on SQLite and PostgreSQL.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), (1...Day.daysIn(month, year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A fixed, valid day (2000-01-01) for places that need a day when stored text is not one.
    public static let epoch = Day(checkedYear: 2000, month: 1, day: 1)

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day after, or nil after 9999-12-31.
    public var next: Day? {
        if let same = Day(year: year, month: month, day: day + 1) { return same }
        if let first = Day(year: year, month: month + 1, day: 1) { return first }
        return Day(year: year + 1, month: 1, day: 1)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a date YYYY-MM-DD, got \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A period of validity (giltighetstid): bodies and areas come and go, e.g. when two district
/// councils merged into Hägersten-Älvsjö. Both ends are inclusive; nil means open.
public struct Validity: Hashable, Sendable {
    public var from: Day?
    public var to: Day?
    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, to < day { return false }
        return true
    }

    /// True when the period overlaps the calendar year.
    public func overlaps(year: Int) -> Bool {
        if let from, from.year > year { return false }
        if let to, to.year < year { return false }
        return true
    }
}
