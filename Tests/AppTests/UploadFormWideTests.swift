@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The upload form's fields for issue 20: wide tables, `^=` filters, the new checkboxes, the
/// statistics offices' formats.
@Suite("Upload form: wide tables and the new fields")
struct UploadFormWideTests {
    /// A wide file as Statistics Sweden's tables come (one row per district area, one column per
    /// year), saved by Swedish Excel (BOM, semicolons, decimal commas) with CR CR LF line ends.
    static func wideCSV(badValueOnRow row: Int? = nil) -> String {
        var lines = ["Område;Andel 2020;Andel 2022;Antal 2022"]
        for (index, name) in Fixture.areasLater.enumerated() {
            let later = index + 2 == row ? "tolv" : "\(60 + index),5"
            lines.append("\(name);\(50 + index),25;\(later);\(1000 + index)")
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\r\n") + "\r\r\n"
    }

    /// Posts the upload form as a browser does, with `fields` over the defaults.
    static func upload(
        _ app: Application, as browser: Browser, file: String?, _ fields: [String: String]
    ) async throws -> (status: HTTPStatus, body: String) {
        var values = [
            "_csrf": browser.csrf, "format": "csv", "code": "andel-bred", "name": "Andel bred", "unit": "percent",
            "direction": "higherIsBetter", "areaKind": "districtArea", "areaName": "Område",
            "periodColumns": "Andel YEAR",
        ]
        values.merge(fields) { _, given in given }
        var form = MultipartForm()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { form.add(name, value) }
        if let file {
            form.addFile("file", filename: "bred.csv", contentType: "text/csv", data: Data(file.utf8))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: browser.sessionCookie)
        headers.contentType = form.contentType
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, "/indicators/import", headers: headers, body: form.body) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    @Test("The form has the period columns with a hint, the three checkboxes described, and PC-Axis and JSON-stat")
    func formFields() async throws {
        try await withTestApp { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: ["socialnamnden"])
            let editor = try await app.signIn("editor@stockholm.se")
            let page = try await app.get("/indicators/import", as: editor)
            #expect(page.status == .ok)
            let html = page.body
            #expect(html.contains("<option value=\"px\">PC-Axis (.px)</option>"))
            #expect(html.contains("<option value=\"jsonstat\">JSON-stat 2.0 (PxWeb)</option>"))
            #expect(html.contains("<label for=\"f-periodColumns\">Periodkolumner (en kolumn per år)</label>"))
            #expect(html.contains("id=\"f-periodColumns-hint\""))
            #expect(html.contains("aria-describedby=\"f-periodColumns-hint\""))
            #expect(html.contains("KOLUMN^=BÖRJAN"))
            for name in ["matchNamesAcrossKinds", "aggregate", "allowSameName"] {
                #expect(html.contains("<input id=\"f-\(name)\" name=\"\(name)\" type=\"checkbox\""), "\(name)")
                #expect(html.contains("aria-describedby=\"f-\(name)-hint\""), "\(name)")
                #expect(html.contains("<label for=\"f-\(name)\">"), "\(name)")
                #expect(html.contains("<p class=\"hint\" id=\"f-\(name)-hint\">"), "\(name)")
            }
            let english = try await app.get("/indicators/import?lang=en", as: editor)
            #expect(english.body.contains("Period columns (one column per year)"))
            #expect(english.body.contains("Also compute districts, district areas and the city by adding up"))
        }
    }

    @Test(
        "A wide file is previewed and imported in one run: every area and both years, lines counted once per CR CR LF")
    func wideUpload() async throws {
        try await withTestApp { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: ["socialnamnden"])
            let editor = try await app.signIn("editor@stockholm.se")
            // A bad cell is reported on the line an editor shows (row 4 of the file is line 4).
            let bad = try await Self.upload(app, as: editor, file: Self.wideCSV(badValueOnRow: 4), [:])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("bred.csv: rad 4, kolumn Andel 2022: ”tolv” är inget tal"), "\(bad.body)")
            // Period columns and a period together are refused in Swedish, nothing read.
            let both = try await Self.upload(app, as: editor, file: Self.wideCSV(), ["period": "2020"])
            #expect(both.status == .unprocessableEntity)
            #expect(both.body.contains("ange periodkolumnerna, eller perioden (eller dess kolumn), inte båda"))

            let preview = try await Self.upload(app, as: editor, file: Self.wideCSV(), [:])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Filen skapar indikatorn andel-bred med 26 värden."), "\(preview.body)")
            #expect(preview.body.contains("Perioder: 2020, 2022"))
            // The form shows what was asked, so that a change starts from it.
            #expect(HTMLForm.fields(in: preview.body)["periodColumns"] == "Andel YEAR")
            #expect(try await Observation.count(on: app.db) == 0)
            let stash = HTMLForm.value(of: "stash", in: preview.body)
            let done = try await Self.upload(app, as: editor, file: nil, ["stash": stash])
            #expect(done.status == .ok)
            #expect(done.body.contains("26 värden för andel-bred är inlästa."), "\(done.body)")
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "andel-bred").first())
            let saved = try IndicatorImportSpec.read(Data((indicator.importSpec ?? "").utf8))
            #expect(saved.mapping.periodColumns == "Andel YEAR")
            #expect(try await Observation.count(on: app.db) == 26)
            // The saved spec fills the form again next year.
            let again = try await app.get("/indicators/import?indicator=andel-bred", as: editor)
            #expect(HTMLForm.fields(in: again.body)["periodColumns"] == "Andel YEAR")
        }
    }

    @Test("Filters take ^= and codes without leading zeros; the checkboxes reach the import's specification")
    func filtersAndCheckboxes() async throws {
        let form = UploadForm(
            IndicatorImportSpec(
                indicator: IndicatorDefinition(code: "x", name: "X", unit: "percent", direction: .higherIsBetter),
                mapping: ObservationMapping(
                    areaName: "Område", period: "2022", filters: ["KOMMUNKOD": "180"],
                    filterPrefixes: ["Område": "S"]),
                matchNamesAcrossKinds: true, aggregate: true))
        #expect(form.filters == "KOMMUNKOD=180, Område^=S")
        #expect(form.matchNamesAcrossKinds == "on" && form.aggregate == "on")
        #expect(!form.allowsSameName)
        var posted = form
        posted.value = "Andel 2022"
        posted.filters = "KOMMUNKOD=0180, Område^=Stockholm ("
        posted.allowSameName = "on"
        posted.aggregate = nil
        let spec = try posted.spec()
        #expect(spec.mapping.filters == ["KOMMUNKOD": "0180"])
        #expect(spec.mapping.filterPrefixes == ["Område": "Stockholm ("])
        #expect(spec.matchNamesAcrossKinds && !spec.aggregate)
        #expect(posted.allowsSameName)
        posted.filters = "Område"
        #expect(throws: ObservationProblems.self) { try posted.spec() }

        try await withTestApp { app in
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: ["socialnamnden"])
            let editor = try await app.signIn("editor@stockholm.se")
            // Only the district areas starting with S: Spånga-Tensta, Södermalm, Skarpnäck, Skärholmen.
            let fields = [
                "filters": "Område^=S", "matchNamesAcrossKinds": "on", "allowSameName": "on",
            ]
            let preview = try await Self.upload(app, as: editor, file: Self.wideCSV(), fields)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Filen skapar indikatorn andel-bred med 8 värden."), "\(preview.body)")
            let shown = HTMLForm.fields(in: preview.body)
            #expect(shown["filters"] == "Område^=S")
            #expect(
                preview.body.contains(
                    "id=\"f-matchNamesAcrossKinds\" name=\"matchNamesAcrossKinds\" type=\"checkbox\" aria-describedby=\"f-matchNamesAcrossKinds-hint\" checked"
                ))
            // The confirmation sends the same-name choice again: it is not in the kept spec.
            let confirmForm = try #require(preview.body.slice("name=\"stash\"", "</form>"))
            #expect(confirmForm.contains("<input type=\"hidden\" name=\"allowSameName\" value=\"on\">"))
            let plain = try await Self.upload(app, as: editor, file: Self.wideCSV(), ["filters": "Område^=S"])
            let plainConfirm = try #require(plain.body.slice("name=\"stash\"", "</form>"))
            #expect(!plainConfirm.contains("allowSameName"))
        }
    }
}
