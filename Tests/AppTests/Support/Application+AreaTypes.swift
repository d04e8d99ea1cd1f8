@testable import App
import Foundation
import SkillnadCore
import Vapor

extension Application {
    /// Three districts with residents — Norra (1,000) and Södra (3,000) in Rinkeby-Kista, Västra
    /// (2,000) in Bromma — and the indicator `omradestyp` placing Norra and Södra in area type 1,
    /// Västra in type 5: what the reach and support analyses order districts by.
    func addDistrictsWithAreaTypes() async throws {
        try await db.transaction { tx in
            try await CatalogueImporter.add(
                areas: [
                    AreaRecord(id: "norra", name: "Norra", kind: .district, parent: "rinkeby-kista", population: 1000),
                    AreaRecord(id: "sodra", name: "Södra", kind: .district, parent: "rinkeby-kista", population: 3000),
                    AreaRecord(id: "vastra", name: "Västra", kind: .district, parent: "bromma", population: 2000),
                ], in: tx, actor: .system("test"))
        }
        let csv = "område;typ\nNorra;1\nSödra;1\nVästra;5\n"
        let spec = IndicatorImportSpec(
            indicator: IndicatorDefinition(
                code: "omradestyp", name: "Områdestyp", unit: "count", direction: .higherIsBetter,
                kind: .categorical, classes: DemoCommand.socioeconomicAreaTypes),
            mapping: ObservationMapping(areaName: "område", value: "typ", period: "2022"), areaKind: .district)
        _ = try await IndicatorImporter.run(Data(csv.utf8), spec, by: .system("test"), on: db)
        catalogue.invalidate()
    }
}
