@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The findings of the hardening review, one test each: every one failed before its fix.
@Suite("Hardening")
struct HardeningTests {
    static let round2015 = "remiss-skillnadernas-stockholm-2015"

    @Test("'Correct' on an answer that does not exist is refused with a message, and the server lives on")
    func correctWithoutAnswer() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("sk@stockholm.se", role: .editor, bodies: ["skarpnack-stadsdelsnamnd"])
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let editor = try await app.signIn("sk@stockholm.se")
            let path = "/referrals/\(Self.round2015)/answers/skarpnack-stadsdelsnamnd"
            let r = try await app.postMultipart(path, [("version", "0"), ("action", "correct")], as: editor)
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.contains("Det finns inget inskickat svar att rätta"))
            #expect(try await app.get("/healthz").status == .ok)
            // An administrator cannot "correct" for a body that is not on the distribution list.
            let admin = try await app.signIn("admin@stockholm.se")
            let off = "/referrals/\(Self.round2015)/answers/kommunstyrelsen"
            let refused = try await app.postMultipart(off, [("version", "0"), ("action", "correct")], as: admin)
            #expect(refused.status == .notFound)
            #expect(try await ReferralAnswer.query(on: app.db).filter(\.$body == "kommunstyrelsen").count() == 0)
        }
    }

    @Test("The sign-in's next address cannot add a header or leave the site")
    func loginNext() {
        #expect(AccountController.safeNext("/\r\nSet-Cookie: x=1") == nil)
        #expect(AccountController.safeNext("/%0d%0aSet-Cookie:%20x=1") == nil)
        #expect(AccountController.safeNext("/%09/evil.example/") == nil)
        #expect(AccountController.safeNext("//evil.example/") == nil)
        #expect(AccountController.safeNext("/\\evil.example/") == nil)
        #expect(AccountController.safeNext("https://evil.example/") == nil)
        #expect(AccountController.safeNext("/referrals?lang=en") == "/referrals?lang=en")
        #expect(AccountController.safeNext("/s%C3%B6k?q=%C3%A5") == "/s%C3%B6k?q=%C3%A5")
    }

    @Test("A next address with a line break signs in to the account page, with no header of the attacker's")
    func loginNextEndToEnd() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("anna@stockholm.se", role: .admin)
            let attempt = try await app.loginAttempt(
                "anna@stockholm.se", Application.testPassword,
                next: "/\r\nSet-Cookie: x=1")
            #expect(attempt.status == .seeOther)
            #expect(attempt.location == "/account")
            #expect(!attempt.setCookies.contains { $0.hasPrefix("x=") })
        }
    }

    @Test("Content-Disposition: control characters left out, the real name in filename*")
    func contentDisposition() {
        let header = HeaderValue.attachment(filename: "svar\r\nSet-Cookie: x=1.pdf")
        #expect(!header.contains("\r") && !header.contains("\n"))
        #expect(header.hasPrefix("attachment; filename=\""))
        let swedish = HeaderValue.attachment(filename: "Yttrande från Järva \"slutlig\".pdf")
        #expect(swedish.contains("filename=\"Yttrande fr_n J_rva slutlig.pdf\""))
        #expect(swedish.contains("filename*=UTF-8''Yttrande%20fr%C3%A5n%20J%C3%A4rva%20slutlig.pdf"))
        #expect(HeaderValue.cleanFilename("../../etc/passwd") == "....etcpasswd")
        #expect(HeaderValue.cleanFilename("\n") == "file")
    }

    @Test("An attachment named with a line feed is stored without it and sent with a safe header")
    func attachmentName() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("sk@stockholm.se", role: .editor, bodies: ["skarpnack-stadsdelsnamnd"])
            let editor = try await app.signIn("sk@stockholm.se")
            let path = "/referrals/\(Self.round2015)/answers/skarpnack-stadsdelsnamnd"
            let r = try await app.postMultipart(
                path, [("version", "0"), ("action", "save")],
                file: ("attachment", "svar\nX-Evil: 1.pdf", Data("%PDF-1.7".utf8)), as: editor)
            #expect(r.status == .seeOther, "\(r.body.prefix(500))")
            let stored = try #require(try await ReferralAttachment.query(on: app.db).first())
            #expect(!stored.filename.contains("\n"))
            let id = try #require(stored.id)
            try await app.testing().test(
                .GET, "/attachments/\(id.uuidString)",
                headers: ["Cookie": editor.sessionCookie]
            ) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: "X-Evil") == nil)
                #expect(res.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
                // A draft's attachment: no shared cache may keep it.
                #expect(res.headers.first(name: .cacheControl)?.contains("no-store") == true)
            }
        }
    }

    /// A carriage return in a title and the last day there is are the writer's: see ICalendarWriterTests.
    @Test("The calendar: an odd Host header is not written into the feed")
    func calendar() async throws {
        #expect(HeaderValue.host("skillnad.stockholm.se:8080") == "skillnad.stockholm.se:8080")
        #expect(HeaderValue.host("evil\r\nX: y") == nil)
        #expect(HeaderValue.host("a b") == nil)
        try await withTestApp { app in
            let r = try await app.get("/calendar.ics", headers: ["Host": "evil.example/x?"])
            #expect(r.status == .ok)
            #expect(!r.body.contains("evil.example"))
        }
    }

    @Test("The Excel variant of every CSV neutralises formulas; the RFC 4180 variant keeps the text as stored")
    func formulas() {
        var excel = CSVWriter(.excel)
        excel.row(["=HYPERLINK(\"http://x\")", "+46 8 508 000 00", "-12,5", "@SUM(A1)", "\tx", "Rinkeby"])
        let text = excel.text()
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(text.contains(";'+46 8 508 000 00;-12,5;'@SUM(A1);'\tx;Rinkeby\n"))
        var plain = CSVWriter(.rfc4180)
        plain.row(["=1+1", "-3"])
        #expect(plain.text() == "=1+1,-3\n")
    }

    @Test(
        "A password change ends the other sessions and, when asked, the API tokens; a new sign-in replaces the old session"
    )
    func sessions() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("bo@stockholm.se", role: .admin)
            let laptop = try await app.signIn("bo@stockholm.se")
            let phone = try await app.signIn("bo@stockholm.se")
            let token = try await app.issueToken(to: "bo@stockholm.se", scope: .read)
            #expect(try await app.api(.GET, "/api/v1/reports", token: token).status == .ok)
            let changed = try await app.post(
                "/account/password",
                [
                    "current": "correct horse battery", "new": "a new horse battery",
                    "confirm": "a new horse battery", "revokeTokens": "on",
                ], as: laptop)
            #expect(changed.status == .ok)
            #expect(try await app.get("/account", as: laptop).status == .ok, "the session that changed it stays")
            #expect(try await app.get("/account", as: phone).status == .seeOther, "the other session ended")
            #expect(try await app.api(.GET, "/api/v1/reports", token: token).status == .unauthorized)
            // Signing in again from the laptop ends the laptop's old session.
            let again = try await app.loginAttempt("bo@stockholm.se", "a new horse battery", session: laptop.cookie)
            #expect(again.status == .seeOther)
            #expect(try await app.get("/account", as: laptop).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 1)
        }
    }

    @Test("The page cache keys only the parameters pages read, and stays within its bytes")
    func pageCache() async throws {
        try await withTestApp { app in
            _ = try await app.get("/areas")
            let (count, _) = app.catalogue.pageCacheUsage
            for n in 0..<50 { #expect(try await app.get("/areas?x\(n)=\(n)").status == .ok) }
            #expect(app.catalogue.pageCacheUsage.count == count, "unknown parameters make no new entries")
            #expect(
                PageRenderer.cacheKey(try Request.fake(app, "/indicators/x?utm=1&level=district&b=2"))
                    == "/indicators/x?level=district")
            // A query Vapor cannot parse reads as no parameters at all: such a page is never kept.
            #expect(PageRenderer.cacheKey(try Request.fake(app, "/indicators/x?level=district&x[a=1")) == nil)
            for n in 0..<300 { _ = try await app.get("/search?q=skola\(n)") }
            let usage = app.catalogue.pageCacheUsage
            #expect(usage.count <= CatalogueStore.maxCachedPages && usage.bytes <= CatalogueStore.maxCachedBytes)
        }
    }

    @Test("Every query parameter the code reads is part of the page cache's key")
    func cacheKeyParameters() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let patterns = [
            #"query\[String\.self, at: "([A-Za-z]+)"\]"#, #"filter\("([A-Za-z]+)"\)"#,
            #"Self\.int\(req, "([A-Za-z]+)""#, #"\blist\("([A-Za-z]+)"\)"#,
        ]
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
                }
            }
        }
        #expect(names.count > 15)
        // `lang` is keyed as the language; `next` is the sign-in page's, and `state`, `code` and `error`
        // the identity provider's answer's: those pages are never cached.
        let uncached: Set<String> = ["lang", "next", "state", "code", "error"]
        let missing = names.subtracting(PageRenderer.queryParameters).subtracting(uncached)
        #expect(missing.isEmpty, "read but not in the cache key: \(missing.sorted())")
    }

    @Test("A client with endless distinct uncached requests gets 429 with Retry-After; cached pages still answer")
    func rateLimit() async throws {
        try await withTestApp { app in
            app.rateLimiter = RateLimiter(rate: 0.001, burst: 3)
            #expect(try await app.get("/reports").status == .ok)
            var statuses: [UInt] = []
            var retryAfter: String?
            for n in 0..<4 {
                let r = try await app.get("/search?q=plan\(n)")
                statuses.append(r.status.code)
                if r.status == .tooManyRequests { retryAfter = r.headers.first(name: .retryAfter) }
            }
            #expect(statuses == [200, 200, 429, 429])
            #expect(retryAfter.flatMap(Int.init).map { $0 > 0 } == true)
            #expect(try await app.get("/reports").status == .ok, "a cached page costs nothing")
            #expect(try await app.get("/api/v1/search?q=xyz").status == .tooManyRequests)
        }
    }

    @Test("Forwarded headers count only from a trusted proxy: client address, HTTPS and HSTS")
    func trustedProxies() async throws {
        let none = TrustedProxies(addresses: [])
        #expect(none.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4"]) == "10.0.0.5")
        let proxy = TrustedProxies(addresses: ["10.0.0.5"])
        #expect(proxy.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 10.0.0.5"]) == "1.2.3.4")
        #expect(proxy.client(peer: "10.0.0.5", forwardedFor: ["evil, 5.6.7.8"]) == "5.6.7.8")
        try await withTestApp(demo: false) { app in
            let plain = try await app.get("/healthz", headers: ["X-Forwarded-Proto": "https"])
            #expect(plain.headers.first(name: "Strict-Transport-Security") == nil)
            app.trustedProxies = TrustedProxies(addresses: ["unknown"])
            let secure = try await app.get("/healthz", headers: ["X-Forwarded-Proto": "https"])
            #expect(secure.headers.first(name: "Strict-Transport-Security")?.contains("max-age=") == true)
        }
    }

    @Test("Static files: only plain names; a NUL is a 400 and an overlong segment a 404, not CSS as text or a 500")
    func staticFiles() async throws {
        try await withTestApp(demo: false) { app in
            #expect(try await app.get("/static/skillnad.css").status == .ok)
            let nul = try await app.get("/static/skillnad.css%00.txt")
            #expect(nul.status == .badRequest, "a NUL is refused before any file is looked for")
            let long = try await app.get("/static/" + String(repeating: "a", count: 300))
            #expect(long.status == .notFound)
            let page = try await app.get("/reports/" + String(repeating: "a", count: 300))
            #expect(page.status == .notFound)
            #expect(!page.body.contains("/tmp/") && !page.body.contains("Sources/"))
        }
    }

    @Test("A list given where one value is expected is a 400 that names the parameter")
    func listParameter() async throws {
        try await withTestApp { app in
            let r = try await app.getJSON("/api/v1/reports?limit[]=5")
            #expect(r.status == .badRequest)
            #expect(r.json["parameter"] as? String == "limit")
        }
    }

    @Test("Answers to an API token are not kept by shared caches")
    func tokenNoStore() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let token = try await app.issueToken(to: "admin@stockholm.se", scope: .read)
            try await app.testing().test(.GET, "/api/v1/reports", headers: ["Authorization": "Bearer \(token)"]) {
                res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl)?.contains("no-store") == true)
            }
        }
    }

    @Test("Downloads come from one file per generation; more writers than allowed get 503 with Retry-After")
    func exportFiles() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            let first = try await app.get("/referrals/positions.csv?variant=excel")
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .contentDisposition)?.contains("positions-excel.csv") == true)
            let again = try await app.get("/referrals/positions.csv?variant=excel")
            #expect(again.body == first.body)
            #expect(try await app.get("/referrals/positions.csv?variant=x").status == .badRequest)
            // One writer: a second file asked for while the first is being written is refused.
            let files = ExportFiles(maxWriters: 1)
            defer { files.removeAll() }
            let started = AsyncStream<Void>.makeStream()
            let slow = Task {
                try await files.file("a", generation: 1, io: app.fileio) { sink in
                    started.continuation.yield()
                    try await Task.sleep(for: .milliseconds(300))
                    try await sink.write(Array("a".utf8))
                }
            }
            for await _ in started.stream { break }
            await #expect(throws: ExportFiles.Busy.self) {
                _ = try await files.file("b", generation: 1, io: app.fileio) { _ in }
            }
            let path = try await slow.value
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "a")
            // The same file again is served from disk, not written anew.
            let same = try await files.file("a", generation: 1, io: app.fileio) { _ in Issue.record("written twice") }
            #expect(same == path)
        }
    }
}

@Suite("Joint answers need consent")
struct JointAnswerConsentTests {
    static let round2016 = "remiss-fordjupningsrapporter-2016"

    @Test("An editor of a named body withdraws and confirms; only a confirmed body counts as answered")
    func consent() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("ex@stockholm.se", role: .editor, bodies: ["exploateringsnamnden"])
            try await app.makeUser("rk@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            func answeredBy() async throws -> String? {
                let data = try #require(try await ReferralStore.round(Self.round2016, on: app.db))
                return data.compilation(index, today: Day(year: 2030, month: 1, day: 1)!).recipients
                    .first { $0.body == "exploateringsnamnden" }?.answeredBy
            }
            #expect(try await answeredBy() == "stadsbyggnadsnamnden", "the demo's joint answer is confirmed")
            let ex = try await app.signIn("ex@stockholm.se")
            let page = "/referrals/\(Self.round2016)/answers/exploateringsnamnden"
            #expect(try await app.get(page, as: ex).body.contains("Gemensamma svar som nämner er"))
            let joint = page + "/joint"
            let withdrawn = try await app.post(joint, ["from": "stadsbyggnadsnamnden", "decision": "withdraw"], as: ex)
            #expect(withdrawn.status == .seeOther)
            #expect(try await answeredBy() == nil)
            // Another body's editor cannot decide for it.
            let rk = try await app.signIn("rk@stockholm.se")
            #expect(
                try await app.post(joint, ["from": "stadsbyggnadsnamnden", "decision": "confirm"], as: rk).status
                    == .forbidden)
            #expect(try await answeredBy() == nil)
            #expect(
                try await app.post(joint, ["from": "stadsbyggnadsnamnden", "decision": "confirm"], as: ex).status
                    == .seeOther)
            #expect(try await answeredBy() == "stadsbyggnadsnamnden")
            #expect(
                try await app.post(joint, ["from": "rinkeby-kista-stadsdelsnamnd", "decision": "confirm"], as: ex)
                    .status
                    == .unprocessableEntity)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "joint-withdraw").count() == 1)
        }
    }
}

@Suite("A correction never hides the public record")
struct CorrectionTests {
    @Test("While a submitted answer is corrected, the page, the API, the CSV and its attachment show it as submitted")
    func correctionKeepsRecord() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("sk@stockholm.se", role: .editor, bodies: ["skarpnack-stadsdelsnamnd"])
            let editor = try await app.signIn("sk@stockholm.se")
            let round = HardeningTests.round2015
            let path = "/referrals/\(round)/answers/skarpnack-stadsdelsnamnd"
            let fields: [(String, String)] = [
                ("version", "0"), ("action", "submit"), ("decidedOn", "2016-02-01"),
                ("summary", "Det inskickade yttrandet."),
            ]
            let submitted = try await app.postMultipart(
                path, fields, file: ("attachment", "yttrande.pdf", Data("%PDF-1.7".utf8)), as: editor)
            #expect(submitted.status == .seeOther, "\(submitted.body.prefix(300))")
            // The form leads to the check step; its confirmation submits.
            #expect(try await app.post(path + "/check", ["version": "1"], as: editor).status == .seeOther)
            #expect(
                try await app.postMultipart(path, [("version", "2"), ("action", "correct")], as: editor).status
                    == .seeOther)
            let draft: [(String, String)] = [
                ("version", "3"), ("action", "save"), ("summary", "Ett utkast till rättelse."),
            ]
            #expect(
                try await app.postMultipart(
                    path, draft, file: ("attachment", "ny.pdf", Data("%PDF-1.7".utf8)), as: editor
                ).status == .seeOther)
            // The public still sees the submitted answer and its attachment, not the draft.
            let page = try await app.get(path)
            #expect(page.body.contains("Det inskickade yttrandet.") && !page.body.contains("Ett utkast till rättelse."))
            #expect(page.body.contains("yttrande.pdf") && !page.body.contains("ny.pdf"))
            let answers = try await app.getJSON("/api/v1/referrals/\(round)/answers")
            let items = answers.json["items"] as? [[String: Any]] ?? []
            let skarpnack = items.first { $0["body"] as? String == "skarpnack-stadsdelsnamnd" }
            #expect(skarpnack?["summary"] as? String == "Det inskickade yttrandet.")
            #expect(skarpnack?["status"] as? String == "submitted" && skarpnack?["revision"] as? Int == 1)
            let files = try await ReferralAttachment.query(on: app.db).all()
            let first = try #require(files.first { $0.filename == "yttrande.pdf" }?.id)
            let second = try #require(files.first { $0.filename == "ny.pdf" }?.id)
            #expect(try await app.get("/attachments/\(first.uuidString)").status == .ok)
            #expect(try await app.get("/attachments/\(second.uuidString)").status == .notFound)
            // The editor sees the draft.
            #expect(try await app.get(path, as: editor).body.contains("Ett utkast till rättelse."))
        }
    }
}

@Suite("Hardening: smaller findings")
struct SmallFindingsTests {
    @Test("The roadmap's GET can be sent back as its PUT; a token's last use is recorded")
    func roadmapRoundTrip() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let token = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite)
            let got = try await app.api(.GET, "/api/v1/roadmap", token: token)
            #expect(got.status == .ok)
            let put = try await app.api(.PUT, "/api/v1/roadmap", token: token, json: got.body)
            #expect(put.status == .ok, "\(put.body.prefix(400))")
            #expect(try await APIToken.query(on: app.db).first()?.lastUsedAt != nil)
        }
    }

    @Test("A page's known path with another method is 405 with Allow, not 404")
    func methodNotAllowed() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.DELETE, "/reports") { res in
                #expect(res.status == .methodNotAllowed)
                #expect(res.headers.first(name: .allow)?.contains("GET") == true)
            }
        }
    }

    @Test("Control characters in catalogue text are refused where they stand")
    func controlCharacters() {
        let json =
            #"{"format":"skillnad-catalogue","version":1,"bodies":[{"id":"x","name":"A\u0000B","kind":"committee"}]}"#
        guard case .failure(let problems) = CatalogueReader.read(Data(json.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.problems.contains { $0.path == "bodies[0].name" && $0.message.contains("U+0000") })
    }

    @Test("Readers see drafts read-only; editors remove an attachment from their own draft")
    func draftsAndAttachments() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            try await app.makeUser("sk@stockholm.se", role: .editor, bodies: ["skarpnack-stadsdelsnamnd"])
            try await app.makeUser("reader@stockholm.se", role: .reader)
            let editor = try await app.signIn("sk@stockholm.se")
            let path = "/referrals/\(HardeningTests.round2015)/answers/skarpnack-stadsdelsnamnd"
            let saved = try await app.postMultipart(
                path, [("version", "0"), ("action", "save"), ("summary", "Ett utkast.")],
                file: ("attachment", "bilaga.pdf", Data("%PDF-1.7".utf8)), as: editor)
            #expect(saved.status == .seeOther)
            #expect(!(try await app.get(path).body.contains("Ett utkast.")), "the public does not see a draft")
            let reader = try await app.signIn("reader@stockholm.se")
            let readerPage = try await app.get(path, as: reader)
            #expect(readerPage.body.contains("Ett utkast.") && !readerPage.body.contains("name=\"summary\""))
            let file = try #require(try await ReferralAttachment.query(on: app.db).first()?.id)
            #expect(try await app.get("/attachments/\(file.uuidString)", as: reader).status == .ok)
            let removed = try await app.postMultipart(
                path,
                [
                    ("version", "1"), ("action", "save"), ("summary", "Ett utkast."),
                    ("removeAttachments[]", file.uuidString),
                ], as: editor)
            #expect(removed.status == .seeOther)
            #expect(try await ReferralAttachment.query(on: app.db).count() == 0)
        }
    }
}

@Suite("Hardening: limits")
struct LimitTests {
    @Test("A query string over 4 kB is refused (414 on pages, 400 in the API) before anything is built")
    func longQuery() async throws {
        try await withTestApp(demo: false) { app in
            let long = String(repeating: "a", count: 5000)
            let page = try await app.get("/search?q=" + long)
            let api = try await app.getJSON("/api/v1/search?q=" + long)
            let short = try await app.get("/search?q=skola")
            #expect(page.status == .uriTooLong && api.status == .badRequest && short.status == .ok)
        }
    }

    @Test("A NUL in the address or in a form's text is a 400 (404 in the API), never a database error")
    func nul() async throws {
        try await withTestApp(demo: false) { app in
            let api = try await app.getJSON("/api/v1/indicators/x%00y/observations")
            #expect(api.status == .notFound, "in the API a NUL names nothing")
            let filtered = try await app.getJSON("/api/v1/bodies?kind=a%00b")
            #expect(filtered.status.code < 500)
            #expect(try await app.get("/search?q=a%00b").status == .badRequest)
            let login = try await app.loginAttempt("a\u{0}@example.org", "x")
            #expect(login.status == .badRequest)
        }
    }
}

@Suite("Hardening: the last findings")
struct LastFindingsTests {
    @Test("The round page says 'not submitted yet' for a decided answer, as the API says pending")
    func pendingOnRoundPage() async throws {
        try await withTestApp { app in
            try await app.loadDemoReferrals()
            let page = try await app.get("/referrals/remiss-fordjupningsrapporter-2016")
            #expect(page.status == .ok)
            #expect(page.body.contains("inte inskickat ännu") && !page.body.contains("beslutat, ej inskickat"))
            let api = try await app.getJSON("/api/v1/referrals/remiss-fordjupningsrapporter-2016")
            let recipients = api.json["recipients"] as? [[String: Any]] ?? []
            let business = recipients.first { $0["body"] as? String == "stockholm-business-region" }
            #expect(business?["status"] as? String == "pending")
        }
    }

    @Test("Signing in removes expired sessions")
    func expiredSessionsPurged() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("bo@stockholm.se", role: .editor)
            let user = try await app.user("bo@stockholm.se")
            _ = try await app.storeSession(
                for: user, createdAt: Date(timeIntervalSinceNow: -90_000),
                expiresAt: Date(timeIntervalSinceNow: -3600))
            _ = try await app.signIn("bo@stockholm.se")
            #expect(try await UserSession.query(on: app.db).filter(\.$expiresAt < Date()).count() == 0)
        }
    }

    @Test("A list's total is counted once per generation, not for every page of it")
    func countOncePerGeneration() async throws {
        let store = CatalogueStore()
        let counter = Counter()
        for _ in 0..<3 { _ = await store.remembered("k", generation: 1) { await counter.next() } }
        #expect(await counter.value == 1)
        _ = await store.remembered("k", generation: 2) { await counter.next() }
        #expect(await counter.value == 2)
        // The same key asked for another type is computed, not cast wrongly.
        let text = await store.remembered("k", generation: 2) { "\(await counter.next())" }
        #expect(text == "3")
    }

    actor Counter {
        var value = 0
        func next() -> Int {
            value += 1
            return value
        }
    }
}

@Suite("Hardening: found in review")
struct ReviewFindingsTests {
    @Test("Parallel wrong passwords for one account from one address get at most five checks")
    func parallelGuesses() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("ylva@stockholm.se", role: .editor)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<12 {
                    group.addTask { try await app.loginAttempt("ylva@stockholm.se", "guess \(n)").status }
                }
                var all: [HTTPStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
        }
    }

    @Test("A page's form sent as JSON is refused (415), so no field escapes the form checks")
    func jsonForm() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(
                .POST, "/login", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"email":"a\u0000b","_csrf":"x"}"#)
            ) { res in
                #expect(res.status == .unsupportedMediaType)
            }
        }
    }

    @Test("A failed sign-in for an address that is no account leaves no audit row")
    func noAuditForStrangers() async throws {
        try await withTestApp(demo: false) { app in
            for n in 0..<5 { _ = try await app.loginAttempt("nobody\(n)@example.org", "x") }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-failed").count() == 0)
        }
    }
}
