@testable import App
import Testing
import Vapor

/// One search over areas, indicators, bodies, reports, measures and submitted answers, grouped by
/// kind with a count per kind.
@Suite("Search over everything")
struct SearchEverythingTests {
    @Test("Rinkeby finds the area, the council and its submitted answer, grouped with areas first")
    func rinkeby() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let html = try await app.get("/search?q=Rinkeby").body
            let areas = try #require(
                html.range(of: "<h2 id=\"h-area\">Områden <span class=\"muted\">· 1\u{00A0}träff</span>"))
            let bodies = try #require(html.range(of: "<h2 id=\"h-body\">Organ"))
            let answers = try #require(html.range(of: "<h2 id=\"h-answer\">Remissvar"))
            #expect(areas.lowerBound < bodies.lowerBound)
            #expect(bodies.lowerBound < answers.lowerBound)
            #expect(html.contains("href=\"/areas/rinkeby-kista\""))
            #expect(html.contains("href=\"/bodies/rinkeby-kista-stadsdelsnamnd\""))
            #expect(
                html.contains(
                    "href=\"/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd\""))
        }
    }

    @Test("Folded letters and plural counts: alvsjo finds both areas named Älvsjö")
    func folding() async throws {
        try await withTestApp { app in
            let html = try await app.get("/search?q=alvsjo").body
            #expect(html.contains("<h2 id=\"h-area\">Områden <span class=\"muted\">· 2\u{00A0}träffar</span>"))
            #expect(html.contains("href=\"/areas/alvsjo\""))
            #expect(html.contains("href=\"/areas/hagersten-alvsjo\""))
            #expect(html.contains("href=\"/bodies/alvsjo-stadsdelsnamnd\""))
        }
    }

    @Test("An indicator is found by its name")
    func indicator() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let html = try await app.get("/search?q=deltagandet").body
            #expect(html.contains("<h2 id=\"h-indicator\">Indikatorer"))
            #expect(html.contains("<a href=\"/indicators/deltagande\" lang=\"sv\">Deltagande</a>"))
        }
    }

    @Test("An answer is found by its own words, in any inflection: its answers to the round's questions")
    func answerWords() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            // Rinkeby-Kista's answer speaks of "mötesplatser" only in its answers to the questions;
            // "mötesplatserna" has the same stem.
            let html = try await app.get("/search?q=m%C3%B6tesplatserna&kind=answer").body
            #expect(
                html.contains(
                    "href=\"/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd\""))
            #expect(!html.contains("/answers/socialnamnden"))
            // Names and title between them: a body's name and a word of the round's title.
            let named = try await app.get("/search?q=Rinkeby%20f%C3%B6rdjupningsrapporter&kind=answer").body
            #expect(
                named.contains(
                    "href=\"/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd\""))
        }
    }

    @Test("Only submitted answers are found, never drafts or decided ones")
    func published() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let draft = try await app.get("/search?q=Skarpnäck").body
            #expect(draft.contains("href=\"/bodies/skarpnack-stadsdelsnamnd\""))
            #expect(!draft.contains("/answers/skarpnack-stadsdelsnamnd"))
            let decided = try await app.get("/search?q=Stockholm%20Business%20Region").body
            #expect(decided.contains("href=\"/bodies/stockholm-business-region\""))
            #expect(!decided.contains("/answers/stockholm-business-region"))
        }
    }

    @Test("kind=area restricts the search to areas and offers the whole search")
    func kind() async throws {
        try await withTestApp { app in
            let html = try await app.get("/search?q=alvsjo&kind=area").body
            #expect(html.contains("href=\"/areas/alvsjo\""))
            #expect(!html.contains("href=\"/bodies/alvsjo-stadsdelsnamnd\""))
            #expect(html.contains("Visar bara: Områden."))
            #expect(html.contains("<input type=\"hidden\" name=\"kind\" value=\"area\">"))
            #expect(html.contains("<a href=\"/search?q=alvsjo\">Sök i allt</a>"))
            let unknown = try await app.get("/search?q=alvsjo&kind=nonsense")
            #expect(unknown.status == .ok)
            #expect(unknown.body.contains("href=\"/bodies/alvsjo-stadsdelsnamnd\""))
        }
    }
}
