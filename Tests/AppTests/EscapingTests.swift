@testable import App
import SkillnadCore
import Testing
import Vapor

/// Text from data is always escaped, in element content and in attribute values.
@Suite("Escaping of data in pages")
struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "x\" onmouseover=\"alert(1)"

    /// A small catalogue whose texts try to break out of HTML.
    static func hostileCatalogue() -> CatalogueDocument {
        var doc = CatalogueDocument()
        doc.bodies = [
            BodyRecord(
                id: "evil-body", name: attribute, nameEn: script, shortName: script, kind: .specialistCommittee,
                note: script)
        ]
        doc.areas = [AreaRecord(id: "evil-area", name: script, kind: .city, code: attribute, aliases: [attribute])]
        doc.commissionAreas = [CommissionAreaRecord(id: "evil-ca", name: attribute)]
        doc.reports = [
            ReportRecord(
                id: "evil-report", title: script, subtitle: attribute, year: 2020, letter: "Q",
                commissionArea: "evil-ca",
                link: "https://example.org/\" onmouseover=\"alert(1)", summary: attribute)
        ]
        doc.measures = [
            MeasureRecord(
                report: "evil-report", code: "Q.1.1", title: script, description: attribute, leadBody: "evil-body",
                strategies: ["evil-s"]),
            MeasureRecord(
                report: "evil-report", code: "Q.1.2", title: attribute, description: script,
                collaboratingBodies: ["evil-body"]),
        ]
        doc.roadmap = RoadmapRecord(
            vision: VisionRecord(title: script, text: attribute),
            targetAreas: [
                TargetAreaRecord(
                    id: "evil-t", name: attribute,
                    strategies: [StrategyRecord(id: "evil-s", numeral: "I", title: script)],
                    milestones: [MilestoneRecord(id: "evil-m", text: script, indicator: attribute)])
            ])
        return doc
    }

    @Test(
        "Hostile titles show as text on every page kind",
        arguments: [
            "/", "/reports", "/reports/evil-report", "/measures/evil-report-q-1-1", "/measures/evil-report-q-1-2",
            "/bodies", "/bodies/evil-body", "/roadmap", "/areas", "/areas/evil-area",
            "/search?q=alert", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "/search?q=x%22%20onmouseover%3D%22alert(1)",
            "/reports/evil-report?lang=en", "/bodies/evil-body?lang=en",
        ])
    func escaped(path: String) async throws {
        try await withTestApp(demo: false) { app in
            let doc = Self.hostileCatalogue()
            #expect(CatalogueReader.validate(doc).isEmpty)
            _ = try await CatalogueImporter.apply(doc, to: app.db)
            let r = try await app.get(path)
            #expect(r.status == .ok, "\(path)")
            #expect(!r.body.contains("<script>"), "raw script tag on \(path)")
            #expect(!r.body.contains("\" onmouseover=\""), "attribute break-out on \(path)")
            let escapedSomething = r.body.contains("&lt;script&gt;") || r.body.contains("x&quot; onmouseover=&quot;")
            #expect(escapedSomething, "expected the hostile text, escaped, on \(path)")
        }
    }

    @Test("Hostile text in titles is escaped inside meta tags and form values")
    func metaAndForm() async throws {
        try await withTestApp(demo: false) { app in
            _ = try await CatalogueImporter.apply(Self.hostileCatalogue(), to: app.db)
            let m = try await app.get("/measures/evil-report-q-1-2")
            #expect(
                m.body.contains("<meta property=\"og:title\" content=\"Q.1.2 x&quot; onmouseover=&quot;alert(1)\">"))
            let s = try await app.get("/search?q=x%22%20onmouseover%3D%22alert(1)")
            #expect(s.body.contains("value=\"x&quot; onmouseover=&quot;alert(1)\""))
        }
    }
}
