import Foundation
import Testing

@testable import SkillnadCore

@Suite("The register of associations: entries, standing and open data")
struct AssociationRegisterTests {
    let today = Day("2026-05-20")!
    let districts: Set<String> = ["skarholmen", "rinkeby-kista"]
    let areas: Set<String> = ["skarholmen", "rinkeby-kista", "bredang", "tensta"]

    var draft: AssociationDraft {
        var draft = AssociationDraft()
        draft.name = "Bredängs fritidsförening"
        draft.organisationNumber = "802000-0009"
        draft.legalForm = "nonProfit"
        draft.founded = "2019-09-01"
        draft.purpose = "Fritid för barn och unga i Bredäng."
        draft.districts = ["skarholmen"]
        draft.members = ["7-12/women": "14", "7-12/men": "11", "26-64/other": "2"]
        draft.board = [
            .init(name: "Amina Yusuf", role: "chair"), .init(name: "Erik Lind", role: "treasurer"),
            .init(name: "Sara Ek", role: "secretary"), .init(),
        ]
        draft.contactName = "Amina Yusuf"
        draft.contactEmail = "kontakt@bredangsfritid.se"
        draft.giroKind = "bankgiro"
        draft.giroNumber = "5050-1055"
        draft.annualMeeting = "2026-03-15"
        draft.democracyConditions = true
        draft.activities = [
            .init(
                name: "Läxhjälp", audience: "Barn i årskurs 4–9", minimumAge: "10", maximumAge: "15",
                languages: "sv, so", area: "bredang", place: "Bredängs bibliotek", address: "Bredängstorget 2",
                latitude: "59.2950", longitude: "17.9330", schedule: "Tisdagar 16–18"),
            .init(),
        ]
        return draft
    }

    @Test("A complete draft reads into an entry; blank rows of the form are skipped")
    func reads() throws {
        let entry = try draft.entry(districts: districts, areas: areas, today: today)
        #expect(entry.organisationNumber.description == "802000-0009")
        #expect(entry.giro.description == "5050-1055")
        #expect(entry.board.count == 3)
        #expect(entry.members.total == 27)
        #expect(entry.members.young == 25)
        #expect(entry.activities.count == 1)
        #expect(entry.activities[0].languages == ["sv", "so"])
        #expect(entry.activities[0].latitude == 59.295)
        // And back, for the form to show again.
        let again = try AssociationDraft(entry).entry(districts: districts, areas: areas, today: today)
        #expect(again == entry)
    }

    @Test("Every problem at once, each with its field")
    func problems() {
        var bad = draft
        bad.name = " "
        bad.organisationNumber = "19850101-1234"
        bad.legalForm = "club"
        bad.founded = "2030-01-01"
        bad.districts = ["sodermalm"]
        bad.members["7-12/women"] = "-3"
        bad.members["adults/all"] = "4"
        bad.board = [.init(name: "Amina Yusuf", role: "chair"), .init(name: "Erik Lind", role: "deputy")]
        bad.contactEmail = "amina at example"
        bad.giroNumber = "5050-1056"
        bad.activities = [.init(name: "Fotboll", minimumAge: "15", maximumAge: "9", area: "mars", latitude: "91")]
        #expect(throws: AssociationDraft.Problems.self) {
            try bad.entry(districts: districts, areas: areas, today: today)
        }
        do {
            _ = try bad.entry(districts: districts, areas: areas, today: today)
        } catch {
            let found = error.problems.map { "\($0.field): \($0.kind)" }
            #expect(
                found == [
                    "name: missing",
                    "organisationNumber: organisationNumber(SkillnadCore.OrganisationNumber.Problem"
                        + ".personalIdentityNumber)",
                    "legalForm: unknownChoice(\"club\")", "founded: inTheFuture",
                    "districts: unknownArea(\"sodermalm\")", "members.7-12/women: notACount",
                    "members: unknownChoice(\"adults/all\")", "board: boardTooSmall(has: 1, minimum: 3)",
                    "contactEmail: email", "giroNumber: giro(SkillnadCore.GiroNumber.Problem.checkDigit)",
                    "activities[0].maximumAge: ageRange", "activities[0].area: unknownArea(\"mars\")",
                    "activities[0].latitude: coordinates",
                ])
        }
    }

    @Test("A board of three needs a chair; deputies do not count towards the three")
    func board() {
        var noChair = draft
        noChair.board = [
            .init(name: "A", role: "member"), .init(name: "B", role: "treasurer"), .init(name: "C", role: "secretary"),
        ]
        #expect(throws: AssociationDraft.Problems(problems: [.init("board", .noChair)])) {
            try noChair.entry(districts: districts, areas: areas, today: today)
        }
    }

    @Test("Standing: renewed within two months of the annual meeting, else not renewed")
    func standing() {
        let meeting = Day("2026-03-15")!
        func standing(_ decision: RegisterDecision, verified: String?, on day: String) -> RegisterStanding {
            RegisterStanding.of(
                decision: decision, verified: verified.flatMap(Day.init), annualMeeting: meeting, today: Day(day)!)
        }
        #expect(standing(.pending, verified: nil, on: "2026-04-01") == .pending)
        #expect(standing(.refused, verified: nil, on: "2026-04-01") == .refused)
        #expect(standing(.approved, verified: "2026-03-20", on: "2026-06-01") == .active)
        #expect(standing(.approved, verified: "2025-04-01", on: "2026-03-14") == .active)
        #expect(standing(.approved, verified: "2025-04-01", on: "2026-05-15") == .renewalDue)
        #expect(standing(.approved, verified: "2025-04-01", on: "2026-05-16") == .notRenewed)
        #expect(RegisterStanding.renewalDue(after: meeting) == Day("2026-05-15"))
        // Renewed after this year's meeting: due again after next year's, expected in twelve months.
        #expect(standing(.approved, verified: "2026-03-20", on: "2027-03-14") == .active)
        #expect(standing(.approved, verified: "2026-03-20", on: "2027-03-15") == .renewalDue)
        #expect(standing(.approved, verified: "2026-03-20", on: "2027-05-15") == .renewalDue)
        #expect(standing(.approved, verified: "2026-03-20", on: "2027-05-16") == .notRenewed)
        #expect(RegisterStanding.lastDay(annualMeeting: meeting, verified: Day("2026-03-20")) == Day("2027-05-15"))
        #expect(RegisterStanding.lastDay(annualMeeting: meeting, verified: Day("2025-04-01")) == Day("2026-05-15"))
        #expect(RegisterStanding.lastDay(annualMeeting: nil, verified: Day("2025-04-01")) == nil)
        #expect(RegisterStanding.renewalDue.isRegistered && !RegisterStanding.notRenewed.isRegistered)
    }

    @Test("Open data: HSDS shapes, the board never, the contact only when made public")
    func openData() throws {
        var entry = try draft.entry(districts: districts, areas: areas, today: today)
        let item = HSDSRegister.Published(
            id: "bredangs-fritidsforening", entry: entry, registers: [("skarholmen", "Skärholmen")],
            areaNames: ["bredang": "Bredäng"], verified: Day("2026-03-20"), address: "https://example.se/a")
        let organization = HSDSRegister.organization(item, city: "Stockholm")
        #expect(organization.contacts.isEmpty && organization.email == nil)
        #expect(organization.organization_identifiers.map(\.identifier) == ["802000-0009"])
        let service = try #require(organization.services.first)
        #expect(service.assured_date == "2026-03-20")
        #expect(service.service_areas.map(\.name) == ["Bredäng"])
        #expect(service.minimum_age == 10 && service.maximum_age == 15)
        let json = String(decoding: try JSONEncoder().encode(organization), as: UTF8.self)
        #expect(!json.contains("Erik Lind") && !json.contains("5050"))
        entry.contactPublic = true
        let published = HSDSRegister.organization(
            HSDSRegister.Published(
                id: item.id, entry: entry, registers: item.registers, areaNames: item.areaNames,
                verified: item.verified, address: item.address), city: "Stockholm")
        #expect(published.contacts.map(\.name) == ["Amina Yusuf"])
        let rows = HSDSRegister.csvRows(item)
        #expect(rows.count == 1 && rows[0].count == HSDSRegister.csvColumns.count)
        entry.activities = []
        let bare = HSDSRegister.Published(
            id: item.id, entry: entry, registers: item.registers, areaNames: [:], verified: nil, address: "")
        #expect(HSDSRegister.csvRows(bare)[0].count == HSDSRegister.csvColumns.count)
    }
}
