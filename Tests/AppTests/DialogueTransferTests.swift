@testable import App
import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Testing
import Vapor

/// The import of a list of dialogues and the export: all or nothing, every problem on its line
/// and column (the file's own, the catalogue's, the shapes', the stored ids', the importer's
/// bodies), a replace that keeps what the file does not carry, and an export that reads back to
/// the same dialogues.
@Suite("Dialogue import and export")
struct DialogueTransferTests {
    static let body = DialogueTests.body
    static let header = DialogueCSV.header()

    /// A file with the English header, each row given by its columns.
    static func csv(_ rows: [[String: String]]) -> Data {
        var writer = CSVWriter(.rfc4180)
        writer.row(header)
        for row in rows { writer.row(header.map { row[$0] ?? "" }) }
        return Data(writer.text().utf8)
    }

    /// A complete row of a dialogue with one session.
    static func row(
        _ id: String, title: String? = nil, organiser: String = body, areas: String = "rinkeby-kista",
        start: String = "2027-03-10 18:00", end: String = "20:00", _ more: [String: String] = [:]
    ) -> [String: String] {
        var row = [
            "id": id, "title": title ?? "Dialog \(id)", "purpose": "Att fråga de boende.", "method": "safetyWalk",
            "organiser": organiser, "areas": areas, "start": start, "end": end,
        ]
        row.merge(more) { _, new in new }
        return row
    }

    static func index(_ app: Application) async throws -> CatalogueIndex {
        CatalogueIndex(try await CatalogueLoader.load(from: app.db))
    }

    static func run(
        _ app: Application, _ data: Data, replace: Bool = false, dryRun: Bool = false
    ) async throws -> DialogueImport.Outcome {
        try await DialogueImport.run(
            data, replace: replace, dryRun: dryRun, as: nil, by: .system("test"), index: try await index(app),
            on: app.db)
    }

    /// The problems of a file that must be refused.
    static func refusal(_ app: Application, _ data: Data, replace: Bool = false) async throws -> [DialogueImportProblem]
    {
        do {
            _ = try await run(app, data, replace: replace)
        } catch let error as DialogueImportProblems {
            return error.problems
        }
        Issue.record("the file was imported")
        return []
    }

    static func count(_ app: Application) async throws -> Int {
        try await Dialogue.query(on: app.db).count()
    }

    @Test("A good file imports: the dialogues, their sessions on following rows, Swedish choices, counts and feedback")
    func importsAGoodFile() async throws {
        try await withTestApp(content: .demo) { app in
            let file = Self.csv([
                Self.row(
                    "vandring-rinkeby", title: "Trygghetsvandring i Rinkeby",
                    [
                        "method": "trygghetsvandring", "question": "Var känner du dig otrygg?",
                        "tags": "trygghet|belysning", "place": "Rinkeby torg", "address": "Rinkebytorget 1",
                        "latitude": "59.3883", "longitude": "17.9286",
                    ]),
                ["id": "vandring-rinkeby", "start": "2027-03-17 18:00", "place": "Tensta centrum"],
                [
                    "id": "digitalt-samrad", "title": "Digitalt samråd om parken", "purpose": "Att samla synpunkter.",
                    "method": "digitalConsultation", "status": "återkopplad", "organiser": Self.body,
                    "digital": "ja", "start": "2026-09-01", "participants": "120", "contributions": "45",
                    "feedback date": "2026-10-15", "feedback channel": "Portalen",
                    "feedback text": "Så här gick det.",
                ],
            ])
            let checked = try await Self.run(app, file, dryRun: true)
            #expect(checked.created == 2 && checked.sessions == 3 && !checked.written)
            #expect(try await Self.count(app) == 0, "a dry run writes nothing")

            let outcome = try await Self.run(app, file)
            #expect(
                outcome == DialogueImport.Outcome(created: 2, replaced: 0, sessions: 3, warnings: [], written: true))
            let walk = try #require(try await DialogueQueries.one("vandring-rinkeby", on: app.db)?.values)
            #expect(walk.method == .safetyWalk)
            #expect(walk.tags == ["trygghet", "belysning"])
            #expect(walk.sessions.map(\.start.description) == ["2027-03-10 18:00", "2027-03-17 18:00"])
            #expect(walk.sessions.first?.end?.description == "2027-03-10 20:00")
            #expect(
                walk.sessions.first?.place
                    == DialoguePlace(
                        name: "Rinkeby torg", address: "Rinkebytorget 1", latitude: 59.3883, longitude: 17.9286))
            let online = try #require(try await DialogueQueries.one("digitalt-samrad", on: app.db)?.values)
            #expect(online.digital && online.areas.isEmpty && online.status == .feedbackGiven)
            #expect(online.outcome == DialogueOutcome(participants: 120, contributions: 45))
            let given = try #require(Day("2026-10-15"))
            #expect(online.feedback == [DialogueFeedback(date: given, channel: "Portalen", text: "Så här gick det.")])
            struct Count: Decodable { let n: Int }
            let sessions = try await app.db.sql().raw("SELECT COUNT(*) AS n FROM dialogue_sessions").first(
                decoding: Count.self)
            #expect(sessions?.n == 3)
        }
    }

    @Test("A file with problems on several lines writes nothing and names each line and column")
    func refusesWithEveryProblemPlaced() async throws {
        try await withTestApp(content: .demo) { app in
            let problems = try await Self.refusal(
                app,
                Self.csv([
                    Self.row("okant-omrade", areas: "rinkeby-kista|atlantis"),
                    Self.row("okant-organ", organiser: "ingen-namnd"),
                    Self.row("slutar-tidigt", end: "17:00"),
                    Self.row("bra-dialog"),
                ]))
            #expect(
                problems == [
                    DialogueImportProblem(line: 2, column: "areas", .file(.value(.unknownArea("atlantis")))),
                    DialogueImportProblem(line: 3, column: "organiser", .file(.value(.unknownBody("ingen-namnd")))),
                    DialogueImportProblem(
                        line: 4, column: "end",
                        .file(.value(.endsBeforeStart(start: "2027-03-10 18:00", end: "2027-03-10 17:00")))),
                ])
            #expect(try await Self.count(app) == 0)
            let texts = Texts(.sv)
            #expect(texts.describe(problems[0]) == "Rad 2, kolumn areas: det finns inget område med id ”atlantis”")
            #expect(
                Texts(.en).describe(problems[2])
                    == "Line 4, column end: the session ends (2027-03-10 17:00) before it starts (2027-03-10 18:00)")
        }
    }

    @Test(
        "A stored id is refused unless replacing; a replace keeps what the file does not carry and is checked with it")
    func repeatedIds() async throws {
        try await withTestApp(content: .demo) { app in
            var stored = DialogueTests.dialogue("finns-redan", start: "2027-01-10 18:00")
            stored.titleEn = "Already there"
            stored.targetGroups = TargetGroupAnalysis(groups: "Unga i Rinkeby")
            stored.outcome = DialogueOutcome(participants: 13, participantsByGroup: ["kon=K": 8, "kon=M": 5])
            try await DialogueTests.save(stored, app)
            let file = Self.csv([Self.row("finns-redan", title: "Ny titel", ["participants": "10"])])

            #expect(
                try await Self.refusal(app, file)
                    == [DialogueImportProblem(line: 2, column: "id", .exists("finns-redan"))])
            // Replacing with fewer participants than the stored counts by group add up to.
            #expect(
                try await Self.refusal(app, file, replace: true) == [
                    DialogueImportProblem(
                        line: 2, column: "participants",
                        .file(.value(.groupsExceedTotal(dimension: "kon", sum: 13, total: 10))))
                ])
            #expect(try await DialogueQueries.one("finns-redan", on: app.db)?.title == "Dialog finns-redan")

            let replaced = try await Self.run(
                app, Self.csv([Self.row("finns-redan", title: "Ny titel", ["participants": "20"])]), replace: true)
            #expect(replaced.created == 0 && replaced.replaced == 1)
            let dialogue = try #require(try await DialogueQueries.one("finns-redan", on: app.db))
            let values = try #require(dialogue.values)
            #expect(dialogue.version == 2)
            #expect(values.title == "Ny titel" && values.titleEn == "Already there")
            #expect(values.targetGroups?.groups == "Unga i Rinkeby")
            #expect(values.outcome?.participants == 20 && values.outcome?.participantsByGroup["kon=K"] == 8)

            // The same id on two rows is one dialogue, whose own columns must agree.
            let differing = try await Self.refusal(
                app, Self.csv([Self.row("tva-rader", title: "Första"), Self.row("tva-rader", title: "Andra")]))
            #expect(
                differing == [
                    DialogueImportProblem(line: 3, column: "title", .file(.differsFrom(line: 2, value: "Första")))
                ])
        }
    }

    @Test("The upload page: an editor of another body is refused per row; their own rows import; Swedish and English")
    func uploadPage() async throws {
        try await withTestApp(content: .demo) { app in
            try await app.makeUser("bromma@stockholm.se", role: .editor, bodies: ["bromma-stadsdelsnamnd"])
            let editor = try await app.signIn("bromma@stockholm.se")
            let path = SiteURL.DialogueTransfer.importDialogues.path
            let form = try await app.get(path, as: editor)
            #expect(form.status == .ok)
            #expect(form.body.contains("<label for=\"f-file\""))
            #expect(form.body.contains("enctype=\"multipart/form-data\""))
            #expect(form.body.contains(SiteURL.DialogueTransfer.csv.path + "?variant=excel"))
            #expect(form.body.contains("<code lang=\"sv\">arrangör</code>"))

            let brommas = Self.row("bromma-dialog", organiser: "bromma-stadsdelsnamnd", areas: "bromma")
            let mixed = Self.csv([brommas, Self.row("rinkeby-dialog")])
            let refused = try await app.postMultipart(path, [], file: ("file", "dialoger.csv", mixed), as: editor)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("dialoger.csv lästes inte in, ingenting skrevs: 1 problem."))
            #expect(refused.body.contains("Rad 3, kolumn organiser: du är inte redaktör för ”\(Self.body)”"))
            #expect(!refused.body.contains("Rad 2,"))
            let english = try await app.postMultipart(
                path + "?lang=en", [], file: ("file", "dialogues.csv", mixed), as: editor)
            #expect(english.body.contains("Line 3, column organiser: you are not an editor for"))
            #expect(try await Self.count(app) == 0)

            let done = try await app.postMultipart(
                path, [], file: ("file", "dialoger.csv", Self.csv([brommas])), as: editor)
            #expect(done.status == .ok)
            #expect(done.body.contains("<dt>Nya dialoger</dt><dd>1</dd>"))
            #expect(try await DialogueQueries.one("bromma-dialog", on: app.db)?.organiser == "bromma-stadsdelsnamnd")

            // Replacing another body's dialogue with one's own organiser would take it over.
            try await DialogueTests.save(DialogueTests.dialogue("rinkebys", start: "2027-01-10"), app)
            let takeover = Self.csv([Self.row("rinkebys", organiser: "bromma-stadsdelsnamnd", areas: "bromma")])
            let taken = try await app.postMultipart(
                path, [("replace", "on")], file: ("file", "dialoger.csv", takeover), as: editor)
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("Rad 2, kolumn id: du är inte redaktör för ”\(Self.body)”"))
            #expect(try await DialogueQueries.one("rinkebys", on: app.db)?.organiser == Self.body)

            let none = try await app.postMultipart(path, [], as: editor)
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.contains("Välj en fil att läsa in."))
        }
    }

    @Test("Export and import again give the same dialogues, in both variants")
    func roundTrip() async throws {
        try await withTestApp(content: .demo) { app in
            var walk = DialogueTests.dialogue(
                "vandring", start: "2027-03-10 18:00", end: "2027-03-10 20:00", tags: ["trygghet", "ljus, mörker"])
            walk.question = "Var är det \"mörkt\"?\nOch var är det tryggt?"
            walk.level = .involve
            walk.sessions.append(
                DialogueSession(
                    start: try #require(LocalMoment("2027-03-17 18:00")),
                    place: DialoguePlace(
                        name: "Rinkeby torg", address: "Rinkebytorget 1", latitude: 59.3883,
                        longitude: 17.9286)))
            var online = DialogueTests.dialogue(
                "samrad", start: "2026-09-01", status: .feedbackGiven,
                feedback: [
                    DialogueFeedback(date: try #require(Day("2026-10-15")), channel: "Portalen", text: "=SUMMA(1;2)")
                ])
            online.areas = []
            online.digital = true
            online.method = .digitalConsultation
            online.outcome = DialogueOutcome(participants: 120, contributions: 45)
            let originals = [online, walk]
            for values in originals { try await DialogueTests.save(values, app) }

            let plain = try await app.get(SiteURL.DialogueTransfer.csv.path)
            #expect(plain.status == .ok)
            #expect(plain.headers.contentType?.subType == "csv")
            #expect(plain.body.hasPrefix(Self.header.joined(separator: ",")))
            let excel = try await app.get(SiteURL.DialogueTransfer.csv.path + "?variant=excel")
            #expect(excel.body.contains("id;titel;syfte") && excel.body.contains("trygghetsvandring"))
            #expect(try await app.get(SiteURL.DialogueTransfer.csv.path + "?variant=xls").status == .badRequest)

            let sql = try app.db.sql()
            for table in ["dialogue_areas", "dialogue_topics", "dialogue_sessions", "dialogues"] {
                try await sql.delete(from: table).run()
            }
            let created = try await Self.run(app, Data(plain.body.utf8))
            #expect(created.created == 2 && created.sessions == 3)
            for values in originals {
                #expect(try await DialogueQueries.one(values.id, on: app.db)?.values == values)
            }
            let replaced = try await Self.run(app, Data(excel.body.utf8), replace: true)
            #expect(replaced.replaced == 2)
            for values in originals {
                #expect(try await DialogueQueries.one(values.id, on: app.db)?.values == values)
            }
        }
    }

    @Test("Swapped coordinates are refused and a place outside every area is a warning, by the areas' shapes")
    func places() async throws {
        try await withTestApp(content: .demo) { app in
            let session = DialogueSession(
                start: LocalMoment(day: try #require(Day("2027-03-10"))),
                place: DialoguePlace(name: "Torget", latitude: 17.92, longitude: 59.40))
            #expect(DialoguePlaces(shapes: []).problems([session]).isEmpty, "without shapes nothing is said")

            // A small square around Rinkeby.
            let corners = "[17.90,59.39],[17.95,59.39],[17.95,59.42],[17.90,59.42],[17.90,59.39]"
            let square = #"{"type":"Polygon","coordinates":[["# + corners + "]]}"
            let area = try #require(try await Area.query(on: app.db).filter(\.$slug == "rinkeby-kista").first())
            area.geometry = square
            try await area.save(on: app.db)
            app.catalogue.invalidate()
            let places = DialoguePlaces(index: try await Self.index(app))
            #expect(places.contains(latitude: 59.40, longitude: 17.92))
            #expect(
                places.problems([session]) == [
                    DialogueProblem(
                        field: "sessions[0].place.latitude", .coordinatesSwapped(latitude: 17.92, longitude: 59.40))
                ])

            let swapped = Self.row("byttplats", ["place": "Torget", "latitude": "17.92", "longitude": "59.40"])
            let inside = Self.row("inne", ["place": "Torget", "latitude": "59.40", "longitude": "17.92"])
            #expect(
                try await Self.refusal(app, Self.csv([inside, swapped])) == [
                    DialogueImportProblem(
                        line: 3, column: "latitude",
                        .file(.value(.coordinatesSwapped(latitude: 17.92, longitude: 59.40))))
                ])
            #expect(try await Self.count(app) == 0)

            let outside = Self.row("utanfor", ["place": "Slottet", "latitude": "59.3268", "longitude": "18.0717"])
            let outcome = try await Self.run(app, Self.csv([inside, outside]))
            #expect(outcome.created == 2)
            #expect(
                outcome.warnings == [
                    DialogueImportProblem(
                        line: 3, column: "latitude",
                        .file(.value(.outsideMunicipality(latitude: 59.3268, longitude: 18.0717))))
                ])
        }
    }

    @Test("The command: a dry run writes nothing, a stored id is refused, --replace replaces")
    func command() async throws {
        try await withTestApp(content: .demo) { app in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dialogues-\(UUID()).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try Self.csv([Self.row("kommandot")]).write(to: file)
            func context(_ flags: String...) -> CommandContext {
                var context = CommandContext(
                    console: app.console, input: CommandInput(arguments: ["skillnad", file.path] + flags))
                context.application = app
                return context
            }
            var dryRun = context("--dry-run")
            try await DialogueImportCommand().run(using: &dryRun)
            #expect(try await Self.count(app) == 0)
            var first = context()
            try await DialogueImportCommand().run(using: &first)
            #expect(try await Self.count(app) == 1)
            var again = context()
            await #expect(throws: CatalogueCommandError.self) { try await DialogueImportCommand().run(using: &again) }
            var replace = context("--replace")
            try await DialogueImportCommand().run(using: &replace)
            #expect(try await DialogueQueries.one("kommandot", on: app.db)?.version == 2)
        }
    }
}
