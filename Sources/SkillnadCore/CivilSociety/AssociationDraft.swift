import Foundation

/// An association's entry as a form or a file gives it, every value as written; `entry` reads it
/// into an `AssociationEntry` or names every problem at once, each with its field.
public struct AssociationDraft: Sendable, Codable, Equatable {
    public struct BoardRow: Sendable, Codable, Equatable {
        public var name: String
        public var role: String

        public init(name: String = "", role: String = "") {
            self.name = name
            self.role = role
        }
    }

    public struct ActivityRow: Sendable, Codable, Equatable {
        public var name: String
        public var description: String
        public var audience: String
        public var minimumAge: String
        public var maximumAge: String
        /// Language codes separated by commas or spaces.
        public var languages: String
        public var area: String
        public var place: String
        public var address: String
        public var latitude: String
        public var longitude: String
        public var schedule: String

        public init(
            name: String = "", description: String = "", audience: String = "", minimumAge: String = "",
            maximumAge: String = "", languages: String = "", area: String = "", place: String = "",
            address: String = "", latitude: String = "", longitude: String = "", schedule: String = ""
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

        /// Nothing written in it: a blank row of the form, skipped.
        var isBlank: Bool {
            [
                name, description, audience, minimumAge, maximumAge, languages, place, address, latitude, longitude,
                schedule,
            ]
            .allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    public var name: String = ""
    public var organisationNumber: String = ""
    public var legalForm: String = ""
    public var founded: String = ""
    public var purpose: String = ""
    public var districts: [String] = []
    /// Member counts keyed `band/sex` (`7-12/women`).
    public var members: [String: String] = [:]
    public var board: [BoardRow] = []
    public var contactName: String = ""
    public var contactEmail: String = ""
    public var contactPhone: String = ""
    public var contactPublic: Bool = false
    public var website: String = ""
    public var giroKind: String = ""
    public var giroNumber: String = ""
    public var annualMeeting: String = ""
    public var democracyConditions: Bool = false
    public var activities: [ActivityRow] = []

    public init() {}

    /// A problem with one field (`board`, `activities[2].maximumAge`).
    public struct Problem: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case missing
            case tooLong(maximum: Int)
            case organisationNumber(OrganisationNumber.Problem)
            case giro(GiroNumber.Problem)
            case notADay
            case inTheFuture
            case notACount
            case boardTooSmall(has: Int, minimum: Int)
            case noChair
            case unknownChoice(String)
            case unknownArea(String)
            case ageRange
            case coordinates
            case email
            case tooMany(maximum: Int)
            /// Before the day already on record (an annual meeting earlier than the last one).
            case before(Day)
            /// Another entry has this organisation number.
            case alreadyRegistered
            /// Changed by someone else since it was opened: the stored version and the one given.
            case changedSince(stored: Int, given: Int)
        }

        public let field: String
        public let kind: Kind

        public init(_ field: String, _ kind: Kind) {
            self.field = field
            self.kind = kind
        }
    }

    public struct Problems: Error, Sendable, Equatable {
        public let problems: [Problem]
    }

    /// The longest a name may be, and a text.
    public static let nameLength = 200
    public static let textLength = 4000
    public static let maximumActivities = 30
    /// The oldest age an activity may name.
    public static let maximumAge = 130
    public static let maximumBoard = 30
    /// The most members one cell may count: more is a typing error.
    public static let maximumCount = 1_000_000

    /// The entry, when every field reads; `districts` are the district areas there are registers
    /// for, `areas` every area an activity may name; `today` bounds the dates.
    public func entry(districts known: Set<String>, areas: Set<String>, today: Day) throws(Problems)
        -> AssociationEntry
    {
        var problems: [Problem] = []
        func text(_ field: String, _ value: String, required: Bool = false, maximum: Int = Self.textLength) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty { problems.append(Problem(field, .missing)) }
            if trimmed.count > maximum { problems.append(Problem(field, .tooLong(maximum: maximum))) }
            return trimmed
        }
        func day(_ field: String, _ value: String, required: Bool) -> Day? {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if required { problems.append(Problem(field, .missing)) }
                return nil
            }
            guard let parsed = Day(trimmed) else {
                problems.append(Problem(field, .notADay))
                return nil
            }
            if parsed > today { problems.append(Problem(field, .inTheFuture)) }
            return parsed
        }
        func count(_ field: String, _ value: String) -> Int? {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Int(trimmed), number >= 0, number <= Self.maximumCount else {
                problems.append(Problem(field, .notACount))
                return nil
            }
            return number
        }

        let name = text("name", self.name, required: true, maximum: Self.nameLength)
        var number: OrganisationNumber?
        if self.organisationNumber.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(Problem("organisationNumber", .missing))
        } else {
            do throws(OrganisationNumber.Problem) {
                number = try OrganisationNumber(parsing: organisationNumber)
            } catch {
                problems.append(Problem("organisationNumber", .organisationNumber(error)))
            }
        }
        let form = AssociationEntry.LegalForm(rawValue: legalForm)
        if form == nil {
            problems.append(Problem("legalForm", legalForm.isEmpty ? .missing : .unknownChoice(legalForm)))
        }
        let founded = day("founded", self.founded, required: false)
        let purpose = text("purpose", self.purpose, required: true)
        let chosen = self.districts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if chosen.isEmpty { problems.append(Problem("districts", .missing)) }
        for district in chosen where !known.contains(district) {
            problems.append(Problem("districts", .unknownArea(district)))
        }

        var members = AssociationEntry.Members()
        for band in AssociationEntry.AgeBand.allCases {
            for sex in AssociationEntry.Sex.allCases {
                let key = "\(band.rawValue)/\(sex.rawValue)"
                if let value = self.members[key].flatMap({ count("members.\(key)", $0) }), value > 0 {
                    members.counts[band, default: [:]][sex] = value
                }
            }
        }
        for key in self.members.keys.sorted() where !Self.memberKeys.contains(key) {
            problems.append(Problem("members", .unknownChoice(key)))
        }

        var board: [AssociationEntry.BoardMember] = []
        // Rows keep the form's numbers in what is said about them; blank rows are skipped.
        let rows = self.board.enumerated().filter { !$0.element.name.trimmingCharacters(in: .whitespaces).isEmpty }
        if rows.count > Self.maximumBoard { problems.append(Problem("board", .tooMany(maximum: Self.maximumBoard))) }
        for (index, row) in rows.prefix(Self.maximumBoard) {
            let field = "board[\(index)]"
            let memberName = text("\(field).name", row.name, maximum: Self.nameLength)
            guard let role = AssociationEntry.BoardRole(rawValue: row.role) else {
                problems.append(Problem("\(field).role", row.role.isEmpty ? .missing : .unknownChoice(row.role)))
                continue
            }
            board.append(AssociationEntry.BoardMember(name: memberName, role: role))
        }
        let elected = board.filter { $0.role != .deputy }.count
        if elected < AssociationEntry.minimumBoard {
            problems.append(Problem("board", .boardTooSmall(has: elected, minimum: AssociationEntry.minimumBoard)))
        } else if !board.contains(where: { $0.role == .chair }) {
            problems.append(Problem("board", .noChair))
        }

        let contactName = text("contactName", self.contactName, required: true, maximum: Self.nameLength)
        let contactEmail = text("contactEmail", self.contactEmail, required: true, maximum: Self.nameLength)
        if !contactEmail.isEmpty && !Self.looksLikeEmail(contactEmail) {
            problems.append(Problem("contactEmail", .email))
        }
        let contactPhone = text("contactPhone", self.contactPhone, maximum: 40)
        let website = text("website", self.website, maximum: Self.nameLength)

        var giro: GiroNumber?
        if let kind = GiroNumber.Kind(rawValue: giroKind) {
            if giroNumber.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(Problem("giroNumber", .missing))
            } else {
                do throws(GiroNumber.Problem) {
                    giro = try GiroNumber(kind, parsing: giroNumber)
                } catch {
                    problems.append(Problem("giroNumber", .giro(error)))
                }
            }
        } else {
            problems.append(Problem("giroKind", giroKind.isEmpty ? .missing : .unknownChoice(giroKind)))
        }
        let annualMeeting = day("annualMeeting", self.annualMeeting, required: true)

        var activities: [AssociationEntry.Activity] = []
        let written = self.activities.enumerated().filter { !$0.element.isBlank }
        if written.count > Self.maximumActivities {
            problems.append(Problem("activities", .tooMany(maximum: Self.maximumActivities)))
        }
        for (index, row) in written.prefix(Self.maximumActivities) {
            let field = "activities[\(index)]"
            let activityName = text("\(field).name", row.name, required: true, maximum: Self.nameLength)
            let minimumAge = count("\(field).minimumAge", row.minimumAge)
            let maximumAge = count("\(field).maximumAge", row.maximumAge)
            if let low = minimumAge, low > Self.maximumAge {
                problems.append(Problem("\(field).minimumAge", .ageRange))
            }
            if let high = maximumAge, high > Self.maximumAge || high < (minimumAge ?? 0) {
                problems.append(Problem("\(field).maximumAge", .ageRange))
            }
            let area = row.area.trimmingCharacters(in: .whitespaces)
            if area.isEmpty {
                problems.append(Problem("\(field).area", .missing))
            } else if !areas.contains(area) {
                problems.append(Problem("\(field).area", .unknownArea(area)))
            }
            let latitude = Double(row.latitude.trimmingCharacters(in: .whitespaces))
            let longitude = Double(row.longitude.trimmingCharacters(in: .whitespaces))
            let latitudeWritten = !row.latitude.trimmingCharacters(in: .whitespaces).isEmpty
            let longitudeWritten = !row.longitude.trimmingCharacters(in: .whitespaces).isEmpty
            var position: (Double, Double)?
            if latitudeWritten || longitudeWritten {
                if let lat = latitude, let lon = longitude, (-90...90).contains(lat), (-180...180).contains(lon) {
                    position = (lat, lon)
                } else {
                    problems.append(Problem("\(field).latitude", .coordinates))
                }
            }
            let languages = row.languages.split(whereSeparator: { $0 == "," || $0 == " " })
                .map { $0.lowercased() }
            for code in languages where !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) {
                problems.append(Problem("\(field).languages", .unknownChoice(code)))
            }
            activities.append(
                AssociationEntry.Activity(
                    name: activityName, description: text("\(field).description", row.description),
                    audience: text("\(field).audience", row.audience, maximum: Self.nameLength),
                    minimumAge: minimumAge, maximumAge: maximumAge, languages: languages, area: area,
                    place: text("\(field).place", row.place, maximum: Self.nameLength),
                    address: text("\(field).address", row.address, maximum: Self.nameLength),
                    latitude: position?.0, longitude: position?.1,
                    schedule: text("\(field).schedule", row.schedule, maximum: Self.nameLength)))
        }

        guard problems.isEmpty, let number, let form, let giro else { throw Problems(problems: problems) }
        return AssociationEntry(
            name: name, organisationNumber: number, legalForm: form, founded: founded, purpose: purpose,
            districts: Array(Set(chosen)).sorted(), members: members, board: board, contactName: contactName,
            contactEmail: contactEmail, contactPhone: contactPhone, contactPublic: contactPublic, website: website,
            giro: giro, annualMeeting: annualMeeting, democracyConditions: democracyConditions,
            activities: activities)
    }

    /// Every `band/sex` key the member counts take.
    public static let memberKeys: Set<String> = Set(
        AssociationEntry.AgeBand.allCases.flatMap { band in
            AssociationEntry.Sex.allCases.map { "\(band.rawValue)/\($0.rawValue)" }
        })

    /// One `@` with something on each side and a dot after it: enough to catch a slip, since
    /// only sending a message proves an address.
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.contains(where: \.isWhitespace)
    }
}

extension AssociationDraft {
    /// The draft an entry reads back as, for a form to show again.
    public init(_ entry: AssociationEntry) {
        self.init()
        name = entry.name
        organisationNumber = entry.organisationNumber.description
        legalForm = entry.legalForm.rawValue
        founded = entry.founded?.description ?? ""
        purpose = entry.purpose
        districts = entry.districts
        for (band, bySex) in entry.members.counts {
            for (sex, value) in bySex { members["\(band.rawValue)/\(sex.rawValue)"] = String(value) }
        }
        board = entry.board.map { BoardRow(name: $0.name, role: $0.role.rawValue) }
        contactName = entry.contactName
        contactEmail = entry.contactEmail
        contactPhone = entry.contactPhone
        contactPublic = entry.contactPublic
        website = entry.website
        giroKind = entry.giro.kind.rawValue
        giroNumber = entry.giro.description
        annualMeeting = entry.annualMeeting?.description ?? ""
        democracyConditions = entry.democracyConditions
        activities = entry.activities.map {
            ActivityRow(
                name: $0.name, description: $0.description, audience: $0.audience,
                minimumAge: $0.minimumAge.map(String.init) ?? "", maximumAge: $0.maximumAge.map(String.init) ?? "",
                languages: $0.languages.joined(separator: ", "), area: $0.area, place: $0.place, address: $0.address,
                latitude: $0.latitude.map { String($0) } ?? "", longitude: $0.longitude.map { String($0) } ?? "",
                schedule: $0.schedule)
        }
    }
}
