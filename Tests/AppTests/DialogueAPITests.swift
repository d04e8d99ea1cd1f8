@testable import App
import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Testing
import Vapor

/// The dialogue portal's read API: the portal's filters and paging, one dialogue's whole record,
/// refusals as problem+json naming the parameter, answers that match the document, and answers
/// kept until something is saved.
@Suite("Dialogue API")
struct DialogueAPITests {
    typealias Portal = DialogueTests

    /// Six dialogues around today: one of each shown status in Rinkeby-Kista, and a workshop in
    /// Bromma organised by its district council.
    static func saveSix(_ app: Application) async throws -> Day {
        let day = today()
        func offset(_ days: Int) -> String { day.adding(days: days)?.description ?? "" }
        var bromma = Portal.dialogue("bromma-skola", area: "bromma", start: offset(60), tags: ["Skola"])
        bromma.organiser = "bromma-stadsdelsnamnd"
        bromma.method = .workshop
        bromma.level = .decide
        let dialogues = [
            Portal.dialogue("planerad", start: offset(30)),
            Portal.dialogue("pagar", start: offset(-10), end: offset(5)),
            Portal.dialogue("vantar", start: offset(-100)),
            Portal.dialogue(
                "besvarad", start: offset(-200),
                feedback: [DialogueFeedback(date: day, channel: "Brev", text: "Tack")]),
            Portal.dialogue("installd", start: offset(20), status: .cancelled),
            bromma,
        ]
        for values in dialogues { try await Portal.save(values, app) }
        app.catalogue.invalidate()
        return day
    }

    /// A body as a JSON object; empty when it is none.
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func ids(_ app: Application, _ query: String) async throws -> [String] {
        let response = try await app.getJSON(APIURL.Dialogues.list.path + "?" + query)
        #expect(response.status == .ok, "\(query)")
        return (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("The list filters as the portal does, shows the status as residents see it, and pages with the total")
    func listFiltersAndPages() async throws {
        try await withTestApp(content: .demo) { app in
            let day = try await Self.saveSix(app)
            let all = try await app.get(APIURL.Dialogues.list.path)
            #expect(all.status == .ok)
            try await FollowUpAPITests.validate(app, all.body, "DialogueSummaryList")
            let list = Self.object(all.body)
            #expect(list["total"] as? Int == 6 && list["limit"] as? Int == 50 && list["offset"] as? Int == 0)
            let items = list["items"] as? [[String: Any]] ?? []
            let everyID = items.compactMap { $0["id"] as? String }
            #expect(everyID == ["bromma-skola", "planerad", "installd", "pagar", "vantar", "besvarad"], "latest first")

            let bromma = try #require(items.first)
            #expect(bromma["url"] as? String == "/dialogues/bromma-skola")
            #expect(bromma["organiser"] as? String == "bromma-stadsdelsnamnd")
            #expect(bromma["method"] as? String == "workshop" && bromma["level"] as? String == "decide")
            #expect(bromma["areas"] as? [String] == ["bromma"] && bromma["digital"] as? Bool == false)
            #expect(bromma["startsOn"] as? String == day.adding(days: 60)?.description)
            let waiting = try #require(items.first { $0["id"] as? String == "vantar" })
            #expect(waiting["status"] as? String == "awaitingFeedback", "recorded as planned, shown by its dates")
            let answered = try #require(items.first { $0["id"] as? String == "besvarad" })
            #expect(answered["status"] as? String == "feedbackGiven")
            #expect(answered["feedbackOn"] as? String == day.description)

            #expect(try await Self.ids(app, "status=awaitingFeedback") == ["vantar"])
            #expect(try await Self.ids(app, "status=open") == ["pagar"])
            #expect(try await Self.ids(app, "status=cancelled") == ["installd"])
            #expect(try await Self.ids(app, "area=bromma") == ["bromma-skola"])
            #expect(try await Self.ids(app, "organiser=bromma-stadsdelsnamnd") == ["bromma-skola"])
            #expect(try await Self.ids(app, "method=workshop") == ["bromma-skola"])
            #expect(try await Self.ids(app, "topic=tag:skola") == ["bromma-skola"])
            #expect(try await Self.ids(app, "q=skola") == ["bromma-skola"])
            #expect(try await Self.ids(app, "area=rinkeby-kista&method=workshop").isEmpty)
            #expect(try await Self.ids(app, "area=&organiser=%20") == everyID, "blank text filters read as absent")
            let from = day.adding(days: 25)?.description ?? ""
            #expect(try await Self.ids(app, "from=\(from)") == ["bromma-skola", "planerad"])
            let to = day.adding(days: -50)?.description ?? ""
            #expect(try await Self.ids(app, "to=\(to)") == ["vantar", "besvarad"])
            #expect(try await Self.ids(app, "topic=%00").isEmpty, "a NUL matches nothing, without an error")

            let page = try await app.getJSON(APIURL.Dialogues.list.path + "?limit=2&offset=1")
            #expect(page.json["total"] as? Int == 6 && page.json["limit"] as? Int == 2)
            #expect(page.json["offset"] as? Int == 1)
            let paged = (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(paged == Array(everyID[1..<3]))
            let beyond = try await app.getJSON(APIURL.Dialogues.list.path + "?offset=10")
            #expect(beyond.json["total"] as? Int == 6 && (beyond.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("A dialogue's whole record as stored, with the status as shown, its version and time; 404 problem if unknown")
    func wholeRecord() async throws {
        try await withTestApp(content: .demo) { app in
            let day = today()
            var values = Portal.dialogue(
                "rik-dialog", start: (day.adding(days: -30)?.description ?? "") + " 18:00",
                end: (day.adding(days: -30)?.description ?? "") + " 20:00")
            values.titleEn = "A rich dialogue"
            values.question = "Vad gör platsen otrygg?"
            values.decisionExpected = day.adding(days: 90)
            values.sessions[0].place = DialoguePlace(
                name: "Rinkeby torg", address: "Rinkebytorget 1", latitude: 59.388, longitude: 17.928)
            values.targetGroups = TargetGroupAnalysis(groups: "Unga", arrangements: [.interpreter, .childcare])
            values.outcome = DialogueOutcome(
                participants: 40, participantsByGroup: ["kon=K": 22], contributions: 120, summary: "Belysningen",
                documents: ["https://example.org/protokoll.pdf"], ledTo: [DialogueResult(kind: .text, text: "Lampor")])
            values.feedback = [DialogueFeedback(date: day, channel: "Portalen", text: "Vi sätter upp lampor.")]
            try await Portal.save(values, app)
            values.title = "Rik dialog, ändrad"
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            try await DialogueStore.save(values, version: 1, index: index, by: .system("test"), on: app.db)
            app.catalogue.invalidate()

            let path = APIURL.Dialogues.dialogue(.value("rik-dialog")).path
            let response = try await app.get(path)
            #expect(response.status == .ok)
            try await FollowUpAPITests.validate(app, response.body, "DialogueRecord")
            var json = Self.object(response.body)
            #expect(json["version"] as? Int == 2)
            #expect(json["status"] as? String == "planned", "as recorded")
            #expect(json["shownStatus"] as? String == "feedbackGiven", "as shown")
            #expect(json["url"] as? String == "/dialogues/rik-dialog")
            #expect((json["updatedAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
            let decoded = try JSONDecoder().decode(DialogueValues.self, from: Data(response.body.utf8))
            #expect(decoded == values)

            let stored = try #require(try await DialogueQueries.one("rik-dialog", on: app.db)?.record)
            for key in ["shownStatus", "version", "updatedAt", "url"] { json[key] = nil }
            func canonical(_ object: [String: Any]) throws -> String {
                String(
                    decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try canonical(json) == canonical(Self.object(stored)), "the record's fields exactly as stored")

            let unknown = try await app.get(APIURL.Dialogues.dialogue(.value("finns-inte")).path)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType?.subType == "problem+json")
            try await FollowUpAPITests.validate(app, unknown.body, "Problem")
        }
    }

    @Test(
        "A malformed filter is a 400 problem naming the parameter; an area or organiser that names nothing is 404",
        arguments: [
            ("status=nonsense", "status", HTTPStatus.badRequest), ("status=", "status", .badRequest),
            ("method=%20workshop", "method", .badRequest), ("from=2024-13-01", "from", .badRequest),
            ("to=idag", "to", .badRequest), ("limit=0", "limit", .badRequest), ("offset=-1", "offset", .badRequest),
            ("area[]=bromma", "area", .badRequest), ("area=ingenstans", "area", .notFound),
            ("organiser=ingen-namnd", "organiser", .notFound),
        ])
    func refusals(query: String, parameter: String, status: HTTPStatus) async throws {
        try await withTestApp(content: .demo) { app in
            let response = try await app.get(APIURL.Dialogues.list.path + "?" + query)
            #expect(response.status == status)
            #expect(response.headers.contentType?.subType == "problem+json")
            #expect(Self.object(response.body)["parameter"] as? String == parameter)
            try await FollowUpAPITests.validate(app, response.body, "Problem")
        }
    }

    @Test("The fatigue check answers as the form warns: the same topic nearby, and those awaiting feedback")
    func fatigueCheck() async throws {
        try await withTestApp(content: .demo) { app in
            let day = try await Self.saveSix(app)
            let planned = day.adding(days: 30)?.description ?? ""
            let path = APIURL.Dialogues.fatigue.path
            let response = try await app.get(path + "?area=rinkeby-kista&tag=TRYGGHET,%20parker&day=" + planned)
            #expect(response.status == .ok)
            try await FollowUpAPITests.validate(app, response.body, "DialogueFatigueAnswer")
            let json = Self.object(response.body)
            let overlaps = (json["overlaps"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            // Nearest first; the cancelled one and Bromma's are not listed.
            #expect(overlaps == ["planerad", "pagar", "vantar", "besvarad"])
            let awaiting = (json["awaitingFeedback"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(awaiting == ["vantar"])
            #expect(json["overlapCount"] as? Int == 4)
            let first = (json["overlaps"] as? [[String: Any]])?.first
            #expect(first?["timing"] as? String == "overlapping" && first?["url"] as? String == "/dialogues/planerad")
            // Its own id left out, a list cut at the limit but counted whole, no topic: only (b).
            let own = Self.object(
                try await app.get(
                    path + "?area=rinkeby-kista&tag=trygghet&id=planerad&limit=1&day="
                        + planned
                ).body)
            #expect((own["overlaps"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["pagar"])
            #expect(own["overlapCount"] as? Int == 3)
            // Each topic its own answer, not the one kept for another.
            let parks = Self.object(try await app.get(path + "?area=rinkeby-kista&tag=parker&day=" + planned).body)
            #expect(parks["overlapCount"] as? Int == 0)
            let untopical = Self.object(try await app.get(path + "?area=stockholm").body)
            #expect(
                (untopical["overlaps"] as? [Any])?.isEmpty == true && untopical["awaitingFeedbackCount"] as? Int == 1)
            for (query, parameter, status) in [
                ("", "area", HTTPStatus.badRequest), ("area=%20", "area", .badRequest),
                ("area=ingenstans", "area", .notFound), ("area=bromma&day=imorgon", "day", .badRequest),
                ("area=bromma&limit=0", "limit", .badRequest),
            ] {
                let refused = try await app.get(path + "?" + query)
                #expect(refused.status == status, "\(query)")
                #expect(Self.object(refused.body)["parameter"] as? String == parameter, "\(query)")
            }
        }
    }

    @Test("Answers are kept, the same for every caller, until something is saved; the API only reads")
    func cachedAndReadOnly() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [Portal.body])
            let editor = try await app.signIn("editor@stockholm.se")
            try await Portal.save(Portal.dialogue("forsta", start: "2027-01-10"), app)
            app.catalogue.invalidate()
            let path = APIURL.Dialogues.dialogue(.value("forsta")).path
            let first = try await app.get(path)
            #expect(first.status == .ok)
            // A change behind the cache's back (no new generation) is not seen: the answer is kept.
            try await app.db.sql().update(Dialogue.schema).set("record", to: "{}").run()
            #expect(try await app.get(path).body == first.body)
            #expect(try await app.get(path, as: editor).body == first.body)
            try await Portal.save(Portal.dialogue("andra", start: "2027-02-10"), app)
            app.catalogue.invalidate()
            let list = try await app.getJSON(APIURL.Dialogues.list.path)
            #expect(list.json["total"] as? Int == 2)

            let routes = app.routes.all.filter { $0.path.map(\.description).starts(with: ["api", "v1", "dialogues"]) }
            #expect(routes.count >= 2)
            #expect(routes.allSatisfy { $0.method == .GET })
        }
    }
}
