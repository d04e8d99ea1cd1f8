import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The upload page: the form, and the outcome of the last import or why it was refused.
struct UploadPage: Encodable, Sendable {
    struct Option: Encodable, Sendable { let value: String; let label: String; let selected: Bool }
    struct Field: Encodable, Sendable { let name: String; let label: String; let value: String; let hint: String? }
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
    let kinds: [Option]
    let indicatorFields: [Field]
    let mappingFields: [Field]
    let createAreas: Bool
    let skipUnmatched: Bool

    static func make(_ f: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String], csrf: String, lang: Lang,
                     owners: [(slug: String, name: String)], stash: String?, notice: String?,
                     kept: (code: String, info: IndicatorArchive.Info)?) -> UploadPage {
        let s = Strings.table(lang)
        func text(_ key: String) -> String { s[key] ?? key }
        func options(_ values: [String], _ current: String?, _ label: (String) -> String) -> [Option] {
            values.map { Option(value: $0, label: label($0), selected: $0 == current) }
        }
        func field(_ name: String, _ value: String?, hint: Bool = false) -> Field {
            Field(name: name, label: s["f_\(name)"] ?? name, value: value ?? "", hint: hint ? s["h_\(name)"] : nil)
        }
        var success: String?, details: [String] = [], link: String?
        var preview: String?, previewDetails: [String] = []
        if let (code, out) = outcome {
            let summary = ["\(text("computableCount")): \(out.summary.computable)", "\(text("notComputableCount")): \(out.summary.notComputable)",
                           "\(text("periodsLabel")): \(out.periods.joined(separator: ", "))"]
            if let p = out.preview {
                preview = Strings.fill(text(p.currentName == nil ? "previewNew" : "previewReplace"), code, String(p.newValues))
                previewDetails = summary
                if p.currentName != nil {
                    previewDetails.append(Strings.fill(text("previewReplaced"), String(p.replacedValues), String(p.currentValues)))
                    previewDetails.append(text("previewKept"))
                }
                if !p.newAreas.isEmpty {
                    previewDetails.append("\(text("createdAreas")): \(out.createdAreas) (\(p.newAreas.prefix(10).joined(separator: ", "))\(out.createdAreas > 10 ? " …" : ""))")
                }
                if !out.skipped.isEmpty { previewDetails.append("\(text("skippedRows")): \(out.skipped.count)") }
            } else {
                success = Strings.fill(text("importDone"), "\(out.written)", code)
                details = summary
                if out.createdAreas > 0 { details.append("\(text("createdAreas")): \(out.createdAreas)") }
                if !out.skipped.isEmpty { details.append("\(text("skippedRows")): \(out.skipped.count)") }
                link = SiteURL.indicator(.value(code)).link(lang)
            }
        }
        let keptText = kept.map { Strings.fill(text("keptImport"), $0.code, String($0.info.observations), $0.info.archivedAt, $0.info.archivedBy) }
        return UploadPage(
            action: SiteURL.indicatorUpload.link(lang), csrf: csrf, errors: errors, success: success, successDetails: details, successLink: link,
            preview: preview, previewDetails: previewDetails, stash: preview == nil ? nil : stash, notice: notice,
            kept: keptText, restoreAction: kept.map { SiteURL.indicatorRestore(.value($0.code)).link(lang) },
            owners: owners.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == f.owner) },
            formats: options(IndicatorImportSpec.Format.allCases.map(\.rawValue), f.format ?? "csv") { s["format_\($0)"] ?? $0 },
            units: options(IndicatorDefinition.units, f.unit ?? "percent") { s["unit_\($0)"] ?? $0 },
            directions: options(Direction.allCases.map(\.rawValue), f.direction ?? "higherIsBetter") { s[$0] ?? $0 },
            kinds: options(AreaKind.allCases.map(\.rawValue), f.areaKind ?? "district") { s["area1.\($0)"] ?? $0 },
            indicatorFields: [field("code", f.code, hint: true), field("name", f.name), field("nameEn", f.nameEn), field("definition", f.definition),
                              field("source", f.source), field("sourceURL", f.sourceURL)],
            mappingFields: [field("areaCode", f.areaCode), field("areaName", f.areaName), field("numerator", f.numerator),
                            field("denominator", f.denominator), field("value", f.value, hint: true), field("period", f.period),
                            field("periodColumn", f.periodColumn), field("groups", f.groups, hint: true), field("filters", f.filters, hint: true),
                            field("parent", f.parent, hint: true)],
            createAreas: f.createAreas != nil, skipUnmatched: f.skipUnmatched != nil)
    }
}
