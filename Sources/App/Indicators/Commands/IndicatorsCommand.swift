import Fluent
import Foundation
import SkillnadCore
import Vapor

/// `skillnad indicators import`: an indicator's observations from a statistics file.
struct IndicatorsCommand: AsyncCommandGroup {
    var help: String { "Imports indicator values (observations) from statistics files." }
    var commands: [String: any AnyAsyncCommand] {
        ["import": IndicatorsImportCommand(), "restore": IndicatorsRestoreCommand()]
    }
}

/// `skillnad indicators restore CODE`: puts back the values the last import of an indicator
/// replaced (and keeps the current ones, so the restore can be undone the same way).
struct IndicatorsRestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "The indicator's code.")
        var code: String
    }

    var help: String { "Restores the values (and definition) an indicator had before its last import." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        do {
            let restored = try await IndicatorArchive.restore(signature.code, by: .system("cli"), on: app.db)
            context.console.success(
                "Restored \(restored) values of \(signature.code); the values before the restore are kept in turn.")
        } catch let e as IndicatorArchive.NothingKept {
            throw CatalogueCommandError(e.reason)
        }
    }
}

struct IndicatorsImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file",
            help:
                "The statistics file: CSV as published (comma, semicolon or tab; decimal comma or point; UTF-8 with or without BOM), Kolada JSON, Open SDG CSV, PC-Axis (.px) or JSON-stat 2.0."
        )
        var file: String
        @Option(
            name: "mapping",
            help:
                "A mapping file (JSON) saved by --save-mapping: the indicator, the format and the columns. Options given as well override it."
        )
        var mapping: String?
        @Option(
            name: "save-mapping",
            help: "Write the complete mapping (file, indicator, columns) to this file for the next import.")
        var saveMapping: String?
        @Option(
            name: "format",
            help:
                "csv (default; .px and .json files are recognised by name), kolada (Kolada API JSON), opensdg (Open SDG data CSV), px (PC-Axis) or jsonstat (JSON-stat 2.0, as the PxWeb API answers)."
        )
        var format: String?
        @Option(
            name: "period-columns",
            help:
                "A wide table's period columns, one period each: a pattern with YEAR (\"Medelvärde * YEAR\"), a list of columns, or #4-#7=2020-2023. Every period is imported in one run."
        )
        var periodColumns: String?
        @Option(name: "language", help: "A PC-Axis file's language, of those it has (e.g. en); default its own.")
        var language: String?
        @Flag(
            name: "match-across-kinds",
            help:
                "Match rows to areas of other kinds by name when --area-kind has none of that name (a RegSO area to the district of the same name); the report says how many did."
        )
        var matchAcrossKinds: Bool
        @Flag(
            name: "aggregate",
            help:
                "Also compute the areas above the file's (districts, district areas, the city) by adding up its numerators and denominators (or weighting by population where only rates exist)."
        )
        var aggregate: Bool
        @Flag(name: "new", help: "Create the indicator even if another indicator has the same name.")
        var new: Bool
        @Option(name: "code", help: "The indicator's code (its id), e.g. valdeltagande.")
        var code: String?
        @Option(name: "name", help: "The indicator's name in Swedish.")
        var name: String?
        @Option(name: "name-en", help: "The indicator's name in English.")
        var nameEn: String?
        @Option(name: "unit", help: "percent, count, sek, years, perMille or percentagePoints (default percent).")
        var unit: String?
        @Option(name: "direction", help: "higherIsBetter or lowerIsBetter (default higherIsBetter).")
        var direction: String?
        @Option(name: "kind", help: "quantity (default) or categorical (ordered classes such as area type 1–5).")
        var kind: String?
        @Option(
            name: "classes",
            help:
                "A categorical indicator's classes, separated by semicolons: \"1=Stora utmaningar|Major challenges;2=…\"."
        )
        var classes: String?
        @Option(name: "definition", help: "How the indicator is defined, in Swedish.")
        var definition: String?
        @Option(name: "definition-en", help: "The definition in English.")
        var definitionEn: String?
        @Option(name: "source", help: "Where the data comes from, e.g. Valmyndigheten.")
        var source: String?
        @Option(name: "source-url", help: "A link to the source.")
        var sourceURL: String?
        @Option(name: "target-areas", help: "Roadmap target area ids the indicator follows up, separated by commas.")
        var targetAreas: String?
        @Option(name: "strategies", help: "Roadmap strategy ids, separated by commas.")
        var strategies: String?
        @Option(
            name: "area-code",
            help: "The column with the area code. Any column may also be given by position: #1 is the first.")
        var areaCode: String?
        @Option(name: "area-name", help: "The column with the area name.")
        var areaName: String?
        @Option(
            name: "numerator",
            help: "The column with the numerator (rate = numerator / denominator × 100, or × 1000 for perMille).")
        var numerator: String?
        @Option(
            name: "denominator",
            help:
                "The column with the denominator; a row where it is 0 or missing is stored as not computable, never as 0."
        )
        var denominator: String?
        @Option(name: "value", help: "The column with a ready value, instead of numerator and denominator.")
        var value: String?
        @Option(
            name: "weight",
            help: "The column with the population weight (default: the denominator, else the area's population).")
        var weight: String?
        @Option(
            name: "group",
            help:
                "Group dimensions as DIMENSION=COLUMN, separated by commas, e.g. kon=Kön,alder=Ålder. Cells T, Totalt, Alla or empty mean everyone."
        )
        var group: String?
        @Option(
            name: "preliminary-column", help: "A column that marks preliminary values (1, ja, p, prel, preliminär).")
        var preliminaryColumn: String?
        @Flag(name: "preliminary", help: "Every value in the file is preliminary.")
        var preliminary: Bool
        @Option(name: "period", help: "The period of the whole file, e.g. 2022.")
        var period: String?
        @Option(name: "period-column", help: "The column with the period, instead of --period.")
        var periodColumn: String?
        @Option(
            name: "where",
            help:
                "Only rows where COLUMN=VALUE (codes of digits alike up to leading zeros: KOMMUNKOD=0180 keeps 180) or COLUMN^=PREFIX (starts with); several separated by commas, e.g. \"region^=Stockholm (\"."
        )
        var filter: String?
        @Option(
            name: "area-kind",
            help:
                "The kind of area in the file: city, districtArea, district, regso, deso, votingDistrict, statisticalArea (default district)."
        )
        var areaKind: String?
        @Flag(
            name: "create-areas", help: "Create the areas the catalogue does not have (of --area-kind, under --parent)."
        )
        var createAreas: Bool
        @Option(name: "parent", help: "With --create-areas: the area the new areas lie in, e.g. stockholm.")
        var parent: String?
        @Option(
            name: "owner",
            help:
                "The body that owns the indicator (its id): only its editors and administrators replace its values in the browser."
        )
        var owner: String?
        @Flag(name: "dry-run", help: "Check the file and say what would change; write nothing.")
        var dryRun: Bool
        @Flag(
            name: "skip-unmatched",
            help: "Leave out rows whose area is not in the catalogue instead of refusing the file.")
        var skipUnmatched: Bool
    }

    var help: String {
        "Imports an indicator's values from a statistics file in one transaction. Unmatched areas are listed with suggestions and the file refused unless --create-areas or --skip-unmatched; every rejected value is reported with its line and column, and nothing is written."
    }

    static func pairs(_ text: String?, _ option: String) throws -> [String: String] {
        let (pairs, malformed) = ObservationMapping.pairs(text ?? "")
        if let part = malformed.first { throw CatalogueCommandError("--\(option) takes NAME=VALUE, got \"\(part)\"") }
        return pairs
    }

    static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// The mapping file (if any) with the options laid over it.
    static func spec(_ s: Signature) throws -> IndicatorImportSpec {
        var spec: IndicatorImportSpec
        if let path = s.mapping {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw CatalogueCommandError("Cannot read \(path): \(error.localizedDescription)")
            }
            do { spec = try IndicatorImportSpec.read(data) } catch {
                throw CatalogueCommandError(error.problems.map { "\(path): \($0)" }.joined(separator: "\n"))
            }
        } else {
            guard let code = s.code, let name = s.name else {
                throw CatalogueCommandError("--code and --name are required (or --mapping FILE)")
            }
            spec = IndicatorImportSpec(indicator: IndicatorDefinition(code: code, name: name))
        }
        var d = spec.indicator
        if let v = s.code { d.code = v }
        if let v = s.name { d.name = v }
        if let v = s.nameEn { d.nameEn = v }
        if let v = s.unit { d.unit = v }
        if let v = s.direction {
            guard let dir = Direction(rawValue: v) else {
                throw CatalogueCommandError("--direction must be higherIsBetter or lowerIsBetter, got \"\(v)\"")
            }
            d.direction = dir
        }
        if let v = s.definition { d.definition = v }
        if let v = s.definitionEn { d.definitionEn = v }
        if let v = s.source { d.source = v }
        if let v = s.sourceURL { d.sourceURL = v }
        if let v = list(s.targetAreas) { d.targetAreas = v }
        if let v = list(s.strategies) { d.strategies = v }
        if let v = s.kind {
            guard let kind = IndicatorKind(rawValue: v) else {
                throw CatalogueCommandError("--kind must be quantity or categorical, got \"\(v)\"")
            }
            d.kind = kind
        }
        if let v = s.classes {
            d.classes = try v.split(separator: ";").map { part in
                guard let cls = IndicatorClass(line: String(part)) else {
                    throw CatalogueCommandError(
                        "--classes: write each class as a number, = and its label, got \"\(part)\"")
                }
                return cls
            }
        }
        spec.indicator = d
        if let v = s.format {
            guard let f = IndicatorImportSpec.Format(rawValue: v) else {
                throw CatalogueCommandError(
                    "--format must be one of \(IndicatorImportSpec.Format.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(v)\""
                )
            }
            spec.format = f
        }
        var m = spec.mapping
        if let v = s.areaCode { m.areaCode = v }
        if let v = s.areaName { m.areaName = v }
        if let v = s.numerator { m.numerator = v }
        if let v = s.denominator { m.denominator = v }
        if let v = s.value { m.value = v }
        if let v = s.weight { m.weight = v }
        if s.group != nil { m.groups = try pairs(s.group, "group") }
        if let v = s.preliminaryColumn { m.preliminaryColumn = v }
        if s.preliminary { m.preliminary = true }
        if let v = s.period { m.period = v }
        if let v = s.periodColumn { m.periodColumn = v }
        if let text = s.filter { (m.filters, m.filterPrefixes) = try CatalogueCommand.whereOption(text) }
        if let v = s.periodColumns { m.periodColumns = v }
        spec.mapping = m
        if let v = s.areaKind {
            guard let kind = AreaKind(rawValue: v) else {
                throw CatalogueCommandError(
                    "--area-kind must be one of \(AreaKind.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(v)\""
                )
            }
            spec.areaKind = kind
        }
        if let v = s.parent { spec.parent = v }
        if s.createAreas { spec.createAreas = true }
        if s.skipUnmatched { spec.skipUnmatched = true }
        if s.matchAcrossKinds { spec.matchNamesAcrossKinds = true }
        if s.aggregate { spec.aggregate = true }
        if let v = s.language { spec.language = v }
        // A PC-Axis or JSON-stat file is known by its name when no format is given.
        if s.format == nil && s.mapping == nil {
            let name = s.file.lowercased()
            if name.hasSuffix(".px") { spec.format = .px }
            if name.hasSuffix(".json") && !name.contains("kolada") { spec.format = .jsonstat }
        }
        return spec
    }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let spec = try Self.spec(s)
        let app = context.application
        try await app.autoMigrate()
        do {
            if let owner = s.owner, try await Body.query(on: app.db).filter(\.$slug == owner).first() == nil {
                throw CatalogueCommandError("--owner: no body has the id \"\(owner)\"")
            }
            let out: IndicatorImporter.Outcome
            if spec.format == .px || spec.format == .jsonstat {
                // The file's bytes are let go once its cube is read: a cube's import needs the cube only.
                let cube = try IndicatorImporter.readCube(try Self.read(s.file), spec)
                out = try await IndicatorImporter.run(
                    cube: cube, spec, owner: s.owner, preview: s.dryRun, allowSameName: s.new, by: .system("cli"),
                    on: app.db)
            } else {
                // Mapped, so that the pages read can be given back while the rows are read, and
                // the file let go of before the writing.
                let data: Data
                let releaser: @Sendable (Int) -> Void
                do {
                    let file = try MappedFile(path: s.file)
                    (data, releaser) = (file.data, file.releaser)
                } catch {
                    throw CatalogueCommandError("\(error)")
                }
                out = try await IndicatorImporter.run(
                    consume data, spec, owner: s.owner, preview: s.dryRun, allowSameName: s.new,
                    releasePages: releaser, by: .system("cli"), on: app.db)
            }
            report(out, spec: spec, signature: s, console: context.console)
        } catch let e as ObservationProblems {
            for p in e.problems { context.console.error("\(s.file): \(p)") }
            throw CatalogueCommandError("\(e.problems.count) problem(s) in \(s.file); nothing was written.")
        } catch let e as CSVError {
            throw CatalogueCommandError("\(s.file): \(e); nothing was written.")
        } catch let e as IndicatorImporter.Unmatched {
            throw CatalogueCommandError("\(s.file): \(e)\nNothing was written.")
        }
    }

    static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw CatalogueCommandError("Cannot read \(path): \(error.localizedDescription)")
        }
    }

    func report(
        _ out: IndicatorImporter.Outcome, spec: IndicatorImportSpec, signature s: Signature, console: any Console
    ) {
        if let p = out.preview {
            console.print(
                "Dry run: nothing was written. \(s.file) has \(p.newValues) values of \(spec.indicator.code).")
            if let name = p.currentName {
                console.print(
                    "  replaces \(p.replacedValues) of the \(p.currentValues) values of \(name) (owner: \(p.currentOwner ?? "none"))"
                )
            } else {
                console.print("  creates the indicator")
            }
            if out.createdAreas > 0 {
                console.print("  creates \(out.createdAreas) areas: \(p.newAreas.prefix(10).joined(separator: ", "))")
            }
            reportMatches(out, console: console)
            return
        }
        let sum = out.summary
        func fmt(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "–" }
        console.success(
            "Imported \(out.written) observations of \(spec.indicator.code) from \(s.file)\(out.createdAreas > 0 ? ", creating \(out.createdAreas) areas" : "")."
        )
        console.print("  periods: \(out.periods.joined(separator: ", "))")
        console.print("  computable: \(sum.computable), not computable: \(sum.notComputable)")
        console.print(
            "  lowest: \(fmt(sum.lowest?.value)) (\(sum.lowest?.areaName ?? sum.lowest?.areaCode ?? "–")), highest: \(fmt(sum.highest?.value)) (\(sum.highest?.areaName ?? sum.highest?.areaCode ?? "–")), difference: \(fmt(sum.difference))"
        )
        if let time = out.addingUpTime {
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
            console.print(
                "  added up \(out.addedUp) values for the areas above the file's, in "
                    + String(format: "%.2f s", seconds))
        }
        reportMatches(out, console: console)
        if let path = s.saveMapping {
            do {
                try spec.encoded().write(to: URL(fileURLWithPath: path))
                console.print("  mapping saved to \(path)")
            } catch {
                console.warning("  the mapping could not be saved to \(path): \(error.localizedDescription)")
            }
        }
    }

    /// How the rows found their areas, per kind, and every row skipped (of the rows the filters kept).
    func reportMatches(_ out: IndicatorImporter.Outcome, console: any Console) {
        for kind in AreaKind.allCases {
            let counts = out.matches.filter { $0.kind == kind }
            guard !counts.isEmpty else { continue }
            let ways = counts.map { "\($0.rows) by \($0.by == .otherKind ? "name of another kind" : $0.by.rawValue)" }
            console.print("  rows matched to \(kind.rawValue): \(ways.joined(separator: ", "))")
        }
        guard !out.skippedRows.isEmpty else { return }
        console.warning("  skipped \(out.skippedRows.count) rows whose area is not in the catalogue:")
        for row in out.skippedRows { console.warning("    line \(row.line): \(row.area)") }
    }
}
