/// Awarded grants in the 360Giving Data Standard's CSV form (the open-data format for grants):
/// one row per grant with its columns' standard titles. Recipients are identified by their
/// organisation number under the org-id scheme `SE-BLV` (Bolagsverket), as in the register's open
/// data; a grant's identifier is the publisher's 360Giving prefix and the application's id.
public enum ThreeSixtyGiving {
    /// One awarded grant, as the CSV needs it.
    public struct Award: Sendable, Equatable {
        public var id: String
        public var title: String
        public var description: String
        public var amount: Int
        public var awardDate: Day
        public var recipientNumber: OrganisationNumber
        public var recipientName: String
        public var funderName: String
        public var programme: String
        /// Where the money is spent: the district areas the association is active in, by name.
        public var locations: [String]
        /// When the grant's record last changed (ISO 8601).
        public var lastModified: String

        public init(
            id: String, title: String, description: String, amount: Int, awardDate: Day,
            recipientNumber: OrganisationNumber, recipientName: String, funderName: String, programme: String,
            locations: [String], lastModified: String
        ) {
            self.id = id
            self.title = title
            self.description = description
            self.amount = amount
            self.awardDate = awardDate
            self.recipientNumber = recipientNumber
            self.recipientName = recipientName
            self.funderName = funderName
            self.programme = programme
            self.locations = locations
            self.lastModified = lastModified
        }
    }

    public static let columns = [
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Recipient Org:Identifier",
        "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title",
        "Beneficiary Location:Name", "Last Modified",
    ]

    /// The row of `award`: `prefix` is the publisher's registered 360Giving prefix
    /// (`360G-stockholm`), `funderIdentifier` the funder's org-id (`SE-BLV-2120000142`).
    public static func row(_ award: Award, prefix: String, funderIdentifier: String) -> [String] {
        [
            "\(prefix)-\(award.id)", award.title, award.description, "SEK", String(award.amount),
            award.awardDate.description, "\(HSDSRegister.organisationNumberScheme)-\(award.recipientNumber.digits)",
            award.recipientName, funderIdentifier, award.funderName, award.programme,
            award.locations.joined(separator: "; "), award.lastModified,
        ]
    }
}
