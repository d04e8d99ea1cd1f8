import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The upload page: the form, and the outcome of the last import or why it was refused.
struct UploadPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Field: Encodable, Sendable {
        let name: String
        let label: String
        let value: String
        let hint: String?
    }
    let action: String
    let csrf: String
    let errors: [String]
    let success: String?
    let successDetails: [String]
    let successLink: String?
    /// A previewed file: what it would change, and the token its confirmation sends.
    let preview: String?
    let previewDetails: [String]
    let stash: String?
    /// A message after a restore.
    let notice: String?
    /// The earlier import kept for the indicator in the form, with the action that restores it.
    let kept: String?
    let restoreAction: String?
    let owners: [Option]
    let formats: [Option]
    let units: [Option]
    let directions: [Option]
    let indicatorKinds: [Option]
    let classes: String
    let kinds: [Option]
    let indicatorFields: [Field]
    let mappingFields: [Field]
    let createAreas: Bool
    let skipUnmatched: Bool
    let matchNamesAcrossKinds: Bool
    let aggregate: Bool
    /// Ticked in the form; a preview's confirmation sends it again, since the kept file's spec
    /// does not hold it.
    let allowSameName: Bool

    static func make(
        _ f: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String], csrf: String, lang: Lang,
        owners: [(slug: String, name: String)], stash: String?, notice: String?,
        kept: (code: String, info: IndicatorArchive.Info)?
    ) -> UploadPage {
        let s = Texts(lang)
        func options(_ values: [String], _ current: String?, _ label: (String) -> String) -> [Option] {
            values.map { Option(value: $0, label: label($0), selected: $0 == current) }
        }
        func field(_ name: String, _ value: String?, hint: Bool = false) -> Field {
            Field(
                name: name, label: s.importField(name).label, value: value ?? "",
                hint: hint ? s.importField(name).hint : nil)
        }
        var success: String?
        var details: [String] = []
        var link: String?
        var preview: String?
        var previewDetails: [String] = []
        if let (code, out) = outcome {
            let summary = [
                "\(s[.computableCount]): \(out.summary.computable)",
                "\(s[.notComputableCount]): \(out.summary.notComputable)",
                "\(s[.periodsLabel]): \(out.periods.joined(separator: ", "))",
            ]
            if let p = out.preview {
                preview = Strings.fill(
                    p.currentName == nil ? s[.previewNew] : s[.previewReplace], code, String(p.newValues))
                previewDetails = summary
                if p.currentName != nil {
                    previewDetails.append(
                        Strings.fill(s[.previewReplaced], String(p.replacedValues), String(p.currentValues)))
                    previewDetails.append(s[.previewKept])
                }
                if !p.newAreas.isEmpty {
                    previewDetails.append(
                        "\(s[.createdAreas]): \(out.createdAreas) (\(p.newAreas.prefix(10).joined(separator: ", "))\(out.createdAreas > 10 ? " …" : ""))"
                    )
                }
                if !out.skipped.isEmpty { previewDetails.append("\(s[.skippedRows]): \(out.skipped.count)") }
            } else {
                success = Strings.fill(s[.importDone], "\(out.written)", code)
                details = summary
                if out.createdAreas > 0 { details.append("\(s[.createdAreas]): \(out.createdAreas)") }
                if !out.skipped.isEmpty { details.append("\(s[.skippedRows]): \(out.skipped.count)") }
                if out.addingUpTime != nil { details.append("\(s[.addedUpValues]): \(out.addedUp)") }
                link = SiteURL.Indicators.indicator(.value(code)).link(lang)
            }
        }
        let keptText = kept.map {
            Strings.fill(s[.keptImport], $0.code, String($0.info.observations), $0.info.archivedAt, $0.info.archivedBy)
        }
        return UploadPage(
            action: SiteURL.Indicators.upload.link(lang), csrf: csrf, errors: errors, success: success,
            successDetails: details, successLink: link,
            preview: preview, previewDetails: previewDetails, stash: preview == nil ? nil : stash, notice: notice,
            kept: keptText, restoreAction: kept.map { SiteURL.Indicators.restore(.value($0.code)).link(lang) },
            owners: owners.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == f.owner) },
            formats: options(IndicatorImportSpec.Format.allCases.map(\.rawValue), f.format ?? "csv") {
                IndicatorImportSpec.Format(rawValue: $0).map(s.label) ?? $0
            },
            units: options(IndicatorDefinition.units, f.unit ?? "percent") { s.unit($0) },
            directions: options(Direction.allCases.map(\.rawValue), f.direction ?? "higherIsBetter") {
                Direction(rawValue: $0).map(s.label) ?? $0
            },
            indicatorKinds: options(IndicatorKind.allCases.map(\.rawValue), f.kind ?? "quantity") {
                $0 == IndicatorKind.categorical.rawValue ? s[.kindCategorical] : s[.kindQuantity]
            },
            classes: f.classes ?? "",
            kinds: options(AreaKind.allCases.map(\.rawValue), f.areaKind ?? "district") { s.areaKind($0) },
            indicatorFields: [
                field("code", f.code, hint: true), field("name", f.name), field("nameEn", f.nameEn),
                field("definition", f.definition),
                field("source", f.source), field("sourceURL", f.sourceURL),
            ],
            mappingFields: [
                field("areaCode", f.areaCode), field("areaName", f.areaName), field("numerator", f.numerator),
                field("denominator", f.denominator), field("value", f.value, hint: true), field("period", f.period),
                field("periodColumn", f.periodColumn), field("periodColumns", f.periodColumns, hint: true),
                field("groups", f.groups, hint: true),
                field("filters", f.filters, hint: true),
                field("parent", f.parent, hint: true),
            ],
            createAreas: f.createAreas != nil, skipUnmatched: f.skipUnmatched != nil,
            matchNamesAcrossKinds: f.matchNamesAcrossKinds != nil, aggregate: f.aggregate != nil,
            allowSameName: f.allowsSameName)
    }
}
