/// An association's entry in a district's register of associations (föreningsregistret, measure
/// 4.5.1), as the association keeps it: who it is, what it does and where, how many members it has
/// by age band and sex (counts, never a member list), its board and its account for grants.
public struct AssociationEntry: Sendable, Codable, Equatable {
    /// The association's legal form (juridisk form).
    public enum LegalForm: String, Sendable, Codable, CaseIterable {
        /// Ideell förening.
        case nonProfit
        /// Ekonomisk förening.
        case economic
        /// Stiftelse.
        case foundation
        /// Registrerat trossamfund.
        case religious
    }

    /// A board member's role (styrelseroll).
    public enum BoardRole: String, Sendable, Codable, CaseIterable {
        case chair
        case treasurer
        case secretary
        case member
        case deputy
    }

    public struct BoardMember: Sendable, Codable, Equatable {
        public var name: String
        public var role: BoardRole

        public init(name: String, role: BoardRole) {
            self.name = name
            self.role = role
        }
    }

    /// The age bands members are counted in, the bands the districts' activity grants use.
    public enum AgeBand: String, Sendable, Codable, CaseIterable {
        case age0to6 = "0-6"
        case age7to12 = "7-12"
        case age13to20 = "13-20"
        case age21to25 = "21-25"
        case age26to64 = "26-64"
        case age65plus = "65+"
    }

    /// How members are counted by sex: women, men, and those counted as neither or not stated.
    public enum Sex: String, Sendable, Codable, CaseIterable {
        case women
        case men
        case other
    }

    /// Members counted by age band and sex.
    public struct Members: Sendable, Codable, Equatable {
        public var counts: [AgeBand: [Sex: Int]]

        public init(counts: [AgeBand: [Sex: Int]] = [:]) { self.counts = counts }

        public func count(_ band: AgeBand, _ sex: Sex) -> Int { counts[band]?[sex] ?? 0 }
        public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
        /// Members aged 7 to 25, the ones activity grants count.
        public var young: Int {
            [AgeBand.age7to12, .age13to20, .age21to25].reduce(0) { sum, band in
                sum + Sex.allCases.reduce(0) { $0 + count(band, $1) }
            }
        }
    }

    /// An activity (verksamhet), HSDS's service: what, for whom, where and when.
    public struct Activity: Sendable, Codable, Equatable {
        public var name: String
        public var description: String
        /// For whom, in words ("girls 10–15", "parents of young children").
        public var audience: String
        public var minimumAge: Int?
        public var maximumAge: Int?
        /// Languages it is held in, as ISO 639-1 codes (`sv`, `so`, `ar`).
        public var languages: [String]
        /// The area it takes place in (a district area or finer).
        public var area: String
        public var place: String
        public var address: String
        public var latitude: Double?
        public var longitude: Double?
        /// When, in words ("Tuesdays 17–19, not in summer").
        public var schedule: String

        public init(
            name: String, description: String = "", audience: String = "", minimumAge: Int? = nil,
            maximumAge: Int? = nil, languages: [String] = [], area: String, place: String = "", address: String = "",
            latitude: Double? = nil, longitude: Double? = nil, schedule: String = ""
        ) {
            self.name = name
            self.description = description
            self.audience = audience
            self.minimumAge = minimumAge
            self.maximumAge = maximumAge
            self.languages = languages
            self.area = area
            self.place = place
            self.address = address
            self.latitude = latitude
            self.longitude = longitude
            self.schedule = schedule
        }
    }

    public var name: String
    public var organisationNumber: OrganisationNumber
    public var legalForm: LegalForm
    public var founded: Day?
    public var purpose: String
    /// The district areas whose registers the association asks to be in.
    public var districts: [String]
    public var members: Members
    public var board: [BoardMember]
    /// The contact person: a name, an e-mail address and a telephone number; public only when
    /// `contactPublic` says so.
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String
    public var contactPublic: Bool
    public var website: String
    public var giro: GiroNumber
    /// The day of the latest annual meeting (årsmöte), from which re-registration is due.
    public var annualMeeting: Day?
    /// The democracy conditions (demokrativillkoren) accepted.
    public var democracyConditions: Bool
    public var activities: [Activity]

    public init(
        name: String, organisationNumber: OrganisationNumber, legalForm: LegalForm, founded: Day?, purpose: String,
        districts: [String], members: Members, board: [BoardMember], contactName: String, contactEmail: String,
        contactPhone: String = "", contactPublic: Bool = false, website: String = "", giro: GiroNumber,
        annualMeeting: Day?, democracyConditions: Bool, activities: [Activity]
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.legalForm = legalForm
        self.founded = founded
        self.purpose = purpose
        self.districts = districts
        self.members = members
        self.board = board
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.contactPublic = contactPublic
        self.website = website
        self.giro = giro
        self.annualMeeting = annualMeeting
        self.democracyConditions = democracyConditions
        self.activities = activities
    }

    /// The fewest board members the register accepts (a democratically elected board).
    public static let minimumBoard = 3
}
