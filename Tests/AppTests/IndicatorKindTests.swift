@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// Indicators of classes (Statistics Sweden's area type 1–5) are not averaged, ranked or gapped;
/// the page shows the distribution and the map names the classes. And the demo is complete from
/// the extract that ships with the binary.
@Suite("Indicator kinds, charts over time, the shipped demo extract")
struct IndicatorKindTests {
    static let classes = [
        IndicatorClass(value: 1, label: "Stora utmaningar", labelEn: "Major challenges"),
        IndicatorClass(value: 2, label: "Utmaningar", labelEn: "Challenges"),
        IndicatorClass(value: 3, label: "Blandade", labelEn: "Mixed"),
    ]

    /// Three district areas in class 1, two in 2, the rest in 3; class numbers, not amounts.
    static func load(_ app: Application, kind: IndicatorKind? = .categorical) async throws {
        var lines = ["Område;Typ"]
        for (i, name) in Fixture.areasLater.enumerated() {
            lines.append("\(name);\(i < 3 ? 1 : i < 5 ? 2 : 3)")
        }
        let spec = IndicatorImportSpec(
            indicator: IndicatorDefinition(
                code: "omradestyp", name: "Områdestyp", nameEn: "Area type", unit: "count",
                direction: .higherIsBetter, kind: kind, classes: kind == .categorical ? classes : nil),
            mapping: ObservationMapping(areaName: "Område", value: "Typ", period: "2022"), areaKind: .districtArea)
        _ = try await IndicatorImporter.run(
            Data(lines.joined(separator: "\n").utf8), spec, by: .system("test"), on: app.db)
    }

    @Test(
        "A categorical indicator: no mean, best, worst, gap or ratio; the distribution per class; class labels on the map"
    )
    func categoricalPage() async throws {
        try await withTestApp { app in
            try await Self.load(app)
            let info = try #require(try await IndicatorQueries.one("omradestyp", on: app.db))
            #expect(info.definition.kind == .categorical)
            #expect(info.definition.classes == Self.classes)
            let summary = try #require(try await IndicatorQueries.summaries(info.id, on: app.db).first)
            #expect(summary.area_count == 13)
            #expect(summary.mean == nil && summary.difference == nil && summary.ratio == nil)
            #expect(summary.best_area == nil && summary.worst_area == nil)

            let html = try await app.get("/indicators/omradestyp").body
            #expect(!html.contains("Bästa område"))
            #expect(!html.contains("Skillnad bäst–sämst"))
            #expect(!html.contains("Hela staden 2022"))
            #expect(html.contains("3 klasser, från 1 (Stora utmaningar) till 3 (Blandade)"))
            // Areas per class, in the classes' order: 3, 2 and 8 district areas.
            #expect(html.contains("<th scope=\"row\">1 – Stora utmaningar</th><td class=\"num\">3</td>"))
            #expect(html.contains("<th scope=\"row\">2 – Utmaningar</th><td class=\"num\">2</td>"))
            #expect(html.contains("<th scope=\"row\">3 – Blandade</th><td class=\"num\">8</td>"))
            #expect(html.contains("Rinkeby-Kista</a></li>"))
            // No chart of class numbers as if they were amounts.
            #expect(!html.contains("hbar-list"))
            let english = try await app.get("/indicators/omradestyp?lang=en").body
            #expect(english.contains("<th scope=\"row\">1 – Major challenges</th>"))
            // The list and the differences overview say it has no gap.
            #expect(try await app.get("/indicators").body.contains("klasser, inget avstånd att mäta"))
            let differences = try await app.get("/differences").body
            #expect(differences.contains("inget avstånd mellan bästa och sämsta område att mäta"))
            #expect(!differences.contains("<th scope=\"row\"><a href=\"/indicators/omradestyp\""))
        }
    }

    @Test("The same values as a quantity get a mean and a gap: the kind, not the numbers, decides")
    func quantityComparison() async throws {
        try await withTestApp { app in
            try await Self.load(app, kind: nil)
            let info = try #require(try await IndicatorQueries.one("omradestyp", on: app.db))
            let summary = try #require(try await IndicatorQueries.summaries(info.id, on: app.db).first)
            #expect(summary.difference == 2)
            #expect(try await app.get("/indicators/omradestyp").body.contains("hbar-list"))
        }
    }

    @Test("The disparity API says which measures apply: a distribution for classes, the measures for a quantity")
    func disparityAPI() async throws {
        try await withTestApp { app in
            try await Self.load(app)
            _ = try await Fixture.load(app)
            let categorical = try await app.get("/api/v1/indicators/omradestyp/disparity")
            #expect(categorical.status == .ok)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(categorical.body.utf8)) as? [String: Any])
            #expect(json["kind"] as? String == "categorical")
            #expect(json["measures"] as? [String] == ["distribution"])
            #expect(json["result"] == nil)
            let distribution = try #require(json["distribution"] as? [[String: Any]])
            #expect(distribution.map { $0["areas"] as? Int } == [3, 2, 8])
            #expect(distribution.first?["label"] as? String == "Stora utmaningar")
            let quantity = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await app.get("/api/v1/indicators/deltagande/disparity").body.utf8))
                    as? [String: Any])
            #expect(quantity["kind"] as? String == "quantity")
            #expect((quantity["measures"] as? [String])?.contains("theilIndex") == true)
            #expect(quantity["result"] != nil && quantity["distribution"] == nil)
            let listed = try await app.get("/api/v1/indicators/omradestyp").body
            #expect(listed.contains("\"kind\":\"categorical\""))
        }
    }

    @Test("Classes are checked when imported: at least two, rising numbers, each labelled; only for classes")
    func classProblems() {
        func reasons(_ kind: IndicatorKind?, _ classes: [IndicatorClass]?) -> [ObservationProblem.Reason] {
            IndicatorDefinition(code: "x", name: "X", kind: kind, classes: classes).problems().map(\.reason)
        }
        #expect(reasons(.categorical, nil) == [.classesNeeded])
        #expect(reasons(.categorical, [Self.classes[1], Self.classes[0]]) == [.classesOrder])
        #expect(reasons(.categorical, [Self.classes[0], .init(value: 2, label: " ")]) == [.classLabelEmpty(2)])
        #expect(reasons(nil, Self.classes) == [.classesOnlyCategorical])
        #expect(reasons(.categorical, Self.classes).isEmpty)
        #expect(IndicatorClass(line: "1 = Stora utmaningar | Major challenges") == Self.classes[0])
        #expect(IndicatorClass(line: "ett = Stora") == nil)
        #expect(IndicatorClass(line: "1 =  ") == nil)
    }

    @Test("The upload form takes the kind and the classes, one per line, and names a malformed line")
    func uploadForm() throws {
        var form = UploadForm(nil)
        form.code = "omradestyp"
        form.name = "Områdestyp"
        form.value = "Typ"
        form.areaName = "Område"
        form.period = "2022"
        form.kind = "categorical"
        form.classes = "1 = Stora utmaningar | Major challenges\n\n2 = Utmaningar | Challenges\n3 = Blandade | Mixed\n"
        let spec = try form.spec()
        #expect(spec.indicator.kind == .categorical)
        #expect(spec.indicator.classes == Self.classes)
        // Saved and shown again, the form reads the same.
        #expect(UploadForm(spec).classes?.split(separator: "\n").count == 3)
        form.classes = "1 = Stora\nfyra"
        #expect(throws: ObservationProblems.self) { try form.spec() }
        do {
            _ = try form.spec()
        } catch let problems as ObservationProblems {
            #expect(problems.problems.contains { $0.column == "classes" && $0.reason == .classLineFormat(got: "fyra") })
        }
    }

    @Test("One period: the page says so instead of drawing a line with a single dot")
    func onePeriod() async throws {
        try await withTestApp { app in
            try await Self.load(app, kind: nil)
            let html = try await app.get("/indicators/omradestyp").body
            #expect(html.contains("Det finns bara värden för en period (2022)"))
            #expect(!html.contains("class=\"lines\""))
        }
    }

    @Test("Without ../shared the demo loads the extract it ships with: areas with shapes, indicators with values")
    func demoFromExtract() async throws {
        try await withTestApp { app in
            let lines = try await DemoCommand.loadStatistics(.extract, on: app.db)
            #expect(lines.count == 4)
            let figures = try await DemoCommand.loadFigures(on: app.db)
            #expect(figures.count == 2)
            let overview = try await IndicatorQueries.overview(on: app.db)
            #expect(overview.infos.count == 4)
            let turnout = try #require(overview.infos.first { $0.code == "valdeltagande-kommunval" })
            #expect(overview.summaries[turnout.id]?.contains { $0.level == "votingDistrict" } == true)
            // The city's own value, not the mean of the two districts that have one (22,9 and 3,3).
            let young = try #require(overview.infos.first { $0.code == "unga-som-varken-arbetar-eller-studerar" })
            #expect(overview.city[young.id]?["2013"] == 9.2)
            let types = try #require(overview.infos.first { $0.code == "socioekonomisk-omradestyp" })
            #expect(types.definition.kind == .categorical)
            // The gap in turnout: the commission's 2014 figure and the one computed for 2022 make a line.
            let gap = try #require(overview.infos.first { $0.code == "valdeltagande-skillnad-mellan-valdistrikt" })
            let city = try #require(overview.city[gap.id])
            #expect(city.keys.sorted() == ["2014", "2022"])
            #expect(city["2014"] == 54)
            let page = try await app.get("/indicators/valdeltagande-skillnad-mellan-valdistrikt").body
            #expect(page.contains("class=\"lines\""))
            let map = try await app.get("/indicators/socioekonomisk-omradestyp").body
            // Every area on the map is a link; the legend names the classes.
            #expect(
                map.contains(
                    "<a href=\"/areas/rinkeby\" aria-label=\"Rinkeby: 1 – Områden med stora socioekonomiska utmaningar\">"
                ))
            #expect(map.contains("<g class=\"places\" aria-hidden=\"true\"><text"))
        }
    }
}
