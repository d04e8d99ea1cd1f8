@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The dialogue portal as officials and residents use it: planning with the fatigue warning,
/// refusals with the field named, a conflicting edit refused, the portal's filters (the status
/// filter in SQL agreeing with the one rule in Core), feeds that escape what officials type, and
/// the demo's dialogues; on the test's real database (SQLite, or PostgreSQL with `DATABASE_URL`).
@Suite("Dialogue portal")
struct DialogueTests {
    static let body = "rinkeby-kista-stadsdelsnamnd"

    static func dialogue(
        _ id: String, area: String = "rinkeby-kista", start: String, end: String? = nil, tags: [String] = ["trygghet"],
        status: DialogueStatus = .planned, feedback: [DialogueFeedback] = []
    ) -> DialogueValues {
        var values = DialogueValues(
            id: id, title: "Dialog \(id)", purpose: "Att fråga de boende.", method: .safetyWalk, status: status,
            organiser: body, tags: tags, areas: [area],
            sessions: [
                DialogueSession(
                    start: LocalMoment(start) ?? LocalMoment(day: .epoch), end: end.flatMap(LocalMoment.init))
            ])
        values.feedback = feedback
        return values
    }

    static func save(_ values: DialogueValues, _ app: Application) async throws {
        let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
        try await DialogueStore.save(values, version: nil, index: index, by: .system("test"), on: app.db)
    }

    static let newDialogue: [String: String] = [
        "id": "trygghetsvandring-rinkeby", "title": "Trygghetsvandring i Rinkeby",
        "purpose": "Att hitta otrygga platser.",
        "method": "safetyWalk", "level": "consult", "status": "planned", "organiser": body,
        "areas[]": "rinkeby-kista", "tags": "Trygghet", "sessions": "2027-03-10 18:00; 20:00; Rinkeby torg",
    ]

    @Test("An editor plans a dialogue: the check lists the earlier one on the same topic first, then it is saved")
    func plansWithFatigueWarning() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [Self.body])
            let editor = try await app.signIn("editor@stockholm.se")
            // An earlier safety walk in the district area, over without feedback for months.
            try await Self.save(Self.dialogue("tidigare-vandring", start: "2026-09-15 18:00", tags: ["trygghet"]), app)
            let first = try await app.post("/dialogues/new", Self.newDialogue, as: editor)
            #expect(first.status == .ok)
            #expect(first.body.contains("Samma ämne, samma område"))
            #expect(first.body.contains("Dialog tidigare-vandring"))
            #expect(first.body.contains("Väntar på återkoppling"))
            #expect(try await Dialogue.query(on: app.db).count() == 1)
            var acknowledged = Self.newDialogue
            acknowledged["acknowledged"] = "on"
            let second = try await app.post("/dialogues/new", acknowledged, as: editor)
            #expect(second.status == .seeOther, "\(second.body.prefix(600))")
            let saved = try #require(try await DialogueQueries.one("trygghetsvandring-rinkeby", on: app.db)?.values)
            #expect(saved.sessions.first?.end?.description == "2027-03-10 20:00")
            #expect(saved.tags == ["Trygghet"])
            let page = try await app.get("/dialogues/trygghetsvandring-rinkeby", as: editor)
            #expect(page.body.contains("Ändra dialogen"))
        }
    }

    @Test("Refusals name the field: a session that ends before it starts, groups above the total, early feedback")
    func refusesWithTheFieldNamed() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let admin = try await app.signIn("admin@stockholm.se")
            var fields = Self.newDialogue
            fields["sessions"] = "2027-03-10 18:00; 2027-03-09 20:00; Rinkeby torg"
            fields["participants"] = "10"
            fields["byGroup"] = "kon=K=8\nkon=M=5"
            fields["feedback"] = "2027-01-01; Brev; Tack"
            let response = try await app.post("/dialogues/new", fields, as: admin)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("Träffar 1 (end): träffen slutar (2027-03-09 20:00) innan den börjar"))
            #expect(response.body.contains("deltagarna per kon blir 13, fler än de 10 deltagarna"))
            #expect(response.body.contains("återkopplingen (2027-01-01) är daterad före dialogens första träff"))
            #expect(response.body.contains("Trygghetsvandring i Rinkeby"), "the form keeps what was typed")
            #expect(try await Dialogue.query(on: app.db).count() == 0)
        }
    }

    @Test("An editor of another body may not organise for this one, nor edit its dialogues")
    func editorsOfOtherBodies() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("bromma@stockholm.se", role: .editor, bodies: ["bromma-stadsdelsnamnd"])
            let other = try await app.signIn("bromma@stockholm.se")
            let refused = try await app.post("/dialogues/new", Self.newDialogue, as: other)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Arrangör: det finns inget organ"))
            try await Self.save(Self.dialogue("rinkeby-dialog", start: "2027-01-10"), app)
            let edit = try await app.get("/dialogues/rinkeby-dialog/edit", as: other)
            #expect(edit.status == .forbidden)
        }
    }

    @Test("A save from an older version is refused with both versions named, never overwriting")
    func conflictingEdit() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let admin = try await app.signIn("admin@stockholm.se")
            try await Self.save(Self.dialogue("rinkeby-dialog", start: "2027-01-10"), app)
            var fields = Self.newDialogue
            fields["id"] = "rinkeby-dialog"
            fields["version"] = "1"
            fields["title"] = "Första ändringen"
            let first = try await app.post("/dialogues/rinkeby-dialog/edit", fields, as: admin)
            #expect(first.status == .seeOther, "\(first.body.prefix(600))")
            fields["title"] = "Andra ändringen, från samma version"
            let second = try await app.post("/dialogues/rinkeby-dialog/edit", fields, as: admin)
            #expect(second.status == .conflict)
            #expect(second.body.contains("någon annan har ändrat dialogen sedan du öppnade den (version 1, nu 2)"))
            #expect(try await DialogueQueries.one("rinkeby-dialog", on: app.db)?.title == "Första ändringen")
        }
    }

    @Test("The status filter in SQL keeps exactly the dialogues that Core's rule shows with that status")
    func statusFilterAgreesWithCore() async throws {
        try await withTestApp(content: .demo) { app in
            let today = today()
            let past = today.adding(days: -100)?.description ?? ""
            let recent = today.adding(days: -10)?.description ?? ""
            let future = today.adding(days: 30)?.description ?? ""
            let dialogues = [
                Self.dialogue("planerad", start: future),
                Self.dialogue("pagar", start: recent, end: future),
                Self.dialogue("vantar", start: past),
                Self.dialogue(
                    "besvarad", start: past, feedback: [DialogueFeedback(date: today, channel: "Brev", text: "Tack")]),
                Self.dialogue("installd", start: future, status: .cancelled),
                Self.dialogue("oppen-i-forvag", start: future, status: .open),
            ]
            for values in dialogues { try await Self.save(values, app) }
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            for status in DialogueStatus.allCases {
                let (rows, _, _) = try await DialogueQueries.list(
                    .init(status: status), index: index, today: today, limit: 100, offset: 0, on: app.db)
                let expected = dialogues.filter { DialogueFatigue.displayStatus($0, today: today) == status }.map(\.id)
                #expect(Set(rows.map(\.slug)) == Set(expected), "\(status)")
            }
            let overdue = try await DialogueQueries.counts(.init(), index: index, today: today, on: app.db).overdue
            let expectedOverdue = dialogues.filter { values in
                DialogueFatigue.isFeedbackOverdue(
                    stored: values.status, lastDay: values.ends?.day, feedbackGiven: !values.feedback.isEmpty,
                    today: today)
            }
            #expect(overdue == expectedOverdue.count && overdue == 1)
            let portal = try await app.get("/dialogues")
            #expect(portal.body.contains("1 av dialogerna har väntat mer än 8 veckor på återkoppling"))
            // An area filter finds dialogues in the area, in areas inside it and in areas around it.
            let (city, _, _) = try await DialogueQueries.list(
                .init(area: "stockholm"), index: index, today: today, limit: 100, offset: 0, on: app.db)
            #expect(city.count == dialogues.count)
            let (bromma, _, _) = try await DialogueQueries.list(
                .init(area: "bromma"), index: index, today: today, limit: 100, offset: 0, on: app.db)
            #expect(bromma.isEmpty)
            let refused = try await app.get("/dialogues?status=nonsense")
            #expect(refused.status == .badRequest)
        }
    }

    @Test("What officials type is escaped on the page, in the calendar and in the news feed")
    func feedsEscape() async throws {
        try await withTestApp(content: .demo) { app in
            var values = Self.dialogue("fientlig", start: "2027-02-01 18:00", end: "2027-02-01 20:00")
            values.title = "</title><script>alert(1)</script>\nEND:VCALENDAR"
            values.purpose = "Rad ett\r\nEND:VEVENT\r\nBEGIN:VEVENT; med, tecken"
            try await Self.save(values, app)
            let page = try await app.get("/dialogues/fientlig")
            #expect(!page.body.contains("<script>alert(1)"))
            let calendar = try await app.get("/dialogues/calendar.ics?area=rinkeby-kista")
            #expect(calendar.status == .ok)
            let lines = calendar.body.components(separatedBy: "\r\n")
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
            #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
            #expect(calendar.body.contains("DTSTART;TZID=Europe/Stockholm:20270201T180000"))
            let feed = try await app.get("/dialogues/feed.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml")
            #expect(!feed.body.contains("<script>"))
            #expect(feed.body.contains("&lt;/title&gt;&lt;script&gt;"))
        }
    }

    @Test("The demo's dialogues load where their districts exist, and the portal lists them")
    func demoDialogues() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.db.transaction { tx in
                try await CatalogueImporter.add(
                    areas: [
                        AreaRecord(id: "husby", name: "Husby", kind: .district, parent: "rinkeby-kista"),
                        AreaRecord(
                            id: "liljeholmen", name: "Liljeholmen", kind: .district, parent: "hagersten-liljeholmen"),
                    ], in: tx, actor: .system("test"))
            }
            let line = try await DemoDialogues.load(on: app.db)
            #expect(line == "Demo dialogues: 7.")
            #expect(try await DemoDialogues.load(on: app.db) == nil)
            let husby = try await app.get("/dialogues?area=husby")
            #expect(husby.body.contains("Husby Träff som medborgardriven mötesplats"))
            #expect(husby.body.contains("Avslutad – återkoppling saknas"))
            let english = try await app.get("/dialogues/husby-traff-motesplats?lang=en")
            #expect(english.body.contains("Husby Träff as a citizen-run meeting place"))
        }
    }

    @Test("Whom the dialogues reach: counts per district by area type, participants shared by population")
    func reach() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.addDistrictsWithAreaTypes()
            // In the district area: both its districts, 40 participants shared 10 / 30 by population.
            var whole = Self.dialogue("hela-omradet", area: "rinkeby-kista", start: "2025-05-01")
            whole.outcome = DialogueOutcome(participants: 40)
            try await Self.save(whole, app)
            var west = Self.dialogue("vastra", area: "vastra", start: "2025-06-01")
            west.outcome = DialogueOutcome(participants: 6)
            try await Self.save(west, app)
            try await Self.save(Self.dialogue("installd", area: "vastra", start: "2025-06-01", status: .cancelled), app)
            try await Self.save(Self.dialogue("for-tidigt", area: "vastra", start: "2014-06-01"), app)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let result = try await DialogueReachQuery.compute(
                fromYear: 2016, toYear: 2025, indicatorCode: "omradestyp", index: index, on: app.db)
            let byClass = Dictionary(uniqueKeysWithValues: result.reach.classes.map { ($0.value, $0.rates) })
            // Type 1: two district-dialogues over 4,000 residents; 40 participants.
            #expect(byClass[1]?.dialogues == 2)
            #expect(byClass[1]?.participants == 40)
            #expect(abs((byClass[1]?.dialoguesPer1000 ?? 0) - 0.5) < 1e-9)
            // Type 5: one dialogue over 2,000 residents (the cancelled and the early one do not count).
            #expect(byClass[5]?.dialogues == 1)
            #expect(abs((byClass[5]?.participantsPer1000 ?? 0) - 3.0) < 1e-9)
            #expect(result.years.count == 10)
            let page = try await app.get("/dialogues/reach?from=2016&to=2025&indicator=omradestyp")
            #expect(page.status == .ok)
            #expect(page.body.contains("Områden med stora socioekonomiska utmaningar"))
            let api = try await app.getJSON("/api/v1/dialogues/reach?from=2016&to=2025&indicator=omradestyp")
            #expect(api.status == .ok)
            let classes = try #require((api.json["reach"] as? [String: Any])?["classes"] as? [[String: Any]])
            #expect(classes.compactMap { ($0["rates"] as? [String: Any])?["dialogues"] as? Int } == [2, 1])
            let unknown = try await app.get("/dialogues/reach?indicator=finns-inte")
            #expect(unknown.status == .badRequest)
            // Years in either order are the same span.
            let backwards = try await app.get("/dialogues/reach?from=2025&to=2016&indicator=omradestyp")
            #expect(backwards.status == .ok)
            #expect(backwards.body.contains("2016–2025"))
            let badYear = try await app.get("/dialogues/reach?from=1800")
            #expect(badYear.status == .badRequest)
        }
    }

    @Test("Lines end as browsers send them (CRLF); measure codes as officials write them become links")
    func browserLinesAndMeasureCodes() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let admin = try await app.signIn("admin@stockholm.se")
            var fields = Self.newDialogue
            fields["acknowledged"] = "on"
            fields["participants"] = "40"
            fields["byGroup"] = "kon=K=16\r\nkon=M=18\r\nalder=16-24=9"
            fields["ledTo"] = "measure A.2.3.1\r\ntext Fler lampor vid gångtunneln"
            fields["coOrganisers"] = "ab-svenska-bostader\r\nab-stockholmshem"
            let saved = try await app.post("/dialogues/new", fields, as: admin)
            #expect(saved.status == .seeOther, "\(saved.body.prefix(800))")
            let values = try #require(try await DialogueQueries.one("trygghetsvandring-rinkeby", on: app.db)?.values)
            #expect(values.outcome?.participantsByGroup == ["kon=K": 16, "kon=M": 18, "alder=16-24": 9])
            #expect(values.coOrganisers == ["ab-svenska-bostader", "ab-stockholmshem"])
            #expect(values.outcome?.ledTo.first == DialogueResult(kind: .measure, target: "dold-potential-a-2-3-1"))
            let page = try await app.get("/dialogues/trygghetsvandring-rinkeby")
            #expect(page.body.contains("href=\"/measures/dold-potential-a-2-3-1\""))
            // An unknown measure among the results is refused by its line.
            fields["id"] = "en-till"
            fields["ledTo"] = "measure Z.9.9.9"
            let refused = try await app.post("/dialogues/new", fields, as: admin)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("det finns ingen åtgärd ”Z.9.9.9”"))
        }
    }

    @Test("A planned dialogue's page lists the other dialogues in its area on its topic")
    func pageListsRelated() async throws {
        try await withTestApp(content: .demo) { app in
            try await Self.save(Self.dialogue("tidigare", start: "2026-09-15 18:00"), app)
            try await Self.save(Self.dialogue("planerad", start: "2099-01-10 18:00"), app)
            let page = try await app.get("/dialogues/planerad")
            #expect(page.body.contains("Andra dialoger i området"))
            #expect(page.body.contains("href=\"/dialogues/tidigare\""))
        }
    }

    /// A fixed pseudo-random sequence, so a failure can be run again as it was.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(
        "What SQL reads first changes nothing: the fatigue check and the reach counts as if read dialogue by dialogue")
    func sqlAgreesWithDialogueByDialogue() async throws {
        try await withTestApp(content: .demo) { app in
            // Two districts in each of four district areas, and a DeSO area in one of them.
            let districtAreas = try await CatalogueLoader.load(from: app.db).areas.filter { $0.kind == .districtArea }
            try #require(districtAreas.count >= 4)
            var added: [AreaRecord] = []
            for (number, parent) in districtAreas.prefix(4).enumerated() {
                for half in 0..<2 {
                    added.append(
                        AreaRecord(
                            id: "d\(number)-\(half)", name: "Stadsdel \(number)-\(half)", kind: .district,
                            parent: parent.id, population: half == 0 ? 1000 : nil))
                }
            }
            added.append(AreaRecord(id: "deso-1", name: "DeSO 1", kind: .deso, parent: "d0-0", population: 300))
            let districts = added
            try await app.db.transaction { tx in
                try await CatalogueImporter.add(areas: districts, in: tx, actor: .system("test"))
            }
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let areas = index.document.areas.map(\.id).sorted()
            let today = today()
            let tags = ["trygghet", "parker", "skola", "bibliotek"]
            let statuses: [DialogueStatus] = [.planned, .open, .cancelled, .awaitingFeedback, .feedbackGiven]
            var random = Sequence(state: 20_261_202)
            var dialogues: [DialogueValues] = []
            for number in 0..<160 {
                let start = today.adding(days: random.next(2_400) - 1_800) ?? today
                let end = random.next(3) == 0 ? start.adding(days: random.next(40)) : nil
                var values = Self.dialogue(
                    "d\(number)", area: areas[random.next(areas.count)], start: start.description,
                    end: end?.description, tags: [tags[random.next(tags.count)]],
                    status: statuses[random.next(statuses.count)])
                if random.next(5) == 0 { values.areas.append(areas[random.next(areas.count)]) }
                if random.next(7) == 0 { values.sessions = [] }
                let over = (end ?? start) < today
                if over, random.next(2) == 0 { values.outcome = DialogueOutcome(participants: random.next(90)) }
                if over, random.next(3) == 0 {
                    values.feedback = [DialogueFeedback(date: today, channel: "Brev", text: "Tack")]
                }
                try await DialogueStore.save(values, version: nil, index: index, by: .system("test"), on: app.db)
                dialogues.append(values)
            }
            let tree = index.areaTree
            let everything = dialogues.map(DialogueFatigue.Known.init)
            var listed = 0
            var cut = 0
            for number in 0..<40 {
                let day = today.adding(days: random.next(1_200) - 600) ?? today
                let topics: Set<String> = number % 8 == 0 ? [] : ["tag:" + tags[random.next(tags.count)]]
                let plan = DialogueFatigue.Plan(
                    id: number % 5 == 0 ? "d\(number)" : nil, areas: [areas[random.next(areas.count)]], topics: topics,
                    day: day)
                let expected = DialogueFatigue.check(plan, against: everything, tree: tree, today: today)
                let warning = try await DialogueQueries.warning(
                    plan, listing: 1_000, tree: tree, today: today, on: app.db)
                #expect(warning == expected, "plan \(number)")
                // Listing the first few of those awaiting feedback: the same first few, all counted.
                let firstFew = try await DialogueQueries.warning(
                    plan, listing: 3, tree: tree, today: today, on: app.db)
                #expect(firstFew.overlaps == expected.overlaps, "plan \(number)")
                #expect(firstFew.awaitingFeedback == Array(expected.awaitingFeedback.prefix(3)), "plan \(number)")
                #expect(firstFew.awaitingFeedbackCount == expected.awaitingFeedback.count, "plan \(number)")
                listed += warning.overlaps.count + warning.awaitingFeedback.count
                cut += expected.awaitingFeedback.count > 3 ? 1 : 0
            }
            #expect(listed > 40)
            #expect(cut > 5, "plans with more than three awaiting feedback: \(cut)")
            // Links stored before the fatigue columns existed get them from their dialogues.
            let city = try #require(index.document.areas.first { $0.parent == nil }).id
            let plan = DialogueFatigue.Plan(id: nil, areas: [city], topics: ["tag:trygghet"], day: today)
            func read() async throws -> DialogueFatigue.Warning {
                try await DialogueQueries.warning(plan, listing: 1_000, tree: tree, today: today, on: app.db)
            }
            let before = try await read()
            #expect(!before.isEmpty)
            try await app.db.sql().raw("UPDATE dialogue_areas SET slug = 'x', last_on = NULL, feedback_on = NULL").run()
            let unfilled = try await read()
            #expect(unfilled != before)
            try await AddDialogueFatigueColumns.backfill(try app.db.sql())
            let backfilled = try await read()
            #expect(backfilled == before)
            // The reach counts: every dialogue not cancelled, in its year, once in each district it covers.
            var coverage = DialogueReachQuery.Coverage(index: index)
            var expected = DialogueReachQuery.Tally()
            for values in dialogues where values.status != .cancelled {
                guard let year = values.starts?.day.year, (2021...2026).contains(year) else { continue }
                let reached = Set(values.areas.flatMap { coverage.districts($0) })
                expected.add(
                    year: year, reached: reached, count: 1, people: values.outcome?.participants, index: index)
            }
            let tally = try await DialogueReachQuery.tally(fromYear: 2021, toYear: 2026, index: index, on: app.db)
            #expect(tally.dialogues == expected.dialogues)
            #expect(tally.dialogues.values.reduce(0) { $0 + $1.count } > 20)
            #expect(!tally.participants.isEmpty)
            #expect(Set(tally.participants.keys) == Set(expected.participants.keys))
            for (year, districts) in expected.participants {
                for (district, people) in districts {
                    #expect(abs((tally.participants[year]?[district] ?? -1) - people) < 1e-6, "\(year) \(district)")
                }
            }
            // Links stored before the reach columns existed get them from their dialogues.
            let sql = try app.db.sql()
            try await sql.raw(
                "UPDATE dialogue_areas SET starts_on = NULL, status = 'x', participants = NULL, spread = 1"
            )
            .run()
            let cleared = try await DialogueReachQuery.tally(fromYear: 2021, toYear: 2026, index: index, on: app.db)
            #expect(cleared.dialogues.isEmpty)
            try await AddDialogueReachColumns.backfill(sql)
            let filled = try await DialogueReachQuery.tally(fromYear: 2021, toYear: 2026, index: index, on: app.db)
            #expect(filled == tally)
        }
    }
}
