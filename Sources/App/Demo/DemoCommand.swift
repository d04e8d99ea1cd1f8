import Fluent
import SkillnadCore
import Vapor

/// `skillnad demo`: migrates if needed and loads the demo catalogue (facts transcribed from the
/// City of Stockholm's records) into an empty database; then, when the public data is beside the
/// project (`../shared/data`, or `--shared DIR`), the district areas' shapes and population and
/// two real indicators from it. Run twice, it changes nothing.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Do not ask for confirmation (never needed when input is not a terminal).")
        var yes: Bool
        @Option(
            name: "shared",
            help:
                "The directory with the public data (default: $SKILLNAD_SHARED, else ../shared). Without it the demo has no indicator values."
        )
        var shared: String?
        @Option(
            name: "scale",
            help:
                "city: add a generated city-sized history (40 reports, 800 measures, 60 referral rounds, 3,000 answers, 40,000 positions) for benchmarks."
        )
        var scale: String?
    }

    var help: String { "Loads the demo catalogue into an empty database (migrating first). Safe to run twice." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        context.console.info("Database: \(DatabaseSetup.description)")
        try await app.autoMigrate()
        let summary = try await Self.load(on: app.db)
        if let summary {
            context.console.success("Demo catalogue loaded:\n\(summary)")
        } else {
            context.console.info(
                "The database already has a catalogue; nothing was loaded. (Use `skillnad catalogue import` to replace it.)"
            )
        }
        if try await ReferralRound.query(on: app.db).count() == 0 {
            let doc = try JSONDecoder().decode(ReferralDocument.self, from: Data(contentsOf: StaticFiles.demoReferrals))
            try await ReferralStore.load(doc, index: try await Self.index(app), by: .system("demo"), on: app.db)
            context.console.success("Demo referrals: \(doc.rounds.count) rounds, \(doc.answers.count) example answers.")
        }
        if let scale = signature.scale {
            guard scale == "city" else { throw CatalogueCommandError("--scale takes city") }
            context.console.success(try await CityScale.load(on: app.db))
        }
        let root = URL(fileURLWithPath: signature.shared ?? Environment.get("SKILLNAD_SHARED") ?? "../shared")
        if try await Indicator.query(on: app.db).count() > 0 {
            context.console.info("The database already has indicators; no statistics were loaded.")
        } else if FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path) {
            for line in try await Self.loadStatistics(from: root, on: app.db) { context.console.success(line) }
        } else {
            context.console.info("No public data at \(root.path)/data: the demo has no indicator values (see README).")
        }
    }

    /// Real public data as demo statistics: area shapes and population (Folkhälsokollen, the
    /// city's open data), voter turnout 2022 by voting district (Valmyndigheten), and Statistics
    /// Sweden's socioeconomic area type 2022 by district. Each step replaces what it covers.
    static func loadStatistics(from root: URL, on db: any Database) async throws -> [String] {
        func file(_ path: String) -> Data? { try? Data(contentsOf: root.appendingPathComponent("data/" + path)) }
        var done: [String] = []
        for path in ["stockholm/omraden_med_befolkning.json", "stockholm/stadsdelar.geo.json"] {
            guard let data = file(path) else { continue }
            let out = try await AreaGeoImporter.run(data, by: .system("demo"), on: db)
            done.append("Areas from \(path): \(out.updated) updated, \(out.created) created.")
        }
        if let data = file("valmyndigheten/kommun_2022.csv") {
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "valdeltagande-kommunval", name: "Valdeltagande i kommunvalet",
                    nameEn: "Voter turnout in the municipal election",
                    unit: "percent", direction: .higherIsBetter,
                    definition:
                        "Andel av de röstberättigade som röstade i valet till kommunfullmäktige, per valdistrikt.",
                    definitionEn:
                        "Share of those entitled to vote who voted in the municipal council election, by voting district.",
                    source: "Valmyndigheten", targetAreas: ["demokrati-och-trygghet"]),
                mapping: ObservationMapping(
                    areaCode: "VALDISTRIKTSKOD", areaName: "VALDISTRIKTSNAMN", numerator: "ANTAL RÖSTANDE",
                    denominator: "ANTAL RÖSTBERÄTTIGADE", period: "2022", filters: ["KOMMUNKOD": "180"]),
                areaKind: .votingDistrict, parent: "stockholm", createAreas: true)
            // The city executive office keeps the city-wide statistics.
            let out = try await IndicatorImporter.run(data, spec, owner: "kommunstyrelsen", by: .system("demo"), on: db)
            done.append("Voter turnout 2022: \(out.written) voting districts.")
        }
        if let data = file("scb/regso_socioekonomisk_index_2022.csv") {
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "socioekonomisk-omradestyp", name: "Socioekonomisk områdestyp",
                    nameEn: "Socioeconomic area type",
                    unit: "count", direction: .higherIsBetter,
                    definition:
                        "Statistiska centralbyråns indelning av områden (RegSO) i fem typer, från 1 (störst socioekonomiska utmaningar) till 5 (minst), här för de stadsdelar som har samma namn som ett RegSO-område.",
                    definitionEn:
                        "Statistics Sweden's classification of areas (RegSO) into five types, from 1 (greatest socioeconomic challenges) to 5 (least), here for the districts named like a RegSO area.",
                    source: "Statistiska centralbyrån (SCB)", targetAreas: ["boende-och-stadsmiljo"]),
                mapping: ObservationMapping(areaName: "#1", value: "#2", period: "2022"),
                areaKind: .district, skipUnmatched: true)
            // The city executive office keeps the city-wide statistics.
            let out = try await IndicatorImporter.run(data, spec, owner: "kommunstyrelsen", by: .system("demo"), on: db)
            done.append("Socioeconomic area type 2022: \(out.written) districts.")
        }
        return done
    }

    static func index(_ app: Application) async throws -> CatalogueIndex {
        CatalogueIndex(try await CatalogueLoader.load(from: app.db))
    }

    /// Loads the demo catalogue when the database has none; nil when it already had one.
    static func load(on db: any Database) async throws -> CatalogueImporter.Summary? {
        let reports = try await Report.query(on: db).count()
        let bodies = try await Body.query(on: db).count()
        if reports > 0 || bodies > 0 { return nil }
        let data = try Data(contentsOf: StaticFiles.demoCatalogue)
        switch CatalogueReader.read(data) {
        case .success(let doc): return try await CatalogueImporter.apply(doc, to: db)
        case .failure(let problems):
            throw Abort(.internalServerError, reason: "The bundled demo catalogue is invalid: \(problems)")
        }
    }
}
