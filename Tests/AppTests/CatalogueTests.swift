@testable import App
import Fluent
import SQLKit
import Foundation
import SkillnadCore
import Testing
import Vapor

@Suite("Catalogue import, export and demo")
struct CatalogueTests {
    static func demoDocument() throws -> CatalogueDocument {
        try CatalogueReader.read(Data(contentsOf: StaticFiles.demoCatalogue)).get()
    }

    /// Export lists measures by report, then by code; the file may list them in any order.
    static func inExportOrder(_ doc: CatalogueDocument) -> CatalogueDocument {
        var d = doc
        let reportOrder = Dictionary(
            doc.reports.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        d.measures.sort { a, b in
            let ra = reportOrder[a.report] ?? 0
            let rb = reportOrder[b.report] ?? 0
            if ra != rb { return ra < rb }
            return MeasureCode.parse(a.code)! < MeasureCode.parse(b.code)!
        }
        return d
    }

    @Test("The demo catalogue holds what the seeds name")
    func demoContent() throws {
        let doc = try Self.demoDocument()
        let councils = doc.bodies.filter { $0.kind == .districtCouncil }
        #expect(councils.count == 15)
        #expect(
            councils.filter { Validity(from: $0.validFrom, to: $0.validTo).contains(Day("2017-01-01")!) }.count == 14)
        #expect(
            councils.filter { Validity(from: $0.validFrom, to: $0.validTo).contains(Day("2020-01-01")!) }.count == 13)
        let codes004 = [
            "6.4.2", "6.4.4", "6.5.1", "6.5.2", "4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2", "4.4.1", "4.5.1",
            "4.5.2",
            "6.1.3", "6.2.1", "6.3.1", "6.3.2",
        ]
        for c in codes004 { #expect(doc.measures.contains { $0.code == c }, "missing \(c)") }
        for c in ["A.2.3.1", "A.2.3.2", "A.2.3.3", "A.2.1.1", "A.2.4.4"] {
            #expect(doc.measures.contains { $0.code == c && $0.report == "dold-potential" })
        }
        #expect(
            doc.roadmap?.targetAreas.map(\.strategies.count) == [6, 5, 6, 6]
                || doc.roadmap?.targetAreas.reduce(0) { $0 + $1.strategies.count } == 23)
    }

    @Test("Running the demo twice is safe: the second run loads nothing and changes nothing")
    func demoTwice() async throws {
        try await withTestApp(demo: false) { app in
            let first = try await DemoCommand.load(on: app.db)
            #expect(first?.created["measures"] == 25)
            let before = try await CatalogueLoader.load(from: app.db)
            let second = try await DemoCommand.load(on: app.db)
            #expect(second == nil)
            #expect(try await CatalogueLoader.load(from: app.db) == before)
        }
    }

    @Test("Export and re-import give the same catalogue, and re-import changes nothing")
    func roundTrip() async throws {
        try await withTestApp { app in
            let exported = try await CatalogueLoader.load(from: app.db)
            #expect(exported == Self.inExportOrder(try Self.demoDocument()))
            let data = try CatalogueExportCommand.encode(exported)
            let reread = try CatalogueReader.read(data).get()
            #expect(reread == exported)
            let summary = try await CatalogueImporter.apply(reread, to: app.db)
            #expect(summary.isEmpty, "\(summary)")
        }
    }

    @Test("An import updates, creates and deletes by id, bumps versions, and pages follow at once")
    func sync() async throws {
        try await withTestApp { app in
            var doc = try await CatalogueLoader.load(from: app.db)
            let i = try #require(doc.measures.firstIndex { $0.code == "4.1.1" })
            doc.measures[i].title = "Ny titel för lotsar"
            doc.measures.removeAll { $0.code == "4.5.2" }
            doc.measures.append(
                MeasureRecord(
                    report: "stad-i-samverkan", code: "4.6.1", title: "En ny åtgärd", leadBody: "kommunstyrelsen"))
            _ = try await app.get("/reports/stad-i-samverkan")  // fill the page cache
            let reread = try CatalogueReader.read(CatalogueExportCommand.encode(doc)).get()
            #expect(reread.measures.map(\.code) == doc.measures.map(\.code))
            #expect(doc.measures.contains { $0.code == "4.1.1" }, "\(doc.measures.map(\.code))")
            let summary = try await CatalogueImporter.apply(
                try CatalogueReader.read(CatalogueExportCommand.encode(doc)).get(), to: app.db)
            let slugs = try await Measure.query(on: app.db).all().map(\.slug)
            #expect(summary.updated["measures"] == 1, "\(summary) \(slugs)")
            #expect(summary.created["measures"] == 1)
            #expect(summary.deleted["measures"] == 1)
            let m = try #require(
                try await Measure.query(on: app.db).filter(\.$slug == "stad-i-samverkan-4-1-1").first())
            #expect(m.version == 2)
            app.catalogue.invalidate()
            let page = try await app.get("/reports/stad-i-samverkan")
            #expect(page.body.contains("Ny titel för lotsar"))
            #expect(page.body.contains("En ny åtgärd"))
            #expect(!page.body.contains(">4.5.2</a>"))
        }
    }

    @Test("A change by another process reaches the pages through the generation counter")
    func generation() async throws {
        try await withTestApp { app in
            _ = try await app.get("/bodies/kommunstyrelsen")
            var doc = try await CatalogueLoader.load(from: app.db)
            let i = try #require(doc.bodies.firstIndex { $0.id == "kommunstyrelsen" })
            doc.bodies[i].note = "Ändrad av ett annat program"
            _ = try await CatalogueImporter.apply(doc, to: app.db)  // no invalidate(): as if the CLI did it
            try await Task.sleep(for: .milliseconds(1100))
            let page = try await app.get("/bodies/kommunstyrelsen")
            #expect(page.body.contains("Ändrad av ett annat program"))
        }
    }

    @Test("A bad file lists every problem with its place, and nothing is written")
    func badFile() async throws {
        try await withTestApp { app in
            let before = try await CatalogueLoader.load(from: app.db)
            let json = """
                {"format": "skillnad-catalogue", "version": 1,
                 "bodies": [{"id": "ks", "name": "KS", "kind": "executiveBoard"}, {"id": "ks", "name": "Dubblett", "kind": "boss"}],
                 "reports": [{"id": "r", "title": "R", "year": 2016, "letter": "A"}],
                 "measures": [
                   {"report": "r", "code": "A.1.1", "title": "Ett", "leadBody": "ks"},
                   {"report": "r", "code": "B.1.2", "title": "Fel bokstav"},
                   {"report": "r", "code": "hej", "title": "Ingen kod"},
                   {"report": "r", "code": "1.1", "title": "Dubblett av A.1.1"},
                   {"report": "saknas", "code": "1.1", "title": "Okänd rapport"},
                   {"report": "r", "code": "1.3", "title": "Okänt organ", "leadBody": "finns-inte", "collaboratingBodies": ["group:allaNamnder"]},
                   {"report": "r", "code": "1.4", "titel": "felstavat fält"}
                 ]}
                """
            guard case .failure(let problems) = CatalogueReader.read(Data(json.utf8)) else {
                Issue.record("the file should have been refused")
                return
            }
            let byPath = Dictionary(grouping: problems.problems, by: \.path)
            #expect(byPath["bodies[1].kind"] != nil)
            #expect(byPath["measures[1].code"]?.first?.message.contains("letter B") == true)
            #expect(byPath["measures[2].code"] != nil)
            #expect(byPath["measures[3].code"]?.first?.message.contains("already used") == true)
            #expect(byPath["measures[4].report"] != nil)
            #expect(byPath["measures[5].leadBody"]?.first?.message.contains("finns-inte") == true)
            #expect(byPath["measures[5].collaboratingBodies[0]"] != nil)
            #expect(byPath["measures[6].titel"] != nil)
            #expect(byPath["measures[6].title"] != nil)
            #expect(try await CatalogueLoader.load(from: app.db) == before)
        }
    }

    @Test("The import command refuses a bad file with every problem and writes nothing")
    func importCommand() async throws {
        try await withTestApp { app in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json")
            try Data(
                #"{"format": "skillnad-catalogue", "version": 1, "measures": [{"report": "x", "code": "1.1", "title": "T"}]}"#
                    .utf8
            ).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let before = try await Report.query(on: app.db).count()
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["skillnad", file.path]))
            context.application = app
            await #expect(throws: CatalogueCommandError.self) {
                try await CatalogueImportCommand().run(using: &context)
            }
            #expect(try await Report.query(on: app.db).count() == before)
        }
    }

    @Test("An import that would delete a body still referred to fails whole")
    func allOrNothing() async throws {
        try await withTestApp { app in
            var doc = try await CatalogueLoader.load(from: app.db)
            // Remove a parent body but keep a child pointing at it through the database only:
            // the document is made valid, then the database is given a reference the import cannot remove.
            doc.bodies.removeAll { $0.id == "kulturnamnden" }
            for i in doc.measures.indices {
                doc.measures[i].collaboratingBodies?.removeAll { $0 == "kulturnamnden" }
                if doc.measures[i].leadBody == "kulturnamnden" { doc.measures[i].leadBody = nil }
            }
            doc.reports[0].title = "Ändrad titel som inte får sparas"
            // Something outside the catalogue (a later table) refers to the body.
            try await app.db.schema("hold_body").id().field("body_id", .uuid, .required, .references("bodies", "id"))
                .create()
            let kultur = try #require(try await Body.query(on: app.db).filter(\.$slug == "kulturnamnden").first())
            try await (app.db as! any SQLDatabase).insert(into: "hold_body").columns("id", "body_id")
                .values(SQLBind(UUID()), SQLBind(kultur.id!)).run()
            await #expect(throws: (any Error).self) { try await CatalogueImporter.apply(doc, to: app.db) }
            let reloaded = try await CatalogueLoader.load(from: app.db)
            #expect(reloaded.reports[0].title != "Ändrad titel som inte får sparas")
            #expect(reloaded.bodies.contains { $0.id == "kulturnamnden" })
        }
    }
}
