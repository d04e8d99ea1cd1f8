import Vapor

/// Civil society (civilsamhället, measures 4.5.1, 4.2.1 and 4.2.2): the districts' register of
/// local associations, kept by the associations themselves and approved by the district
/// councils, public as a list, a map and open data.
enum CivilSocietyCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.associations] }, route: SiteURL.Associations.list, position: 41)
    ]

    static let openAPIPart: String? = "associations.json"
    static let stylesheet: String? = "CivilSociety.css"

    static var texts: [(key: String, sv: String, en: String)] { AssociationText.entries }

    static func register(_ app: Application) throws {
        RegisterPages.register(app)
        JoinForm.register(app)
        EntryForm.register(app)
        MinePage.register(app)
        RegisterReview.register(app)
        RegisterAPI.register(app)
    }
}
