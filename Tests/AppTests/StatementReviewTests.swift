@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// Statements read into answers: an editor uploads a statement, reviews the form it filled beside
/// its marked text, corrects a suggestion and saves the draft with the file attached; bad files
/// are refused with a message and nothing kept; a folder is read in bulk; the standard questions
/// are compiled; answers and statements are searched through the database's own engine.
@Suite("Statements read into answers")
struct StatementReviewTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SkillnadCoreTests/Resources/Statements")

    static func file(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static let round = "remiss-fordjupningsrapporter-2016"
    static let body = "spanga-tensta-stadsdelsnamnd"
    static let answerPath = "/referrals/\(round)/answers/\(body)"

    @Test("Upload a DOCX, review the filled form beside the marked text, correct one suggestion, save the draft")
    func reviewAndSave() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await app.makeUser("st@stockholm.se", role: .editor, bodies: [Self.body])
            try await app.makeUser("rk@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            let editor = try await app.signIn("st@stockholm.se")
            let other = try await app.signIn("rk@stockholm.se")
            let form = try await app.get(Self.answerPath + "/statement", as: editor)
            #expect(form.status == .ok && form.body.contains("name=\"statement\" type=\"file\""))
            #expect(try await app.get(Self.answerPath + "/statement", as: other).status == .forbidden)
            let answerForm = try await app.get(Self.answerPath, as: editor)
            #expect(answerForm.body.contains("href=\"\(Self.answerPath)/statement\""))

            let uploaded = try await app.postMultipart(
                Self.answerPath + "/statement", [],
                file: ("statement", "yttrande.docx", try Self.file("spanga-tensta-gemensamt.docx")), as: editor)
            #expect(uploaded.status == .seeOther, "\(uploaded.body)")
            let review = try #require(uploaded.location)
            #expect(review.hasPrefix(Self.answerPath + "/statements/"))
            let page = try await app.get(review, as: editor)
            #expect(page.status == .ok)
            // The text with its extractions marked and named, and the form filled from it.
            #expect(page.body.contains("<mark class=\"mark-measure mark-position\">A.2.3.1</mark>"))
            #expect(page.body.contains("[A.2.3.3: tillstyrker med reservationer]"))
            #expect(page.body.contains("Förslag ur texten: tillstyrker (säkerhet"))
            let fields = HTMLForm.fields(in: page.body.slice("<form class=\"form edit\"", "</form>") ?? "")
            #expect(fields["diaryNumber"] == "3.1.2-318-2016")
            #expect(fields["m[dold-potential-a-2-3-1][position]"] == "supports")
            #expect(fields["m[dold-potential-a-2-3-3][position]"] == "supportsWithReservations")
            let statementID = try #require(fields["statement"])
            #expect(try await ReferralStore.round(Self.round, on: app.db)?.answer(of: Self.body) == nil)

            // The editor corrects one suggestion and saves the draft.
            var answer = fields.filter { key, _ in key != "_csrf" }.map { ($0.key, $0.value) }
            answer.removeAll { $0.0 == "m[dold-potential-a-2-3-3][position]" || $0.0 == "action" }
            answer += [("m[dold-potential-a-2-3-3][position]", "supports"), ("action", "save")]
            let saved = try await app.postMultipart(Self.answerPath, answer, as: editor)
            #expect(saved.status == .seeOther)
            let data = try #require(try await ReferralStore.round(Self.round, on: app.db))
            let stored = try #require(data.answer(of: Self.body))
            #expect(stored.answer.status == .draft)
            #expect(stored.answer.diaryNumber == "3.1.2-318-2016")
            let positions = Dictionary(stored.answer.positions.map { ($0.measure, $0.position) }) { first, _ in first }
            #expect(positions["dold-potential-a-2-3-1"] == .supports)
            #expect(positions["dold-potential-a-2-3-3"] == .supports)
            #expect(stored.answer.jointWith == ["rinkeby-kista-stadsdelsnamnd"])
            #expect(stored.attachments.map(\.filename) == ["yttrande.docx"])
            let statement = try #require(try await ReferralStatement.find(UUID(uuidString: statementID), on: app.db))
            #expect(statement.$answer.id == stored.id)
            // The statement's words are in the search index, under the answer.
            let hits = try await AnswerSearch.find("aktivitetsansvar", drafts: true, on: app.db)
            #expect(hits.contains { $0.body == Self.body && $0.kind == .statement })
            #expect(
                try await AnswerSearch.find("aktivitetsansvar", drafts: false, on: app.db).allSatisfy {
                    $0.body != Self.body
                })

            // The same statement cannot be saved twice.
            let again = try await app.postMultipart(
                Self.answerPath, answer.map { $0.0 == "version" ? ($0.0, "1") : $0 }, as: editor)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("redan sparat i ett svar"))
            // A statement saved in an answer is never purged as abandoned.
            let purged = try await StatementStore.purgeAbandoned(days: 0, now: Date() + 60, on: app.db)
            #expect(purged == 0)
            #expect(try await ReferralStatement.find(statement.id, on: app.db) != nil)
        }
    }

    @Test("Uploads never saved in an answer are deleted after a week: by the next upload, or by the command")
    func abandonedUploadsPurged() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await app.makeUser("st@stockholm.se", role: .editor, bodies: [Self.body])
            let editor = try await app.signIn("st@stockholm.se")
            func upload() async throws -> UUID {
                let uploaded = try await app.postMultipart(
                    Self.answerPath + "/statement", [],
                    file: ("statement", "yttrande.docx", try Self.file("spanga-tensta-gemensamt.docx")), as: editor)
                #expect(uploaded.status == .seeOther, "\(uploaded.body)")
                let id = try #require(uploaded.location?.split(separator: "/").last.map(String.init))
                return try #require(UUID(uuidString: id))
            }
            let old = try await upload()
            let recent = try await upload()
            let stale = try #require(try await ReferralStatement.find(old, on: app.db))
            stale.uploadedAt = Date() - 8 * 86_400
            try await stale.save(on: app.db)
            let newest = try await upload()
            #expect(try await ReferralStatement.find(old, on: app.db) == nil)
            #expect(try await ReferralStatement.find(recent, on: app.db) != nil)
            #expect(try await ReferralStatement.find(newest, on: app.db) != nil)
            let review = try await app.get(Self.answerPath + "/statements/\(old.uuidString)", as: editor)
            #expect(review.status == .notFound)
            // The command, with days given, as an operator schedules it.
            var context = CommandContext(
                console: app.console, input: CommandInput(arguments: ["skillnad", "--days", "0"]))
            context.application = app
            try await StatementPurgeCommand().run(using: &context)
            #expect(try await ReferralStatement.query(on: app.db).filter(\.$answer.$id == nil).count() == 0)
        }
    }

    @Test(
        "A file that is not a statement, a scan, a statement for another round: each a clear message, nothing kept",
        arguments: [
            ("bild.docx", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), "filen är ingen riktig DOCX-fil"),
            ("tom.pdf", Data(), "filen är tom"),
            ("yttrande.docx", nil, "som inte ingår i remissomgången"),
        ] as [(String, Data?, String)])
    func refused(name: String, data: Data?, message: String) async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await app.makeUser("st@stockholm.se", role: .editor, bodies: [Self.body])
            let editor = try await app.signIn("st@stockholm.se")
            let content = try data ?? Self.file("bromma-stad-i-samverkan.docx")
            let refused = try await app.postMultipart(
                Self.answerPath + "/statement", [], file: ("statement", name, content), as: editor)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(message), "\(refused.body)")
            #expect(refused.body.contains("aria-invalid=\"true\""))
            #expect(try await ReferralStatement.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "A scanned PDF without text is reported as a scan",
        .enabled(
            if: PDFTextReader.toolPath != nil
                || ProcessInfo.processInfo.environment["SKILLNAD_REQUIRE_PDFTOTEXT"] != nil))
    func scan() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await app.makeUser("st@stockholm.se", role: .editor, bodies: [Self.body])
            let editor = try await app.signIn("st@stockholm.se")
            let refused = try await app.postMultipart(
                Self.answerPath + "/statement?lang=en", [], file: ("statement", "scan.pdf", try Self.file("scan.pdf")),
                as: editor)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("are images without text (a scan)"))
            #expect(try await ReferralStatement.query(on: app.db).count() == 0)
        }
    }

    @Test("In bulk: every file matched to its body and reported; drafts saved one transaction per file")
    func bulk() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let index = try await app.catalogue.snapshot(on: app.db).index
            let data = try #require(try await ReferralStore.round(Self.round, on: app.db))
            let dry = try await StatementImport.run(
                folder: Self.folder, round: data, saveDrafts: false, index: index, by: .system("test"), on: app.db)
            #expect(try await ReferralStatement.query(on: app.db).count() == 0)
            let byFile = Dictionary(dry.map { ($0.file, $0) }) { first, _ in first }
            let joint = try #require(byFile["spanga-tensta-gemensamt.docx"])
            #expect(joint.body == Self.body && joint.diaryNumber == "3.1.2-318-2016")
            #expect(joint.positions.first == "A.2.3.1 supports")
            #expect(joint.problems.isEmpty)
            #expect(byFile["bromma-stad-i-samverkan.docx"]?.problems.first?.contains("not part of the round") == true)
            #expect(byFile["scan.pdf"]?.problems.isEmpty == false)
            #expect(byFile["spanga-tensta-gemensamt.txt"]?.problems == ["skipped: not a DOCX, ODT or PDF file"])

            let saved = try await StatementImport.run(
                folder: Self.folder, round: data, saveDrafts: true, index: index, by: .system("test"), on: app.db)
            let savedByFile = Dictionary(saved.map { ($0.file, $0) }) { first, _ in first }
            #expect(savedByFile["spanga-tensta-gemensamt.docx"]?.saved == true)
            // Rinkeby-Kista's answer is submitted: a statement does not overwrite a public record.
            #expect(savedByFile["rinkeby-kista-dold-potential.docx"]?.saved == false)
            #expect(savedByFile["kulturnamnden-avstar.docx"]?.saved == true)
            let after = try #require(try await ReferralStore.round(Self.round, on: app.db))
            #expect(after.answer(of: "kulturnamnden")?.answer.declineReason?.contains("avstår") == true)
            #expect(after.answer(of: "kulturnamnden")?.answer.status == .draft)
            let report = StatementImport.csv(saved)
            #expect(report.hasPrefix("file,body,diary_number,measures,positions,out_of_scope,saved,problems\n"))
            #expect(StatementImport.text(saved, saveDrafts: true).contains("saved as drafts."))
        }
    }

    @Test("The standard questions compiled: per question each body's answer, the challenges grouped, as CSV")
    func questions() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let round = "remiss-skillnadernas-stockholm-2015"
            let page = try await app.get("/referrals/\(round)/compilation")
            #expect(page.status == .ok)
            #expect(page.body.contains("Svaren på remissens frågor"))
            #expect(page.body.contains("class=\"print-table question-table\""))
            let data = try #require(try await ReferralStore.round(round, on: app.db))
            let compiled = data.questionCompilation
            #expect(compiled.questions.count == 3)
            #expect(compiled.questions[0].answers.map(\.body) == ["socialnamnden", "skarholmen-stadsdelsnamnd"])
            let print = try await app.get("/referrals/\(round)/compilation/print")
            #expect(print.status == .ok && print.body.contains("Svaren på remissens frågor"))
            let csv = try await app.get("/referrals/\(round)/questions.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.hasPrefix("round,body,body_name,part,number,question_or_theme,text\n"))
            #expect(csv.body.contains("\(round),socialnamnden,Socialnämnden,question,1,"))
        }
    }

    @Test("Search finds every inflection through the database's engine, shows the sentence, hides drafts")
    func search() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let index = try await app.catalogue.snapshot(on: app.db).index
            let data = try #require(try await ReferralStore.round(Self.round, on: app.db))
            _ = try await StatementImport.run(
                folder: Self.folder, round: data, saveDrafts: true, index: index, by: .system("test"), on: app.db)
            // "uppsökandet" finds "uppsökande"; every word of the query must be in the paragraph.
            let hits = try await AnswerSearch.find("uppsökandet unga", drafts: true, on: app.db)
            #expect(hits.map(\.body) == [Self.body])
            #expect(hits.first?.kind == .statement)
            #expect(hits.first?.text.contains("det uppsökande arbetet och bättre information om vilka unga") == true)
            #expect(try await AnswerSearch.find("uppsökandet unga", drafts: false, on: app.db).isEmpty)
            #expect(try await AnswerSearch.find("och att", drafts: true, on: app.db).isEmpty)
            let page = try await app.get("/referrals/search?q=upps%C3%B6kande+unga")
            #expect(page.status == .ok && page.body.contains("0\u{00A0}träffar"))
        }
    }
}
