@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The answer form is safe to use: submitting goes through a check step (granska), the error
/// summary links each error to its field, and progress on required measures is shown.
@Suite("Answer form: check step, error summary, progress")
struct AnswerCheckTests {
    static let round = "remiss-fordjupningsrapporter-2016"
    static let path = "/referrals/\(round)/answers/rinkeby-kista-stadsdelsnamnd"
    /// A fresh round where Rinkeby-Kista must answer A.2.3.1 and A.2.3.2.
    static let freshPath = "/referrals/remiss-av-dold-potential/answers/rinkeby-kista-stadsdelsnamnd"

    /// A round sent to the district councils, and Rinkeby-Kista's editor signed in.
    static func prepare(_ app: Application) async throws -> Browser {
        try await app.makeUser("admin@stockholm.se", role: .admin)
        try await app.makeUser("rk@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
        let admin = try await app.signIn("admin@stockholm.se")
        let created = try await app.post(
            "/referrals/new",
            [
                "title": "Remiss av Dold potential", "sender": "kommunstyrelsen", "sentOn": "2024-01-10",
                "deadline": "2024-03-01", "reports[]": "dold-potential", "groups[]": "allDistrictCouncils",
                "requiredAll": "A.2.3.1, A.2.3.2",
            ], as: admin)
        #expect(created.status == .seeOther, "\(created.body)")
        return try await app.signIn("rk@stockholm.se")
    }

    static func status(_ app: Application) async throws -> String? {
        try await ReferralAnswer.query(on: app.db).first()?.status
    }

    @Test("Only the check page's confirmation submits; the form's old submit leads to the check page")
    func checkStep() async throws {
        try await withTestApp { app in
            let editor = try await Self.prepare(app)
            let form = try await app.get(Self.freshPath, as: editor).body
            #expect(form.contains("0 av 2\u{00A0}obligatoriska åtgärder besvarade"))
            #expect(!form.contains("ÅÅÅÅ-MM-DD"))
            #expect(form.contains(#"<input id="a-decidedOn" name="decidedOn" type="date""#))
            // One primary button, and it saves a draft.
            #expect(form.components(separatedBy: "class=\"primary\"").count - 1 == 1)
            #expect(form.contains(#"value="save" class="primary""#))
            #expect(!form.contains(#"value="submit""#))
            let fields: [(String, String)] = [
                ("version", "0"), ("action", "review"), ("decidedOn", "2024-02-20"),
                ("summary", "Förvaltningen ställer sig positiv."),
                ("m[dold-potential-a-2-3-1][position]", "supports"),
                ("m[dold-potential-a-2-3-1][prerequisites]", "Resurser till feriejobb."),
            ]
            let review = try await app.postMultipart(Self.freshPath, fields, as: editor)
            #expect(review.status == .seeOther && review.location == Self.freshPath + "/check")
            #expect(try await Self.status(app) == "draft")
            // The check page: what will be published, the required measure left, what happens next.
            let check = try await app.get(Self.freshPath + "/check", as: editor)
            #expect(check.status == .ok)
            #expect(check.body.contains("Resurser till feriejobb.") && check.body.contains("tillstyrker"))
            #expect(check.body.contains("1 av 2\u{00A0}obligatoriska åtgärder besvarade"))
            let missing = try #require(check.body.components(separatedBy: "id=\"h-missing\"").last)
            #expect(missing.contains(#"<a href="\#(Self.freshPath)#m1-p">A.2.3.2"#))
            #expect(check.body.contains("Vad händer sedan"))
            // The link goes to a field that exists in the form.
            let again = try await app.get(Self.freshPath, as: editor).body
            #expect(again.contains(#"<select id="m1-p" name="m[dold-potential-a-2-3-2][position]""#))
            // The old submit action of the form does not publish either.
            let old = try await app.postMultipart(
                Self.freshPath,
                fields.map { $0.0 == "version" ? ($0.0, "1") : $0.0 == "action" ? ($0.0, "submit") : $0 },
                as: editor)
            #expect(old.status == .seeOther && old.location == Self.freshPath + "/check")
            #expect(try await Self.status(app) == "draft")
            // A confirmation based on an older version is refused with an explanation; nothing is submitted.
            let stale = try await app.post(Self.freshPath + "/check", ["version": "1"], as: editor)
            #expect(stale.status == .conflict && stale.body.contains("Någon annan har sparat svaret"))
            #expect(try await Self.status(app) == "draft")
            // The confirmation submits.
            let confirmed = try await app.post(Self.freshPath + "/check", ["version": "2"], as: editor)
            #expect(confirmed.status == .seeOther && confirmed.location == Self.freshPath + "?saved=submitted")
            #expect(try await Self.status(app) == "submitted")
            let published = try await app.get(Self.freshPath)
            #expect(published.body.contains("Resurser till feriejobb."))
            // A submitted answer has nothing to check: the check page leads back to it.
            let after = try await app.get(Self.freshPath + "/check", as: editor)
            #expect(after.status == .seeOther)
        }
    }

    @Test("Without the day of the decision the check page says so, links to the field and offers no submit")
    func blockedWithoutDecision() async throws {
        try await withTestApp { app in
            let editor = try await Self.prepare(app)
            let fields: [(String, String)] = [
                ("version", "0"), ("action", "review"), ("m[dold-potential-a-2-3-1][position]", "supports"),
            ]
            #expect(try await app.postMultipart(Self.freshPath, fields, as: editor).status == .seeOther)
            let check = try await app.get(Self.freshPath + "/check", as: editor).body
            #expect(check.contains(#"<a href="\#(Self.freshPath)#a-decidedOn">Ange vilken dag"#))
            #expect(!check.contains("Skicka in svaret"))
            let forced = try await app.post(Self.freshPath + "/check", ["version": "1"], as: editor)
            #expect(forced.status == .unprocessableEntity && forced.body.contains("Svaret skickades inte in."))
            #expect(try await Self.status(app) == "draft")
            // Only the body's editors and administrators reach the check page.
            try await app.makeUser("reader@stockholm.se", role: .reader)
            let reader = try await app.signIn("reader@stockholm.se")
            #expect(try await app.get(Self.freshPath + "/check", as: reader).status != .ok)
        }
    }

    @Test("Declining saves the reason and leads to a confirmation; only the confirmation declines")
    func declineStep() async throws {
        try await withTestApp { app in
            let editor = try await Self.prepare(app)
            let reason = "Nämnden hinner inte behandla remissen före svarsdagen."
            // Without a reason nothing is saved, and the error summary links to the reason's field.
            let bare = try await app.postMultipart(
                Self.freshPath, [("version", "0"), ("action", "decline")], as: editor)
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.body.contains(##"<a href="#a-decline">Skriv varför instansen avstår"##))
            #expect(bare.body.contains(#"id="a-decline-error""#) && bare.body.contains(#"aria-invalid="true""#))
            #expect(try await Self.status(app) == nil)
            // The form's decline action saves a draft with the reason and leads to the confirmation.
            let fields: [(String, String)] = [
                ("version", "0"), ("action", "decline"), ("declineReason", reason),
                ("m[dold-potential-a-2-3-1][position]", "supports"),
            ]
            let asked = try await app.postMultipart(Self.freshPath, fields, as: editor)
            #expect(asked.status == .seeOther && asked.location == Self.freshPath + "/decline")
            #expect(try await Self.status(app) == "draft")
            // The confirmation says what will be published, what happens next, and has the one button.
            let page = try await app.get(Self.freshPath + "/decline", as: editor)
            #expect(page.status == .ok)
            #expect(page.body.contains("Bekräfta att ni avstår från att svara"))
            #expect(page.body.contains("avstår från att svara på remissen.") && page.body.contains(reason))
            #expect(page.body.contains("Vad händer sedan") && page.body.contains("går inte att ångra"))
            // The draft's position would be published with it, and the page says so.
            #expect(page.body.contains("publiceras också"))
            #expect(
                page.body.contains(#"<form class="form confirm" method="post" action="\#(Self.freshPath)/decline">"#))
            #expect(page.body.contains(#"<input type="hidden" name="version" value="1">"#))
            #expect(page.body.contains(#"<a href="\#(Self.freshPath)">Tillbaka till formuläret"#))
            #expect(page.body.contains(#"<a href="\#(Self.freshPath)#a-decline">Ändra"#))
            // Readers, and editors of other bodies, are refused, and nothing is declined.
            try await app.makeUser("reader@stockholm.se", role: .reader)
            try await app.makeUser("sp@stockholm.se", role: .editor, bodies: ["spanga-tensta-stadsdelsnamnd"])
            for other in [try await app.signIn("reader@stockholm.se"), try await app.signIn("sp@stockholm.se")] {
                #expect(try await app.get(Self.freshPath + "/decline", as: other).status == .forbidden)
                #expect(
                    try await app.post(Self.freshPath + "/decline", ["version": "1"], as: other).status == .forbidden)
            }
            #expect(try await Self.status(app) == "draft")
            // A confirmation based on an older version is refused with an explanation; nothing is declined.
            let stale = try await app.post(Self.freshPath + "/decline", ["version": "0"], as: editor)
            #expect(stale.status == .conflict && stale.body.contains("Någon annan har sparat svaret"))
            #expect(stale.body.contains("Instansen har inte avstått"))
            #expect(try await Self.status(app) == "draft")
            // The confirmation declines, and the reason is published.
            let confirmed = try await app.post(Self.freshPath + "/decline", ["version": "1"], as: editor)
            #expect(confirmed.status == .seeOther && confirmed.location == Self.freshPath + "?saved=declined")
            #expect(try await Self.status(app) == "declined")
            let stored = try await ReferralAnswer.query(on: app.db).first()
            #expect(stored?.declineReason == reason)
            #expect(try await app.get(Self.freshPath).body.contains(reason))
            #expect(try await app.get(Self.freshPath + "?saved=declined", as: editor).body.contains("allmän handling"))
            // A declined answer has nothing to confirm: the page leads back to it.
            #expect(try await app.get(Self.freshPath + "/decline", as: editor).status == .seeOther)
        }
    }

    @Test("Without a reason the confirmation says so, links to the field and offers no button")
    func declineBlockedWithoutReason() async throws {
        try await withTestApp { app in
            let editor = try await Self.prepare(app)
            let saved = try await app.postMultipart(Self.freshPath, [("version", "0"), ("action", "save")], as: editor)
            #expect(saved.status == .seeOther)
            let page = try await app.get(Self.freshPath + "/decline", as: editor).body
            #expect(page.contains(#"<a href="\#(Self.freshPath)#a-decline">Skriv varför instansen avstår"#))
            #expect(!page.contains(#"class="danger""#))
            #expect(!page.contains("publiceras också"))
            let forced = try await app.post(Self.freshPath + "/decline", ["version": "1"], as: editor)
            #expect(forced.status == .unprocessableEntity && forced.body.contains("Instansen har inte avstått"))
            #expect(forced.body.contains(#"<a href="\#(Self.freshPath)#a-decline">"#))
            #expect(try await Self.status(app) == "draft")
        }
    }

    @Test("The error summary links each error to its field; the field names its error")
    func errorSummary() async throws {
        try await withTestApp { app in
            let editor = try await Self.prepare(app)
            // A form's own problems are found first, the attachment's when the answer is saved.
            let posts: [(fields: [(String, String)], file: (String, String, Data)?, ids: Set<String>)] = [
                (
                    [
                        ("version", "0"), ("action", "save"), ("decidedOn", "20 februari"),
                        ("m[dold-potential-a-2-3-2][position]", "maybe"),
                    ], nil, ["a-decidedOn", "m1-p"]
                ),
                (
                    [("version", "0"), ("action", "save")], ("attachment", "svar.exe", Data("MZ".utf8)),
                    ["a-attachment"]
                ),
            ]
            for post in posts {
                let refused = try await app.postMultipart(Self.freshPath, post.fields, file: post.file, as: editor)
                #expect(refused.status == .unprocessableEntity)
                let html = refused.body
                let summary = try #require(
                    html.components(separatedBy: "<div class=\"error error-summary\" role=\"alert\" tabindex=\"-1\"")
                        .dropFirst().first?.components(separatedBy: "</div>").first)
                let links = CompilationPrintTests.matches(##"<a href="#([^"]+)">"##, in: summary).map { $0[0] }
                #expect(Set(links) == post.ids, "\(links)")
                for id in links {
                    #expect(html.contains(#"id="\#(id)-error""#), "no error text for \(id)")
                    let field = try #require(html.components(separatedBy: #"id="\#(id)" "#).dropFirst().first)
                    let tag = try #require(field.components(separatedBy: ">").first)
                    #expect(tag.contains("\(id)-error") && tag.contains(#"aria-invalid="true""#), "\(id): \(tag)")
                }
            }
        }
    }
}
