@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The e-archive export: one whole package per public record, only what is new or corrected the
/// next time, a folder that exists refused, all or nothing.
@Suite("E-archive export")
struct ArchiveExportTests {
    static let round = "remiss-fordjupningsrapporter-2016"
    static let body = "arbetsmarknadsnamnden"

    /// A new empty folder for one test's exports, removed after it.
    static func withFolder(_ test: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await test(folder)
    }

    /// Exports as `skillnad archive export` does; the demo's answers are all examples, so they are
    /// included unless a test says otherwise.
    static func export(
        _ app: Application, to out: URL, since: Day? = nil, round: String? = nil, includeExamples: Bool = true
    ) async throws -> ArchiveExport.Outcome {
        let export = ArchiveExport(
            settings: ArchiveSettings(organisation: ArchiveSettings.defaultOrganisation),
            index: CatalogueIndex(try await CatalogueLoader.load(from: app.db)))
        return try await export.run(
            ArchiveExport.Order(since: since, round: round, out: out, includeExamples: includeExamples),
            by: .system("test"), on: app.db)
    }

    /// Submitted and declined answers: the public records.
    static func finalAnswers(_ app: Application) async throws -> [ReferralAnswer] {
        try await ReferralAnswer.query(on: app.db).filter(\.$status ~~ ["submitted", "declined"]).with(\.$round).all()
    }

    static func pdf() throws -> Data {
        try StatementReviewTests.file("aldrenamnden-medborgare.pdf")
    }

    /// Corrects the body's submitted answer and submits the correction with a PDF attached.
    static func correct(_ app: Application, summary: String, filename: String = "Yttrande rättelse.pdf") async throws {
        let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
        let loaded = try #require(try await ReferralStore.round(round, on: app.db))
        let stored = try #require(loaded.answer(of: body))
        var answer = stored.answer
        let corrected = try await AnswerStore.save(
            answer, action: .correct, version: stored.version, attachment: nil, index: index, by: .system("test"),
            on: app.db)
        answer.summary = summary
        answer.submittedOn = nil
        _ = try await AnswerStore.save(
            answer, action: .submit, version: corrected,
            attachment: AnswerStore.NewAttachment(filename: filename, data: try pdf()), index: index,
            by: .system("test"), on: app.db)
    }

    @Test("An export writes one whole package per submitted or declined answer and records each")
    func everyPublicRecord() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let out = folder.appendingPathComponent("export")
                let outcome = try await Self.export(app, to: out)
                let finals = try await Self.finalAnswers(app)
                #expect(!finals.isEmpty)
                #expect(outcome.packages.count == finals.count)
                let packages = try ArchivedPackage.all(in: out)
                #expect(Set(packages.map(\.id)) == Set(outcome.packages.map(\.id)))
                for package in packages {
                    #expect(try package.problems() == [], "\(package.id) is whole")
                    let mets = try package.text("METS.xml")
                    #expect(mets.contains("OBJID=\"\(package.id)\""))
                    #expect(mets.contains("csip:OAISPACKAGETYPE=\"SIP\"") && mets.contains("RECORDSTATUS=\"NEW\""))
                    #expect(mets.contains("<mets:note csip:NOTETYPE=\"IDENTIFICATIONCODE\">212000-0142</mets:note>"))
                    #expect(
                        package.files().contains("schemas/premis.xsd") && package.files().contains("schemas/ead3.xsd"))
                }
                // Each answer's facts reach its package: the diary number in the description,
                // every position as a CSV row.
                let records = try await ArchiveRecord.query(on: app.db).all()
                #expect(records.count == finals.count)
                for answer in finals {
                    let record = try #require(records.first { $0.objectID == answer.id })
                    let package = ArchivedPackage(folder: out.appendingPathComponent(record.packageID))
                    if let diary = answer.diaryNumber {
                        #expect(try package.text("metadata/descriptive/ead.xml").contains(AtomFeedWriter.escape(diary)))
                    }
                    let positions = try await ReferralPosition.query(on: app.db).filter(
                        \.$answer.$id == answer.requireID()
                    )
                    .count()
                    let csv = try package.text("representations/rep1/data/stallningstaganden.csv")
                    let lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
                    if positions == 0 {
                        #expect(lines.count == 1, "only the header")
                    } else {
                        #expect(try CSVTable.parse(Data(csv.utf8)).rows.count == positions)
                    }
                    #expect(record.revision == answer.revision)
                }
                let logged = try await AuditEvent.query(on: app.db).filter(\.$action == "archive-export").all()
                #expect(logged.count == 1 && logged.first?.objectID == out.standardizedFileURL.path)
            }
        }
    }

    @Test("The next export holds only what is new or corrected, a correction naming the package it replaces")
    func onlyNewOrCorrected() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let first = try await Self.export(app, to: folder.appendingPathComponent("first"))
                #expect(!first.packages.isEmpty)
                let again = try await Self.export(app, to: folder.appendingPathComponent("again"))
                #expect(again.packages.isEmpty)
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again").path))

                let answer = try #require(
                    try await ReferralAnswer.query(on: app.db).filter(\.$body == Self.body).join(
                        parent: \.$round
                    ).filter(ReferralRound.self, \.$slug == Self.round).first())
                let earlier = try #require(
                    try await ArchiveRecord.query(on: app.db).filter(\.$objectID == answer.requireID()).first())
                try await Self.correct(app, summary: "Rättad sammanfattning.")

                let next = try await Self.export(app, to: folder.appendingPathComponent("next"))
                #expect(next.packages.count == 1)
                let package = try #require(try ArchivedPackage.all(in: folder.appendingPathComponent("next")).first)
                #expect(try package.problems() == [])
                #expect(try package.text("METS.xml").contains("RECORDSTATUS=\"REPLACEMENT\""))
                let premis = try package.text("metadata/preservation/premis.xml")
                #expect(premis.contains("<premis:eventType>correction</premis:eventType>"))
                #expect(premis.contains(earlier.packageID))
                #expect(try package.text("metadata/descriptive/ead.xml").contains(earlier.packageID))
                #expect(try package.text("representations/rep1/data/remissvar.txt").contains("Rättad sammanfattning."))
                // The attached document goes in as it was uploaded, its format told from its bytes.
                let original = "representations/rep1/data/originalhandlingar/Yttrande_rattelse.pdf"
                #expect(try package.data(original) == (try Self.pdf()))
                #expect(try package.text("representations/rep1/METS.xml").contains("sip:FORMATREGISTRYKEY=\"fmt/18\""))
                let records = try await ArchiveRecord.query(on: app.db).filter(\.$objectID == answer.requireID())
                    .sort(\.$revision).all()
                #expect(records.map(\.revision) == [1, 2])
            }
        }
    }

    @Test("A correction under way is not archived until submitted; the revision it corrects is archived once")
    func correctionUnderWay() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
                let loaded = try #require(try await ReferralStore.round(Self.round, on: app.db))
                let stored = try #require(loaded.answer(of: Self.body))
                let correcting = try await AnswerStore.save(
                    stored.answer, action: .correct, version: stored.version, attachment: nil, index: index,
                    by: .system("test"), on: app.db)
                // A document added to the correction is not public yet: the archived record lacks it.
                var draft = stored.answer
                draft.status = .draft
                _ = try await AnswerStore.save(
                    draft, action: .save, version: correcting,
                    attachment: AnswerStore.NewAttachment(filename: "utkast.pdf", data: try Self.pdf()), index: index,
                    by: .system("test"), on: app.db)
                #expect(try await ReferralAttachment.query(on: app.db).filter(\.$answer.$id == stored.id).count() == 1)
                let first = try await Self.export(app, to: folder.appendingPathComponent("first"))
                let finals = try await Self.finalAnswers(app)
                // The answer being corrected is in draft, yet its submitted revision is a public record.
                #expect(first.packages.count == finals.count + 1)
                let record = try #require(
                    try await ArchiveRecord.query(on: app.db).filter(\.$objectID == stored.id).first())
                #expect(record.revision == 1)
                let package = ArchivedPackage(folder: folder.appendingPathComponent("first/\(record.packageID)"))
                #expect(try package.text("METS.xml").contains("RECORDSTATUS=\"NEW\""))
                #expect(!package.files().contains { $0.contains("originalhandlingar") })
                let again = try await Self.export(app, to: folder.appendingPathComponent("again"))
                #expect(again.packages.isEmpty)
            }
        }
    }

    @Test("A declined answer begun in Skillnad is archived with its beginning and its decision, and no positions")
    func declinedAnswer() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
                let body = "spanga-tensta-stadsdelsnamnd"
                #expect(try await ReferralStore.round(Self.round, on: app.db)?.answer(of: body) == nil)
                let declined = ReferralDocument.Answer(
                    round: Self.round, body: body, status: .draft, decidedOn: Day("2017-02-20"),
                    declineReason: "Nämnden har <inga> synpunkter & avstår.")
                _ = try await AnswerStore.save(
                    declined, action: .decline, version: 0, attachment: nil, index: index, by: .system("test"),
                    on: app.db)
                _ = try await Self.export(app, to: folder.appendingPathComponent("out"))
                let stored = try #require(
                    try await ReferralAnswer.query(on: app.db).filter(\.$body == body).join(parent: \.$round)
                        .filter(ReferralRound.self, \.$slug == Self.round).first())
                let record = try #require(
                    try await ArchiveRecord.query(on: app.db).filter(\.$objectID == stored.requireID()).first())
                let package = ArchivedPackage(folder: folder.appendingPathComponent("out/\(record.packageID)"))
                #expect(try package.problems() == [])
                let premis = try package.text("metadata/preservation/premis.xml")
                for type in ["creation", "decision", "packing", "message digest calculation"] {
                    #expect(premis.contains("<premis:eventType>\(type)</premis:eventType>"), "\(type)")
                }
                #expect(premis.contains("avstod från att svara"))
                #expect(
                    !premis.contains("<premis:eventType>submission</premis:eventType>") || stored.submittedOn != nil)
                let text = try package.text("representations/rep1/data/remissvar.txt")
                #expect(text.contains("Nämnden har <inga> synpunkter & avstår."))
                #expect(try package.text("metadata/descriptive/ead.xml").contains("<unitid") == false)
            }
        }
    }

    @Test("Two corrections between exports: one package, replacing the one that holds the revision archived")
    func twoCorrections() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                _ = try await Self.export(app, to: folder.appendingPathComponent("first"))
                let answer = try #require(
                    try await ReferralAnswer.query(on: app.db).filter(\.$body == Self.body).join(parent: \.$round)
                        .filter(ReferralRound.self, \.$slug == Self.round).first())
                let first = try #require(
                    try await ArchiveRecord.query(on: app.db).filter(\.$objectID == answer.requireID()).first())
                try await Self.correct(app, summary: "Första rättelsen.", filename: "a.pdf")
                try await Self.correct(app, summary: "Andra rättelsen.", filename: "a.pdf")
                let next = try await Self.export(app, to: folder.appendingPathComponent("next"))
                #expect(next.packages.count == 1)
                let package = try #require(try ArchivedPackage.all(in: folder.appendingPathComponent("next")).first)
                #expect(try package.problems() == [])
                #expect(try package.text("representations/rep1/data/remissvar.txt").contains("Andra rättelsen."))
                // Revision 3 replaces package 1, which holds revision 1 (revision 2 was never archived).
                let ead = try package.text("metadata/descriptive/ead.xml")
                #expect(ead.contains("Ersätter paket \(first.packageID), som håller version 1 av svaret."))
                #expect(try package.text("METS.xml").contains("RECORDSTATUS=\"REPLACEMENT\""))
                // Both corrections attached a.pdf: both are kept, under names that differ.
                let originals = package.files().filter { $0.contains("originalhandlingar/") }.sorted()
                #expect(originals.count == 2 && Set(originals.map { $0.lowercased() }).count == 2, "\(originals)")
                let records = try await ArchiveRecord.query(on: app.db).filter(\.$objectID == answer.requireID())
                    .sort(\.$revision).all()
                #expect(records.map(\.revision) == [1, 3])
            }
        }
    }

    @Test("The demo's example answers are left out unless asked for, and counted")
    func examplesLeftOut() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let finals = try await Self.finalAnswers(app)
                let outcome = try await Self.export(
                    app, to: folder.appendingPathComponent("real"), includeExamples: false)
                #expect(outcome.packages.isEmpty && outcome.examplesLeftOut == finals.count)
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("real").path))
                let logged = try await AuditEvent.query(on: app.db).filter(\.$action == "archive-export").count()
                #expect(logged == 1, "an export that writes nothing is logged too")
            }
        }
    }

    @Test("An export to a folder that exists is refused, logged, and leaves the folder and the records alone")
    func existingFolderRefused() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let out = folder.appendingPathComponent("exists")
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
                try Data("kept".utf8).write(to: out.appendingPathComponent("note.txt"))
                await #expect {
                    try await Self.export(app, to: out)
                } throws: { error in
                    String(describing: error).contains("exists")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["note.txt"])
                #expect(try await ArchiveRecord.query(on: app.db).count() == 0)
                let refused = try await AuditEvent.query(on: app.db).filter(\.$action == "archive-export-refused").all()
                #expect(refused.first?.after?.contains("exists") == true)

                // An empty folder is what an export that stopped midway leaves: the refusal says so.
                let empty = folder.appendingPathComponent("empty")
                try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
                await #expect {
                    try await Self.export(app, to: empty)
                } throws: { error in
                    String(describing: error).contains("is empty")
                }
                await #expect {
                    try await Self.export(app, to: folder.appendingPathComponent("missing/export"))
                } throws: { error in
                    String(describing: error).contains("is not a folder")
                }
            }
        }
    }

    @Test("--round takes one round's answers and --since leaves out those submitted before the day")
    func roundAndSince() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let finals = try await Self.finalAnswers(app)
                let since = try #require(Day("2016-01-01"))
                let late = finals.filter { answer in
                    let day =
                        (answer.submittedOn ?? answer.decidedOn).flatMap(Day.init) ?? stockholmDay(answer.updatedAt)
                    return day >= since
                }
                #expect(!late.isEmpty && late.count < finals.count, "the demo has answers on both sides of the day")
                let recent = try await Self.export(app, to: folder.appendingPathComponent("since"), since: since)
                #expect(recent.packages.count == late.count)

                let ofRound = finals.filter { $0.round.slug == Self.round }
                let round = try await Self.export(app, to: folder.appendingPathComponent("round"), round: Self.round)
                // What --since took already is archived: only the rest of the round is new.
                let archivedBefore = Set(late.compactMap(\.id))
                #expect(round.packages.count == ofRound.filter { !archivedBefore.contains($0.id ?? UUID()) }.count)

                await #expect {
                    try await Self.export(app, to: folder.appendingPathComponent("none"), round: "no-such-round")
                } throws: { error in
                    String(describing: error).contains("no-such-round")
                }
            }
        }
    }

    @Test("--since takes the day itself: an answer submitted that day is in, the day after it is out")
    func sinceBoundary() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let answer = try #require(
                    try await ReferralAnswer.query(on: app.db).filter(\.$body == Self.body).join(parent: \.$round)
                        .filter(ReferralRound.self, \.$slug == Self.round).first())
                let submitted = try #require(answer.submittedOn.flatMap(Day.init))
                let after = try #require(Day(submitted.description == "2017-02-23" ? "2017-02-24" : "9999-12-31"))
                #expect(submitted.description == "2017-02-23", "the demo answer's day, as the seeds give it")
                _ = try await Self.export(app, to: folder.appendingPathComponent("after"), since: after)
                let id = try answer.requireID()
                #expect(try await ArchiveRecord.query(on: app.db).filter(\.$objectID == id).count() == 0)
                _ = try await Self.export(app, to: folder.appendingPathComponent("on"), since: submitted)
                #expect(try await ArchiveRecord.query(on: app.db).filter(\.$objectID == id).count() == 1)
            }
        }
    }

    @Test("Two exports at once archive each answer once; what fails leaves no folder behind")
    func concurrentExports() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await Self.withFolder { folder in
                let names = ["one", "two"]
                let results = await withTaskGroup(of: (String, Result<Int, any Error>).self) { group in
                    for name in names {
                        group.addTask {
                            do {
                                let outcome = try await Self.export(app, to: folder.appendingPathComponent(name))
                                return (name, .success(outcome.packages.count))
                            } catch {
                                return (name, .failure(error))
                            }
                        }
                    }
                    var all: [(String, Result<Int, any Error>)] = []
                    for await result in group { all.append(result) }
                    return all
                }
                let finals = try await Self.finalAnswers(app)
                let records = try await ArchiveRecord.query(on: app.db).all()
                #expect(records.count == finals.count)
                #expect(Set(records.map(\.objectID)).count == finals.count)
                var written = 0
                for (name, result) in results {
                    let out = folder.appendingPathComponent(name)
                    let exists = FileManager.default.fileExists(atPath: out.path)
                    switch result {
                    case .success(let count):
                        #expect(exists == (count > 0))
                        if count > 0 {
                            let ids = Set(try ArchivedPackage.all(in: out).map(\.id))
                            #expect(ids.isSubset(of: Set(records.map(\.packageID))) && ids.count == count)
                        }
                        written += count
                    case .failure(let error):
                        #expect(String(describing: error).contains("another export"), "\(error)")
                        #expect(!exists)
                    }
                }
                #expect(written == finals.count)
                // No half-written folder is left beside the exports.
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") })
            }
        }
    }

    @Test("The organisation is named with its number, both or neither; the default is a real one")
    func settings() throws {
        #expect((try? OrganisationNumber(parsing: ArchiveSettings.defaultOrganisation.organisationNumber)) != nil)
        #expect(try ArchiveSettings.read([:]).organisation == ArchiveSettings.defaultOrganisation)
        let solna = try ArchiveSettings.read([
            "SKILLNAD_ARCHIVE_ORGANISATION": "Solna stad", "SKILLNAD_ARCHIVE_ORGANISATION_NUMBER": "212000-0142",
        ])
        #expect(solna.organisation.name == "Solna stad")
        for environment in [
            ["SKILLNAD_ARCHIVE_ORGANISATION": "Solna stad"],
            ["SKILLNAD_ARCHIVE_ORGANISATION_NUMBER": "212000-0142"],
            ["SKILLNAD_ARCHIVE_ORGANISATION": "Solna stad", "SKILLNAD_ARCHIVE_ORGANISATION_NUMBER": "212000-0143"],
        ] {
            #expect(throws: ArchiveFailure.self) { try ArchiveSettings.read(environment) }
        }
    }
}
