@testable import App
import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Grants through their pages: one association applies to two districts' schemes from its one
/// entry, each district's handler sees and decides only its own in a meeting's batch, the money
/// is paid and the report on use sent; and every refusal the issue names — after the deadline,
/// above the maximum, the wrong attachment, another association's id.
@Suite("Grants to associations")
struct GrantsAppTests {
    static let pdf = Data(DemoGrants.minimalPDF.utf8)

    /// A scheme of `body` for `area`, open today unless told otherwise.
    static func scheme(
        _ id: String, body: String, area: String, closesIn: Int = 20, lateDays: Int = 0, members: Int? = nil
    ) -> GrantScheme {
        let day = today()
        let decides = day.adding(days: closesIn + 30) ?? day
        return GrantScheme(
            id: id, body: body, name: "Bidrag \(id)", purpose: "Fritid för unga.", audience: "Föreningar.",
            areas: [area],
            rules: GrantRules(
                registered: true, activeInArea: true, democracyConditions: true, minimumMembers: members),
            minimumAmount: 1_000, maximumAmount: 50_000, opens: day.adding(days: -30) ?? day,
            closes: day.adding(days: closesIn) ?? day, lateDays: lateDays, decides: decides,
            reportDue: CityGrantRules.standard.latestReportDue(decides: decides), attachments: [.budget])
    }

    /// An association administrator with an association active and approved in Skärholmen and
    /// Rinkeby-Kista; returns its browser and slug.
    static func association(_ app: Application, email: String, name: String, number: String) async throws
        -> (Browser, String)
    {
        let owner = try await AssociationRegisterAppTests.join(app, email)
        var fields = AssociationRegisterAppTests.entry(name: name, number: number)
        fields.append(("districts[]", "rinkeby-kista"))
        let saved = try await ParticipatoryBudgetTests.post(app, "/associations/new", fields, as: owner)
        #expect(saved.status == .seeOther)
        let slug = String(try #require(saved.headers.first(name: .location)).dropFirst("/associations/".count))
        let stored = try #require(try await AssociationStore.find(slug, on: app.db))
        try await AssociationStore.decide(
            stored,
            decisions: [("skarholmen", .approved, nil), ("rinkeby-kista", .approved, nil)], today: today(),
            by: .system("test"), on: app.db)
        return (owner, slug)
    }

    static func send(
        _ app: Application, _ path: String, amount: String, budget: Data?, as browser: Browser,
        action: String = "send", version: String = "0"
    ) async throws -> (status: HTTPStatus, body: String, location: String?) {
        try await app.postMultipart(
            path,
            [
                ("amount", amount), ("purpose", "Läger i sommar"), ("description", "En vecka för 30 barn."),
                ("participants", "30"), ("version", version), ("action", action),
            ],
            files: budget.map { [("budget", "budget.pdf", $0)] } ?? [], as: browser)
    }

    @Test("One entry, two districts' schemes; each handler decides its own in a batch; paid; the report on use")
    func applyDecideReport() async throws {
        try await withTestApp { app in
            for scheme in [
                Self.scheme("skarholmen-test", body: "skarholmen-stadsdelsnamnd", area: "skarholmen"),
                Self.scheme("rinkeby-test", body: "rinkeby-kista-stadsdelsnamnd", area: "rinkeby-kista", members: 15),
                Self.scheme("tensta-test", body: "spanga-tensta-stadsdelsnamnd", area: "spanga-tensta"),
            ] {
                try await GrantStore.saveScheme(scheme, by: .system("test"), on: app.db)
            }
            let (owner, slug) = try await Self.association(
                app, email: "greta@example.se", name: "Vårbergs boulesällskap", number: "802480-1071")

            // The one entry: two schemes open to it, the third with every reason why not.
            let entry = try await app.get("/associations/\(slug)/grants", as: owner)
            #expect(entry.status == .ok)
            let eligible = try #require(entry.body.slice("id=\"gr-eligible\"", "id=\"gr-ineligible\""))
            #expect(eligible.contains("Bidrag skarholmen-test") && eligible.contains("Bidrag rinkeby-test"))
            let ineligible = try #require(entry.body.slice("id=\"gr-ineligible\"", "id=\"gr-applications\""))
            #expect(ineligible.contains("Bidrag tensta-test"))
            #expect(ineligible.contains("inte godkänd i registret") && ineligible.contains("inte verksam"))

            // Its own documents once: a picture renamed .pdf is refused by its bytes.
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
            let fake = try await app.postMultipart(
                "/associations/\(slug)/documents", [], files: [("statutes", "stadgar.pdf", png)], as: owner)
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.body.contains("stadgar.pdf är inte en PDF, DOCX eller ODT"))
            let documents = try await app.postMultipart(
                "/associations/\(slug)/documents", [],
                files: [("statutes", "stadgar.pdf", Self.pdf), ("annualReport", "berattelse.pdf", Self.pdf)],
                as: owner)
            #expect(documents.status == .ok)
            #expect(documents.body.contains("2 dokument tillagda"))

            // Skärholmen: refused without the budget and above the maximum, then sent.
            let skarholmen = "/associations/\(slug)/grants/skarholmen-test"
            let missing = try await Self.send(app, skarholmen, amount: "80 000", budget: nil, as: owner)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Bilaga saknas: Budget"))
            #expect(missing.body.contains("högst 50000 kronor"))
            let queued = try await GrantStore.queue(
                bodies: nil, statuses: GrantStatus.allCases, scheme: nil, limit: 10, on: app.db)
            #expect(queued.total == 0)
            let sent = try await Self.send(app, skarholmen, amount: "20 000", budget: Self.pdf, as: owner)
            #expect(sent.status == .seeOther)
            let first = try #require(sent.location?.split(separator: "?").first.map(String.init))
            #expect(try await app.get(first, as: owner).body.contains("Inkommen"))

            // Rinkeby-Kista: a draft first, then sent from the same form.
            let rinkeby = "/associations/\(slug)/grants/rinkeby-test"
            let draft = try await Self.send(app, rinkeby, amount: "", budget: nil, as: owner, action: "save")
            #expect(draft.status == .seeOther)
            let second = try #require(draft.location?.split(separator: "?").first.map(String.init))
            // A draft is sent only through its form, which checks the rules: never by a bare step.
            let bypass = try await ParticipatoryBudgetTests.post(
                app, "\(second)/step", [("status", "received"), ("version", "1")], as: owner)
            #expect(bypass.status == .conflict)
            // A sent application stays complete: saving it blank is refused as sending it would be.
            let emptied = try await Self.send(
                app, skarholmen, amount: "", budget: nil, as: owner, action: "save", version: "1")
            #expect(emptied.status == .unprocessableEntity)
            let resent = try await Self.send(app, rinkeby, amount: "15000", budget: Self.pdf, as: owner, version: "1")
            #expect(resent.status == .seeOther)

            // Another association's administrator: 404 on the application, the entry and the form.
            let (other, otherSlug) = try await Self.association(
                app, email: "olle@example.se", name: "Sätra schack", number: "802480-1089")
            #expect(try await app.get(first, as: other).status == .notFound)
            #expect(try await app.get("/associations/\(slug)/grants", as: other).status == .notFound)
            #expect(try await app.get(skarholmen, as: other).status == .notFound)
            #expect(try await app.get("/associations/\(otherSlug)/grants", as: other).status == .ok)

            // Each handler sees its own body's applications only.
            try await app.makeUser("skarholmen@stockholm.se", role: .editor, bodies: ["skarholmen-stadsdelsnamnd"])
            try await app.makeUser("rinkeby@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            let skarholmenHandler = try await app.signIn("skarholmen@stockholm.se")
            let rinkebyHandler = try await app.signIn("rinkeby@stockholm.se")
            let queue = try await app.get("/grants/queue", as: skarholmenHandler)
            #expect(queue.body.contains("Bidrag skarholmen-test") && !queue.body.contains("Bidrag rinkeby-test"))
            #expect(try await app.get(first, as: rinkebyHandler).status == .notFound)
            let foreignStep = try await ParticipatoryBudgetTests.post(
                app, "\(first)/step", [("status", "inReview"), ("version", "1")], as: rinkebyHandler)
            #expect(foreignStep.status == .notFound)
            let foreignMessage = try await ParticipatoryBudgetTests.post(
                app, "\(first)/message", [("message", "Hej")], as: rinkebyHandler)
            #expect(foreignMessage.status == .notFound)
            #expect(try await app.get(second, as: rinkebyHandler).status == .ok)

            // A batch with a bad row is refused whole; another body's application is a 404.
            let firstID = String(first.split(separator: "/").last ?? "")
            let secondID = String(second.split(separator: "/").last ?? "")
            let incomplete = try await ParticipatoryBudgetTests.post(
                app, "/grants/queue",
                [
                    ("diaryNumber", "SKÄ 2027/14"), ("meeting", today().description),
                    ("d[\(firstID)][outcome]", "grantedInPart"),
                ],
                as: skarholmenHandler)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.body.contains("mer än 0 och mindre än de 20000 kronor"))
            // The form comes back as it was sent: the outcome chosen on that row, and only there.
            #expect(incomplete.body.components(separatedBy: "value=\"grantedInPart\" selected").count == 2)
            let foreign = try await ParticipatoryBudgetTests.post(
                app, "/grants/queue",
                [
                    ("diaryNumber", "SKÄ 2027/14"), ("meeting", today().description),
                    ("d[\(firstID)][outcome]", "granted"), ("d[\(secondID)][outcome]", "granted"),
                ],
                as: skarholmenHandler)
            #expect(foreign.status == .notFound)
            let firstUUID = try #require(UUID(uuidString: firstID))
            #expect(try await GrantStore.application(firstUUID, on: app.db)?.status == .received)
            // Decided from an older view of the application: refused, nothing written.
            let staleDecision = try await ParticipatoryBudgetTests.post(
                app, "/grants/queue",
                [
                    ("diaryNumber", "SKÄ 2027/14"), ("meeting", today().description), ("d[\(firstID)][version]", "0"),
                    ("d[\(firstID)][outcome]", "granted"),
                ],
                as: skarholmenHandler)
            #expect(staleDecision.status == .conflict)
            let decided = try await ParticipatoryBudgetTests.post(
                app, "/grants/queue",
                [
                    ("diaryNumber", "SKÄ 2027/14"), ("meeting", today().description),
                    ("d[\(firstID)][version]", "1"), ("d[\(firstID)][outcome]", "grantedInPart"),
                    ("d[\(firstID)][amount]", "12 000"),
                    ("d[\(firstID)][rule]", "funds"), ("d[\(firstID)][reason]", "Medlen räckte till mer än hälften."),
                ],
                as: skarholmenHandler)
            #expect(decided.status == .ok)
            #expect(decided.body.contains("1 beslut fattade under SKÄ 2027/14"))
            let rejected = try await ParticipatoryBudgetTests.post(
                app, "/grants/queue",
                [
                    ("diaryNumber", "RK 2027/3"), ("meeting", today().description),
                    ("d[\(secondID)][version]", "2"), ("d[\(secondID)][outcome]", "rejected"),
                    ("d[\(secondID)][rule]", "minimumMembers"),
                    ("d[\(secondID)][reason]", "Verksamheten når för få."),
                ],
                as: rinkebyHandler)
            #expect(rejected.status == .ok)
            let seen = try await app.get(second, as: owner).body
            #expect(seen.contains("Avslagen") && seen.contains("Antal medlemmar") && seen.contains("RK 2027/3"))

            // Paid, then the report on use, then closed; a message both ways.
            let granted = try #require(try await GrantStore.application(firstUUID, on: app.db))
            #expect(granted.amountGranted == 12_000 && granted.status == .grantedInPart)
            let paid = try await ParticipatoryBudgetTests.post(
                app, "\(first)/step", [("status", "paid"), ("version", String(granted.version))], as: skarholmenHandler)
            #expect(paid.status == .seeOther)
            let stale = try await ParticipatoryBudgetTests.post(
                app, "\(first)/step", [("status", "reportDue"), ("version", String(granted.version))],
                as: skarholmenHandler)
            #expect(stale.status == .conflict)
            let ownerStep = try await ParticipatoryBudgetTests.post(
                app, "\(first)/step", [("status", "closed"), ("version", String(granted.version + 1))], as: owner)
            #expect(ownerStep.status == .conflict)
            let message = try await ParticipatoryBudgetTests.post(
                app, "\(first)/message", [("message", "När kommer redovisningen?")], as: skarholmenHandler)
            #expect(message.status == .ok)
            let report = try await app.postMultipart(
                "\(first)/report", [("report", "Lägret hölls i juli med 28 barn.")],
                files: [("file", "redovisning.pdf", Self.pdf)], as: owner)
            #expect(report.status == .ok)
            #expect(report.body.contains("Redovisningen är skickad"))
            let afterReport = try #require(try await GrantStore.application(firstUUID, on: app.db))
            #expect(afterReport.status == .reportReceived)
            let closed = try await ParticipatoryBudgetTests.post(
                app, "\(first)/step", [("status", "closed"), ("version", String(afterReport.version))],
                as: skarholmenHandler)
            #expect(closed.status == .seeOther)
            let timeline = try await app.get(first, as: owner).body
            #expect(timeline.contains("När kommer redovisningen?") && timeline.contains("Avslutad"))
            // The documents: the owner and the handler read them; the other association cannot.
            let events = try await GrantStore.events(firstUUID, on: app.db)
            #expect(events.compactMap(\.status) == [.received, .grantedInPart, .paid, .reportReceived, .closed])
            let docs = try await GrantStore.documents(
                association: granted.associationID, application: granted.id, on: app.db)
            #expect(Set(docs.map(\.kind)) == [.statutes, .annualReport, .budget, .reportOnUse])
            let budget = try #require(docs.first { $0.kind == .budget })
            #expect(try await app.get("/grants/documents/\(budget.id.uuidString)", as: skarholmenHandler).status == .ok)
            #expect(try await app.get("/grants/documents/\(budget.id.uuidString)", as: other).status == .notFound)
            #expect(
                try await app.get("/grants/documents/\(budget.id.uuidString)", as: rinkebyHandler).status == .notFound)
            // The awarded grant is open data in 360Giving's shape; the rejected one is not there.
            let csv = try await app.get("/grants/awarded.csv")
            #expect(csv.status == .ok)
            let lines = csv.body.split(separator: "\n")
            #expect(lines.first?.hasPrefix("Identifier,Title,Description,Currency,Amount Awarded") == true)
            #expect(lines.count == 2)
            #expect(lines.last?.contains("SE-BLV-8024801071") == true && lines.last?.contains(",SEK,12000,") == true)
            #expect(try await app.get("/grants/support").status == .ok)
            // Every change is in the audit trail.
            let actions = try await AuditEvent.query(on: app.db).filter(\.$objectType == "grant-application").all()
                .map(\.action)
            for action in [
                "grant-application-send", "grant-application-save", "grant-application-grantedInPart",
                "grant-application-rejected", "grant-application-paid", "grant-application-message",
                "grant-application-report", "grant-application-closed",
            ] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test("After the deadline: refused, or taken and marked late where the scheme's late rule allows")
    func lateApplications() async throws {
        try await withTestApp { app in
            try await GrantStore.saveScheme(
                Self.scheme("shut", body: "skarholmen-stadsdelsnamnd", area: "skarholmen", closesIn: -2),
                by: .system("test"), on: app.db)
            try await GrantStore.saveScheme(
                Self.scheme("late", body: "skarholmen-stadsdelsnamnd", area: "skarholmen", closesIn: -2, lateDays: 7),
                by: .system("test"), on: app.db)
            // A scheme that loosens the city's rules is not saved.
            var loose = Self.scheme("loose", body: "skarholmen-stadsdelsnamnd", area: "skarholmen")
            loose.rules.democracyConditions = false
            await #expect(throws: GrantStore.Problems.self) {
                try await GrantStore.saveScheme(loose, by: .system("test"), on: app.db)
            }
            let (owner, slug) = try await Self.association(
                app, email: "greta@example.se", name: "Vårbergs boulesällskap", number: "802480-1071")
            _ = try await app.postMultipart(
                "/associations/\(slug)/documents", [],
                files: [("statutes", "stadgar.pdf", Self.pdf), ("annualReport", "berattelse.pdf", Self.pdf)],
                as: owner)
            let shut = try await Self.send(
                app, "/associations/\(slug)/grants/shut", amount: "5000", budget: Self.pdf, as: owner)
            #expect(shut.status == .unprocessableEntity)
            #expect(shut.body.contains("Ordningen är stängd"))
            let late = try await Self.send(
                app, "/associations/\(slug)/grants/late", amount: "5000", budget: Self.pdf, as: owner)
            #expect(late.status == .seeOther)
            let id = try #require(late.location?.split(separator: "?").first?.split(separator: "/").last)
            let uuid = try #require(UUID(uuidString: String(id)))
            let application = try #require(try await GrantStore.application(uuid, on: app.db))
            #expect(application.late && application.status == .received)
            let entry = try await app.get("/associations/\(slug)/grants", as: owner).body
            #expect(!entry.contains("Bidrag shut") && entry.contains("Bidrag late"))
        }
    }

    @Test("Where the support goes: money shared by population among the districts, pooled by area type")
    func support() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.addDistrictsWithAreaTypes()
            var scheme = Self.scheme("hela-staden", body: "kulturnamnden", area: "rinkeby-kista")
            scheme.areas = []
            let stored = GrantStore.StoredScheme(
                id: try await GrantStore.saveScheme(scheme, by: .system("test"), on: app.db), scheme: scheme)
            // One association active in Norra, one in Västra, one in both; each approved in a district area.
            let generation = try await CatalogueStore.generation(on: app.db)
            var ids: [UUID] = []
            for (name, number, district, areas, amount) in [
                ("Norra boll", "802480-1071", "rinkeby-kista", ["norra"], 10_000),
                ("Västra konst", "802480-1089", "bromma", ["vastra"], 30_000),
                ("Båda läsning", "802480-1097", "bromma", ["norra", "vastra"], 6_000),
            ] {
                let entry = AssociationEntry(
                    name: name, organisationNumber: try OrganisationNumber(parsing: number), legalForm: .nonProfit,
                    founded: Day("2010-01-01"), purpose: "Fritid", districts: [district],
                    members: AssociationEntry.Members(counts: [.age26to64: [.women: 20]]),
                    board: [
                        .init(name: "A", role: .chair), .init(name: "B", role: .treasurer),
                        .init(name: "C", role: .secretary),
                    ],
                    contactName: "A", contactEmail: "a@example.se", contactPublic: false,
                    giro: try GiroNumber(.bankgiro, parsing: "5050-7011"), annualMeeting: today(),
                    democracyConditions: true,
                    activities: areas.map { AssociationEntry.Activity(name: "Träffar", languages: ["sv"], area: $0) })
                let slug = try await AssociationStore.register(
                    entry, for: nil, by: .system("test"), now: Date(), on: app.db)
                let association = try #require(try await AssociationStore.find(slug, on: app.db))
                try await AssociationStore.decide(
                    association, decisions: [(district, .approved, nil)], today: today(), by: .system("test"),
                    on: app.db)
                let id = try await GrantStore.saveApplication(
                    GrantRequest(amount: amount, purpose: "Verksamhet", description: "Ett år", participants: nil),
                    scheme: stored, association: association, send: true, version: 0, uploads: [], today: today(),
                    by: .system("test"), on: app.db)
                try await GrantStore.decide(
                    [
                        GrantStore.BatchItem(
                            application: id, version: 1, decision: GrantDecision(outcome: .granted, amount: amount))
                    ],
                    diaryNumber: "KUN 2027/1",
                    meeting: today(), bodies: nil, by: .system("test"), on: app.db)
                ids.append(id)
            }
            // Each entry, approval and decision starts a new generation, so that every server process
            // drops its cached support page.
            #expect(try await CatalogueStore.generation(on: app.db) == generation + 9)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let year = today().year
            let result = try await GrantSupportQuery.compute(
                fromYear: year, toYear: year, indicatorCode: "omradestyp", body: nil, index: index, today: today(),
                on: app.db)
            let byClass = Dictionary(uniqueKeysWithValues: result.support.classes.map { ($0.value, $0.rates) })
            // The 6,000 kr of the association in both is shared by population: 2,000 to Norra (1,000
            // residents), 4,000 to Västra (2,000); it counts once in each.
            // Type 1: 12,000 kr over Norra and Södra's 4,000 residents.
            #expect(abs((byClass[1]?.kronorPer1000 ?? 0) - 3_000) < 1e-6)
            #expect(byClass[1]?.associations == 2)
            // Type 5: 34,000 kr over Västra's 2,000 residents.
            #expect(abs((byClass[5]?.kronorPer1000 ?? 0) - 17_000) < 1e-6)
            #expect(byClass[5]?.associations == 2)
            #expect(abs((result.support.kronor.bestOffToWorstOff ?? 0) - 17_000 / 3_000) < 1e-9)
            #expect(result.unplaced == 0)
            // Another body's schemes: nothing awarded.
            let other = try await GrantSupportQuery.compute(
                fromYear: year, toYear: year, indicatorCode: "omradestyp", body: "skarholmen-stadsdelsnamnd",
                index: index, today: today(), on: app.db)
            #expect(other.support.total?.kronor == 0)
            let page = try await app.get("/grants/support?indicator=omradestyp&from=\(year)&to=\(year)")
            #expect(page.status == .ok)
            #expect(page.body.contains("17 000") || page.body.contains("17\u{A0}000"))
            #expect(try await app.get("/grants/support?indicator=finns-inte").status == .badRequest)
        }
    }

    @Test("Officials publish their body's schemes under the city's rules; another body's is a 404; stale edits 409")
    func publishSchemes() async throws {
        try await withTestApp { app in
            try await app.makeUser("skarholmen@stockholm.se", role: .editor, bodies: ["skarholmen-stadsdelsnamnd"])
            try await app.makeUser("rinkeby@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            let official = try await app.signIn("skarholmen@stockholm.se")
            let other = try await app.signIn("rinkeby@stockholm.se")
            let day = today()
            func fields(board: String = "3", body: String = "skarholmen-stadsdelsnamnd") -> [(String, String)] {
                [
                    ("id", "skarholmen-lokalt"), ("body", body), ("name", "Lokalt bidrag"),
                    ("purpose", "Fritid för unga."), ("audience", "Föreningar i registret."),
                    ("areas[]", "skarholmen"), ("minimumMembers", "10"), ("minimumBoard", board),
                    ("minimumAmount", "5 000"), ("maximumAmount", "100000"),
                    ("opens", day.description), ("closes", (day.adding(days: 30) ?? day).description),
                    ("lateDays", "0"), ("decides", (day.adding(days: 60) ?? day).description),
                    (
                        "reportDue",
                        CityGrantRules.standard.latestReportDue(decides: day.adding(days: 60) ?? day).description
                    ),
                    ("attachments[]", "budget"),
                ]
            }
            #expect(try await app.get("/grants/new", as: official).status == .ok)
            let loose = try await ParticipatoryBudgetTests.post(app, "/grants/new", fields(board: "2"), as: official)
            #expect(loose.status == .unprocessableEntity)
            #expect(loose.body.contains("stadens gemensamma regler kräver mer"))
            let foreign = try await ParticipatoryBudgetTests.post(
                app, "/grants/new", fields(body: "rinkeby-kista-stadsdelsnamnd"), as: official)
            #expect(foreign.status == .unprocessableEntity)
            let saved = try await ParticipatoryBudgetTests.post(app, "/grants/new", fields(), as: official)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/grants/skarholmen-lokalt")
            let stored = try #require(try await GrantStore.scheme("skarholmen-lokalt", on: app.db))
            #expect(stored.scheme.rules.minimumMembers == 10 && stored.scheme.minimumAmount == 5_000)
            #expect(stored.scheme.requiredAttachments(.standard) == [.statutes, .annualReport, .budget])
            let again = try await ParticipatoryBudgetTests.post(app, "/grants/new", fields(), as: official)
            #expect(again.status == .conflict)
            #expect(try await app.get("/grants/skarholmen-lokalt/edit", as: other).status == .notFound)
            let edited = try await ParticipatoryBudgetTests.post(
                app, "/grants/skarholmen-lokalt/edit",
                fields().filter { $0.0 != "name" } + [("version", "1"), ("name", "Lokalt bidrag 2027")],
                as: official)
            #expect(edited.status == .seeOther)
            let stale = try await ParticipatoryBudgetTests.post(
                app, "/grants/skarholmen-lokalt/edit", fields() + [("version", "1")], as: official)
            #expect(stale.status == .conflict)
            #expect(try await GrantStore.scheme("skarholmen-lokalt", on: app.db)?.version == 2)
            let page = try await app.get("/grants/skarholmen-lokalt")
            #expect(page.body.contains("Minst 10 medlemmar") && page.body.contains("Lokalt bidrag 2027"))
        }
    }
}
