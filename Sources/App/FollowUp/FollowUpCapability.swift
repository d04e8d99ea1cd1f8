import Vapor

/// The follow-up (uppföljning) of what the budget did with the commission's measures: budget
/// years and decisions, assignments, follow-up periods and the bodies' reports, the roll-up, the
/// social investment fund, and each measure's life from proposal to measured effect.
enum FollowUpCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.followUp] }, route: SiteURL.FollowUp.overview, position: 35)
    ]

    static let openAPIPart: String? = "follow-up.json"
    static let stylesheet: String? = "FollowUp.css"

    static var texts: [(key: String, sv: String, en: String)] {
        FollowUpText.entries + FollowUpFormText.entries + FollowUpPageText.entries + FollowUpTransferText.entries
    }

    static func register(_ app: Application) throws {
        try FollowUpForms.register(app)
        try FollowUpPages.register(app)
        try FollowUpTransfer.register(app)
    }
}
