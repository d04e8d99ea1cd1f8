import Fluent
import SkillnadCore
import Vapor

/// `skillnad demo`: migrates if needed and loads the demo catalogue (facts transcribed from the
/// City of Stockholm's records) into an empty database; then the district areas' shapes and
/// population and two real indicators from the public data: the full files when they are beside
/// the project (`../shared/data`, or `--shared DIR`), else the small extract that ships with the
/// binary (`Resources/Demo/extract`, see `DemoStatistics`); and the commission's own figures. Run twice, it changes nothing.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Do not ask for confirmation (never needed when input is not a terminal).")
        var yes: Bool
        @Option(
            name: "shared",
            help:
                "The directory with the public data (default: $SKILLNAD_SHARED, else ../shared). Without it the demo uses the small extract it ships with."
        )
        var shared: String?
        @Option(
            name: "scale",
            help:
                "city: add a generated city-sized history (40 reports, 800 measures, 60 referral rounds, 3,000 answers, 40,000 positions) for benchmarks; answers: that and 47,000 more answers with text, 50,000 in all, for the search benchmark."
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
        if let line = try await DemoFollowUp.load(on: app.db) { context.console.success(line) }
        if let scale = signature.scale {
            guard scale == "city" || scale == "answers" else {
                throw CatalogueCommandError("--scale takes city or answers")
            }
            context.console.success(try await CityScale.load(on: app.db))
            if scale == "answers" { context.console.success(try await AnswerScale.load(on: app.db)) }
        }
        let root = URL(fileURLWithPath: signature.shared ?? Environment.get("SKILLNAD_SHARED") ?? "../shared")
        if try await Indicator.query(on: app.db).count() > 0 {
            context.console.info("The database already has indicators; no statistics were loaded.")
        } else {
            var sources = DemoStatistics.shared(root)
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path) {
                context.console.info(
                    "No public data at \(root.path)/data: loading the small extract that ships with Skillnad.")
                sources = .extract
            }
            for line in try await Self.loadStatistics(sources, on: app.db) { context.console.success(line) }
            for line in try await Self.loadFigures(on: app.db) { context.console.success(line) }
        }
        // After the statistics, which bring the districts the dialogues are held in.
        if let line = try await DemoDialogues.load(on: app.db) { context.console.success(line) }
        for line in try await DemoBudgets.load(on: app.db) { context.console.success(line) }
        if let line = try await DemoAssociations.load(on: app.db) { context.console.success(line) }
        if let line = try await DemoGrants.load(on: app.db) { context.console.success(line) }
    }

    /// Real public data as demo statistics: area shapes and population (Folkhälsokollen, the
    /// city's open data), voter turnout 2022 by voting district (Valmyndigheten), and Statistics
    /// Sweden's socioeconomic area type 2022 by district. Each step replaces what it covers.
    static func loadStatistics(_ sources: DemoStatistics, on db: any Database) async throws -> [String] {
        func file(_ url: URL) -> Data? { try? Data(contentsOf: url) }
        var done: [String] = []
        for url in sources.areaFiles {
            guard let data = file(url) else { continue }
            let out = try await AreaGeoImporter.run(data, by: .system("demo"), on: db)
            done.append("Areas from \(url.lastPathComponent): \(out.updated) updated, \(out.created) created.")
        }
        if let data = file(sources.turnout) {
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
                mapping: sources.turnoutMapping,
                areaKind: .votingDistrict, parent: "stockholm", createAreas: true)
            // The city executive office keeps the city-wide statistics.
            let out = try await IndicatorImporter.run(data, spec, owner: "kommunstyrelsen", by: .system("demo"), on: db)
            done.append("Voter turnout 2022: \(out.written) voting districts.")
        }
        if let data = file(sources.areaTypes) {
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "socioekonomisk-omradestyp", name: "Socioekonomisk områdestyp",
                    nameEn: "Socioeconomic area type",
                    unit: "count", direction: .higherIsBetter,
                    definition:
                        "Statistiska centralbyråns indelning av områden (RegSO) i fem typer, från 1 (störst socioekonomiska utmaningar) till 5 (minst), här för de stadsdelar som har samma namn som ett RegSO-område.",
                    definitionEn:
                        "Statistics Sweden's classification of areas (RegSO) into five types, from 1 (greatest socioeconomic challenges) to 5 (least), here for the districts named like a RegSO area.",
                    source: "Statistiska centralbyrån (SCB)", targetAreas: ["boende-och-stadsmiljo"],
                    kind: .categorical, classes: socioeconomicAreaTypes),
                mapping: sources.areaTypesMapping,
                areaKind: .district, skipUnmatched: true)
            // The city executive office keeps the city-wide statistics.
            let out = try await IndicatorImporter.run(data, spec, owner: "kommunstyrelsen", by: .system("demo"), on: db)
            done.append("Socioeconomic area type 2022: \(out.written) districts.")
        }
        return done
    }

    /// Statistics Sweden's five socioeconomic area types, by their names in its publications.
    static let socioeconomicAreaTypes = [
        IndicatorClass(
            value: 1, label: "Områden med stora socioekonomiska utmaningar",
            labelEn: "Areas with major socioeconomic challenges"),
        IndicatorClass(
            value: 2, label: "Områden med socioekonomiska utmaningar", labelEn: "Areas with socioeconomic challenges"),
        IndicatorClass(value: 3, label: "Socioekonomiskt blandade områden", labelEn: "Socioeconomically mixed areas"),
        IndicatorClass(
            value: 4, label: "Områden med goda socioekonomiska förutsättningar",
            labelEn: "Areas with good socioeconomic conditions"),
        IndicatorClass(
            value: 5, label: "Områden med mycket goda socioekonomiska förutsättningar",
            labelEn: "Areas with very good socioeconomic conditions"),
    ]

    /// Figures the commission's reports give: young people neither working nor studying in 2013,
    /// and the gap in turnout between the city's highest and lowest voting district in the 2014
    /// municipal election; the same gap for 2022 is computed from the election file loaded before.
    static func loadFigures(on db: any Database) async throws -> [String] {
        var data = try Data(contentsOf: StaticFiles.demoFigures)
        let turnout = try await Indicator.query(on: db).filter(\.$code == "valdeltagande-kommunval").first()
        if let turnout,
            let summary = try await IndicatorSummary.query(on: db).filter(\.$indicator.$id == turnout.requireID())
                .filter(\.$level == AreaKind.votingDistrict.rawValue).filter(\.$period == "2022").first(),
            let gap = summary.difference
        {
            // To a tenth, as the file's other figures, with its decimal comma.
            let tenth = NumberText.plain(gap, decimals: 1, .sv)
            data.append(contentsOf: Array("valdeltagandeskillnad;Stockholms stad;2022;\(tenth)\n".utf8))
        }
        let source = "Kommissionen för ett socialt hållbart Stockholm"
        let figures: [(row: String, definition: IndicatorDefinition)] = [
            (
                "uvas",
                IndicatorDefinition(
                    code: "unga-som-varken-arbetar-eller-studerar",
                    name: "Unga som varken arbetar eller studerar (UVAS)",
                    nameEn: "Young people neither working nor studying", unit: "percent", direction: .lowerIsBetter,
                    definition:
                        "Andel av alla 16–29-åringar som varken arbetar eller studerar, räknad på hela åldersgruppen och inte på arbetskraften.",
                    definitionEn:
                        "Share of all 16–29-year-olds neither working nor studying, computed on the whole age group, not on the labour force.",
                    source: source, targetAreas: ["arbete-och-foretagande"])
            ),
            (
                "valdeltagandeskillnad",
                IndicatorDefinition(
                    code: "valdeltagande-skillnad-mellan-valdistrikt",
                    name: "Skillnad i valdeltagande mellan valdistrikten",
                    nameEn: "Gap in turnout between the voting districts", unit: "percentagePoints",
                    direction: .lowerIsBetter,
                    definition:
                        "Skillnaden i procentenheter mellan det valdistrikt i staden som har högst valdeltagande i kommunvalet och det som har lägst. 2014 enligt kommissionen, 2022 beräknad ur Valmyndighetens valresultat.",
                    definitionEn:
                        "The gap in percentage points between the city's voting district with the highest turnout in the municipal election and the one with the lowest. 2014 as the commission reported it, 2022 computed from the Election Authority's results.",
                    source: source + "; Valmyndigheten", targetAreas: ["demokrati-och-trygghet"])
            ),
        ]
        var done: [String] = []
        for figure in figures {
            let spec = IndicatorImportSpec(
                indicator: figure.definition,
                mapping: ObservationMapping(
                    areaName: "område", value: "värde", periodColumn: "period", filters: ["indikator": figure.row]),
                areaKind: .district, skipUnmatched: true)
            let out = try await IndicatorImporter.run(data, spec, owner: "kommunstyrelsen", by: .system("demo"), on: db)
            done.append("\(figure.definition.name): \(out.written) values.")
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
