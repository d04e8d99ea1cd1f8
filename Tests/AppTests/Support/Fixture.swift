@testable import App
import Foundation
import SkillnadCore
import Vapor

/// A small statistics file over three elections for the demo's district areas, with groups,
/// old and new names for Hägersten-Älvsjö, and a gap that widens: made up for the tests.
enum Fixture {
    static let areas2018 = [
        "RINKEBY-KISTA", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm", "Östermalm",
        "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta", "Hägersten-Liljeholmen", "Älvsjö", "Skärholmen",
    ]
    static let areasLater = [
        "RINKEBY-KISTA", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm", "Östermalm",
        "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta", "Hägersten-Liljeholmen", "Skärholmen",
    ]

    /// Turnout-like rates: the first area lowest, the gap growing by 5 points a period.
    static func csv(semicolon: Bool = false) -> String {
        var lines = ["Område,År,Kön,Röstande,Röstberättigade"]
        for (p, year) in ["2018", "2020", "2022"].enumerated() {
            let names = year == "2018" ? areas2018 : areasLater
            for (i, name) in names.enumerated() {
                let total = 1000 + 10 * i
                let rate = i == 0 ? 50 - 5 * p : 70 + i / 2
                let best = i == 1 ? 80 + 5 * p : rate
                for (sex, share) in [("T", 1.0), ("K", 0.5), ("M", 0.5)] {
                    let denominator = Int(Double(total) * share)
                    let numerator = denominator * best / 100
                    lines.append("\(name),\(year),\(sex),\(numerator),\(denominator)")
                }
            }
        }
        var text = lines.joined(separator: "\n") + "\n"
        if semicolon {
            text =
                "\u{FEFF}"
                + text
                .replacingOccurrences(of: ",", with: ";")
                .replacingOccurrences(of: "\n", with: "\r\n")
        }
        return text
    }

    static let spec = IndicatorImportSpec(
        indicator: IndicatorDefinition(
            code: "deltagande", name: "Deltagande", nameEn: "Participation", unit: "percent",
            direction: .higherIsBetter, definition: "Andel som deltog.", source: "Testkälla",
            targetAreas: ["demokrati-och-trygghet"]),
        mapping: ObservationMapping(
            areaName: "Område", numerator: "Röstande", denominator: "Röstberättigade", periodColumn: "År",
            groups: ["kon": "Kön"]),
        areaKind: .districtArea)

    static func load(_ app: Application, spec: IndicatorImportSpec = spec) async throws -> IndicatorImporter.Outcome {
        try await IndicatorImporter.run(Data(csv().utf8), spec, by: .system("test"), on: app.db)
    }
}
