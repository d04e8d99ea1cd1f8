/// The public register as Open Referral's Human Services Data Specification 3.0 shapes it: an
/// association is an organization, each activity a service with its schedule, ages, languages,
/// service area and location, and `assured_date` the day the entry was last verified. Only what
/// the register publishes goes in: never the board, and the contact person only when the
/// association made it public.
public enum HSDSRegister {
    /// An association as the public register shows it.
    public struct Published: Sendable {
        public let id: String
        public let entry: AssociationEntry
        /// The district areas whose registers it is active in, with their names.
        public let registers: [(area: String, name: String)]
        /// Every area an activity names, with its name.
        public let areaNames: [String: String]
        public let verified: Day?
        public let address: String

        public init(
            id: String, entry: AssociationEntry, registers: [(area: String, name: String)],
            areaNames: [String: String], verified: Day?, address: String
        ) {
            self.id = id
            self.entry = entry
            self.registers = registers
            self.areaNames = areaNames
            self.verified = verified
            self.address = address
        }
    }

    public struct Organization: Sendable, Encodable, Equatable {
        public let id: String
        public let name: String
        public let description: String
        public let email: String?
        public let website: String?
        public let year_incorporated: Int?
        public let legal_status: String
        public let uri: String
        public let organization_identifiers: [Identifier]
        public let contacts: [Contact]
        public let services: [Service]
    }

    public struct Identifier: Sendable, Encodable, Equatable {
        public let id: String
        public let identifier_scheme: String
        public let identifier_type: String
        public let identifier: String
    }

    public struct Contact: Sendable, Encodable, Equatable {
        public let id: String
        public let name: String
        public let email: String
        public let phones: [Phone]
    }

    public struct Phone: Sendable, Encodable, Equatable {
        public let id: String
        public let number: String
    }

    public struct Service: Sendable, Encodable, Equatable {
        public let id: String
        public let organization_id: String
        public let name: String
        public let description: String
        public let status: String
        public let eligibility_description: String?
        public let minimum_age: Int?
        public let maximum_age: Int?
        public let assured_date: String?
        public let languages: [Language]
        public let schedules: [Schedule]
        public let service_areas: [ServiceArea]
        public let service_at_locations: [ServiceAtLocation]
    }

    public struct Language: Sendable, Encodable, Equatable {
        public let id: String
        public let code: String
    }

    public struct Schedule: Sendable, Encodable, Equatable {
        public let id: String
        public let description: String
    }

    public struct ServiceArea: Sendable, Encodable, Equatable {
        public let id: String
        public let name: String
        /// The area's id in Skillnad's catalogue.
        public let uri: String
    }

    public struct ServiceAtLocation: Sendable, Encodable, Equatable {
        public let id: String
        public let location: Location
    }

    public struct Location: Sendable, Encodable, Equatable {
        public let id: String
        public let location_type: String
        public let name: String?
        public let latitude: Double?
        public let longitude: Double?
        public let addresses: [Address]
    }

    public struct Address: Sendable, Encodable, Equatable {
        public let id: String
        public let address_1: String
        public let city: String
        public let country: String
        public let address_type: String
    }

    /// The identifier scheme of Swedish organisation numbers in org-id.guide.
    public static let organisationNumberScheme = "SE-BLV"

    /// An association as an HSDS organization; `address` is its page, `city` the municipality.
    public static func organization(_ item: Published, city: String) -> Organization {
        let entry = item.entry
        let id = item.id
        let contacts: [Contact] =
            entry.contactPublic
            ? [
                Contact(
                    id: "\(id)/contact", name: entry.contactName, email: entry.contactEmail,
                    phones: entry.contactPhone.isEmpty
                        ? [] : [Phone(id: "\(id)/contact/phone", number: entry.contactPhone)])
            ] : []
        let services = entry.activities.enumerated().map { index, activity in
            let serviceID = "\(id)/activities/\(index + 1)"
            let hasPlace = !activity.place.isEmpty || !activity.address.isEmpty || activity.latitude != nil
            let location = Location(
                id: "\(serviceID)/location", location_type: "physical",
                name: activity.place.isEmpty ? nil : activity.place, latitude: activity.latitude,
                longitude: activity.longitude,
                addresses: activity.address.isEmpty
                    ? []
                    : [
                        Address(
                            id: "\(serviceID)/address", address_1: activity.address, city: city, country: "SE",
                            address_type: "physical")
                    ])
            return Service(
                id: serviceID, organization_id: id, name: activity.name, description: activity.description,
                status: "active", eligibility_description: activity.audience.isEmpty ? nil : activity.audience,
                minimum_age: activity.minimumAge, maximum_age: activity.maximumAge,
                assured_date: item.verified?.description,
                languages: activity.languages.map { Language(id: "\(serviceID)/languages/\($0)", code: $0) },
                schedules: activity.schedule.isEmpty
                    ? [] : [Schedule(id: "\(serviceID)/schedule", description: activity.schedule)],
                service_areas: [
                    ServiceArea(
                        id: "\(serviceID)/area", name: item.areaNames[activity.area] ?? activity.area,
                        uri: activity.area)
                ],
                service_at_locations: hasPlace ? [ServiceAtLocation(id: "\(serviceID)/at", location: location)] : [])
        }
        return Organization(
            id: id, name: entry.name, description: entry.purpose,
            email: entry.contactPublic ? entry.contactEmail : nil, website: entry.website.isEmpty ? nil : entry.website,
            year_incorporated: entry.founded?.year, legal_status: entry.legalForm.rawValue, uri: item.address,
            organization_identifiers: [
                Identifier(
                    id: "\(id)/organisationsnummer", identifier_scheme: organisationNumberScheme,
                    identifier_type: "organisationsnummer", identifier: entry.organisationNumber.description)
            ],
            contacts: contacts, services: services)
    }

    /// The register's CSV columns: one row per activity, its association's columns repeated, so
    /// a spreadsheet filters it by district or age without joining.
    public static let csvColumns = [
        "organization_id", "organization_name", "organisationsnummer", "legal_status", "year_incorporated",
        "registers", "service_id", "service_name", "description", "eligibility_description", "minimum_age",
        "maximum_age", "languages", "service_area", "location_name", "address", "latitude", "longitude",
        "schedule", "assured_date",
    ]

    /// The CSV rows of one association (one with no activity still gets a row).
    public static func csvRows(_ item: Published) -> [[String]] {
        let entry = item.entry
        let head = [
            item.id, entry.name, entry.organisationNumber.description, entry.legalForm.rawValue,
            entry.founded.map { String($0.year) } ?? "", item.registers.map(\.area).joined(separator: " "),
        ]
        let verified = item.verified?.description ?? ""
        guard !entry.activities.isEmpty else {
            return [head + Array(repeating: "", count: csvColumns.count - head.count - 1) + [verified]]
        }
        return entry.activities.enumerated().map { index, activity in
            head + [
                "\(item.id)/activities/\(index + 1)", activity.name, activity.description, activity.audience,
                activity.minimumAge.map(String.init) ?? "", activity.maximumAge.map(String.init) ?? "",
                activity.languages.joined(separator: " "), activity.area, activity.place, activity.address,
                activity.latitude.map { String($0) } ?? "", activity.longitude.map { String($0) } ?? "",
                activity.schedule, verified,
            ]
        }
    }
}
