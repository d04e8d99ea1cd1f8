@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

@Suite("Editing the catalogue")
struct EditingTests {
    /// An administrator, and a read-write API token of theirs.
    static func adminToken(_ app: Application) async throws -> String {
        try await app.makeUser("admin@stockholm.se", role: .admin)
        return try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite)
    }

    @Test(
        "Two editors save the same measure at once: exactly one succeeds, the other gets 409, the audit shows one change"
    )
    func concurrentSaves() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            let path = "/api/v1/measures/stad-i-samverkan-4-1-1"
            let before = try await AuditEvent.query(on: app.db).filter(\.$objectID == "stad-i-samverkan-4-1-1").count()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for title in ["Lotsar, version ett", "Lotsar, version två"] {
                    group.addTask {
                        try await app.api(
                            .PATCH, path, token: token, json: #"{"title": "\#(title)"}"#, headers: ["If-Match": "\"1\""]
                        ).status
                    }
                }
                var out: [HTTPStatus] = []
                for try await s in group { out.append(s) }
                return out
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
            let after = try await AuditEvent.query(on: app.db).filter(\.$objectID == "stad-i-samverkan-4-1-1").count()
            #expect(after - before == 1)
            let m = try #require(
                try await Measure.query(on: app.db).filter(\.$slug == "stad-i-samverkan-4-1-1").first())
            #expect(m.version == 2)
        }
    }

    @Test("API writes: create, replace, patch, delete with versions; stale versions are 409; missing versions 428")
    func apiWrites() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            let created = try await app.api(
                .POST, "/api/v1/bodies", token: token,
                json:
                    #"{"id": "ny-namnd", "name": "Ny nämnd", "kind": "specialistCommittee", "parent": "kommunfullmaktige"}"#
            )
            #expect(created.status == .created)
            #expect(created.json["version"] as? Int == 1)
            let stale = try await app.api(
                .PUT, "/api/v1/bodies/ny-namnd", token: token,
                json: #"{"id": "ny-namnd", "name": "Namn", "kind": "specialistCommittee", "version": 7}"#)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("version 1"))
            let missing = try await app.api(
                .PATCH, "/api/v1/bodies/ny-namnd", token: token, json: #"{"name": "Utan version"}"#)
            #expect(missing.status == .preconditionRequired)
            let patched = try await app.api(
                .PATCH, "/api/v1/bodies/ny-namnd", token: token, json: #"{"name": "Nytt namn", "version": 1}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["name"] as? String == "Nytt namn")
            #expect(patched.json["version"] as? Int == 2)
            #expect(patched.json["parent"] as? String == "kommunfullmaktige")
            let invalid = try await app.api(
                .PATCH, "/api/v1/bodies/ny-namnd", token: token,
                json: #"{"kind": "ministry", "parent": "nope", "version": 2}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("/kind"))
            let page = try await app.get("/bodies/ny-namnd")
            #expect(page.body.contains("Nytt namn"))
            let gone = try await app.api(
                .DELETE, "/api/v1/bodies/ny-namnd", token: token, headers: ["If-Match": "\"2\""])
            #expect(gone.status == .noContent)
            #expect(try await app.get("/bodies/ny-namnd").status == .notFound)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$objectID == "ny-namnd").sort(\.$at).all()
                .map(\.action)
            #expect(actions == ["create", "update", "delete"])
            let via = try await AuditEvent.query(on: app.db).filter(\.$objectID == "ny-namnd").first()?.via
            #expect(via?.hasPrefix("api:skl_") == true)
        }
    }

    @Test("A malformed version field is refused on every write, even where If-Match decides or none is needed")
    func malformedVersionField() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            let created = try await app.api(
                .POST, "/api/v1/areas", token: token,
                json: #"{"id": "ny-del", "name": "Ny del", "kind": "districtArea", "version": [{}]}"#)
            #expect(created.status == .badRequest)
            #expect(created.body.contains("version"))
            #expect(try await app.get("/areas/ny-del").status == .notFound, "nothing was created")
            let patched = try await app.api(
                .PATCH, "/api/v1/bodies/kommunfullmaktige", token: token, json: #"{"version": "1"}"#,
                headers: ["If-Match": "\"1\""])
            #expect(patched.status == .badRequest)
        }
    }

    @Test("If-Match takes what the API document says (digits, quoted or weak) and nothing else")
    func ifMatchAsDocumented() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            for bad in ["+1", "1.0", " ", "0x1", "\"1\"\"", "1234567890"] {
                let r = try await app.api(
                    .DELETE, "/api/v1/measures/stad-i-samverkan-4-2-1", token: token, headers: ["If-Match": bad])
                #expect(r.status == .badRequest, "If-Match: \(bad)")
            }
            let weak = try await app.api(
                .DELETE, "/api/v1/measures/stad-i-samverkan-4-2-1", token: token, headers: ["If-Match": "W/\"1\""])
            #expect(weak.status == .noContent)
        }
    }

    @Test("Deleting what others refer to is refused with an explanation, never cascaded")
    func deleteReferenced() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            let r = try await app.api(
                .DELETE, "/api/v1/bodies/kommunstyrelsen", token: token, headers: ["If-Match": "\"1\""])
            #expect(r.status == .conflict)
            #expect(r.body.contains("4.1.1"))
            #expect(try await Body.query(on: app.db).filter(\.$slug == "kommunstyrelsen").first() != nil)
            try await app.makeUser("b@stockholm.se", role: .admin)
            let b = try await app.signIn("b@stockholm.se")
            let page = try await app.post("/reports/stad-i-samverkan/delete", ["version": "1"], as: b)
            #expect(page.status == .conflict)
            #expect(page.body.contains("kan inte tas bort"))
        }
    }

    @Test("The edit form keeps what was typed and says what is wrong next to the field")
    func formValidation() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let b = try await app.signIn("admin@stockholm.se")
            let form = try await app.get("/bodies/kommunstyrelsen/edit", as: b)
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"Kommunstyrelsen\""))
            let bad = try await app.post(
                "/bodies/kommunstyrelsen/edit",
                [
                    "name": "Kommunstyrelsen – ändrad", "kind": "executiveBoard", "validFrom": "2020-13-45",
                    "version": "1",
                ], as: b)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("value=\"Kommunstyrelsen – ändrad\""), "what was typed is kept")
            #expect(bad.body.contains("id=\"f-validFrom-error\""), "the error stands next to the field")
            #expect(bad.body.contains("aria-invalid=\"true\""))
            let good = try await app.post(
                "/bodies/kommunstyrelsen/edit",
                [
                    "name": "Kommunstyrelsen", "nameEn": "The City Executive Board", "kind": "executiveBoard",
                    "version": "1",
                ], as: b)
            #expect(good.status == .seeOther)
            let history = try await app.get("/bodies/kommunstyrelsen/history", as: b)
            #expect(history.status == .ok)
            #expect(history.body.contains("admin@stockholm.se"))
            #expect(history.body.contains("The City Executive Board"))
        }
    }

    @Test("A save based on an old version shows both versions and keeps the editor's text")
    func conflictPage() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let b = try await app.signIn("admin@stockholm.se")
            let first = try await app.post(
                "/measures/stad-i-samverkan-4-1-1/edit", ["title": "Första redaktörens titel", "version": "1"], as: b)
            #expect(first.status == .seeOther)
            let second = try await app.post(
                "/measures/stad-i-samverkan-4-1-1/edit", ["title": "Andra redaktörens titel", "version": "1"], as: b)
            #expect(second.status == .conflict)
            #expect(second.body.contains("Första redaktörens titel"), "the saved version is shown")
            #expect(second.body.contains("value=\"Andra redaktörens titel\""), "the editor's text is kept in the form")
            #expect(second.body.contains("name=\"version\" value=\"2\""), "saving again is based on the new version")
            let m = try #require(
                try await Measure.query(on: app.db).filter(\.$slug == "stad-i-samverkan-4-1-1").first())
            #expect(m.title == "Första redaktörens titel")
        }
    }

    @Test("An administrator creates a measure with a variant code; it is stored canonical")
    func createMeasure() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let b = try await app.signIn("admin@stockholm.se")
            let r = try await app.post(
                "/measures/new",
                [
                    "report": "dold-potential", "code": "A2.5.1", "title": "Ny åtgärd om praktik",
                    "leadBody": "arbetsmarknadsnamnden",
                ], as: b)
            #expect(r.status == .seeOther)
            #expect(r.location?.hasPrefix("/measures/dold-potential-a-2-5-1") == true)
            let page = try await app.get("/measures/dold-potential-a-2-5-1")
            #expect(page.body.contains("A.2.5.1"))
        }
    }

    @Test("The roadmap is edited as a whole, in the browser and through the API, with its version")
    func roadmap() async throws {
        try await withTestApp { app in
            let token = try await Self.adminToken(app)
            let b = try await app.signIn("admin@stockholm.se")
            let form = try await app.get("/roadmap/edit", as: b)
            #expect(form.status == .ok)
            #expect(form.body.contains("I | Prioritera tidiga och förebyggande insatser"))
            let current = try await app.getJSON("/api/v1/roadmap")
            let version = try #require(current.json["version"] as? Int)
            // Change the vision's text through the form, keeping everything else as the form shows it.
            var fields = HTMLForm.fields(in: form.body)
            fields["text"] = "En ny text om visionen."
            let saved = try await app.post("/roadmap/edit", fields, as: b)
            #expect(saved.status == .seeOther, "\(saved.body.prefix(500))")
            let page = try await app.get("/roadmap")
            #expect(page.body.contains("En ny text om visionen."))
            #expect(
                page.body.components(separatedBy: "<span class=\"numeral\">").count - 1 == 23, "no strategy was lost")
            // The old version is now stale.
            var api = try #require(current.json as [String: Any]?)
            api.removeValue(forKey: "version")
            let body = String(
                decoding: try JSONSerialization.data(withJSONObject: Self.roadmapInput(api)), as: UTF8.self)
            let stale = try await app.api(
                .PUT, "/api/v1/roadmap", token: token, json: body, headers: ["If-Match": "\"\(version)\""])
            #expect(stale.status == .conflict)
            let fresh = try await app.api(
                .PUT, "/api/v1/roadmap", token: token, json: body, headers: ["If-Match": "\"\(version + 1)\""])
            #expect(fresh.status == .ok, "\(fresh.body.prefix(400))")
            let history = try await app.get("/roadmap/history", as: b)
            #expect(history.body.contains("En ny text om visionen."))
        }
    }

    /// The API's roadmap turned into what PUT takes: strategies without their measure lists.
    static func roadmapInput(_ r: [String: Any]) -> [String: Any] {
        var out = r
        out["targetAreas"] = (r["targetAreas"] as? [[String: Any]] ?? []).map { t -> [String: Any] in
            var t = t
            t["strategies"] = (t["strategies"] as? [[String: Any]] ?? []).map { s -> [String: Any] in
                var s = s
                s.removeValue(forKey: "measures")
                return s
            }
            if (t["milestones"] as? [Any])?.isEmpty == true { t.removeValue(forKey: "milestones") }
            return t
        }
        return out
    }

    @Test("The audit trail cannot be changed, only added to")
    func appendOnly() async throws {
        try await withTestApp { app in
            try await Audit.record("test", by: .system("test"), on: app.db)
            let e = try #require(try await AuditEvent.query(on: app.db).first())
            e.actor = "someone else"
            await #expect(throws: (any Error).self) { try await e.update(on: app.db) }
            await #expect(throws: (any Error).self) { try await e.delete(on: app.db) }
        }
    }
}
