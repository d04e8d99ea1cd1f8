@testable import App
import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Testing
import Vapor

/// The follow-up reports' CSV: the export reads back as an import, the import is all or nothing
/// with every problem by line and column, and it writes only what the importer may write.
@Suite("Importing and exporting follow-up reports")
struct FollowUpImportTests {
    /// A budget year with its periods and assignments of every chosen measure to every chosen body.
    struct Setup {
        let year: Int
        let periods: [String]
        let measures: [String]
        let bodies: [String]
    }

    /// Made through `FollowUpStore`, as the forms make them: one decision per measure.
    static func setUp(
        _ app: Application, year: Int = 2041, periods: Int = 3, measures: Int = 2, bodies: Int = 2
    ) async throws -> Setup {
        let index = try await app.catalogue.snapshot(on: app.db).index
        let measureIDs = Array(index.measureByPublicID.keys.sorted().prefix(measures))
        let bodyIDs = Array(index.bodyByID.keys.sorted().prefix(bodies))
        let decided = try #require(Day(year: year - 1, month: 11, day: 30))
        try await FollowUpStore.saveBudgetYear(
            year: year, title: "Budget \(year)", decidedOn: decided, decidingBody: "kommunfullmaktige",
            diaryNumber: nil, example: true, by: .system("test"), on: app.db)
        var values = FollowUpStore.stockholmPeriods(year)
        if periods != 3 {
            values = (1...periods).map { n in
                FollowUpStore.PeriodValues(
                    slug: "\(year)-p\(n)", year: year, kind: "p\(n)", name: "Period \(n)", nameEn: nil,
                    asOf: Day(year: year, month: 1 + n % 12, day: 1) ?? decided,
                    deadline: Day(year: year + 1, month: 1, day: 1) ?? decided)
            }
        }
        try await FollowUpStore.savePeriods(values, by: .system("test"), on: app.db)
        for measure in measureIDs {
            let decision = BudgetDecisionValues(
                budgetYear: year, measure: measure, kind: .assigned, decidedOn: decided,
                decidingBody: "kommunfullmaktige", bodies: bodyIDs, text: "Uppdrag")
            try await FollowUpStore.recordDecision(decision, index: index, by: .system("test"), on: app.db)
        }
        return Setup(year: year, periods: values.map(\.slug), measures: measureIDs, bodies: bodyIDs)
    }

    static func row(
        _ period: String, _ measure: String, _ body: String, status: String = "inProgress", progress: String = "50",
        spent: String = "", narrative: String = "", indicators: String = "", state: String = "draft",
        version: String = ""
    ) -> [String] {
        [period, measure, body, status, progress, spent, narrative, indicators, state, version]
    }

    static func csv(_ rows: [[String]], variant: CSVWriter.Variant = .rfc4180) -> Data {
        var writer = CSVWriter(variant)
        writer.row(FollowUpCSV.header)
        for row in rows { writer.row(row) }
        return Data(writer.take())
    }

    static let admin = FollowUpStore.Reporter.system("test")

    static func editor(_ bodies: [String]) -> FollowUpStore.Reporter {
        FollowUpStore.Reporter(actor: .system("editor"), isAdmin: false, bodies: Set(bodies))
    }

    static func run(_ app: Application, _ data: Data, as reporter: FollowUpStore.Reporter = admin) async throws
        -> FollowUpImport.Outcome
    {
        try await FollowUpImport.run(
            data, reporter: reporter, index: try await app.catalogue.snapshot(on: app.db).index, on: app.db)
    }

    /// The problems an import refused with, or a failed expectation when it did not refuse.
    static func refusal(
        _ app: Application, _ data: Data, as reporter: FollowUpStore.Reporter = admin,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [FollowUpProblem] {
        do {
            let out = try await run(app, data, as: reporter)
            Issue.record("the import was accepted: \(out)", sourceLocation: sourceLocation)
            return []
        } catch let e as FollowUpProblems {
            return e.problems
        }
    }

    static func reportCount(_ app: Application) async throws -> Int {
        try await FollowUpReport.query(on: app.db).count()
    }

    @Test("20,000 rows import in one go; a bad row at line 19,999 is reported alone and nothing is written")
    func twentyThousandRows() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app, periods: 20, measures: 25, bodies: 40)
            var rows: [[String]] = []
            for period in setup.periods {
                for measure in setup.measures {
                    for body in setup.bodies {
                        rows.append(
                            Self.row(period, measure, body, spent: "1 234,50 kr", narrative: "Rad \(rows.count + 2)"))
                    }
                }
            }
            #expect(rows.count == 20_000)
            // Line 1 is the header, so line 19,999 is row 19,997.
            var bad = rows
            bad[19_997][0] = "\(setup.year)-p99"
            let generation = try await CatalogueState.find(1, on: app.db)?.generation
            let problems = try await Self.refusal(app, Self.csv(bad))
            #expect(problems == [FollowUpProblem(field: "period", line: 19_999, .unknownPeriod("\(setup.year)-p99"))])
            #expect(Texts(.en).describe(problems[0]).hasPrefix("Line 19999, "))
            #expect(try await Self.reportCount(app) == 0)
            #expect(try await CatalogueState.find(1, on: app.db)?.generation == generation, "nothing was written")

            let out = try await Self.run(app, Self.csv(rows))
            #expect(out == FollowUpImport.Outcome(created: 20_000))
            #expect(try await Self.reportCount(app) == 20_000)
            let sample = try #require(
                try await FollowUpReport.query(on: app.db).filter(\.$narrative == "Rad 19999").first())
            #expect(sample.spentOre == 123_450 && sample.version == 1 && sample.state == "draft")
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$objectType == "followUpReports").count() == 1,
                "one audit entry for the whole import")

            // The same file again: the reports exist now, every row equals its report and is skipped.
            #expect(try await Self.run(app, Self.csv(rows)) == FollowUpImport.Outcome(unchanged: 20_000))
        }
    }

    @Test("What the signed-in export writes imports back: empty rows skipped, unchanged rows skipped, changes written")
    func exportImportsBack() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            let (period, measure, body) = (setup.periods[0], setup.measures[0], setup.bodies[0])
            _ = try await Self.run(
                app, Self.csv([Self.row(period, measure, body, spent: "1 234 567,50 kr", narrative: "=SUMMA(A1)")]))
            for variant in CSVWriter.Variant.allCases {
                var bytes: [UInt8] = []
                try await FollowUpExport.write(
                    .workingCopies(bodies: nil), filter: .init(), variant: variant, on: app.db
                ) { bytes += $0 }
                let table = try CSVTable.parse(Data(bytes))
                // 2 measures × 2 bodies × 3 periods: one report, eleven rows to fill in.
                #expect(table.rows.count == 12)
                let filled = try #require(table.rows.first { $0[2] == body && $0[1] == measure && $0[0] == period })
                #expect(filled[5] == (variant == .excel ? "1234567,50" : "1234567.50"))
                #expect(filled[6] == (variant == .excel ? "'=SUMMA(A1)" : "=SUMMA(A1)"))
                #expect(filled[9] == "1")
                let out = try await Self.run(app, Data(bytes))
                #expect(out == FollowUpImport.Outcome(unchanged: 1, blank: 11), "\(variant)")
            }
            // A body fills in one of its empty rows and changes its report: one created, one updated.
            let out = try await Self.run(
                app,
                Self.csv([
                    Self.row(period, measure, body, status: "done", progress: "100", version: "1"),
                    Self.row(period, measure, setup.bodies[1], status: "delayed", progress: ""),
                    Self.row(period, setup.measures[1], body, status: "", progress: ""),
                ]))
            #expect(out == FollowUpImport.Outcome(created: 1, updated: 1, blank: 1))
            let report = try #require(
                try await FollowUpReport.query(on: app.db).filter(\.$status == "done").first())
            #expect(report.version == 2 && report.progress == 100)
            let delayed = try #require(
                try await FollowUpReport.query(on: app.db).filter(\.$status == "delayed").first())
            #expect(delayed.progress == FollowUpStatus.delayed.defaultProgress)
        }
    }

    @Test("A row from before someone else's save is refused as changed since, naming both versions")
    func changedSince() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            let (period, measure, body) = (setup.periods[0], setup.measures[0], setup.bodies[0])
            _ = try await Self.run(app, Self.csv([Self.row(period, measure, body)]))
            _ = try await Self.run(app, Self.csv([Self.row(period, measure, body, progress: "60", version: "1")]))
            let stale = Self.csv([
                Self.row(period, measure, body, progress: "70", version: "1"),
                Self.row(period, measure, body + "-x", progress: "70"),
                Self.row(period, measure, setup.bodies[1], progress: "70", version: "4"),
            ])
            let problems = try await Self.refusal(app, stale)
            #expect(
                problems == [
                    FollowUpProblem(field: "version", line: 2, .changedSince(stored: 2, given: 1)),
                    FollowUpProblem(field: "body", line: 3, .unknownBody(body + "-x")),
                    FollowUpProblem(field: "version", line: 4, .changedSince(stored: 0, given: 4)),
                ])
            // No version at all for a report that exists: changed since, not silently overwritten.
            let none = try await Self.refusal(app, Self.csv([Self.row(period, measure, body, progress: "80")]))
            #expect(none == [FollowUpProblem(field: "version", line: 2, .changedSince(stored: 2, given: 0))])
            #expect(try await FollowUpReport.query(on: app.db).first()?.progress == 60)
        }
    }

    @Test("Editors import only for their bodies and never publish; administrators publish a new revision")
    func rights() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            let (period, measure) = (setup.periods[0], setup.measures[0])
            let (mine, theirs) = (setup.bodies[0], setup.bodies[1])
            let editor = Self.editor([mine])
            let problems = try await Self.refusal(
                app,
                Self.csv([
                    Self.row(period, measure, mine),
                    Self.row(period, measure, theirs),
                    Self.row(period, setup.measures[1], mine, state: "published"),
                ]), as: editor)
            #expect(
                problems == [
                    FollowUpProblem(field: "body", line: 3, .notYourBody(theirs)),
                    FollowUpProblem(field: "state", line: 4, .onlyAdminsPublish),
                ])
            #expect(try await Self.reportCount(app) == 0, "the good row was not written either")

            #expect(
                try await Self.run(app, Self.csv([Self.row(period, measure, mine, state: "submitted")]), as: editor)
                    == FollowUpImport.Outcome(created: 1))
            let published = try await Self.run(
                app, Self.csv([Self.row(period, measure, mine, state: "published", version: "1")]))
            #expect(published == FollowUpImport.Outcome(updated: 1, published: 1))
            let report = try #require(try await FollowUpReport.query(on: app.db).first())
            #expect(report.state == "published" && report.revision == 1 && report.version == 2)
            #expect(try await FollowUpPublication.query(on: app.db).count() == 1)
            // The editor's copy of the public export, unchanged: skipped, though it says published.
            var bytes: [UInt8] = []
            try await FollowUpExport.write(.published, filter: .init(), variant: .rfc4180, on: app.db) { bytes += $0 }
            #expect(try await Self.run(app, Data(bytes), as: editor) == FollowUpImport.Outcome(unchanged: 1))
        }
    }

    @Test("A body whose assignment was moved to another body cannot report on it any more")
    func endedAssignment() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            let index = try await app.catalogue.snapshot(on: app.db).index
            let (measure, old, new) = (setup.measures[0], setup.bodies[0], setup.bodies[1])
            let before = Self.csv([Self.row(setup.periods[0], measure, old)])
            _ = try await Self.run(app, before)
            try await FollowUpStore.recordDecision(
                BudgetDecisionValues(
                    budgetYear: setup.year, measure: measure, kind: .changedBody,
                    decidedOn: try #require(Day(year: setup.year, month: 3, day: 1)), decidingBody: "kommunstyrelsen",
                    bodies: [new]), index: index, by: .system("test"), on: app.db)
            // Its report as it was is skipped; a change is refused.
            #expect(try await Self.run(app, before) == FollowUpImport.Outcome(unchanged: 1))
            let changed = Self.csv([Self.row(setup.periods[0], measure, old, progress: "60", version: "1")])
            let problems = try await Self.refusal(app, changed)
            #expect(
                problems == [
                    FollowUpProblem(
                        field: "measure", line: 2, .notAssigned(measure: measure, body: old, year: setup.year))
                ])
            #expect(Texts(.sv).describe(problems[0]).hasPrefix("Rad 2, "))
            // The working copies to fill in are of the assignments the body still holds.
            var bytes: [UInt8] = []
            try await FollowUpExport.write(
                .workingCopies(bodies: [old]), filter: .init(), variant: .rfc4180, on: app.db
            ) { bytes += $0 }
            let rows = try CSVTable.parse(Data(bytes)).rows
            #expect(rows.count == 3 && rows.allSatisfy { $0[1] == setup.measures[1] })
        }
    }

    @Test("A file that is not a table, or lacks a column, is refused before any row is read")
    func unreadableFiles() async throws {
        try await withTestApp { app in
            _ = try await Self.setUp(app)
            await #expect(throws: CSVError.self) { _ = try await Self.run(app, Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) }
            let missing = try await Self.refusal(app, Data("period,measure,body\n2041-t1,x,y\n".utf8))
            #expect(
                missing == [
                    FollowUpProblem(field: "status", line: 1, .required),
                    FollowUpProblem(field: "progress", line: 1, .required),
                ])
        }
    }

    // MARK: Through the page, the export route and the command

    @Test("The import page: a labelled form for editors; every problem by line with 422; the counts when it worked")
    func page() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [setup.bodies[0]])
            let browser = try await app.signIn("editor@stockholm.se")
            let form = try await app.get(SiteURL.FollowUp.importReports.path, as: browser)
            #expect(form.status == .ok)
            #expect(form.body.contains("<label for=\"f-file\""))
            #expect(form.body.contains("enctype=\"multipart/form-data\""))
            #expect(form.body.contains("name=\"_csrf\""))
            #expect(form.body.contains(SiteURL.FollowUp.reportsCSV.path + "?variant=excel"))

            let bad = Self.csv([
                Self.row(setup.periods[0], setup.measures[0], setup.bodies[0], status: "done", progress: "90"),
                Self.row(setup.periods[0], setup.measures[0], setup.bodies[1]),
            ])
            let refused = try await app.postMultipart(
                SiteURL.FollowUp.importReports.path, [], file: ("file", "rapporter.csv", bad), as: browser)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Rad 2, "))
            #expect(refused.body.contains("Rad 3, "))
            #expect(refused.body.contains("rapporter.csv"))
            #expect(try await Self.reportCount(app) == 0)

            let good = Self.csv([Self.row(setup.periods[0], setup.measures[0], setup.bodies[0], spent: "12 kr")])
            let done = try await app.postMultipart(
                SiteURL.FollowUp.importReports.path, [], file: ("file", "rapporter.csv", good), as: browser)
            #expect(done.status == .ok)
            #expect(done.body.contains("<dt>Nya rapporter</dt><dd>1</dd>"))
            #expect(try await Self.reportCount(app) == 1)

            let none = try await app.postMultipart(SiteURL.FollowUp.importReports.path, [], as: browser)
            #expect(none.status == .unprocessableEntity)
        }
    }

    @Test("The export: the public gets the published revisions; a signed-in editor their bodies' working copies")
    func exportRoute() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            let period = setup.periods[0]
            _ = try await Self.run(
                app,
                Self.csv([
                    Self.row(period, setup.measures[0], setup.bodies[0], narrative: "Publicerad", state: "published"),
                    Self.row(period, setup.measures[0], setup.bodies[1], narrative: "Utkast"),
                ]))
            let anonymous = try await app.get(SiteURL.FollowUp.reportsCSV.path)
            #expect(anonymous.status == .ok)
            #expect(anonymous.headers.contentType?.subType == "csv")
            #expect(anonymous.body.contains("Publicerad") && !anonymous.body.contains("Utkast"))
            #expect(anonymous.body.split(separator: "\n").count == 2)

            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [setup.bodies[1]])
            let browser = try await app.signIn("editor@stockholm.se")
            let mine = try await app.get(SiteURL.FollowUp.reportsCSV.path + "?period=\(period)", as: browser)
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Utkast") && !mine.body.contains("Publicerad"))
            // Their report and an empty row for their other measure in the period.
            #expect(mine.body.split(separator: "\n").count == 3)

            #expect(try await app.get(SiteURL.FollowUp.reportsCSV.path + "?period=nope").status == .notFound)
            #expect(try await app.get(SiteURL.FollowUp.reportsCSV.path + "?variant=xls").status == .badRequest)
            let excel = try await app.get(SiteURL.FollowUp.reportsCSV.path + "?variant=excel&body=\(setup.bodies[0])")
            #expect(excel.status == .ok && excel.body.contains("period;measure;body"))
        }
    }

    @Test("The command imports as a named user, with their rights, and names file, line and column")
    func command() async throws {
        try await withTestApp { app in
            let setup = try await Self.setUp(app)
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [setup.bodies[0]])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("follow-up-\(UUID()).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try Self.csv([Self.row(setup.periods[0], setup.measures[0], setup.bodies[1])]).write(to: file)
            func context(as email: String) -> CommandContext {
                var context = CommandContext(
                    console: app.console, input: CommandInput(arguments: ["skillnad", file.path, "--as", email]))
                context.application = app
                return context
            }
            var refused = context(as: "Editor@stockholm.se")
            await #expect(throws: CatalogueCommandError.self) { try await FollowUpImportCommand().run(using: &refused) }
            #expect(try await Self.reportCount(app) == 0)

            try Self.csv([Self.row(setup.periods[0], setup.measures[0], setup.bodies[0])]).write(to: file)
            var accepted = context(as: "editor@stockholm.se")
            try await FollowUpImportCommand().run(using: &accepted)
            let report = try #require(try await FollowUpReport.query(on: app.db).first())
            #expect(report.updatedBy == "editor@stockholm.se")

            var nobody = context(as: "nobody@x.se")
            await #expect(throws: CatalogueCommandError.self) { try await FollowUpImportCommand().run(using: &nobody) }
        }
    }
}
