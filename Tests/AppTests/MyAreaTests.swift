@testable import App
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The way in through one's own area (ditt område): the home page's entry, the areas tree, and
/// an area page with its council and its standing on each indicator.
@Suite("My area: home entry, areas tree, area page")
struct MyAreaTests {
    static func document() -> CatalogueDocument {
        var document = CatalogueDocument()
        document.bodies = [
            BodyRecord(id: "bromma-stadsdelsnamnd", name: "Bromma stadsdelsnämnd", kind: .districtCouncil)
        ]
        document.areas = [
            AreaRecord(id: "stad", name: "Stockholms stad", kind: .city),
            AreaRecord(id: "bromma", name: "Bromma", kind: .districtArea, code: "80106", parent: "stad"),
            AreaRecord(id: "alvsjo", name: "Älvsjö", kind: .districtArea, parent: "stad", validTo: Day("2019-12-31")),
            AreaRecord(id: "akeshov", name: "Åkeshov", kind: .district, parent: "bromma"),
            AreaRecord(id: "b10", name: "Bromma 10", kind: .district, parent: "bromma"),
            AreaRecord(id: "b2", name: "Bromma 2", kind: .district, parent: "bromma"),
            AreaRecord(id: "gamla-stan", name: "Gamla stan", kind: .district, parent: "stad"),
            AreaRecord(id: "v10", name: "Bromma 10 Nockeby", kind: .votingDistrict, parent: "stad"),
            AreaRecord(id: "v2", name: "Bromma 2 Alvik", kind: .votingDistrict, parent: "stad"),
            AreaRecord(id: "s1", name: "Spånga 1", kind: .votingDistrict, parent: "stad"),
        ]
        return document
    }

    @Test("The tree nests districts under their district area, in natural Swedish order, voting districts apart")
    func tree() throws {
        let page = AreasPage.build(CatalogueIndex(Self.document()), .sv).page
        #expect(page.sections.map(\.id) == ["districtArea", "district", "votingDistrict"])
        let districtAreas = page.sections[0]
        #expect(districtAreas.branches.map(\.name.text) == ["Bromma", "Älvsjö"])
        #expect(districtAreas.count == "2\u{00A0}stadsdelsområden")
        let bromma = districtAreas.branches[0]
        #expect(bromma.children.map(\.name.text) == ["Bromma 2", "Bromma 10", "Åkeshov"])
        #expect(bromma.count == "3\u{00A0}stadsdelar")
        #expect(page.sections[1].leaves.map(\.name.text) == ["Gamla stan"])
        let voting = page.sections[2]
        #expect(voting.folded)
        #expect(voting.branches.map(\.name.text) == ["Bromma", "Spånga"])
        #expect(voting.branches[0].children.map(\.name.text) == ["Bromma 2 Alvik", "Bromma 10 Nockeby"])
        #expect(voting.branches[1].count == "1\u{00A0}valdistrikt")
    }

    @Test("The areas page shows the tree as nested lists, without the aliases")
    func areasPage() async throws {
        try await withTestApp { app in
            let html = try await app.get("/areas").body
            #expect(html.contains("<ul class=\"area-tree\">"))
            let bromma = try #require(html.range(of: "href=\"/areas/bromma\""))
            let sodermalm = try #require(html.range(of: "href=\"/areas/sodermalm\""))
            let ostermalm = try #require(html.range(of: "href=\"/areas/ostermalm\""))
            #expect(bromma.lowerBound < sodermalm.lowerBound)
            #expect(sodermalm.lowerBound < ostermalm.lowerBound, "Ö sorts after S")
            #expect(!html.contains("RINKEBY-KISTA"))
        }
    }

    @Test("Home has a way in through one's area: a search over areas and the district areas")
    func home() async throws {
        try await withTestApp { app in
            let html = try await app.get("/").body
            #expect(html.contains("Ditt område"))
            #expect(html.contains("<input type=\"hidden\" name=\"kind\" value=\"area\">"))
            #expect(html.contains("action=\"/search\""))
            #expect(html.contains("href=\"/areas/rinkeby-kista\""))
            #expect(!html.contains("href=\"/areas/alvsjo\""), "former district areas are not offered")
            #expect(html.contains("href=\"/indicators\""))
            #expect(html.contains("href=\"/differences\""))
        }
    }

    @Test("An area page names its district council and says where it stands, with rank and direction")
    func areaPage() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let html = try await app.get("/areas/rinkeby-kista").body
            #expect(html.contains("<a href=\"/bodies/rinkeby-kista-stadsdelsnamnd\" lang=\"sv\">"))
            #expect(html.contains("Så ligger området till"))
            // The lowest participation of the fixture: below the city, worse, last of its level.
            let forty = NumberText.value(40, unit: "percent", .sv)
            #expect(html.contains("2022: <strong>\(forty)</strong> – lägre än staden ("))
            #expect(html.contains("<strong>sämre än staden</strong>"))
            #expect(html.contains("plats 13 av 13\u{00A0}stadsdelsområden"))
            #expect(!html.contains("Rinkeby-Kista stadsdelsområde"), "aliases are not shown")
            let english = try await app.get("/areas/rinkeby-kista?lang=en").body
            #expect(english.contains("<h1 lang=\"sv\">Rinkeby-Kista</h1>"))
            #expect(english.contains("lower than the city ("))
            #expect(english.contains("place 13 of 13\u{00A0}district areas"))
        }
    }

    @Test("A district names its district area and, through it, its council")
    func district() async throws {
        try await withTestApp { app in
            var document = try await CatalogueLoader.load(from: app.db)
            document.areas.append(AreaRecord(id: "husby", name: "Husby", kind: .district, parent: "rinkeby-kista"))
            _ = try await CatalogueImporter.apply(document, to: app.db, actor: .system("test"))
            let html = try await app.get("/areas/husby").body
            #expect(html.contains("<dt>Stadsdelsområde</dt><dd><a href=\"/areas/rinkeby-kista\" lang=\"sv\">"))
            #expect(html.contains("<dt>Stadsdelsnämnd</dt><dd><a href=\"/bodies/rinkeby-kista-stadsdelsnamnd\""))
            let parent = try await app.get("/areas/rinkeby-kista").body
            #expect(parent.contains("<a href=\"/areas/husby\" lang=\"sv\">Husby</a>"))
        }
    }

    static func reading(_ model: Indicator, value: Double, city: Double?, better: Int?, count: Int) throws
        -> AreaPage.IndicatorReading
    {
        model.id = UUID()
        model.version = 1
        let latest = IndicatorQueries.ObservationRow(
            slug: "x", period: "2022", group_key: ObservationGroup.total, value: value, numerator: nil,
            denominator: nil, weight: nil, preliminary: false, suppressed: false)
        return AreaPage.IndicatorReading(
            info: try IndicatorInfo(model), latest: latest, cityValue: city, betterCount: better, levelCount: count)
    }

    @Test("A categorical indicator names the area's class: no city value, rank or better and worse")
    func categorical() throws {
        let model = Indicator()
        model.code = "omradestyp"
        model.name = "Socioekonomisk områdestyp"
        model.unit = "count"
        model.direction = Direction.higherIsBetter.rawValue
        model.kind = IndicatorKind.categorical.rawValue
        model.classes =
            #"[{"value":1,"label":"Områden med stora socioekonomiska utmaningar"},{"value":5,"label":"Goda"}]"#
        let reading = try Self.reading(model, value: 1, city: 3.4, better: 100, count: 115)
        let standing = AreaPage.Standing.make(reading, kind: .district, .sv)
        #expect(standing.value == "1")
        #expect(standing.classLabel?.text == "Områden med stora socioekonomiska utmaningar")
        #expect(standing.comparison == nil)
        #expect(standing.judgement == nil)
        #expect(standing.rank == nil)
        let english = AreaPage.Standing.make(reading, kind: .district, .en)
        #expect(english.classLabel?.lang == "sv", "a label without English is marked Swedish")
    }

    @Test("Lower is better: an area below the city is better off and first")
    func lowerIsBetter() throws {
        let model = Indicator()
        model.code = "arbetsloshet"
        model.name = "Arbetslöshet"
        model.unit = "percent"
        model.direction = Direction.lowerIsBetter.rawValue
        let reading = try Self.reading(model, value: 3, city: 5, better: 0, count: 14)
        let standing = AreaPage.Standing.make(reading, kind: .districtArea, .sv)
        #expect(standing.comparison == "lägre än staden (\(NumberText.value(5, unit: "percent", .sv)))")
        #expect(standing.judgement == "bättre än staden")
        #expect(standing.rank == "plats 1 av 14\u{00A0}stadsdelsområden (plats 1 är bäst)")
        #expect(standing.cls == "better")
    }

    @Test("A measure's source note is folded, and the demo's notes cite no internal references")
    func sourceNote() async throws {
        try await withTestApp { app in
            let html = try await app.get("/measures/dold-potential-a-2-3-1").body
            #expect(html.contains("<details class=\"source-note\"><summary>Källa och anmärkning</summary>"))
            #expect(html.contains("Stadsledningskontorets tjänsteutlåtande"))
            for page in ["/measures/dold-potential-a-2-3-1", "/bodies/polisen", "/bodies/folkets-hus-och-parker"] {
                let body = try await app.get(page).body
                #expect(!body.contains("seed"), "\(page)")
            }
        }
        let split = SourceNote.split("Vad åtgärden gäller.\n\nKälla: Rapporten, sidan 12.")
        #expect(split.text == "Vad åtgärden gäller.")
        #expect(split.note == "Rapporten, sidan 12.")
        #expect(SourceNote.split("Bara text.").note == nil)
    }
}
