@testable import App
import LeafKit
import Testing
import Vapor

@Suite("Public pages")
struct PageTests {
    @Test("Home shows counts and links to the reports")
    func home() async throws {
        try await withTestApp { app in
            let r = try await app.get("/")
            #expect(r.status == .ok)
            #expect(r.headers.contentType == .html)
            #expect(r.body.contains("<html lang=\"sv\">"))
            #expect(r.body.contains("<span class=\"number\">9</span> rapporter"))
            #expect(r.body.contains("href=\"/reports/dold-potential\""))
            #expect(r.body.contains("Uppväxt och utbildning"))
        }
    }

    @Test("Templates are parsed once and kept, also in the development environment `skillnad serve` runs in")
    func templateCache() async throws {
        try await withTestApp(environment: .development) { app in
            let cache = try #require(app.leaf.cache as? DefaultLeafCache)
            #expect(cache.count == 0)
            #expect(try await app.get("/").status == .ok)
            #expect(try await app.get("/reports").status == .ok)
            #expect(cache.isEnabled)
            #expect(cache.count >= 2)  // each page's template, with its layout and partials flattened in
        }
    }

    @Test("Reports list names every report with its year")
    func reports() async throws {
        try await withTestApp { app in
            let r = try await app.get("/reports")
            #expect(r.status == .ok)
            for title in [
                "Skillnadernas Stockholm", "Dold potential", "Stad i samverkan", "Från delad till enad stad",
                "Medborgare med mandat", "Staden där vi möts", "Den lärande skolan", "En skola där alla ska lyckas",
            ] {
                #expect(r.body.contains(title), "missing \(title)")
            }
            #expect(r.body.contains("aria-current=\"page\""))
        }
    }

    @Test("A report groups its measures by chapter, with codes and lead bodies")
    func report() async throws {
        try await withTestApp { app in
            let r = try await app.get("/reports/stad-i-samverkan")
            #expect(r.status == .ok)
            #expect(r.body.contains("Stockholms stad och civilsamhället"))
            #expect(r.body.contains("<h3 lang=\"sv\">4."))
            #expect(r.body.contains(">4.1.1</a>"))
            #expect(r.body.contains("Etablera lotsar för civilsamhället"))
            #expect(r.body.contains("href=\"/bodies/kommunstyrelsen\""))
            // 4.1.1 comes before 4.5.2
            let a = try #require(r.body.range(of: ">4.1.1</a>"))
            let b = try #require(r.body.range(of: ">4.5.2</a>"))
            #expect(a.lowerBound < b.lowerBound)
        }
    }

    @Test("A measure page shows lead, collaborating bodies spelt out, strategies and the report")
    func measure() async throws {
        try await withTestApp { app in
            let r = try await app.get("/measures/stad-i-samverkan-4-1-1")
            #expect(r.status == .ok)
            #expect(r.body.contains("<span class=\"code\">4.1.1</span>"))
            #expect(r.body.contains("Kommunstyrelsen"))
            #expect(r.body.contains("samtliga stadsdelsnämnder"))
            // the group is spelt out with the councils of the report's year, before the merger
            #expect(r.body.contains("Rinkeby-Kista stadsdelsnämnd"))
            #expect(r.body.contains("Älvsjö stadsdelsnämnd"))
            #expect(!r.body.contains("Hägersten-Älvsjö stadsdelsnämnd"))
            #expect(r.body.contains("href=\"/reports/stad-i-samverkan\""))
            #expect(r.body.contains("href=\"/roadmap#demokrati-och-trygghet-i\""))
        }
    }

    @Test("Parent and child measures link to each other")
    func parentChild() async throws {
        try await withTestApp { app in
            let child = try await app.get("/measures/staden-dar-vi-mots-b-2-2-1")
            #expect(child.status == .ok)
            #expect(child.body.contains("href=\"/measures/staden-dar-vi-mots-b-2-2\""))
            let parent = try await app.get("/measures/staden-dar-vi-mots-b-2-2")
            #expect(parent.body.contains("Underordnade åtgärder"))
            #expect(parent.body.contains("href=\"/measures/staden-dar-vi-mots-b-2-2-1\""))
        }
    }

    @Test("A body page lists what it leads and collaborates on, including through groups")
    func body() async throws {
        try await withTestApp { app in
            let ks = try await app.get("/bodies/kommunstyrelsen")
            #expect(ks.status == .ok)
            #expect(ks.body.contains("Ansvarar för"))
            #expect(ks.body.contains("Etablera lotsar för civilsamhället"))
            let rk = try await app.get("/bodies/rinkeby-kista-stadsdelsnamnd")
            #expect(rk.body.contains("Samverkar i"))
            #expect(rk.body.contains("som en av samtliga stadsdelsnämnder"))
            let merged = try await app.get("/bodies/hagersten-alvsjo-stadsdelsnamnd")
            #expect(merged.body.contains("från 2020-01-01"))
        }
    }

    @Test("Bodies list groups by kind and shows validity")
    func bodies() async throws {
        try await withTestApp { app in
            let r = try await app.get("/bodies")
            #expect(r.body.contains("Stadsdelsnämnder"))
            #expect(r.body.contains("Bolagsstyrelser"))
            #expect(r.body.contains("till 2019-12-31"))
        }
    }

    @Test("The roadmap shows every target area and all 23 strategies, with linked measures")
    func roadmap() async throws {
        try await withTestApp { app in
            let r = try await app.get("/roadmap")
            #expect(r.status == .ok)
            for t in [
                "Uppväxt och utbildning", "Boende och stadsmiljö", "Arbete och företagande", "Demokrati och trygghet",
            ] {
                #expect(r.body.contains(t))
            }
            #expect(r.body.components(separatedBy: "<span class=\"numeral\">").count - 1 == 23)
            #expect(r.body.contains("Fördjupa dialogen med medborgare"))
            #expect(r.body.contains("href=\"/measures/medborgare-med-mandat-d-2-3-1\""))
        }
    }

    @Test("Areas and an area page")
    func areas() async throws {
        try await withTestApp { app in
            let list = try await app.get("/areas")
            #expect(list.body.contains("Hägersten-Älvsjö"))
            #expect(list.body.contains("80106"))
            let one = try await app.get("/areas/hagersten-alvsjo")
            #expect(one.status == .ok)
            #expect(one.body.contains("stadsdelsområde"))
            #expect(one.body.contains("href=\"/areas/stockholm\""))
        }
    }

    @Test("Search folds Swedish letters and inflections and finds codes")
    func search() async throws {
        try await withTestApp { app in
            let dialog = try await app.get("/search?q=medborgardialog")
            #expect(dialog.status == .ok)
            #expect(dialog.body.contains("href=\"/measures/medborgare-med-mandat-d-2-3-1\""))
            let alvsjo = try await app.get("/search?q=alvsjo")
            #expect(alvsjo.body.contains("Älvsjö stadsdelsnämnd"))
            let upper = try await app.get("/search?q=%C3%84LVSJ%C3%96")
            #expect(upper.body.contains("Älvsjö stadsdelsnämnd"))
            let code = try await app.get("/search?q=A2.3.1")
            #expect(code.body.contains("href=\"/measures/dold-potential-a-2-3-1\""))
            let none = try await app.get("/search?q=zzzxqv")
            #expect(none.body.contains("Inga träffar"))
            let empty = try await app.get("/search")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Skriv ett eller flera ord"))
        }
    }

    @Test("English with ?lang=en and with Accept-Language; links keep the language")
    func english() async throws {
        try await withTestApp { app in
            let q = try await app.get("/reports?lang=en")
            #expect(q.body.contains("<html lang=\"en\">"))
            #expect(q.body.contains(">Reports</a>"))
            #expect(q.body.contains("href=\"/reports/dold-potential?lang=en\""))
            #expect(q.body.contains("lang=\"sv\">Dold potential</a>"))
            #expect(q.headers.first(name: "Content-Language") == "en")
            let h = try await app.get("/roadmap", headers: ["Accept-Language": "en-GB,en;q=0.9,sv;q=0.5"])
            #expect(
                h.body.contains("Target areas") || h.body.contains("Milestone targets")
                    || h.body.contains("The roadmap ties"))
            let sv = try await app.get("/roadmap", headers: ["Accept-Language": "sv-SE,en;q=0.5"])
            #expect(sv.body.contains("<html lang=\"sv\">"))
        }
    }

    @Test("Unknown pages give a helpful 404 in the right language")
    func notFound() async throws {
        try await withTestApp { app in
            let r = try await app.get("/reports/finns-inte")
            #expect(r.status == .notFound)
            #expect(r.body.contains("Sidan finns inte"))
            #expect(r.body.contains("action=\"/search\""))
            let e = try await app.get("/measures/nope?lang=en")
            #expect(e.status == .notFound)
            #expect(e.body.contains("Page not found"))
            let other = try await app.get("/no/such/path")
            #expect(other.status == .notFound)
            #expect(other.body.contains("Sidan finns inte"))
        }
    }

    @Test("Health check answers ok, and security headers are set")
    func healthz() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await app.get("/healthz")
            #expect(r.status == .ok)
            #expect(r.body == "ok")
            let page = try await app.get("/")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("The accessibility statement exists in both languages and is linked from every page")
    func accessibilityStatement() async throws {
        try await withTestApp(demo: false) { app in
            let sv = try await app.get("/accessibility")
            #expect(sv.status == .ok)
            #expect(sv.body.contains("Tillgänglighetsredogörelse"))
            #expect(sv.body.contains("Digg"))
            let en = try await app.get("/accessibility?lang=en")
            #expect(en.body.contains("Accessibility statement"))
            let home = try await app.get("/")
            #expect(home.body.contains("href=\"/accessibility\""))
        }
    }

    @Test("The stylesheet is served from the package resources")
    func stylesheet() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await app.get("/static/skillnad.css")
            #expect(r.status == .ok)
            #expect(r.body.contains("--focus"))
        }
    }
}
