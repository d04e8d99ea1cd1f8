/// The city-wide rules for grants to associations (stadsövergripande riktlinjer, measure 4.2.1):
/// the template every scheme inherits. A scheme may ask more, never less, so that an
/// association is treated the same whichever district or committee it applies to.
public struct CityGrantRules: Sendable, Codable, Equatable {
    public var rules: GrantRules
    /// Attachments every application carries.
    public var attachments: [GrantDocumentKind]
    /// The most days after closing that a scheme may still take an application.
    public var maximumLateDays: Int
    /// The report on use is due at the latest at the end of this month of the year after the
    /// decision (February in Stockholm's districts).
    public var reportMonth: Int

    public init(rules: GrantRules, attachments: [GrantDocumentKind], maximumLateDays: Int, reportMonth: Int) {
        self.rules = rules
        self.attachments = attachments
        self.maximumLateDays = maximumLateDays
        self.reportMonth = reportMonth
    }

    /// Registered and active in the scheme's areas, the democracy conditions, a board of three,
    /// statutes and the last annual report; at most 14 days late; the report by the end of
    /// February the year after.
    public static let standard = CityGrantRules(
        rules: GrantRules(registered: true, activeInArea: true, democracyConditions: true, minimumBoard: 3),
        attachments: [.statutes, .annualReport], maximumLateDays: 14, reportMonth: 2)

    /// The latest day the report on use may be due for a scheme deciding on `decides`.
    public func latestReportDue(decides: Day) -> Day {
        let month = max(1, min(reportMonth, 12))
        return Day(year: decides.year + 1, month: month, day: Day.daysIn(month, decides.year + 1)) ?? decides
    }
}
