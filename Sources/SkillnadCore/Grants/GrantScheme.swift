/// A grant scheme (bidragsordning) of one body: what it gives money for, to whom, under which
/// rules, when one applies, when it decides and when the report on use is due.
public struct GrantScheme: Sendable, Codable, Equatable {
    /// The scheme's id in addresses (`skarholmen-lokalt-2027`).
    public var id: String
    /// The body that decides (a district council, the culture committee …).
    public var body: String
    public var name: String
    public var nameEn: String?
    public var purpose: String
    /// Who may apply, in words (vilka kan söka).
    public var audience: String
    /// The district areas the scheme is for; empty for the whole city.
    public var areas: [String]
    public var rules: GrantRules
    /// The amount one application may ask, in kronor.
    public var minimumAmount: Int
    public var maximumAmount: Int
    public var opens: Day
    public var closes: Day
    /// Days after closing that an application is still taken, marked late; 0 refuses it.
    public var lateDays: Int
    /// The meeting that decides.
    public var decides: Day
    /// The last day for the report on the use of the grant.
    public var reportDue: Day
    /// Attachments the application must carry, beyond the city's.
    public var attachments: [GrantDocumentKind]

    public init(
        id: String, body: String, name: String, nameEn: String? = nil, purpose: String, audience: String,
        areas: [String], rules: GrantRules, minimumAmount: Int, maximumAmount: Int, opens: Day, closes: Day,
        lateDays: Int, decides: Day, reportDue: Day, attachments: [GrantDocumentKind]
    ) {
        self.id = id
        self.body = body
        self.name = name
        self.nameEn = nameEn
        self.purpose = purpose
        self.audience = audience
        self.areas = areas
        self.rules = rules
        self.minimumAmount = minimumAmount
        self.maximumAmount = maximumAmount
        self.opens = opens
        self.closes = closes
        self.lateDays = lateDays
        self.decides = decides
        self.reportDue = reportDue
        self.attachments = attachments
    }

    /// The last day an application is taken, late or not.
    public var lastDay: Day { closes.adding(days: lateDays) ?? closes }

    /// Open for applications on `day`, the late days included.
    public func isOpen(on day: Day) -> Bool { opens <= day && day <= lastDay }

    /// An application sent on `day` comes after closing.
    public func isLate(on day: Day) -> Bool { day > closes }

    /// Every attachment an application carries: the city's and the scheme's own.
    public func requiredAttachments(_ city: CityGrantRules) -> [GrantDocumentKind] {
        GrantDocumentKind.allCases.filter { city.attachments.contains($0) || attachments.contains($0) }
    }

    /// Every way the scheme breaks the city's rules or itself; empty when it may be published.
    public func problems(under city: CityGrantRules) -> [GrantProblem] {
        var problems: [GrantProblem] = []
        for field in city.rules.loosened(by: rules) { problems.append(.init(field, .loosened)) }
        if lateDays < 0 || lateDays > city.maximumLateDays {
            problems.append(.init("lateDays", .range(minimum: 0, maximum: city.maximumLateDays)))
        }
        if minimumAmount < 0 { problems.append(.init("minimumAmount", .notAnAmount)) }
        if maximumAmount < max(minimumAmount, 1) {
            problems.append(.init("maximumAmount", .range(minimum: max(minimumAmount, 1), maximum: nil)))
        }
        if closes < opens { problems.append(.init("closes", .notAfter(opens))) }
        // The meeting decides every application, the late ones too.
        if decides < lastDay { problems.append(.init("decides", .notAfter(lastDay))) }
        if reportDue < decides { problems.append(.init("reportDue", .notAfter(decides))) }
        let latest = city.latestReportDue(decides: decides)
        if reportDue > latest { problems.append(.init("reportDue", .later(latest))) }
        return problems
    }
}
