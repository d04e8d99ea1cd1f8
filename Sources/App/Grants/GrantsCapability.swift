import Vapor

/// Grants to associations (föreningsbidrag, measures 4.2.1 and 4.2.2): schemes under city-wide
/// rules, one entry where an association applies to any of them, and the bodies' handling and
/// decisions.
enum GrantsCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.grants] }, route: SiteURL.Grants.list, position: 42)
    ]

    static let stylesheet: String? = "Grants.css"

    static var texts: [(key: String, sv: String, en: String)] { GrantText.entries }

    static func register(_ app: Application) throws {
        SchemePages.register(app)
        SchemeForm.register(app)
        GrantEntryPage.register(app)
        ApplyForm.register(app)
        ApplicationPage.register(app)
        GrantQueue.register(app)
        SupportPage.register(app)
    }
}
