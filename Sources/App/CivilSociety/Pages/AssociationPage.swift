import SkillnadCore

/// An association's page: what the register publishes (purpose, activities, members counted,
/// the districts' registers it is in, when it was last verified, and the contact person when the
/// association made it public). Its own administrators also see the board, the account and
/// every register's decision; the district's officials see the entry they are to approve.
struct AssociationPage: Encodable, Sendable {
    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    /// A name and the language it is in.
    struct Named: Encodable, Sendable {
        let name: String
        let lang: String
    }

    struct RegisterRow: Encodable, Sendable {
        let district: String
        let lang: String
        let standing: String
        let reason: String?
    }

    struct BoardRow: Encodable, Sendable {
        let name: String
        let role: String
    }

    struct MemberRow: Encodable, Sendable {
        let band: String
        let counts: [String]
        let total: String
    }

    let name: String
    let purpose: String
    let facts: [Fact]
    let registers: [RegisterRow]
    let activities: [RegisterPage.ActivityText]
    let sexes: [String]
    let members: [MemberRow]
    let membersTotal: String
    let contact: [Fact]
    /// What only the association's own and the officials see.
    let privateFacts: [Fact]
    let board: [BoardRow]
    let editHref: String?
    let reviewHref: String?

    static func build(
        _ stored: AssociationStore.Stored, index: CatalogueIndex, lang: Lang, today: Day, administers: Bool,
        reviews: Bool
    ) -> AssociationPage {
        let s = Texts(lang)
        let entry = stored.entry
        var facts = [
            Fact(label: s[.asOrganisationNumber], value: entry.organisationNumber.description),
            Fact(label: s[.asLegalForm], value: s.label(entry.legalForm)),
        ]
        if let founded = entry.founded { facts.append(Fact(label: s[.asFounded], value: founded.description)) }
        if let verified = stored.verifiedOn { facts.append(Fact(label: s[.asVerified], value: verified.description)) }
        if !entry.website.isEmpty { facts.append(Fact(label: s[.asWebsite], value: entry.website)) }
        let seesAll = administers || reviews
        let registers = stored.registers.filter { seesAll || stored.standing($0, today: today).isRegistered }.map {
            register in
            let name = index.areaByID[register.area].map { lang.pick($0.name, $0.nameEn) }
            return RegisterRow(
                district: name?.text ?? register.area, lang: name?.lang ?? "sv",
                standing: s.label(stored.standing(register, today: today)),
                reason: seesAll ? register.reason : nil)
        }
        let bands = AssociationEntry.AgeBand.allCases
        let members = bands.map { band in
            MemberRow(
                band: band.rawValue,
                counts: AssociationEntry.Sex.allCases.map { String(entry.members.count(band, $0)) },
                total: String(AssociationEntry.Sex.allCases.reduce(0) { $0 + entry.members.count(band, $1) }))
        }
        var contact: [Fact] = []
        if entry.contactPublic || seesAll {
            contact = [
                Fact(label: s[.asContactName], value: entry.contactName),
                Fact(label: s[.asContactEmail], value: entry.contactEmail),
            ]
            if !entry.contactPhone.isEmpty {
                contact.append(Fact(label: s[.asContactPhone], value: entry.contactPhone))
            }
        }
        var privateFacts: [Fact] = []
        if seesAll {
            privateFacts = [
                Fact(label: s[.asGiro], value: "\(s.label(entry.giro.kind)) \(entry.giro.description)"),
                Fact(label: s[.asAnnualMeeting], value: entry.annualMeeting?.description ?? "–"),
                Fact(
                    label: s[.asDemocracyConditions],
                    value: entry.democracyConditions ? s[.asAccepted] : s[.asNotAccepted]),
            ]
        }
        return AssociationPage(
            name: entry.name, purpose: entry.purpose, facts: facts, registers: registers,
            activities: entry.activities.map { RegisterPage.describe($0, s, lang: lang) },
            sexes: AssociationEntry.Sex.allCases.map { s.label($0) }, members: members,
            membersTotal: String(entry.members.total), contact: contact, privateFacts: privateFacts,
            board: seesAll ? entry.board.map { BoardRow(name: $0.name, role: s.label($0.role)) } : [],
            editHref: administers ? SiteURL.Associations.edit(.value(stored.slug)).link(lang) : nil,
            reviewHref: reviews ? SiteURL.Associations.review(.value(stored.slug)).link(lang) : nil)
    }
}
