@testable import App
import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The register of associations through its pages and API: an association's administrator signs
/// up and registers, an official of the district approves, the public register, its map and its
/// open data show only what is public; another association's id is a 404, a stale form a 409,
/// the renewal after the annual meeting, and every refusal the issue names.
@Suite("Register of associations")
struct AssociationRegisterAppTests {
    static let password = "ett långt lösenord för föreningen"

    /// The entry form's fields for a complete association in Skärholmen.
    static func entry(name: String = "Vårbergs boulesällskap", number: String = "802480-1071") -> [(String, String)] {
        [
            ("name", name), ("organisationNumber", number), ("legalForm", "nonProfit"), ("founded", "2015-04-01"),
            ("purpose", "Boule och gemenskap i Vårberg."), ("districts[]", "skarholmen"),
            ("members[65+/women]", "12"), ("members[65+/men]", "9"), ("members[7-12/other]", "1"),
            ("board[0][name]", "Greta Holm"), ("board[0][role]", "chair"),
            ("board[1][name]", "Olle Berg"), ("board[1][role]", "treasurer"),
            ("board[2][name]", "Aino Virtanen"), ("board[2][role]", "secretary"),
            ("board[3][name]", ""), ("board[3][role]", ""),
            ("contactName", "Greta Holm"), ("contactEmail", "greta@example.se"), ("contactPhone", "070-000 00 00"),
            ("giroKind", "bankgiro"), ("giroNumber", "5050-7011"), ("annualMeeting", "2026-03-01"),
            ("democracyConditions", "on"),
            ("activities[0][name]", "Boule på Vårbergstoppen"), ("activities[0][audience]", "Alla som vill spela"),
            ("activities[0][minimumAge]", "60"), ("activities[0][languages]", "sv, fi"),
            ("activities[0][area]", "skarholmen"), ("activities[0][place]", "Vårbergstoppen"),
            ("activities[0][latitude]", "59.2760"), ("activities[0][longitude]", "17.8900"),
            ("activities[0][schedule]", "Onsdagar 10–12"),
            ("activities[1][name]", ""),
        ]
    }

    /// The demo's example associations, and a square shape for Skärholmen so its map has an area
    /// to place the activities on.
    static func loadDemo(_ app: Application) async throws {
        let corners = "[17.85,59.26],[17.98,59.26],[17.98,59.31],[17.85,59.31],[17.85,59.26]"
        let square = #"{"type":"Polygon","coordinates":[["# + corners + "]]}"
        let area = try #require(try await Area.query(on: app.db).filter(\.$slug == "skarholmen").first())
        area.geometry = square
        try await area.save(on: app.db)
        app.catalogue.invalidate()
        #expect(try await DemoAssociations.load(on: app.db) != nil)
    }

    /// Signs up through the join form and signs in again as a browser of the tests.
    static func join(_ app: Application, _ email: String) async throws -> Browser {
        let result = try await ParticipatoryBudgetTests.post(
            app, "/associations/join",
            [("name", "Greta Holm"), ("email", email), ("password", password), ("confirm", password)])
        #expect(result.status == .seeOther)
        #expect(result.headers.first(name: .location) == "/associations/new")
        #expect(result.headers.first(name: .setCookie)?.contains(AuthMiddleware.cookieName) == true)
        return try await app.signIn(email, password)
    }

    @Test("An association signs up and registers; the district's official approves; the public sees what is public")
    func registerAndApprove() async throws {
        try await withTestApp { app in
            try await Self.loadDemo(app)
            let owner = try await Self.join(app, "greta@example.se")
            #expect(try await app.user("greta@example.se").roleValue == .association)
            let saved = try await ParticipatoryBudgetTests.post(app, "/associations/new", Self.entry(), as: owner)
            #expect(saved.status == .seeOther)
            let address = try #require(saved.headers.first(name: .location))
            #expect(address == "/associations/varbergs-boulesallskap")
            // Waiting for approval: not in the public register, not in the open data.
            #expect(try await app.get(address).status == .notFound)
            #expect(try await app.get(address, as: owner).body.contains("väntar på prövning"))
            #expect(!(try await app.get("/associations?district=skarholmen").body.contains("Vårbergs boulesällskap")))
            #expect(!(try await app.get("/api/v1/associations/varbergs-boulesallskap").status == .ok))

            // Skärholmen's official sees it in the queue; Rinkeby-Kista's does not.
            try await app.makeUser("handlaggare@stockholm.se", role: .editor, bodies: ["skarholmen-stadsdelsnamnd"])
            try await app.makeUser("annan@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            let official = try await app.signIn("handlaggare@stockholm.se")
            let other = try await app.signIn("annan@stockholm.se")
            #expect(try await app.get("/associations/queue", as: official).body.contains("Vårbergs boulesällskap"))
            #expect(!(try await app.get("/associations/queue", as: other).body.contains("Vårbergs boulesällskap")))
            #expect(try await app.get("/associations/varbergs-boulesallskap/review", as: other).status == .notFound)
            // A refusal needs its reason; nothing changes without it.
            let unreasoned = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/review", [("decision[skarholmen]", "refused")],
                as: official)
            #expect(unreasoned.status == .unprocessableEntity)
            #expect(unreasoned.body.contains("ett avslag behöver en motivering"))
            let approved = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/review", [("decision[skarholmen]", "approved")],
                as: official)
            #expect(approved.status == .ok)
            #expect(approved.body.contains("Besluten är sparade."))

            // Now public: the list, the map, the page, the CSV and the HSDS API; never the board or
            // the account, and the contact person only because it was not made public: absent.
            let list = try await app.get("/associations?district=skarholmen")
            #expect(list.body.contains("Vårbergs boulesällskap"))
            #expect(
                list.body.contains(#"aria-label="Vårbergs boulesällskap: Boule på Vårbergstoppen, Vårbergstoppen""#))
            let page = try await app.get(address)
            #expect(page.status == .ok)
            #expect(page.body.contains("802480-1071") && page.body.contains("från 60 år"))
            for secret in ["Olle Berg", "5050-7011", "greta@example.se", "070-000"] {
                #expect(!page.body.contains(secret), "\(secret) on the public page")
            }
            let csv = try await app.get("/associations.csv?district=skarholmen")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.contains("varbergs-boulesallskap/activities/1"))
            #expect(!csv.body.contains("Olle Berg"))
            let api = try await app.getJSON("/api/v1/associations/varbergs-boulesallskap")
            #expect(api.status == .ok)
            let services = try #require(api.json["services"] as? [[String: Any]])
            #expect(services.first?["minimum_age"] as? Int == 60)
            #expect((api.json["contacts"] as? [Any])?.isEmpty == true)
            let body = try await app.get("/api/v1/associations?district=skarholmen").body
            try await FollowUpAPITests.validate(app, body, "HSDSOrganizationList")
            #expect(body.contains("varbergs-boulesallskap") && !body.contains("Olle Berg"))
            // The audit trail has the registration and the decision.
            let actions = try await AuditEvent.query(on: app.db).filter(\.$objectType == "association").all()
                .map(\.action)
            #expect(actions.contains("create") && actions.contains("register-approved"))
        }
    }

    @Test("Only its own administrators change an entry: another's id is a 404, a stale form a 409")
    func ownEntriesOnly() async throws {
        try await withTestApp { app in
            try await Self.loadDemo(app)
            let owner = try await Self.join(app, "greta@example.se")
            _ = try await ParticipatoryBudgetTests.post(app, "/associations/new", Self.entry(), as: owner)
            let stranger = try await Self.join(app, "nagon@example.se")
            #expect(try await app.get("/associations/varbergs-boulesallskap/edit", as: stranger).status == .notFound)
            let forged = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/edit", Self.entry(name: "Kapad") + [("version", "1")],
                as: stranger)
            #expect(forged.status == .notFound)
            // A demo association without administrators is nobody's to edit either.
            #expect(
                try await app.get("/associations/bredangs-fritidsforening-exempel/edit", as: stranger).status
                    == .notFound)

            let form = try await app.get("/associations/varbergs-boulesallskap/edit", as: owner)
            #expect(form.status == .ok)
            #expect(HTMLForm.value(of: "version", in: form.body) == "1")
            let changed = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/edit",
                Self.entry(name: "Vårbergs boulesällskap och bangolf") + [("version", "1")], as: owner)
            #expect(changed.status == .seeOther)
            // The same old form again: refused with the versions, nothing written over.
            let stale = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/edit", Self.entry(name: "Gammalt namn") + [("version", "1")],
                as: owner)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("nu version 2, du utgick från 1"))
            let stored = try #require(try await AssociationStore.find("varbergs-boulesallskap", on: app.db))
            #expect(stored.entry.name == "Vårbergs boulesällskap och bangolf")
            // The annual meeting moves back only through a renewal.
            let back = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/edit",
                Self.entry(name: "Vårbergs boulesällskap och bangolf").map {
                    $0.0 == "annualMeeting" ? ($0.0, "2025-03-01") : $0
                } + [("version", "2")], as: owner)
            #expect(back.status == .unprocessableEntity)
            #expect(back.body.contains("tidigare än årsmötet 2026-03-01"))
            // An approved entry that changes its name waits for approval again.
            try await AssociationStore.decide(
                stored, decisions: [("skarholmen", .approved, nil)], today: today(), by: .system("test"), on: app.db)
            let renamed = try await ParticipatoryBudgetTests.post(
                app, "/associations/varbergs-boulesallskap/edit",
                Self.entry(name: "Vårbergs boule") + [("version", "2")],
                as: owner)
            #expect(renamed.status == .seeOther)
            let again = try #require(try await AssociationStore.find("varbergs-boulesallskap", on: app.db))
            #expect(again.registers.map(\.decision) == [.pending])
        }
    }

    @Test("Bad input is refused whole, each problem with its field, and nothing is saved")
    func refusals() async throws {
        try await withTestApp { app in
            let owner = try await Self.join(app, "greta@example.se")
            var fields = Self.entry(number: "19850101-1234").filter { !$0.0.hasPrefix("board[2]") }
            fields.append(("activities[0][maximumAge]", "20"))
            let refused = try await ParticipatoryBudgetTests.post(app, "/associations/new", fields, as: owner)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Organisationsnummer: det här är ett personnummer"))
            #expect(refused.body.contains("Styrelse: minst 3 ordinarie ledamöter behövs, antal angivna: 2"))
            #expect(refused.body.contains("Verksamhet 1: Till ålder: till-åldern ska vara minst från-åldern"))
            // Each problem links to its field, and every link lands on a control of the page.
            let links = refused.body.components(separatedBy: "<a href=\"#").dropFirst().compactMap {
                $0.split(separator: "\"").first.map(String.init)
            }
            #expect(Set(["e-orgnr", "e-b-0-name", "e-a-0-max"]).isSubset(of: links))
            for link in links where link != "main" {
                #expect(refused.body.contains("id=\"\(link)\""), "no element has the id \(link)")
            }
            // What was written comes back, except nothing is stored.
            #expect(refused.body.contains("Boule på Vårbergstoppen"))
            struct Count: Decodable { let n: Int }
            let count = try await app.db.sql().raw("SELECT COUNT(*) AS n FROM associations WHERE name LIKE 'Vårberg%'")
                .first(decoding: Count.self)
            #expect(count?.n == 0)
            // The same organisation number twice: the second is refused.
            _ = try await ParticipatoryBudgetTests.post(app, "/associations/new", Self.entry(), as: owner)
            let twice = try await ParticipatoryBudgetTests.post(
                app, "/associations/new", Self.entry(name: "Ett annat namn"), as: owner)
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.contains("finns redan i registret"))
            // The same e-mail address cannot sign up twice.
            let again = try await ParticipatoryBudgetTests.post(
                app, "/associations/join",
                [
                    ("name", "Greta"), ("email", "greta@example.se"), ("password", Self.password),
                    ("confirm", Self.password),
                ])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("Det finns redan ett konto"))
            // Public filters: a district that is none is a 404, an age that is none a 400.
            #expect(try await app.get("/associations?district=mars").status == .notFound)
            #expect(try await app.get("/associations?district=skarholmen&age=old").status == .badRequest)
            #expect(try await app.get("/api/v1/associations?language=swedish").status == .badRequest)
        }
    }

    @Test("Renewal: a lapsed entry leaves the public register and returns when renewed after the annual meeting")
    func renewal() async throws {
        try await withTestApp { app in
            try await Self.loadDemo(app)
            // The demo's Sätra association held its meeting 100 days ago and has not renewed.
            let list = try await app.get("/associations?district=skarholmen").body
            #expect(list.contains("Bredängs fritidsförening (exempel)"))
            #expect(!list.contains("Sätra seniorer (exempel)"))
            let stored = try #require(try await AssociationStore.find("satra-seniorer-exempel", on: app.db))
            #expect(stored.standing(in: "skarholmen", today: today()) == .notRenewed)
            try await app.makeUser("satra@example.se", role: .association)
            let user = try await app.user("satra@example.se")
            try await app.db.sql().insert(into: "association_admins").columns("association_id", "user_id")
                .values(SQLBind(stored.id), SQLBind(try user.requireID())).run()
            let browser = try await app.signIn("satra@example.se")
            let mine = try await app.get("/associations/mine", as: browser).body
            #expect(mine.contains("syns inte i registret förrän den förnyas"))
            let meeting = try #require(stored.entry.annualMeeting)
            // A meeting before the one on record, or in the future, is refused.
            let early = try await ParticipatoryBudgetTests.post(
                app, "/associations/satra-seniorer-exempel/renew",
                [("annualMeeting", "2001-01-01"), ("version", String(stored.version))], as: browser)
            #expect(early.status == .unprocessableEntity)
            let renewed = try await ParticipatoryBudgetTests.post(
                app, "/associations/satra-seniorer-exempel/renew",
                [("annualMeeting", meeting.description), ("version", String(stored.version))], as: browser)
            #expect(renewed.status == .ok)
            #expect(renewed.body.contains("förnyades"))
            #expect(try await app.get("/associations?district=skarholmen").body.contains("Sätra seniorer (exempel)"))
        }
    }

    @Test("The public register filters by age and language, and counts each district's register")
    func filters() async throws {
        try await withTestApp { app in
            try await Self.loadDemo(app)
            #expect(try await DemoAssociations.load(on: app.db) == nil, "loading the demo twice changes nothing")
            // SQL's registered ones are Core's (`RegisterStanding`), standing by standing.
            struct Id: Decodable { let id: UUID }
            let all = try await app.db.sql().raw("SELECT id FROM associations").all(decoding: Id.self)
            let stored = try await AssociationStore.load(ids: all.map(\.id), on: app.db)
            let day = today()
            let standings = Set(stored.flatMap { item in item.registers.map { item.standing($0, today: day) } })
            #expect(standings == Set(RegisterStanding.allCases.filter { $0 != .refused }))
            var expected: [String: Int] = [:]
            for item in stored {
                for register in item.registers where item.standing(register, today: day).isRegistered {
                    expected[register.area, default: 0] += 1
                }
            }
            let counts = try await AssociationStore.registeredCounts(today: day, on: app.db)
            #expect(counts.byArea == expected)
            #expect(counts.total == stored.filter { $0.isPublic(today: day) }.count)
            for district in ["skarholmen", "rinkeby-kista", "spanga-tensta"] {
                let ids = try await AssociationStore.registeredIDs(in: district, terms: [], today: day, on: app.db)
                let core = stored.filter { $0.standing(in: district, today: day)?.isRegistered == true }.map(\.id)
                #expect(Set(ids) == Set(core), "\(district)")
            }
            let overview = try await app.get("/associations").body
            #expect(overview.contains("/associations?district=skarholmen"))
            let young = try await app.get("/associations?district=skarholmen&age=12").body
            #expect(young.contains("Bredängs fritidsförening (exempel)"))
            #expect(young.contains("Fotboll för tjejer") && young.contains("Läxhjälp"))
            let somali = try await app.get("/associations?district=skarholmen&language=so").body
            #expect(somali.contains("Läxhjälp") && !somali.contains("Fotboll för tjejer"))
            let nobody = try await app.get("/associations?district=skarholmen&age=3").body
            #expect(nobody.contains("Inga föreningar passar urvalet."))
            let english = try await app.get("/associations?district=rinkeby-kista&lang=en").body
            #expect(english.contains("Associations in Rinkeby-Kista"))
            // Waiting for review in Rinkeby-Kista, so only Spånga-Tensta lists the music association.
            #expect(!english.contains("Järva musikförening (exempel)"))
            #expect(try await app.get("/associations?district=spanga-tensta").body.contains("Järva musikförening"))
            // Fifty to a page by default; the count is of all, the links lead on.
            let first = try await app.get("/associations?district=spanga-tensta&limit=1").body
            #expect(first.contains("Visar 1–1 av 2.") && first.contains("Järva musikförening"))
            #expect(first.contains(#"href="/associations?district=spanga-tensta&amp;offset=1&amp;limit=1" rel="next""#))
            #expect(!first.contains("Tensta schackklubb"))
            let api = try await app.getJSON("/api/v1/associations?district=spanga-tensta&limit=1&offset=1")
            #expect(api.json["total"] as? Int == 2)
            let names = (api.json["organizations"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Tensta schackklubb (exempel)"])
            let somaliInSQL = try await app.getJSON("/api/v1/associations?language=so&age=12")
            #expect(somaliInSQL.json["total"] as? Int == 1, "Bredäng's homework help is the one activity for both")
        }
    }
}
