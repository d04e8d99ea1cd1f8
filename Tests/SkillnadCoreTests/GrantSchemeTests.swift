import Foundation
import Testing

@testable import SkillnadCore

@Suite("Grant schemes, the one entry, applications and decisions")
struct GrantSchemeTests {
    static let today = Day("2027-03-10")!

    static func scheme(
        _ id: String = "skarholmen-2027", areas: [String] = ["skarholmen"], opens: String = "2027-02-01",
        closes: String = "2027-03-31", lateDays: Int = 0, members: Int? = 10
    ) -> GrantScheme {
        GrantScheme(
            id: id, body: "skarholmen-stadsdelsnamnd", name: "Lokalt bidrag", purpose: "Fritid", audience: "Föreningar",
            areas: areas,
            rules: GrantRules(
                registered: true, activeInArea: true, democracyConditions: true, minimumMembers: members),
            minimumAmount: 5_000, maximumAmount: 100_000, opens: Day(opens)!, closes: Day(closes)!,
            lateDays: lateDays, decides: Day("2027-05-12")!, reportDue: Day("2028-02-29")!, attachments: [.budget])
    }

    static let applicant = GrantApplicant(
        registeredIn: ["skarholmen"], activeIn: ["skarholmen", "rinkeby-kista"], members: 25,
        founded: Day("2019-01-01"), boardSize: 3, democracyConditions: true)

    @Test("A scheme under the city's rules passes; each way it loosens them or breaks itself is named")
    func schemeProblems() {
        #expect(Self.scheme().problems(under: .standard).isEmpty)
        var loose = Self.scheme()
        loose.rules.democracyConditions = false
        loose.rules.minimumBoard = 2
        loose.lateDays = 30
        loose.maximumAmount = 1_000
        loose.reportDue = Day("2028-06-30")!
        let fields = loose.problems(under: .standard).map(\.field)
        #expect(fields == ["democracyConditions", "minimumBoard", "lateDays", "maximumAmount", "reportDue"])
        var backwards = Self.scheme()
        backwards.decides = Day("2027-03-01")!
        #expect(backwards.problems(under: .standard).map(\.kind) == [.notAfter(Day("2027-03-31")!)])
        // The report is due by the end of February the year after the decision, leap day included.
        #expect(CityGrantRules.standard.latestReportDue(decides: Day("2027-05-12")!) == Day("2028-02-29"))
        #expect(CityGrantRules.standard.latestReportDue(decides: Day("2026-05-12")!) == Day("2027-02-28"))
    }

    @Test("The one entry: open schemes only, the eligible first, every reason for the others; the late window")
    func oneEntry() {
        let schemes = [
            Self.scheme("elsewhere", areas: ["spanga-tensta"]),
            Self.scheme("home"),
            Self.scheme("city-wide", areas: [], members: 30),
            Self.scheme("not-yet", opens: "2027-04-01", closes: "2027-05-01"),
            Self.scheme("late", closes: "2027-03-05", lateDays: 7),
            Self.scheme("shut", closes: "2027-03-05"),
        ]
        let options = GrantEntry.options(for: Self.applicant, schemes: schemes, on: Self.today)
        #expect(options.map(\.scheme.id) == ["late", "home", "elsewhere", "city-wide"])
        #expect(options.map(\.late) == [true, false, false, false])
        #expect(options[2].reasons == [.notRegistered, .notActiveInArea])
        #expect(options[3].reasons == [.tooFewMembers(has: 25, minimum: 30)])
        // A city-wide scheme still asks for a register somewhere.
        var unregistered = Self.applicant
        unregistered.registeredIn = []
        #expect(GrantEntry.reasons(unregistered, Self.scheme("city", areas: []), on: Self.today) == [.notRegistered])
    }

    @Test("An application reads whole: a draft may lack things, sending asks for all and checks amounts")
    func applicationDraft() {
        let scheme = Self.scheme()
        let (draft, draftProblems) = GrantApplicationDraft(amount: "12 000").read(for: scheme, sending: false)
        #expect(draftProblems.isEmpty)
        #expect(draft.amount == 12_000)
        let (_, sending) = GrantApplicationDraft(amount: "120000", participants: "many").read(
            for: scheme, sending: true)
        #expect(sending.map(\.field) == ["purpose", "description", "amount", "participants"])
        #expect(sending[2].kind == .aboveMaximum(100_000))
        let (_, below) = GrantApplicationDraft(amount: "100", purpose: "x", description: "y")
            .read(for: scheme, sending: true)
        #expect(below.map(\.kind) == [.belowMinimum(5_000)])
        let (_, notANumber) = GrantApplicationDraft(amount: "5 000 kr").read(for: scheme, sending: false)
        #expect(notANumber.map(\.kind) == [.notAnAmount])
        // Sending: closed, not eligible, the budget missing — all at once.
        let problems = GrantApplicationDraft.sendingProblems(
            scheme: scheme, city: .standard, reasons: [.democracyConditions], documents: [.statutes, .annualReport],
            on: Day("2027-04-01")!)
        #expect(
            problems.map(\.kind) == [
                .closed(lastDay: Day("2027-03-31")!), .notEligible(.democracyConditions), .attachmentMissing(.budget),
            ])
        #expect(scheme.requiredAttachments(.standard) == [.statutes, .annualReport, .budget])
    }

    @Test("Decisions: in part needs a smaller amount and a reason; a rejection cites a rule; the diary number")
    func decisions() {
        let granted = GrantDecision.read(
            outcome: "granted", amount: "", rule: "", reason: "", requested: 40_000, field: "")
        #expect(granted.0 == GrantDecision(outcome: .granted, amount: 40_000))
        let part = GrantDecision.read(
            outcome: "grantedInPart", amount: "40000", rule: "", reason: "", requested: 40_000, field: "row")
        #expect(part.0 == nil)
        #expect(part.1.map(\.field) == ["row.amount", "row.reason"])
        let rejected = GrantDecision.read(
            outcome: "rejected", amount: "", rule: "funds", reason: "Medlen räckte inte.", requested: 40_000, field: "")
        #expect(rejected.0 == GrantDecision(outcome: .rejected, amount: 0, rule: .funds, reason: "Medlen räckte inte."))
        let uncited = GrantDecision.read(
            outcome: "rejected", amount: "", rule: "", reason: "Nej", requested: 1, field: "")
        #expect(uncited.1.map(\.field) == ["rule"])
        #expect(
            GrantDecision.read(outcome: "maybe", amount: "", rule: "", reason: "", requested: 1, field: "").0 == nil)
        #expect(GrantDecision.diaryNumber(" SKÄ 2027/14 ").0 == "SKÄ 2027/14")
        #expect(GrantDecision.diaryNumber("").1.map(\.kind) == [.missing])
        #expect(GrantDecision.diaryNumber("sammanträdet").0 == nil)
    }

    @Test("Each side takes only its own steps; the association edits only before the handler starts")
    func statusSteps() {
        #expect(GrantStatus.draft.moves(by: .applicant).isEmpty)
        #expect(GrantStatus.draft.moves(by: .handler).isEmpty)
        #expect(GrantStatus.received.moves(by: .handler) == [.inReview])
        #expect(GrantStatus.inReview.moves(by: .applicant) == [.withdrawn])
        #expect(GrantStatus.granted.moves(by: .handler) == [.paid])
        #expect(GrantStatus.paid.moves(by: .applicant).isEmpty)
        #expect(GrantStatus.closed.moves(by: .handler).isEmpty)
        #expect(GrantStatus.allCases.filter(\.isEditable) == [.draft, .received])
        #expect(GrantStatus.allCases.filter(\.takesReport) == [.paid, .reportDue])
    }

    @Test("A document is what its bytes say: a PDF, a DOCX, an ODT; a renamed image is not")
    func documentFormats() {
        #expect(DocumentFormat(filename: "Stadgar.PDF") == .pdf)
        #expect(DocumentFormat(filename: "bild.png") == nil)
        #expect(DocumentFormat.pdf.matches(Data("%PDF-1.4\n".utf8)))
        #expect(!DocumentFormat.pdf.matches(Data([0x89, 0x50, 0x4E, 0x47])))
        #expect(!DocumentFormat.docx.matches(Data([0x50, 0x4B, 0x03, 0x04]) + Data("other.xml".utf8)))
        #expect(DocumentFormat.docx.matches(Data([0x50, 0x4B, 0x03, 0x04]) + Data("word/document.xml".utf8)))
    }
}

@Suite("Where the support goes")
struct GrantSupportTests {
    @Test("Kronor and associations per 1,000 residents, pooled by class, the best-off over the worst-off")
    func pooledByClass() throws {
        let counts = [
            GrantSupport.AreaCount(id: "rinkeby", kronor: 10_000, associations: 2, population: 20_000, ordering: 1),
            GrantSupport.AreaCount(id: "tensta", kronor: 0, associations: 1, population: 10_000, ordering: 1),
            GrantSupport.AreaCount(id: "vasastan", kronor: 90_000, associations: 9, population: 30_000, ordering: 5),
            GrantSupport.AreaCount(id: "nowhere", kronor: 5, associations: 0, population: nil, ordering: 3),
            GrantSupport.AreaCount(id: "unplaced", kronor: 5, associations: 0, population: 100, ordering: nil),
        ]
        let support = GrantSupport.analyse(counts, betterOff: .higherIsBetter, isClasses: true)
        #expect(support.classes.map(\.value) == [1, 5])
        // Pooled: 10,000 kr over 30,000 residents, not the mean of 500 and 0.
        #expect(abs(support.classes[0].rates.kronorPer1000 - 10_000.0 / 30) < 1e-9)
        #expect(abs(support.classes[1].rates.kronorPer1000 - 3_000) < 1e-9)
        #expect(abs((support.kronor.bestOffToWorstOff ?? 0) - 9) < 1e-9)
        #expect(abs((support.associations.bestOffToWorstOff ?? 0) - 3) < 1e-9)
        #expect(support.leftOut.map(\.reason) == [.noPopulation, .noOrdering])
        #expect(support.total?.kronor == 100_000)
        // More money to the better-off: a positive slope.
        #expect((support.kronor.areas.slopeIndexOfInequality?.value ?? 0) > 0)
        // Nothing awarded in the worst-off class: no ratio rather than a division by zero.
        let none = GrantSupport.analyse(
            [counts[1], counts[2]], betterOff: .higherIsBetter, isClasses: true)
        #expect(none.kronor.bestOffToWorstOff == nil)
    }

    @Test("360Giving: the standard's columns, the recipient by organisation number, the amount in kronor")
    func threeSixtyGiving() throws {
        let award = ThreeSixtyGiving.Award(
            id: "abc", title: "Läger", description: "En vecka", amount: 12_000, awardDate: Day("2027-04-20")!,
            recipientNumber: try OrganisationNumber(parsing: "802480-1014"), recipientName: "Bredängs fritidsförening",
            funderName: "Skärholmens stadsdelsnämnd", programme: "Lokalt bidrag", locations: ["Skärholmen"],
            lastModified: "2027-04-21T08:00:00Z")
        let row = ThreeSixtyGiving.row(award, prefix: "360G-stockholm", funderIdentifier: "SE-BLV-2120000142")
        #expect(row.count == ThreeSixtyGiving.columns.count)
        #expect(row[0] == "360G-stockholm-abc" && row[3] == "SEK" && row[4] == "12000" && row[5] == "2027-04-20")
        #expect(row[6] == "SE-BLV-8024801014")
    }
}

@Suite("A scheme from the officials' form")
struct GrantSchemeDraftTests {
    static func draft() -> GrantSchemeDraft {
        var draft = GrantSchemeDraft(GrantSchemeTests.scheme())
        draft.minimumMembers = "15"
        return draft
    }

    @Test("A complete form reads to the scheme; the city's rules are inherited whatever the form says")
    func reads() throws {
        let (scheme, problems) = Self.draft().read(
            bodies: ["skarholmen-stadsdelsnamnd"], areas: ["skarholmen"], city: .standard)
        #expect(problems.isEmpty)
        let read = try #require(scheme)
        #expect(read.rules.minimumMembers == 15 && read.rules.democracyConditions && read.rules.registered)
        #expect(GrantSchemeDraft(read).read(bodies: [read.body], areas: ["skarholmen"], city: .standard).0 == read)
    }

    @Test("Every problem at once: another body, an unknown area, a loosened board, bad days and amounts")
    func problems() {
        var draft = Self.draft()
        draft.id = "Skärholmen 2027"
        draft.body = "kulturnamnden"
        draft.areas = ["skarholmen", "atlantis"]
        draft.minimumBoard = "2"
        draft.maximumAmount = "lots"
        draft.closes = "2027-13-01"
        draft.lateDays = "30"
        draft.attachments = ["budget", "reportOnUse"]
        let (scheme, problems) = draft.read(
            bodies: ["skarholmen-stadsdelsnamnd"], areas: ["skarholmen"], city: .standard)
        #expect(scheme == nil)
        #expect(
            problems.map(\.field) == ["id", "body", "areas", "maximumAmount", "closes", "attachments"])
        // Once the form reads, the city's rules are checked: the board and the late days.
        var loose = Self.draft()
        loose.minimumBoard = "2"
        loose.lateDays = "30"
        let (_, rules) = loose.read(bodies: ["skarholmen-stadsdelsnamnd"], areas: ["skarholmen"], city: .standard)
        #expect(rules.map(\.field) == ["minimumBoard", "lateDays"])
    }
}
