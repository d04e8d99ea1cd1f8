@testable import App
import Fluent
import FluentSQLiteDriver
import SQLKit
import Foundation
import SkillnadCore
import Testing
import Vapor

@Suite("Importing indicator values")
struct IndicatorImportTests {
    static var file: URL { SharedData.root.appendingPathComponent("data/valmyndigheten/kommun_2022.csv") }

    static func options(create: Bool) -> IndicatorImportSpec {
        IndicatorImportSpec(
            indicator: IndicatorDefinition(
                code: "valdeltagande", name: "Valdeltagande i kommunvalet", nameEn: "Voter turnout",
                unit: "percent", direction: .higherIsBetter),
            mapping: ObservationMapping(
                areaCode: "VALDISTRIKTSKOD", areaName: "VALDISTRIKTSNAMN", numerator: "ANTAL RÖSTANDE",
                denominator: "ANTAL RÖSTBERÄTTIGADE", period: "2022", filters: ["KOMMUNKOD": "180"]),
            areaKind: .votingDistrict, parent: "stockholm", createAreas: create)
    }

    @Test(
        "The real 2022 election file as voter turnout: 592 computable districts, 6 not, 37.53–95.11 %, all in one transaction"
    )
    func realFile() async throws {
        try await withTestApp { app in
            let data = try Data(contentsOf: Self.file)
            // Without --create-areas the voting districts are unknown: refused, nothing written.
            await #expect(throws: IndicatorImporter.Unmatched.self) {
                _ = try await IndicatorImporter.run(data, Self.options(create: false), by: .system("test"), on: app.db)
            }
            #expect(try await Observation.count(on: app.db) == 0)
            #expect(try await Indicator.query(on: app.db).count() == 0)

            let out = try await IndicatorImporter.run(data, Self.options(create: true), by: .system("test"), on: app.db)
            #expect(out.summary.computable == 592)
            #expect(out.summary.notComputable == 6)
            #expect(out.summary.lowest?.areaName == "Spånga 22 Rinkebysvängen Ö")
            #expect(out.summary.highest?.areaName == "Skarpnäck 7 Skarpnäcks trädgårds")
            #expect(String(format: "%.2f", out.summary.difference ?? 0) == "57.58")
            // The six rows of early votes share one code: counted as six, stored once, without a value.
            #expect(out.written == 593)
            #expect(try await Observation.count(on: app.db) == 593)
            #expect(
                try await Observation.countNotComputable(on: app.db) == 1,
                "not computable is stored as no value, never 0")
            #expect(try await Area.query(on: app.db).filter(\.$kind == "votingDistrict").count() == out.createdAreas)
            // Each new area is under its parent, searchable, and in the audit trail.
            let spanga = try #require(
                try await Area.query(on: app.db).filter(\.$name == "Spånga 22 Rinkebysvängen Ö").with(\.$parent).first()
            )
            #expect(spanga.parent?.slug == "stockholm")
            #expect(spanga.version == 1)
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$objectType == "area").filter(\.$action == "create")
                    .filter(\.$actor == "test").count() == out.createdAreas)
            if app.db is any SQLiteDatabase {
                // The bulk path of SQLite must be the one taken, not the portable one.
                #expect(await SQLiteDirect.isAvailable(on: app.db as! any SQLiteDatabase))
            }

            // Importing again replaces the period's values and creates no areas.
            let again = try await IndicatorImporter.run(
                data, Self.options(create: true), by: .system("test"), on: app.db)
            #expect(again.createdAreas == 0)
            #expect(try await Observation.count(on: app.db) == 593)
        }
    }

    @Test("A non-numeric value is refused with line and column, and nothing is written")
    func badValue() async throws {
        try await withTestApp { app in
            let csv = "OMRÅDE;RÖSTANDE;BERÄTTIGADE\nBromma;100;200\nFarsta;12a;300\n"
            var o = Self.options(create: false)
            o.mapping = ObservationMapping(
                areaName: "område", numerator: "röstande", denominator: "berättigade", period: "2022")
            o.areaKind = .districtArea
            do {
                _ = try await IndicatorImporter.run(Data(csv.utf8), o, by: .system("test"), on: app.db)
                Issue.record("should have been refused")
            } catch let e as ObservationProblems {
                #expect(e.problems.first?.line == 3)
                #expect(e.problems.first?.column == "RÖSTANDE")
            }
            #expect(try await Observation.count(on: app.db) == 0)
            // With the value fixed, district areas match by name (any case).
            let ok = try await IndicatorImporter.run(
                Data(csv.replacingOccurrences(of: "12a", with: "150").uppercased().utf8), o, by: .system("test"),
                on: app.db)
            #expect(ok.written == 2)
        }
    }

    @Test(
        "Two values for one area, period and group are refused with both lines, and nothing is written, not even new areas"
    )
    func repeatedRows() async throws {
        try await withTestApp { app in
            // Line 4 repeats line 2's area and period with a value; lines 5 and 6 are collection
            // rows without values (allowed, stored once).
            let csv = "kod,namn,n,d\n9001,Ny A,1,2\n9002,Ny B,1,4\n9001,Ny A,3,4\n9003,Ny C,,\n9003,Ny C,,\n"
            var o = Self.options(create: true)
            o.mapping = ObservationMapping(
                areaCode: "kod", areaName: "namn", numerator: "n", denominator: "d", period: "2022")
            let areasBefore = try await Area.query(on: app.db).count()
            do {
                _ = try await IndicatorImporter.run(Data(csv.utf8), o, by: .system("test"), on: app.db)
                Issue.record("should have been refused")
            } catch let e as ObservationProblems {
                #expect(e.problems.count == 1)
                #expect(e.problems.first?.line == 4)
                #expect(e.problems.first?.description.contains("already have a value on line 2") == true, "\(e)")
            }
            #expect(try await Observation.count(on: app.db) == 0)
            #expect(try await Area.query(on: app.db).count() == areasBefore)
            let ok = try await IndicatorImporter.run(
                Data(csv.replacingOccurrences(of: "9001,Ny A,3,4\n", with: "").utf8), o, by: .system("test"), on: app.db
            )
            #expect(ok.written == 3)
            #expect(ok.summary.notComputable == 2)
        }
    }

    @Test("An area with values cannot be deleted; deleting an indicator deletes its values")
    func deleteRules() async throws {
        try await withTestApp { app in
            let csv = "OMRÅDE;RÖSTANDE;BERÄTTIGADE\nBromma;100;200\nFarsta;150;300\n"
            var o = Self.options(create: false)
            o.mapping = ObservationMapping(
                areaName: "område", numerator: "röstande", denominator: "berättigade", period: "2022")
            o.areaKind = .districtArea
            _ = try await IndicatorImporter.run(Data(csv.utf8), o, by: .system("test"), on: app.db)
            let bromma = try #require(try await Area.query(on: app.db).filter(\.$slug == "bromma").first())
            await #expect(throws: (any Error).self) { try await bromma.delete(on: app.db) }
            do {
                try await CatalogueEditor.transaction(on: app.db) { tx in try await bromma.delete(on: tx) }
                Issue.record("should have been refused")
            } catch let e as EditConflict {
                #expect(e.status == .conflict, "reported as still referred to")
                guard case .stillReferred = e else {
                    Issue.record("another conflict: \(e)")
                    return
                }
            }
            #expect(try await Area.query(on: app.db).filter(\.$slug == "bromma").count() == 1)
            #expect(try await Observation.count(on: app.db) == 2)
            try await Indicator.query(on: app.db).filter(\.$code == "valdeltagande").delete()
            #expect(try await Observation.count(on: app.db) == 0)
        }
    }
}
