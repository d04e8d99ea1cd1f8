import Fluent
import Foundation
import SkillnadCore
import Vapor

/// `skillnad indicators import`: an indicator's observations from a statistics file.
struct IndicatorsCommand: AsyncCommandGroup {
    var help: String { "Imports indicator values (observations) from statistics files." }
    var commands: [String: any AnyAsyncCommand] { ["import": IndicatorsImportCommand()] }
}

struct IndicatorsImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV file as published: comma, semicolon or tab; decimal comma or point; UTF-8 with or without BOM.")
        var file: String
        @Option(name: "code", help: "The indicator's code (its id), e.g. valdeltagande.")
        var code: String?
        @Option(name: "name", help: "The indicator's name in Swedish.")
        var name: String?
        @Option(name: "name-en", help: "The indicator's name in English.")
        var nameEn: String?
        @Option(name: "unit", help: "percent, count, sek, years or perMille (default percent).")
        var unit: String?
        @Option(name: "direction", help: "higherIsBetter or lowerIsBetter (default higherIsBetter).")
        var direction: String?
        @Option(name: "area-code", help: "The column with the area code.")
        var areaCode: String?
        @Option(name: "area-name", help: "The column with the area name.")
        var areaName: String?
        @Option(name: "numerator", help: "The column with the numerator (rate = numerator / denominator × 100, or × 1000 for perMille).")
        var numerator: String?
        @Option(name: "denominator", help: "The column with the denominator; a row where it is 0 or missing is stored as not computable.")
        var denominator: String?
        @Option(name: "value", help: "The column with a ready value, instead of numerator and denominator.")
        var value: String?
        @Option(name: "period", help: "The period of the whole file, e.g. 2022.")
        var period: String?
        @Option(name: "period-column", help: "The column with the period, instead of --period.")
        var periodColumn: String?
        @Option(name: "where", help: "Only rows where COLUMN=VALUE; several separated by commas, e.g. KOMMUNKOD=180.")
        var filter: String?
        @Option(name: "area-kind", help: "The kind of area in the file: city, districtArea, district, votingDistrict, statisticalArea (default district).")
        var areaKind: String?
        @Flag(name: "create-areas", help: "Create the areas the catalogue does not have (of --area-kind, under --parent).")
        var createAreas: Bool
        @Option(name: "parent", help: "With --create-areas: the area the new areas lie in, e.g. stockholm.")
        var parent: String?
        @Flag(name: "skip-unmatched", help: "Leave out rows whose area is not in the catalogue instead of refusing the file.")
        var skipUnmatched: Bool
    }

    var help: String {
        "Imports an indicator's values from a CSV file in one transaction. Unmatched areas are listed with suggestions and the file refused unless --create-areas or --skip-unmatched; every rejected value is reported with its line and column, and nothing is written."
    }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code, let name = s.name else { throw CatalogueCommandError("--code and --name are required") }
        guard let direction = Direction(rawValue: s.direction ?? "higherIsBetter") else {
            throw CatalogueCommandError("--direction must be higherIsBetter or lowerIsBetter")
        }
        guard let kind = AreaKind(rawValue: s.areaKind ?? "district") else {
            throw CatalogueCommandError("--area-kind must be one of \(AreaKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var filters: [String: String] = [:]
        for part in (s.filter ?? "").split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw CatalogueCommandError("--where takes COLUMN=VALUE, got \"\(part)\"") }
            filters[kv[0]] = kv[1]
        }
        let unit = s.unit ?? "percent"
        let mapping = ObservationMapping(areaCode: s.areaCode, areaName: s.areaName, numerator: s.numerator, denominator: s.denominator,
                                         value: s.value, periodColumn: s.periodColumn, period: s.period, filters: filters,
                                         per: unit == "perMille" ? 1000 : 100)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: s.file)) } catch { throw CatalogueCommandError("Cannot read \(s.file): \(error.localizedDescription)") }
        let app = context.application
        try await app.autoMigrate()
        let options = IndicatorImporter.Options(code: code, name: name, nameEn: s.nameEn, unit: unit, direction: direction, mapping: mapping,
                                                areaKind: kind, createAreas: s.createAreas, parent: s.parent, skipUnmatched: s.skipUnmatched)
        do {
            let out = try await IndicatorImporter.run(data, options, by: .system("cli"), on: app.db)
            let sum = out.summary
            func fmt(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "–" }
            context.console.success("Imported \(out.written) observations of \(code) from \(s.file)\(out.createdAreas > 0 ? ", creating \(out.createdAreas) areas" : "").")
            context.console.print("  computable: \(sum.computable), not computable: \(sum.notComputable)")
            context.console.print("  lowest: \(fmt(sum.lowest?.value)) (\(sum.lowest?.areaName ?? sum.lowest?.areaCode ?? "–")), highest: \(fmt(sum.highest?.value)) (\(sum.highest?.areaName ?? sum.highest?.areaCode ?? "–")), difference: \(fmt(sum.difference))")
            if !out.skipped.isEmpty { context.console.warning("  skipped \(out.skipped.count) rows whose area is not in the catalogue") }
        } catch let e as ObservationProblems {
            for p in e.problems { context.console.error("\(s.file): \(p)") }
            throw CatalogueCommandError("\(e.problems.count) problem(s) in \(s.file); nothing was written.")
        } catch let e as CSVError {
            throw CatalogueCommandError("\(s.file): \(e); nothing was written.")
        } catch let e as IndicatorImporter.Unmatched {
            throw CatalogueCommandError("\(s.file): \(e)\nNothing was written.")
        }
    }
}
