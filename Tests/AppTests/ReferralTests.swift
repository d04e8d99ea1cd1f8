@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

@Suite("Referral rounds, answers and the compilation")
struct ReferralTests {
    static let round2016 = "remiss-fordjupningsrapporter-2016"

    @Test("The demo rounds: scopes, statuses, late bodies, missing required answers, counts per measure")
    func demoRounds() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            let data = try #require(try await ReferralStore.round(Self.round2016, on: app.db))
            #expect(data.round.recipients.count == 30)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let c = data.compilation(index, today: Day("2026-11-21")!)
            let a231 = try #require(c.rows.first { $0.measure == "dold-potential-a-2-3-1" })
            // Every body must answer A.2.3.1; six submitted answers support it, one with reservations.
            let allRequired = a231.cells.allSatisfy { $0.required }
            #expect(allRequired)
            #expect(a231.counts[.supports] == 6 && a231.counts[.supportsWithReservations] == 1)
            // The decided but not submitted answer is not counted, and the body is late.
            let sbr = try #require(c.recipients.first { $0.body == "stockholm-business-region" })
            #expect(sbr.status == .decided && sbr.late)
            #expect(sbr.missingRequired.contains("dold-potential-a-2-1-1"))
            // A joint answer counts for the bodies in it.
            let joint = try #require(c.recipients.first { $0.body == "exploateringsnamnden" })
            #expect(joint.answeredBy == "stadsbyggnadsnamnden" && !joint.late)
            let html = try await app.get("/referrals/\(Self.round2016)/compilation").body
            #expect(
                html.contains(
                    "<h2 id=\"matrix-title\" class=\"table-title\">Ställningstaganden per åtgärd och remissinstans"))
            #expect(html.contains("<td class=\"mark supports\"><abbr title=\"tillstyrker\">+</abbr></td>"))
            #expect(try await app.get("/referrals").body.contains("Remiss av kommissionens fördjupningsrapporter"))
            // The export of every position (one query) holds exactly the rows of each round's export.
            var perRound: [[String]] = []
            for r in try await ReferralStore.rounds(on: app.db) {
                perRound += ReferralExport.rows(
                    [try #require(try await ReferralStore.round(r.round.id, on: app.db))], index: index)
            }
            let path = try await app.exportFiles.file("all positions", generation: 0, io: app.fileio) { sink in
                try await ReferralExport.writeAll(index: index, variant: .rfc4180, on: app.db, to: sink)
            }
            let all = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            let expected = CSVText.table(header: ReferralExport.header, rows: perRound, swedish: false).split(
                separator: "\n"
            ).map(String.init)
            #expect(all.count > 1 && all.first == expected.first)
            #expect(all.sorted() == expected.sorted())
        }
    }

    @Test(
        "A whole round: the administrator sends it, an editor answers, decides, submits, corrects; the compilation and the CSV agree with the database"
    )
    func wholeRound() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            try await app.makeUser("rk@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            try await app.makeUser("rk2@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            try await app.makeUser("ss@stockholm.se", role: .editor, bodies: ["spanga-tensta-stadsdelsnamnd"])
            let admin = try await app.signIn("admin@stockholm.se")
            // "All district councils" is one checkbox; measure codes are written as in the report.
            let created = try await app.post(
                "/referrals/new",
                [
                    "title": "Remiss av Dold potential", "sender": "kommunstyrelsen",
                    "senderDiaryNumber": "KS 2024/123",
                    "sentOn": "2024-01-10", "deadline": "2024-03-01", "reports[]": "dold-potential",
                    "groups[]": "allDistrictCouncils",
                    "questions": "Hur ser nämnden på analysen?\nVilka förutsättningar behövs?",
                    "requiredAll": "A2.3.1, A.2.3.2", "invitedAll": "",
                ], as: admin)
            #expect(created.status == .seeOther, "\(created.body)")
            let data = try #require(try await ReferralStore.round("remiss-av-dold-potential", on: app.db))
            let councils2024 = CatalogueIndex(try await CatalogueLoader.load(from: app.db)).members(
                of: .allDistrictCouncils, year: 2024)
            #expect(data.round.recipients.count == councils2024.count)
            let requiredOfAll = data.round.recipients.allSatisfy {
                $0.required == ["dold-potential-a-2-3-1", "dold-potential-a-2-3-2"]
            }
            #expect(requiredOfAll)
            // A deadline before the sent date is refused, and what was typed stays in the form.
            let bad = try await app.post(
                "/referrals/new",
                [
                    "title": "Fel datum", "sender": "kommunstyrelsen", "sentOn": "2024-05-01",
                    "deadline": "2024-04-01", "reports[]": "dold-potential", "bodies[]": "socialnamnden",
                ], as: admin)
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("är före utskicket")
                    && bad.body.contains("value=\"Fel datum\""))

            let path = "/referrals/remiss-av-dold-potential/answers/rinkeby-kista-stadsdelsnamnd"
            let editor = try await app.signIn("rk@stockholm.se")
            let form = try await app.get(path, as: editor)
            #expect(form.status == .ok && form.body.contains("name=\"m[dold-potential-a-2-3-1][position]\""))
            let fields: [(String, String)] = [
                ("version", "0"), ("action", "save"), ("diaryNumber", "Dnr 1.5.1-123/2024"),
                ("summary", "Förvaltningen ställer sig positiv."), ("q[0]", "Analysen stämmer."),
                ("m[dold-potential-a-2-3-1][position]", "supports"), ("m[dold-potential-a-2-3-1][alreadyWorks]", "yes"),
                ("m[dold-potential-a-2-3-1][prerequisites]", "Resurser till feriejobb."),
                ("m[dold-potential-a-2-3-2][position]", "supportsWithReservations"),
            ]
            // A position on a measure outside the scope is refused; nothing typed is lost.
            let outside = try await app.postMultipart(
                path, fields + [("m[staden-dar-vi-mots-b-2-2][position]", "opposes")], as: editor)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.contains("är inte en av åtgärderna rinkeby-kista-stadsdelsnamnd ombeds svara på"))
            #expect(outside.body.contains("Förvaltningen ställer sig positiv."))
            #expect(try await ReferralAnswer.query(on: app.db).count() == 0)
            // A wrong attachment is refused the same way.
            let exe = try await app.postMultipart(
                path, fields, file: ("attachment", "svar.pdf", Data("MZ not a pdf".utf8)), as: editor)
            #expect(exe.status == .unprocessableEntity && exe.body.contains("filen är ingen riktig PDF-fil"))
            // The same refusal to an English reader is worded in English: services return problems, pages word them.
            let exeEnglish = try await app.postMultipart(
                path + "?lang=en", fields, file: ("attachment", "svar.pdf", Data("MZ".utf8)),
                as: editor)
            #expect(
                exeEnglish.status == .unprocessableEntity && exeEnglish.body.contains("the file is not a real PDF file")
            )
            #expect(!exeEnglish.body.contains("riktig"))
            let saved = try await app.postMultipart(
                path, fields, file: ("attachment", "svar.pdf", Data("%PDF-1.7 test".utf8)), as: editor)
            #expect(saved.status == .seeOther)
            // A second editor who opened the same version saves later: refused, not merged.
            let other = try await app.signIn("rk2@stockholm.se")
            let stale = try await app.postMultipart(
                path, fields.map { $0.0 == "summary" ? ($0.0, "En annan text.") : $0 }, as: other)
            #expect(stale.status == .conflict && stale.body.contains("En annan text."))
            // Another body's editor may not write this answer.
            let ss = try await app.signIn("ss@stockholm.se")
            #expect(try await app.postMultipart(path, fields, as: ss).status == .forbidden)
            // Decide (needs the date), then submit.
            let noDate = try await app.postMultipart(
                path,
                fields.map { $0.0 == "version" ? ($0.0, "1") : $0 == ("action", "save") ? ("action", "decide") : $0 },
                as: editor)
            #expect(noDate.status == .unprocessableEntity && noDate.body.contains("Ange vilken dag"))
            let noDateEnglish = try await app.postMultipart(
                path + "?lang=en",
                fields.map {
                    $0.0 == "version" ? ($0.0, "1") : $0 == ("action", "save") ? ("action", "decide") : $0
                }, as: editor)
            #expect(noDateEnglish.body.contains("Give the day the body decided the answer."))
            var v2 = fields.map { $0.0 == "version" ? ($0.0, "1") : $0.0 == "action" ? ($0.0, "submit") : $0 }
            v2.append(("decidedOn", "2024-02-20"))
            // Submitting is two steps: the form saves and leads to the check page, whose confirmation submits.
            let review = try await app.postMultipart(path, v2, as: editor)
            #expect(review.status == .seeOther && review.location == path + "/check")
            #expect(try await app.post(path + "/check", ["version": "2"], as: editor).status == .seeOther)
            // Submitted: public, locked.
            let public1 = try await app.get(path)
            #expect(public1.body.contains("Resurser till feriejobb.") && public1.body.contains("svar.pdf"))
            let locked = try await app.postMultipart(path, v2.map { $0.0 == "version" ? ($0.0, "2") : $0 }, as: editor)
            #expect(locked.status == .conflict)
            // A correction is a new revision; the old one stays in the history.
            #expect(
                try await app.postMultipart(path, [("version", "3"), ("action", "correct")], as: editor).status
                    == .seeOther)
            let answer = try #require(try await ReferralAnswer.query(on: app.db).first())
            #expect(answer.revision == 2 && answer.status == "draft")
            #expect(try await ReferralAnswerRevision.query(on: app.db).count() == 1)
            var v4 = v2.map { $0.0 == "version" ? ($0.0, "4") : $0 }
            v4 = v4.map { $0.0 == "m[dold-potential-a-2-3-2][position]" ? ($0.0, "opposes") : $0 }
            #expect(try await app.postMultipart(path, v4, as: editor).status == .seeOther)
            #expect(try await app.post(path + "/check", ["version": "5"], as: editor).status == .seeOther)
            // The earlier version stays readable: it still says A.2.3.2 was supported with reservations.
            let history = try await app.get(path).body
            #expect(history.contains("Version 1, ersatt") && history.contains("A.2.3.2: tillstyrker med reservationer"))
            #expect(
                history.contains(
                    "A.2.3.2</a> <span lang=\"sv\">Åtgärd A.2.3.2</span></h3><dl class=\"facts\"><dt>Ställningstagande</dt><dd>avstyrker"
                ))

            // The compilation and the CSV export agree with the database.
            let comp = try await app.getJSON("/api/v1/referrals/remiss-av-dold-potential/compilation")
            let rows = try #require(comp.json["measures"] as? [[String: Any]])
            let a232 = try #require(rows.first { $0["measure"] as? String == "dold-potential-a-2-3-2" })
            #expect((a232["counts"] as? [String: Int])?["opposes"] == 1)
            for variant in ["", "?variant=excel"] {
                let csv = try await app.get("/referrals/remiss-av-dold-potential/compilation.csv" + variant)
                let table = try CSVTable.parse(Data(csv.body.utf8))
                #expect(table.delimiter == (variant.isEmpty ? .comma : .semicolon))
                let stored = try await ReferralPosition.query(on: app.db).all().map {
                    "\($0.measure)=\($0.position)=\($0.prerequisites ?? "")"
                }.sorted()
                let m = try #require(try table.column("measure"))
                let p = try #require(try table.column("position"))
                let pre = try #require(try table.column("prerequisites"))
                #expect(table.rows.map { "\($0[m])=\($0[p])=\($0[pre])" }.sorted() == stored)
            }
            // Through the API with Accept: text/csv, and the calendar of the body's deadlines.
            let viaAccept = try await app.get(
                "/api/v1/referrals/remiss-av-dold-potential/compilation", headers: ["Accept": "text/csv"])
            #expect(viaAccept.body.hasPrefix("round,round_title"))
            let ics = try await app.get("/bodies/rinkeby-kista-stadsdelsnamnd/calendar.ics").body
            #expect(
                ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART;VALUE=DATE:20240301")
                    && ics.contains("SUMMARY:Sista svarsdag: Remiss av Dold potential"))
            // Extending the deadline keeps the history.
            let edited = try await app.post(
                "/referrals/remiss-av-dold-potential/edit",
                [
                    "version": "1", "title": "Remiss av Dold potential", "sender": "kommunstyrelsen",
                    "sentOn": "2024-01-10", "deadline": "2024-03-15",
                    "deadlineReason": "Förlängd på begäran", "reports[]": "dold-potential",
                    "groups[]": "allDistrictCouncils", "requiredAll": "A.2.3.1, A.2.3.2",
                ], as: admin)
            #expect(edited.status == .seeOther)
            let round = try await app.get("/referrals/remiss-av-dold-potential").body
            #expect(round.contains("2024-03-15") && round.contains("Förlängd på begäran"))
        }
    }

    @Test("The list of rounds in the API pages: total counts every round, a page holds its slice in the same order")
    func roundListPaging() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            let all = try await app.getJSON("/api/v1/referrals")
            let items = try #require(all.json["items"] as? [[String: Any]])
            #expect(all.json["total"] as? Int == items.count)
            #expect(items.count == 3)  // the three demo rounds
            #expect(items.allSatisfy { ($0["recipients"] as? [Any])?.isEmpty == false })
            let page = try await app.getJSON("/api/v1/referrals?limit=1&offset=1")
            let one = try #require(page.json["items"] as? [[String: Any]])
            #expect(page.json["total"] as? Int == 3)
            #expect(one.count == 1 && one[0]["id"] as? String == items[1]["id"] as? String)
            let beyond = try await app.getJSON("/api/v1/referrals?offset=5")
            #expect((beyond.json["items"] as? [Any])?.isEmpty == true && beyond.json["total"] as? Int == 3)
        }
    }

    @Test("An attachment over 20 MB is refused with a message")
    func attachmentLimit() {
        let big = AnswerStore.NewAttachment(filename: "stor.pdf", data: Data("%PDF".utf8) + Data(count: 21 * 1_048_576))
        guard case .failure(let m) = AnswerStore.attachmentType(big) else {
            Issue.record("accepted")
            return
        }
        #expect(m.text(Texts(.en)).contains("more than the 20 MB allowed"))
        guard case .failure(let t) = AnswerStore.attachmentType(.init(filename: "bild.png", data: Data([0x89, 0x50])))
        else {
            Issue.record("accepted")
            return
        }
        #expect(t.text(Texts(.en)).contains("only PDF, DOCX and ODT"))
        let odt =
            Data([0x50, 0x4B, 3, 4] + [UInt8](repeating: 0, count: 26))
            + Data("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
        #expect(
            (try? AnswerStore.attachmentType(.init(filename: "svar.odt", data: odt)).get())
                == "application/vnd.oasis.opendocument.text")
        // Any other ZIP renamed is refused: a DOCX has word/document.xml, an ODT its mimetype first.
        let zip = Data([0x50, 0x4B, 3, 4] + [UInt8](repeating: 0, count: 60)) + Data("other/file.txt".utf8)
        guard case .failure = AnswerStore.attachmentType(.init(filename: "svar.docx", data: zip)) else {
            Issue.record("zip as docx")
            return
        }
        guard case .failure = AnswerStore.attachmentType(.init(filename: "svar.odt", data: zip)) else {
            Issue.record("zip as odt")
            return
        }
        let docx = zip + Data("word/document.xml".utf8)
        #expect((try? AnswerStore.attachmentType(.init(filename: "svar.docx", data: docx)).get()) != nil)
        // An empty file is refused with a message, and a size just over the limit is written with decimals.
        guard case .failure(let empty) = AnswerStore.attachmentType(.init(filename: "tom.pdf", data: Data())) else {
            Issue.record("empty")
            return
        }
        #expect(empty.text(Texts(.en)).contains("empty"))
        let over = AnswerStore.NewAttachment(
            filename: "x.pdf", data: Data("%PDF".utf8) + Data(count: 20 * 1_048_576 + 30_000))
        guard case .failure(let size) = AnswerStore.attachmentType(over) else {
            Issue.record("accepted")
            return
        }
        #expect(size.text(Texts(.en)).contains("20.03 MB"))
    }
}
