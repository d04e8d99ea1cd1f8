import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The upload form's fields, the same as the command's options.
struct UploadForm: Content {
    var file: File?
    var format: String?
    var code: String?
    var name: String?
    var nameEn: String?
    var unit: String?
    var direction: String?
    /// `quantity` or `categorical`, and a categorical indicator's classes, one per line.
    var kind: String?
    var classes: String?
    var definition: String?
    var source: String?
    var sourceURL: String?
    var areaKind: String?
    var areaCode: String?
    var areaName: String?
    var numerator: String?
    var denominator: String?
    var value: String?
    var period: String?
    var periodColumn: String?
    /// A wide table's period columns (`ObservationMapping.periodColumns`): `Medelvärde * YEAR`,
    /// a list of columns, or `#4-#7=2020-2023`.
    var periodColumns: String?
    var groups: String?
    /// `KOLUMN=VÄRDE` (equals) and `KOLUMN^=BÖRJAN` (starts with), comma-separated.
    var filters: String?
    var parent: String?
    var createAreas: String?
    var skipUnmatched: String?
    /// Checkboxes (present when ticked): match names across area kinds (`spec.matchNamesAcrossKinds`),
    /// add up the small areas' counts to the areas above them (`spec.aggregate`).
    var matchNamesAcrossKinds: String?
    var aggregate: String?
    /// Make a new indicator even when one with another code has the same name. Not part of the
    /// saved spec (it is a decision about this import), so the preview's confirmation sends it again.
    var allowSameName: String?
    /// The owning body of a new indicator (`IndicatorOwnership`).
    var owner: String?
    /// The token of a previewed file, sent back to import it.
    var stash: String?

    init(_ spec: IndicatorImportSpec?) {
        guard let spec else { return }
        let d = spec.indicator
        let m = spec.mapping
        format = spec.format.rawValue
        code = d.code
        name = d.name
        nameEn = d.nameEn
        unit = d.unit
        direction = d.direction.rawValue
        kind = d.kind?.rawValue
        classes = d.classes?.map { cls in
            "\(cls.value) = \(cls.label)" + (cls.labelEn.map { " | \($0)" } ?? "")
        }.joined(separator: "\n")
        definition = d.definition
        source = d.source
        sourceURL = d.sourceURL
        areaKind = spec.areaKind.rawValue
        areaCode = m.areaCode
        areaName = m.areaName
        numerator = m.numerator
        denominator = m.denominator
        value = m.value
        period = m.period
        periodColumn = m.periodColumn
        periodColumns = m.periodColumns
        groups = m.groups.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        let equal = m.filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let starting = m.filterPrefixes.sorted { $0.key < $1.key }.map { "\($0.key)^=\($0.value)" }
        filters = (equal + starting).joined(separator: ", ")
        parent = spec.parent
        createAreas = spec.createAreas ? "on" : nil
        skipUnmatched = spec.skipUnmatched ? "on" : nil
        matchNamesAcrossKinds = spec.matchNamesAcrossKinds ? "on" : nil
        aggregate = spec.aggregate ? "on" : nil
    }

    /// Whether the editor asked for a new indicator even if another has its name
    /// (`IndicatorImporter.run(…, allowSameName:)`).
    var allowsSameName: Bool { allowSameName != nil }

    /// The specification the fields describe, or every problem with the field it is in.
    func spec() throws -> IndicatorImportSpec {
        var problems: [ObservationProblem] = []
        func pairs(_ text: String?, _ field: String) -> [String: String] {
            let (pairs, malformed) = ObservationMapping.pairs(text ?? "")
            problems += malformed.map { .init(line: nil, column: field, .pairsFormat(got: $0)) }
            return pairs
        }
        let direction = Direction(rawValue: formText(direction) ?? "higherIsBetter")
        if direction == nil { problems.append(.init(line: nil, column: "direction", .chooseDirection)) }
        let format = IndicatorImportSpec.Format(rawValue: formText(format) ?? "csv")
        if format == nil { problems.append(.init(line: nil, column: "format", .chooseFormat)) }
        let kind = AreaKind(rawValue: formText(areaKind) ?? "district")
        if kind == nil { problems.append(.init(line: nil, column: "areaKind", .chooseAreaKind)) }
        let indicatorKind = IndicatorKind(rawValue: formText(self.kind) ?? "quantity")
        if indicatorKind == nil { problems.append(.init(line: nil, column: "kind", .chooseKind)) }
        var classList: [IndicatorClass] = []
        for line in (classes ?? "").split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let cls = IndicatorClass(line: text) else {
                problems.append(.init(line: nil, column: "classes", .classLineFormat(got: text)))
                continue
            }
            classList.append(cls)
        }
        let definition = IndicatorDefinition(
            code: formText(code) ?? "", name: formText(name) ?? "", nameEn: formText(nameEn),
            unit: formText(unit) ?? "percent", direction: direction ?? .higherIsBetter,
            definition: formText(self.definition), source: formText(source), sourceURL: formText(sourceURL),
            kind: indicatorKind == .categorical ? .categorical : nil, classes: classList.isEmpty ? nil : classList)
        problems += definition.problems()
        let filterPairs = ObservationMapping.filterPairs(filters ?? "")
        problems += filterPairs.malformed.map { .init(line: nil, column: "filters", .pairsFormat(got: $0)) }
        let mapping = ObservationMapping(
            areaCode: formText(areaCode), areaName: formText(areaName), numerator: formText(numerator),
            denominator: formText(denominator), value: formText(value), periodColumn: formText(periodColumn),
            period: formText(period), groups: pairs(groups, "groups"), filters: filterPairs.equals,
            per: definition.per, periodColumns: formText(periodColumns), filterPrefixes: filterPairs.prefixes)
        guard problems.isEmpty, let validFormat = format, let validKind = kind else {
            throw ObservationProblems(problems)
        }
        return IndicatorImportSpec(
            indicator: definition, format: validFormat, mapping: mapping, areaKind: validKind,
            parent: formText(parent), createAreas: createAreas != nil,
            skipUnmatched: skipUnmatched != nil, matchNamesAcrossKinds: matchNamesAcrossKinds != nil,
            aggregate: aggregate != nil)
    }
}
