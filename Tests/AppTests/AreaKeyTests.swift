@testable import App
import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Testing
import Vapor

/// DeSO and RegSO areas and their parents from Statistics Sweden's key table
/// (`skillnad areas link`): created, placed, re-placed by name, refused whole when the file is
/// wrong, and the added-up values of indicators following the new parents.
@Suite("Area keys: DeSO and RegSO")
struct AreaKeyTests {
    static var keyTable: URL { SharedData.root.appendingPathComponent("data/scb/koppling-deso2018-regso2020.csv") }

    /// Stockholm's DeSO areas in their RegSO areas, created, and those in the city.
    static let desoInRegso = AreaLinker.Options(
        childCode: "DeSO_2018", childKind: .deso, parentCode: "RegSOkod_2020", parentName: "RegSO_2020",
        parentKind: .regso, filters: [AreaLinker.Filter(column: "Kommun", value: "180", startsWith: false)],
        create: true, top: "stockholm")

    /// Stockholm's RegSO areas in the districts of their names.
    static let regsoInDistricts = AreaLinker.Options(
        childCode: "RegSOkod_2020", childName: "RegSO_2020", childKind: .regso, parentByName: .district,
        filters: [AreaLinker.Filter(column: "Kommun", value: "0180", startsWith: false)])

    static func link(_ data: Data, _ options: AreaLinker.Options, dryRun: Bool = false, on db: any Database)
        async throws -> AreaLinker.Outcome
    {
        try await AreaLinker.run(data, options, dryRun: dryRun, by: .system("test"), on: db)
    }

    /// The city's districts, from Folkhälsokollen's file (the demo template has district areas only).
    static func addDistricts(on db: any Database) async throws {
        let file = SharedData.root.appendingPathComponent("data/stockholm/omraden_med_befolkning.json")
        _ = try await AreaGeoImporter.run(try Data(contentsOf: file), by: .system("test"), on: db)
    }

    static func parent(of slug: String, on db: any Database) async throws -> String? {
        try await Area.query(on: db).filter(\.$slug == slug).with(\.$parent).first()?.parent?.slug
    }

    @Test("SCB's key table for Stockholm: 544 DeSO areas in 127 RegSO areas in the city, once; again changes nothing")
    func realKeyTable() async throws {
        try await withTestApp { app in
            let data = try Data(contentsOf: Self.keyTable)
            let areasBefore = try await Area.query(on: app.db).count()
            let generation = try await CatalogueState.find(1, on: app.db)?.generation ?? 0
            let dry = try await Self.link(data, Self.desoInRegso, dryRun: true, on: app.db)
            #expect(dry.created == [.deso: 544, .regso: 127])
            #expect(try await Area.query(on: app.db).count() == areasBefore)

            let outcome = try await Self.link(data, Self.desoInRegso, on: app.db)
            #expect(outcome.created == [.deso: 544, .regso: 127])
            #expect(outcome.reparented == 0 && outcome.unchanged == 0)
            #expect(try await Area.query(on: app.db).filter(\.$kind == "deso").count() == 544)
            #expect(try await Area.query(on: app.db).filter(\.$kind == "regso").count() == 127)
            let deso = try #require(try await Area.query(on: app.db).filter(\.$slug == "deso-0180c4050").first())
            #expect(deso.code == "0180C4050" && deso.name == "0180C4050")
            #expect(try await Self.parent(of: "deso-0180c4050", on: app.db) == "regso-0180r001")
            let regso = try #require(try await Area.query(on: app.db).filter(\.$slug == "regso-0180r001").first())
            #expect(regso.name == "Abrahamsberg" && regso.code == "0180R001")
            #expect(try await Self.parent(of: "regso-0180r001", on: app.db) == "stockholm")
            // Every new area is in the audit trail, and pages see a new catalogue.
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$objectType == "area").filter(\.$action == "create")
                    .filter(\.$actor == "test").count() == 671)
            #expect((try await CatalogueState.find(1, on: app.db)?.generation ?? 0) > generation)

            let again = try await Self.link(data, Self.desoInRegso, on: app.db)
            #expect(again.createdCount == 0 && again.reparented == 0 && again.unchanged == 544)
            let areas = try await app.get("/areas").body
            #expect(areas.contains("DeSO-områden (demografiska statistikområden)"))
            #expect(areas.contains("Abrahamsberg"))
        }
    }

    @Test("RegSO areas placed in the districts of their names: the user sees which matched and which did not")
    func regsoByName() async throws {
        try await withTestApp { app in
            let data = try Data(contentsOf: Self.keyTable)
            try await Self.addDistricts(on: app.db)
            _ = try await Self.link(data, Self.desoInRegso, on: app.db)
            let outcome = try await Self.link(data, Self.regsoInDistricts, on: app.db)
            #expect(outcome.matchedByName.count + outcome.unmatchedByName.count == 127)
            #expect(outcome.matchedByName.count > 60, "\(outcome.unmatchedByName.map(\.child))")
            #expect(outcome.reparented == outcome.matchedByName.count)
            #expect(outcome.matchedByName.contains { $0.child == "Rinkeby" && $0.parent == "Rinkeby" })
            let rinkeby = try #require(try await Area.query(on: app.db).filter(\.$slug == "regso-0180r076").first())
            #expect(rinkeby.name == "Rinkeby")
            #expect(try await Self.parent(of: "regso-0180r076", on: app.db) == "rinkeby")
            // Those that matched no district stay in the city, and the report names them.
            for miss in outcome.unmatchedByName {
                let area = try #require(
                    try await Area.query(on: app.db).filter(\.$kind == "regso").filter(\.$name == miss.child).with(
                        \.$parent
                    ).first())
                #expect(area.parent?.slug == "stockholm")
            }
            let lines = AreasLinkCommand.report(outcome, file: "k.csv", dryRun: false, byName: .district)
            #expect(lines.contains("  Rinkeby → Rinkeby"))
            #expect(lines.contains { $0.hasPrefix("No district of that name, left where they were (") })
        }
    }

    @Test("Without --create the unknown areas are listed with their lines and nothing is written")
    func unknownAreasRefused() async throws {
        try await withTestApp { app in
            let csv = "Kommun;DeSO;RegSO\n0180;0180C1010;0180R001\n0180;0180C1020;0180R001\n0114;0114C1010;0114R001\n"
            var options = Self.desoInRegso
            options.childCode = "DeSO"
            options.parentCode = "RegSO"
            options.parentName = nil
            options.create = false
            let before = try await Area.query(on: app.db).count()
            do {
                _ = try await Self.link(Data(csv.utf8), options, on: app.db)
                Issue.record("unknown areas were not refused")
            } catch let problems as ObservationProblems {
                let text = problems.problems.map(\.description)
                #expect(
                    text.contains("line 2, column RegSO: no RegSO area has the code 0180R001 (--create creates it)"))
                #expect(text.contains("line 2, column DeSO: no DeSO area has the code 0180C1010 (--create creates it)"))
                #expect(text.contains("line 3, column DeSO: no DeSO area has the code 0180C1020 (--create creates it)"))
                #expect(!text.contains { $0.contains("0114") }, "the row --where left out is not mentioned")
            }
            #expect(try await Area.query(on: app.db).count() == before)
        }
    }

    @Test("A child given two parents is refused with both lines; so is a --where that keeps nothing")
    func twoParents() async throws {
        try await withTestApp { app in
            let csv = "\u{FEFF}Kommun,DeSO,RegSO\r\n0180,0180C1010,0180R001\r\n0180,0180C1010,0180R002\r\n"
            var options = Self.desoInRegso
            options.childCode = "deso"
            options.parentCode = "regso"
            options.parentName = nil
            let before = try await Area.query(on: app.db).count()
            do {
                _ = try await Self.link(Data(csv.utf8), options, on: app.db)
                Issue.record("a child with two parents was not refused")
            } catch let problems as ObservationProblems {
                #expect(
                    problems.problems.map(\.description) == [
                        "line 3, column regso: 0180C1010 is put in 0180R002 here and in 0180R001 on line 2: a child has one parent"
                    ])
            }
            options.filters = [AreaLinker.Filter(column: "Kommun", value: "0181", startsWith: false)]
            do {
                _ = try await Self.link(Data(csv.utf8), options, on: app.db)
                Issue.record("a filter that keeps nothing was not refused")
            } catch let problems as ObservationProblems {
                #expect(problems.problems.first?.reason == .filterKeepsNothing(value: "0181", examples: "0180"))
            }
            #expect(try await Area.query(on: app.db).count() == before)
        }
    }

    @Test("--where compares codes of digits without leading zeros, and ^= keeps what starts with a value")
    func filters() throws {
        let filters = try #require(AreaLinker.Filter.parse("Kommun=180, Namn^=Stock"))
        #expect(filters.count == 2)
        #expect(filters[0].keeps("0180") && filters[0].keeps("180") && !filters[0].keeps("1800"))
        #expect(filters[1].keeps("Stockholm (Rinkeby)") && !filters[1].keeps("Solna"))
        #expect(AreaLinker.Filter.parse("Kommun") == nil)
    }

    @Test("Added-up values follow the areas: linking RegSO areas to districts adds the districts' values")
    func refreshAfterLink() async throws {
        try await withTestApp { app in
            let data = try Data(contentsOf: Self.keyTable)
            try await Self.addDistricts(on: app.db)
            _ = try await Self.link(data, Self.desoInRegso, on: app.db)
            // Rinkeby's and Akalla's DeSO areas, with made-up counts.
            let deso = try await Area.query(on: app.db).filter(\.$kind == "deso").with(\.$parent).all()
                .filter { ["regso-0180r076", "regso-0180r002"].contains($0.parent?.slug) }
            #expect(deso.count > 4)
            let csv = "DeSO;Antal;Totalt\n" + deso.map { "\($0.code ?? "");10;40" }.joined(separator: "\n") + "\n"
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "andel-deso", name: "Andel DeSO", unit: "percent", direction: .higherIsBetter),
                mapping: ObservationMapping(
                    areaCode: "DeSO", numerator: "Antal", denominator: "Totalt", period: "2022"),
                areaKind: .deso, aggregate: true)
            _ = try await IndicatorImporter.run(Data(csv.utf8), spec, by: .system("test"), on: app.db)
            let info = try #require(try await IndicatorQueries.one("andel-deso", on: app.db))
            let before = try await IndicatorQueries.observations(info.id, kind: "district", on: app.db)
            #expect(before.isEmpty)

            let outcome = try await Self.link(data, Self.regsoInDistricts, on: app.db)
            #expect(outcome.refreshed.map(\.code) == ["andel-deso"])
            let districts = try await IndicatorQueries.observations(info.id, kind: "district", on: app.db)
            #expect(Set(districts.map(\.slug)).isSuperset(of: ["rinkeby", "akalla"]))
            #expect(districts.allSatisfy { $0.origin == .summed && $0.value == 25 })
            let summaries = try await IndicatorQueries.summaries(info.id, level: "district", on: app.db)
            #expect(summaries.count == 1)
        }
    }

    @Test("The command prints the counts, and refuses a bad option before reading the file")
    func command() async throws {
        try await withTestApp { app in
            var context = CommandContext(
                console: app.console,
                input: CommandInput(arguments: [
                    "skillnad", Self.keyTable.path, "--where", "Kommun=180", "--child-code", "DeSO_2018",
                    "--child-kind", "deso", "--parent-code", "RegSOkod_2020", "--parent-name", "RegSO_2020",
                    "--parent-kind", "regso", "--create", "--top", "stockholm",
                ]))
            context.application = app
            try await AreasLinkCommand().run(using: &context)
            #expect(try await Area.query(on: app.db).filter(\.$kind == "deso").count() == 544)
            var bad = CommandContext(
                console: app.console,
                input: CommandInput(arguments: [
                    "skillnad", Self.keyTable.path, "--child-code", "DeSO_2018", "--child-kind", "desos",
                ]))
            bad.application = app
            await #expect(throws: CatalogueCommandError.self) { try await AreasLinkCommand().run(using: &bad) }
            let lines = AreasLinkCommand.report(
                AreaLinker.Outcome(created: [.deso: 544, .regso: 127]), file: "k.csv", dryRun: false, byName: nil)
            #expect(lines == ["k.csv: 671 created (544 DeSO areas, 127 RegSO areas), 0 re-parented, 0 unchanged."])
        }
    }
}
