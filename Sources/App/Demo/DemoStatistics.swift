import Foundation
import SkillnadCore

/// Where the demo's statistics come from: the full public files beside the project
/// (`../shared/data`), or the small extract derived from them that ships with Skillnad
/// (`Resources/Demo/extract`, see `tools/demo-extract`). The extract has its own names and, for
/// the tables, its own columns; each source says where its files are and how to read them.
struct DemoStatistics: Sendable {
    /// The area files, in the order they load: the district areas before the districts, which
    /// are placed in the district area that contains them.
    let areaFiles: [URL]
    let turnout: URL
    let turnoutMapping: ObservationMapping
    let areaTypes: URL
    let areaTypesMapping: ObservationMapping

    /// The full files in the shared data folder (`root/data/…`).
    static func shared(_ root: URL) -> DemoStatistics {
        let data = root.appendingPathComponent("data")
        return DemoStatistics(
            areaFiles: [
                data.appendingPathComponent("stockholm/omraden_med_befolkning.json"),
                data.appendingPathComponent("stockholm/stadsdelar.geo.json"),
            ],
            turnout: data.appendingPathComponent("valmyndigheten/kommun_2022.csv"),
            turnoutMapping: ObservationMapping(
                areaCode: "VALDISTRIKTSKOD", areaName: "VALDISTRIKTSNAMN", numerator: "ANTAL RÖSTANDE",
                denominator: "ANTAL RÖSTBERÄTTIGADE", period: "2022", filters: ["KOMMUNKOD": "180"]),
            // Rows name their area "Stockholm (Rinkeby)"; other municipalities' rows are skipped.
            areaTypes: data.appendingPathComponent("scb/regso_socioekonomisk_index_2022.csv"),
            areaTypesMapping: ObservationMapping(areaName: "#1", value: "#2", period: "2022"))
    }

    /// The extract that ships with the binary: Stockholm's rows only, in columns of its own.
    static var extract: DemoStatistics {
        let folder = StaticFiles.demoExtract
        return DemoStatistics(
            areaFiles: [
                folder.appendingPathComponent("district-areas.json"),
                folder.appendingPathComponent("districts.geo.json"),
            ],
            turnout: folder.appendingPathComponent("turnout-2022.csv"),
            turnoutMapping: ObservationMapping(
                areaCode: "valdistriktskod", areaName: "valdistrikt", numerator: "röstande",
                denominator: "röstberättigade", period: "2022"),
            areaTypes: folder.appendingPathComponent("area-types-2022.csv"),
            areaTypesMapping: ObservationMapping(areaName: "område", value: "områdestyp", period: "2022"))
    }
}
