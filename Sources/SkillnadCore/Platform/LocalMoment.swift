import Foundation

/// A day and a time of day on the municipality's clock (Europe/Stockholm for the City of
/// Stockholm): meetings and deadlines are announced in local time, and residents read them so.
/// Written `2024-05-12 18:00` (or with a `T`); a whole-day event has no time.
public struct LocalMoment: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, or nil for the whole day.
    public let minute: Int?

    public init(day: Day, minute: Int? = nil) {
        self.day = day
        self.minute = minute.map { min(max($0, 0), 24 * 60 - 1) }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count), let day = Day(parts[0]) else { return nil }
        guard parts.count == 2 else {
            self.init(day: day)
            return
        }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock[0].count == 2, clock[1].count == 2, let hour = Int(clock[0]),
            let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.init(day: day, minute: hour * 60 + minute)
    }

    /// The time of day as `HH:MM`, or nil for the whole day.
    public var clock: String? {
        guard let minute else { return nil }
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    public var description: String { clock.map { "\(day) \($0)" } ?? day.description }

    /// Whole days sort before timed moments of the same day.
    public static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        return (lhs.minute ?? -1) < (rhs.minute ?? -1)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let moment = LocalMoment(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD HH:MM, got \(text)"))
        }
        self = moment
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
