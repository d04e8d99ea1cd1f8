@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

@Suite("Indicators over time: summaries, pages, API")
struct IndicatorPageTests {
    @Test("Three periods with groups: old names decided by the period, summaries per period, a widening gap")
    func importOverTime() async throws {
        try await withTestApp { app in
            let out = try await Fixture.load(app)
            #expect(out.periods == ["2018", "2020", "2022"])
            // 14 + 13 + 13 areas, three groups each.
            #expect(out.written == (14 + 13 + 13) * 3)
            let info = try #require(try await IndicatorQueries.one("deltagande", on: app.db))
            // "Hägersten-Liljeholmen" is its own area in 2018 and Hägersten-Älvsjö (its alias) from 2020.
            let old = try await IndicatorQueries.observations(
                info.id, area: "hagersten-liljeholmen", group: "T", on: app.db)
            let merged = try await IndicatorQueries.observations(
                info.id, area: "hagersten-alvsjo", group: "T", on: app.db)
            #expect(old.map(\.period) == ["2018"])
            #expect(merged.map(\.period) == ["2020", "2022"])
            let summaries = try await IndicatorQueries.summaries(info.id, on: app.db)
            #expect(summaries.map(\.period) == ["2018", "2020", "2022"])
            #expect(summaries.allSatisfy { $0.level == "districtArea" && $0.weighted })
            #expect(summaries.map { $0.difference.map { ($0 * 10).rounded() / 10 } } == [30, 40, 50])
            #expect(summaries.last?.worst_area == "rinkeby-kista")
            let trend = Disparity.trend(summaries.map { ($0.period, $0.difference!) })
            #expect(trend.classification == .widening)
            // The semicolon, decimal comma, BOM and CRLF version is the same data.
            let again = try await IndicatorImporter.run(
                Data(Fixture.csv(semicolon: true).utf8), Fixture.spec, by: .system("test"), on: app.db)
            #expect(again.written == out.written)
            #expect(
                try await IndicatorQueries.summaries(info.id, on: app.db).map(\.difference)
                    == summaries.map(\.difference))
        }
    }

    @Test(
        "The indicator page: bar chart, time series and gap with titles, descriptions and data tables; groups; downloads"
    )
    func indicatorPage() async throws {
        try await withTestApp { app in
            _ = try await Fixture.load(app)
            let page = try await app.get("/indicators/deltagande")
            #expect(page.status == .ok)
            let html = page.body
            #expect(html.contains("<h1 lang=\"sv\">Deltagande</h1>"))
            // Visible chart titles with the unit; the bars are HTML rows with the name and value as text.
            #expect(
                html.contains(
                    "<figcaption id=\"bars-t\" class=\"chart-title\">Deltagande, stadsdelsområde, 2022 (procent)</figcaption>"
                ))
            #expect(html.contains("<desc id=\"gap-d\">"))
            #expect(html.contains("<p class=\"axis-unit\" aria-hidden=\"true\">procent</p>"))
            // 13 district areas in 2022: 13 bars and 13 table rows linking to the area pages.
            #expect(html.components(separatedBy: "<rect class=\"bar").count - 1 == 13)
            #expect(
                html.contains(
                    "<a class=\"hbar-label\" href=\"/areas/rinkeby-kista\">Rinkeby-Kista</a><span class=\"hbar-value\">40,0\u{a0}%</span>"
                ))
            #expect(
                html.contains(
                    "<a href=\"/areas/rinkeby-kista\">Rinkeby-Kista</a></th><td class=\"num\">40,0\u{a0}%</td>"))
            #expect(html.contains("ökande skillnad"))
            #expect(html.contains("50,0\u{a0}procentenheter"))
            #expect(html.contains("kön: kvinnor"))
            #expect(html.contains("/indicators/deltagande/data?format=opensdg"))
            // An older period and another language.
            let old = try await app.get("/indicators/deltagande?period=2018&lang=en")
            #expect(old.body.contains(">Participation, district area, 2018 (percent)</figcaption>"))
            #expect(old.body.contains("30.0\u{a0}percentage points"))
            #expect(try await app.get("/indicators/no-such").status == .notFound)
        }
    }

    @Test(
        "Hundreds of voting districts: the chart and its table show the 25 highest and 25 lowest; a link opens the table of every district"
    )
    func longBarChart() async throws {
        try await withTestApp { app in
            let data = try Data(contentsOf: IndicatorImportTests.file)
            _ = try await IndicatorImporter.run(
                data, IndicatorImportTests.options(create: true), by: .system("test"), on: app.db)
            let html = try await app.get("/indicators/valdeltagande?level=votingDistrict").body
            #expect(html.components(separatedBy: "<rect class=\"bar").count - 1 == 50)
            // 593 districts (the early votes' six rows are one, not computable): 50 drawn, 543 between.
            // The areas left out are a visible row between the highest and the lowest, not a gap in one list.
            #expect(
                html.contains(
                    "<li class=\"hbar-gap\">… 543 områden däremellan (alla finns i den fullständiga tabellen)</li>"))
            #expect(
                html.contains(
                    "de 25 högsta och de 25 lägsta värdena; de 543 områdena däremellan finns i den fullständiga tabellen."
                ))
            // The chart's text alternative lists the districts drawn, and links to the table of all of them.
            func tableRows(_ html: String, caption: String) throws -> Int {
                let table = try #require(
                    html.components(separatedBy: "<caption>\(caption)</caption>").dropFirst().first)
                return table.components(separatedBy: "</table>")[0].components(separatedBy: "<th scope=\"row\">").count
                    - 1
            }
            let title = "Valdeltagande i kommunvalet, valdistrikt, 2022 (procent)"
            #expect(try tableRows(html, caption: "\(title): de 25 högsta och de 25 lägsta av 593 områden") == 50)
            let fullHref = "/indicators/valdeltagande?level=votingDistrict&amp;period=2022&amp;table=all#h-areas"
            #expect(html.contains("<p><a href=\"\(fullHref)\">Tabell med alla 593 områden</a></p>"))
            let full = try await app.get("/indicators/valdeltagande?level=votingDistrict&period=2022&table=all").body
            #expect(try tableRows(full, caption: title) == 593)
            #expect(full.contains("<details open><summary>"))
            #expect(!full.contains("Tabell med alla 593 områden"))
            #expect(full.components(separatedBy: "<rect class=\"bar").count - 1 == 50)
            #expect(html.contains("Spånga 22 Rinkebysvängen Ö") && html.contains("Skarpnäck 7 Skarpnäcks trädgårds"))
        }
    }

    @Test("Differences overview lists widening gaps first; the area page shows the area next to the city")
    func differencesAndArea() async throws {
        try await withTestApp { app in
            _ = try await Fixture.load(app)
            // A second indicator whose gap narrows: lower is better, the worst area improving.
            var spec = Fixture.spec
            spec.indicator.code = "franvaro"
            spec.indicator.name = "Frånvaro"
            spec.indicator.direction = .lowerIsBetter
            let text = Fixture.csv().replacingOccurrences(of: "RINKEBY-KISTA,2018", with: "RINKEBY-KISTA,2099")
            _ = text
            var lines = ["Område,År,Värde"]
            for (p, year) in ["2018", "2020", "2022"].enumerated() {
                for (i, name) in Fixture.areasLater.enumerated() {
                    lines.append("\(name),\(year),\(i == 0 ? 40 - 10 * p : 10 + i / 4)")
                }
            }
            spec.mapping = ObservationMapping(areaName: "Område", value: "Värde", periodColumn: "År")
            _ = try await IndicatorImporter.run(
                Data(lines.joined(separator: "\n").utf8), spec, by: .system("test"), on: app.db)
            let html = try await app.get("/differences").body
            let widening = try #require(html.range(of: "Deltagande"))
            let narrowing = try #require(html.range(of: "Frånvaro"))
            #expect(widening.lowerBound < narrowing.lowerBound)
            #expect(html.contains("minskande skillnad"))
            let area = try await app.get("/areas/rinkeby-kista").body
            #expect(area.contains("<a href=\"/indicators/deltagande\" lang=\"sv\">Deltagande</a>"))
            #expect(area.contains("<td class=\"num\">40,0\u{a0}%</td>"))
        }
    }

    @Test("Milestone status on the roadmap from the indicator's citywide values")
    func milestoneStatus() async throws {
        try await withTestApp { app in
            // A milestone following the indicator: from 60 % in 2018 to 99 % in 2024.
            var doc = try await CatalogueLoader.load(from: app.db)
            doc.roadmap!.targetAreas[0].milestones = [
                MilestoneRecord(
                    id: "m-deltagande", text: "Deltagandet ska öka.", indicator: "deltagande",
                    baseline: 60, baselineYear: 2018, targetValue: 99, targetYear: 2024)
            ]
            _ = try await CatalogueImporter.apply(doc, to: app.db, actor: .system("test"))
            _ = try await Fixture.load(app)
            let html = try await app.get("/roadmap").body
            #expect(html.contains("<a href=\"/indicators/deltagande\">Deltagande</a>"))
            // From 60 to about 72 % in four years, when 99 % by 2024 needs about 8.7 % a year: not fast enough.
            #expect(html.contains("<span class=\"status offTrack\">inte i fas</span>"))
            let ind = try await app.get("/indicators/deltagande").body
            #expect(ind.contains("Deltagandet ska öka."))
        }
    }

    @Test("The API: indicators, observations with filters, every disparity measure for a period and level")
    func api() async throws {
        try await withTestApp { app in
            _ = try await Fixture.load(app)
            let list = try await app.getJSON("/api/v1/indicators")
            #expect(list.json["total"] as? Int == 1)
            let one = try await app.getJSON("/api/v1/indicators/deltagande")
            #expect(one.json["periods"] as? [String] == ["2018", "2020", "2022"])
            #expect(one.json["levels"] as? [String] == ["districtArea"])
            let obs = try await app.getJSON(
                "/api/v1/indicators/deltagande/observations?period=2022&group=kon%3DK&limit=5")
            #expect(obs.json["total"] as? Int == 13)
            #expect((obs.json["items"] as? [[String: Any]])?.count == 5)
            let d = try await app.getJSON("/api/v1/indicators/deltagande/disparity?period=2018&level=districtArea")
            let result = try #require(d.json["result"] as? [String: Any])
            #expect(
                ((result["difference"] as? [String: Any])?["value"] as? Double).map { ($0 * 10).rounded() / 10 } == 30)
            #expect(result["theilIndex"] != nil && result["slopeIndexOfInequality"] != nil)
            #expect((d.json["trend"] as? [String: Any])?["classification"] as? String == "widening")
            #expect(try await app.get("/api/v1/indicators/deltagande/disparity?level=nowhere").status == .badRequest)
            #expect(try await app.get("/api/v1/indicators/deltagande/disparity?period=1999").status == .notFound)
            #expect(try await app.get("/api/v1/indicators/deltagande/observations?area=atlantis").status == .notFound)
            #expect(try await app.get("/api/v1/indicators/none").status == .notFound)
        }
    }

    @Test("An area with indicator values cannot be deleted: 409 with a reason, nothing lost")
    func areaInUse() async throws {
        try await withTestApp { app in
            _ = try await Fixture.load(app)
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let token = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite)
            let r = try await app.api(.DELETE, "/api/v1/areas/bromma", token: token, headers: ["If-Match": "\"1\""])
            #expect(r.status == .conflict, "\(r.body)")
            #expect(r.body.contains("still referred to"))
            #expect(try await Area.query(on: app.db).filter(\.$slug == "bromma").count() == 1)
        }
    }

    @Test("Exports in every shape, and an export imports back to the same values")
    func exports() async throws {
        try await withTestApp { app in
            _ = try await Fixture.load(app)
            let csv = try await app.get("/indicators/deltagande/data?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.body.hasPrefix("indicator,area_id,area_code,area_name,area_kind,period,group,value"))
            let excel = try await app.get("/indicators/deltagande/data?format=csv-sv")
            #expect(excel.body.hasPrefix("\u{FEFF}indicator;"))
            let json = try await app.getJSON("/indicators/deltagande/data?format=json")
            #expect((json.json["observations"] as? [Any])?.count == 120)
            let sdg = try await app.get("/indicators/deltagande/data?format=opensdg")
            #expect(sdg.body.hasPrefix("Year,"))
            #expect(try await app.get("/indicators/deltagande/data?format=xlsx").status == .badRequest)
            // Our own CSV back in, under another code: the same values.
            var spec = Fixture.spec
            spec.indicator.code = "kopia"
            spec.mapping = ObservationMapping(
                areaCode: "area_code", areaName: "area_name", value: "value", periodColumn: "period",
                groups: ["g": "group"])
            // The same name under another code is refused unless a new indicator is what is wanted.
            await #expect(throws: ObservationProblems.self) {
                _ = try await IndicatorImporter.run(Data(csv.body.utf8), spec, by: .system("test"), on: app.db)
            }
            _ = try await IndicatorImporter.run(
                Data(csv.body.utf8), spec, allowSameName: true, by: .system("test"), on: app.db)
            let a = try #require(try await IndicatorQueries.one("deltagande", on: app.db))
            let b = try #require(try await IndicatorQueries.one("kopia", on: app.db))
            let x = try await IndicatorQueries.observations(a.id, group: "T", on: app.db).map {
                [$0.slug, $0.period, "\($0.value!)"]
            }
            let y = try await IndicatorQueries.observations(b.id, group: "T", on: app.db).map {
                [$0.slug, $0.period, "\($0.value!)"]
            }
            #expect(x == y && x.count == 40)
        }
    }

    @Test("Kolada JSON and Open SDG CSV import; Open SDG rows without GeoCode are the whole city")
    func otherShapes() async throws {
        try await withTestApp { app in
            let kolada =
                #"{"count":1,"values":[{"kpi":"N00945","municipality":"0180","period":2022,"values":[{"gender":"T","count":1,"status":"","value":52.3},{"gender":"K","count":1,"status":"","value":null}]}]}"#
            var spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(code: "kolada", name: "Från Kolada"), format: .kolada, areaKind: .city)
            let k = try await IndicatorImporter.run(Data(kolada.utf8), spec, by: .system("test"), on: app.db)
            #expect(k.written == 2 && k.summary.computable == 1 && k.summary.notComputable == 1)
            let sdg = "Year,GeoCode,Sex,Value\n2021,,,61.5\n2021,80125,Female,55\n2022,,,62\n"
            spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(code: "sdg", name: "Från Open SDG"), format: .opensdg,
                areaKind: .districtArea)
            let s = try await IndicatorImporter.run(Data(sdg.utf8), spec, by: .system("test"), on: app.db)
            #expect(s.written == 3)
            let info = try #require(try await IndicatorQueries.one("sdg", on: app.db))
            let city = try await IndicatorQueries.observations(info.id, area: "stockholm", on: app.db)
            #expect(city.map(\.value) == [61.5, 62])
        }
    }

    @Test(
        "Bad input: unknown unit, a missing column, a non-numeric value, a file that is not CSV, unknown roadmap links; nothing written"
    )
    func badInput() async throws {
        try await withTestApp { (app: Application) async throws in
            func refused(_ data: Data, _ spec: IndicatorImportSpec) async -> String {
                do {
                    _ = try await IndicatorImporter.run(data, spec, by: .system("test"), on: app.db)
                    return ""
                } catch { return "\(error)" }
            }
            var spec = Fixture.spec
            spec.indicator.unit = "furlongs"
            #expect(await refused(Data(Fixture.csv().utf8), spec).contains("unknown unit \"furlongs\""))
            spec = Fixture.spec
            spec.mapping.numerator = "Röster"
            #expect(
                await refused(Data(Fixture.csv().utf8), spec).contains(
                    "column Röster: the numerator column is not in the file"))
            let bad = Fixture.csv().replacingOccurrences(of: "Bromma,2020,T,", with: "Bromma,2020,T,tolv")
            let message = await refused(Data(bad.utf8), Fixture.spec)
            #expect(message.contains("line 53, column Röstande: \"tolv"), "\(message)")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
            #expect(await refused(png, Fixture.spec).contains("not"))
            spec = Fixture.spec
            spec.indicator.targetAreas = ["no-such-target"]
            #expect(
                await refused(Data(Fixture.csv().utf8), spec).contains(
                    "the roadmap has no target area \"no-such-target\""))
            #expect(try await Indicator.query(on: app.db).count() == 0)
            #expect(try await Observation.count(on: app.db) == 0)
        }
    }

    @Test(
        "The upload page: an editor previews, then imports; a bad file is refused with its line; only the owner replaces; a restore undoes"
    )
    func uploadPage() async throws {
        try await withTestApp { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: ["socialnamnden"])
            try await app.makeUser("other@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let b = try await app.signIn("editor@stockholm.se")
            let form = try await app.get("/indicators/import", as: b)
            #expect(form.status == .ok && form.body.contains("enctype=\"multipart/form-data\""))
            #expect(form.body.contains("<option value=\"socialnamnden\""))
            func upload(_ csv: String?, as browser: Browser, stash: String? = nil) async throws -> (HTTPStatus, String)
            {
                var fields = [
                    "_csrf": browser.csrf, "format": "csv", "code": "deltagande", "name": "Deltagande",
                    "unit": "percent",
                    "direction": "higherIsBetter", "areaKind": "districtArea", "areaName": "Område",
                    "numerator": "Röstande",
                    "denominator": "Röstberättigade", "periodColumn": "År", "groups": "kon=Kön",
                ]
                if let stash { fields = ["_csrf": browser.csrf, "stash": stash] }
                var form = MultipartForm()
                for (name, value) in fields {
                    form.add(name, value)
                }
                if let csv {
                    form.addFile("file", filename: "val.csv", contentType: "text/csv", data: Data(csv.utf8))
                }
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .cookie, value: browser.sessionCookie)
                headers.contentType = form.contentType
                var result: (HTTPStatus, String) = (.internalServerError, "")
                try await app.testing().test(.POST, "/indicators/import", headers: headers, body: form.body) { res in
                    result = (res.status, res.body.string)
                }
                return result
            }
            func stash(_ html: String) -> String {
                HTMLForm.value(of: "stash", in: html)
            }
            let bad = try await upload(
                Fixture.csv().replacingOccurrences(of: "Bromma,2020,T,", with: "Bromma,2020,T,tolv"), as: b)
            #expect(bad.0 == .unprocessableEntity)
            #expect(bad.1.contains("val.csv: rad 53, kolumn Röstande: ”tolv731” är inget tal"))
            #expect(try await Observation.count(on: app.db) == 0)
            // First a preview, and nothing is written; then the confirmation imports the kept file.
            let preview = try await upload(Fixture.csv(), as: b)
            #expect(preview.0 == .ok)
            #expect(preview.1.contains("Filen skapar indikatorn deltagande med 120 värden."))
            #expect(try await Observation.count(on: app.db) == 0)
            let ok = try await upload(nil, as: b, stash: stash(preview.1))
            #expect(ok.0 == .ok)
            #expect(ok.1.contains("120 värden för deltagande är inlästa."))
            #expect(try await app.get("/indicators/deltagande").body.contains("ökande skillnad"))
            #expect(
                try await Indicator.query(on: app.db).filter(\.$code == "deltagande").first()?.ownerBody
                    == "socialnamnden")
            // The kept file is gone once used, and another user cannot use someone's token.
            #expect(try await upload(nil, as: b, stash: stash(preview.1)).0 == .unprocessableEntity)
            // The import is in the audit trail, by the editor.
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(
                    \.$actor == "editor@stockholm.se"
                ).count() == 1)
            // An editor of another body may not replace the values: refused before anything is read.
            let other = try await app.signIn("other@stockholm.se")
            let refused = try await upload(
                Fixture.csv().replacingOccurrences(of: "Bromma,2020,T,", with: "Bromma,2020,T,1"), as: other)
            #expect(refused.0 == .forbidden)
            #expect(try await Observation.count(on: app.db) == 120)
            // An administrator replaces them (preview says how many), then restores the earlier values.
            let admin = try await app.signIn("admin@stockholm.se")
            let changed = Fixture.csv().components(separatedBy: "\n").prefix(11).joined(separator: "\n")
            let replace = try await upload(changed, as: admin)
            #expect(replace.1.contains("Filen ersätter värden för deltagande"))
            #expect(try await upload(nil, as: admin, stash: stash(replace.1)).0 == .ok)
            let afterReplace = try await Observation.count(on: app.db)
            #expect(afterReplace < 120)
            let kept = try await app.get("/indicators/import?indicator=deltagande", as: admin)
            #expect(kept.body.contains("Återställ de tidigare värdena"))
            let restored = try await app.post("/indicators/deltagande/restore", [:], as: admin)
            #expect(restored.status == .ok && restored.body.contains("120 värden för deltagande är återställda"))
            #expect(try await Observation.count(on: app.db) == 120)
            #expect(try await app.post("/indicators/deltagande/restore", [:], as: other).status == .forbidden)
        }
    }

    @Test("Area shapes and population from the real GeoJSON files; districts placed in their district area by location")
    func geo() async throws {
        try await withTestApp { app in
            let omraden = try Data(
                contentsOf: SharedData.root.appendingPathComponent("data/stockholm/omraden_med_befolkning.json"))
            let first = try await AreaGeoImporter.run(omraden, by: .system("test"), on: app.db)
            #expect(first.updated == 13)
            let doc = try await CatalogueLoader.load(from: app.db)
            let current = doc.areas.filter { $0.kind == .districtArea && $0.validTo == nil }
            #expect(current.count == 13 && current.allSatisfy { $0.geometry != nil && ($0.population ?? 0) > 0 })
            #expect(doc.areas.first { $0.id == "bromma" }?.population == 81185)
            let stadsdelar = try Data(
                contentsOf: SharedData.root.appendingPathComponent("data/stockholm/stadsdelar.geo.json"))
            _ = try await AreaGeoImporter.run(stadsdelar, by: .system("test"), on: app.db)
            let after = try await CatalogueLoader.load(from: app.db)
            // BAGARMOSSEN is not in Folkhälsokollen's file: created, and placed in Skarpnäck by its shape.
            let bagarmossen = try #require(after.areas.first { $0.name == "Bagarmossen" })
            #expect(bagarmossen.parent == "skarpnack" && bagarmossen.aliases == ["BAGARMOSSEN"])
            // Importing again changes nothing.
            let again = try await AreaGeoImporter.run(stadsdelar, by: .system("test"), on: app.db)
            #expect(again.created == 0)
            #expect(try await CatalogueLoader.load(from: app.db) == after)
            // An export imported again changes nothing: the stored shapes read back as themselves.
            guard case .success(let exported) = CatalogueReader.read(try JSONEncoder().encode(after)) else {
                Issue.record("the export does not read back")
                return
            }
            let reimport = try await CatalogueImporter.apply(exported, to: app.db)
            #expect(reimport.isEmpty, "\(reimport)")
            // The map appears once an indicator has values for areas with shapes.
            _ = try await Fixture.load(app)
            #expect(
                try await app.get("/indicators/deltagande").body.contains("<figure class=\"chart map\" id=\"map\">"))
        }
    }
}
