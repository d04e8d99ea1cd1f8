import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The indicator pages (indikatorer), the differences overview, the methods page, downloads,
/// and the upload page where editors import a statistics file.
enum IndicatorController {
    static func list(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "indicators") { index, lang in
            try await IndicatorsPage.build(index, lang, on: req.db)
        }
    }

    static func show(_ req: Request) async throws -> Response {
        let code = try req.parameters.require(SiteURL.idKey)
        let level = req.query[String.self, at: "level"], period = req.query[String.self, at: "period"]
        let allAreas = req.query[String.self, at: "table"] == "all"
        return try await PageRenderer.render(req, template: "indicator") { index, lang in
            try await IndicatorPage.build(index, lang, code: code, level: level, period: period, allAreas: allAreas, on: req.db)
        }
    }

    static func differences(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "differences") { index, lang in
            try await DifferencesPage.build(index, lang, on: req.db)
        }
    }

    static func methods(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "methods") { _, lang in MethodsPage.build(lang) }
    }

    /// Every observation of an indicator as CSV (comma and decimal point, or as Swedish Excel
    /// opens it), JSON, or Open SDG CSV, streamed from a file made once per catalogue generation.
    static func data(_ req: Request) async throws -> Response {
        let code = try req.parameters.require(SiteURL.idKey)
        let name = req.query[String.self, at: "format"] ?? "csv"
        guard let format = IndicatorDownload.Format(rawValue: name) else {
            throw ParameterError(parameter: "format", message: "expected csv, csv-sv, json or opensdg, got '\(name.prefix(40))'")
        }
        guard let info = try await IndicatorQueries.one(code, on: req.db) else { throw Abort(.notFound, reason: "No indicator has the code '\(code.prefix(100))'.") }
        return try await IndicatorDownload.response(req, info: info, format: format)
    }

    // MARK: Upload

    static func uploadForm(_ req: Request) async throws -> Response {
        var spec: IndicatorImportSpec?
        if let code = req.query[String.self, at: "indicator"], let m = try await Indicator.query(on: req.db).filter(\.$code == code).first(),
           let saved = m.importSpec {
            spec = try? IndicatorImportSpec.read(Data(saved.utf8))
        }
        return try await uploadPage(req, form: UploadForm(spec), outcome: nil, errors: [])
    }

    static func upload(_ req: Request) async throws -> Response {
        let form = try req.content.decode(UploadForm.self)
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        if let token = formText(form.stash) {
            return try await confirm(req, form: form, token: token, principal: principal)
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await uploadPage(req, form: form, outcome: nil, errors: [Strings.get("uploadNoFile", Lang.of(req))], status: .unprocessableEntity)
        }
        let spec: IndicatorImportSpec
        do { spec = try form.spec() } catch let e as ObservationProblems {
            return try await uploadPage(req, form: form, outcome: nil, errors: e.problems.map(\.description), status: .unprocessableEntity)
        }
        let owner = try await IndicatorOwnership.owner(for: spec.indicator.code, requested: formText(form.owner), principal: principal,
                                                       on: req.db)
        let name = HeaderValue.cleanFilename(file.filename)
        let data = Data(buffer: file.data)
        return try await importing(req, form: form, name: name) {
            // First a preview: nothing is written until the editor has seen what will change.
            let out = try await IndicatorImporter.run(data, spec, owner: owner, preview: true, by: req.auditActor, on: req.db)
            let token = try req.application.uploadStash.put(data, spec: spec, entry: .init(user: principal.userID, owner: owner,
                                                                                              filename: name, created: Date()))
            return try await uploadPage(req, form: form, outcome: (spec.indicator.code, out), errors: [], stash: token)
        }
    }

    /// The second step: the file kept at the preview is imported.
    static func confirm(_ req: Request, form: UploadForm, token: String, principal: Principal) async throws -> Response {
        guard let (data, spec, entry) = req.application.uploadStash.take(token, user: principal.userID) else {
            return try await uploadPage(req, form: form, outcome: nil, errors: [Strings.get("uploadExpired", Lang.of(req))],
                                        status: .unprocessableEntity)
        }
        // Checked again: the indicator may have been created or given away since the preview.
        _ = try await IndicatorOwnership.owner(for: spec.indicator.code, requested: entry.owner, principal: principal, on: req.db)
        return try await importing(req, form: UploadForm(spec), name: entry.filename) {
            let out = try await IndicatorImporter.run(data, spec, owner: entry.owner, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            return try await uploadPage(req, form: UploadForm(spec), outcome: (spec.indicator.code, out), errors: [])
        }
    }

    /// Runs an import step and words its refusals on the page, with the file's name.
    static func importing(_ req: Request, form: UploadForm, name: String,
                          _ step: () async throws -> Response) async throws -> Response {
        do {
            return try await step()
        } catch let e as ObservationProblems {
            return try await uploadPage(req, form: form, outcome: nil, errors: e.problems.prefix(200).map { "\(name): \($0)" }, status: .unprocessableEntity)
        } catch let e as CSVError {
            return try await uploadPage(req, form: form, outcome: nil, errors: ["\(name): \(e)"], status: .unprocessableEntity)
        } catch let e as IndicatorImporter.Unmatched {
            return try await uploadPage(req, form: form, outcome: nil, errors: ["\(name): \(e)"], status: .unprocessableEntity)
        } catch let e as CatalogueProblems {
            return try await uploadPage(req, form: form, outcome: nil, errors: e.problems.map(\.description), status: .unprocessableEntity)
        }
    }

    /// POST `/indicators/{code}/restore`: puts the values an import replaced back.
    static func restore(_ req: Request) async throws -> Response {
        let code = try req.parameters.require(SiteURL.idKey)
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        guard try await Indicator.query(on: req.db).filter(\.$code == code).first() != nil else {
            throw Abort(.notFound, reason: "No indicator has the code '\(code.prefix(100))'.")
        }
        _ = try await IndicatorOwnership.owner(for: code, requested: nil, principal: principal, on: req.db)
        let restored = try await IndicatorArchive.restore(code, by: req.auditActor, on: req.db)
        req.application.catalogue.invalidate()
        var form = UploadForm(nil)
        form.code = code
        let message = Strings.fill(Strings.get("restoreDone", Lang.of(req)), String(restored), code)
        return try await uploadPage(req, form: form, outcome: nil, errors: [], notice: message)
    }

    static func uploadPage(_ req: Request, form: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String],
                           stash: String? = nil, notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Lang.of(req)
        let s = Strings.table(lang)
        let owners = try await IndicatorOwnership.choices(for: req.principal, on: req.db)
        let code = formText(form.code) ?? req.query[String.self, at: "indicator"]
        var kept: IndicatorArchive.Info?
        if let code, let principal = req.principal, try await IndicatorOwnership.mayReplace(code, principal: principal, on: req.db) {
            kept = try await IndicatorArchive.info(code, on: req.db)
        }
        let page = UploadPage.make(form, outcome: outcome, errors: errors, csrf: CSRF.token(for: req), lang: lang, owners: owners,
                                   stash: stash, notice: notice, kept: kept.map { (code ?? "", $0) })
        let title = s["importIndicator"] ?? ""
        let meta = PageMeta.make(lang, title: title, description: title, section: .indicators, route: .indicatorUpload,
                                 crumbs: [(s["indicators"] ?? "", .indicators)])
        return try await AccountController.render(req, "indicator-import", PageContext(meta: meta, t: s, page: page), status: status)
    }
}

/// The upload form's fields, the same as the command's options.
struct UploadForm: Content {
    var file: File?
    var format: String?
    var code: String?
    var name: String?
    var nameEn: String?
    var unit: String?
    var direction: String?
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
    var groups: String?
    var filters: String?
    var parent: String?
    var createAreas: String?
    var skipUnmatched: String?
    /// The owning body of a new indicator (`IndicatorOwnership`).
    var owner: String?
    /// The token of a previewed file, sent back to import it.
    var stash: String?

    init(_ spec: IndicatorImportSpec?) {
        guard let spec else { return }
        let d = spec.indicator, m = spec.mapping
        format = spec.format.rawValue; code = d.code; name = d.name; nameEn = d.nameEn; unit = d.unit; direction = d.direction.rawValue
        definition = d.definition; source = d.source; sourceURL = d.sourceURL; areaKind = spec.areaKind.rawValue
        areaCode = m.areaCode; areaName = m.areaName; numerator = m.numerator; denominator = m.denominator; value = m.value
        period = m.period; periodColumn = m.periodColumn
        groups = m.groups.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        filters = m.filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        parent = spec.parent; createAreas = spec.createAreas ? "on" : nil; skipUnmatched = spec.skipUnmatched ? "on" : nil
    }

    /// The specification the fields describe, or every problem with the field it is in.
    func spec() throws -> IndicatorImportSpec {
        var problems: [ObservationProblem] = []
        func pairs(_ text: String?, _ field: String) -> [String: String] {
            let (pairs, malformed) = ObservationMapping.pairs(text ?? "")
            problems += malformed.map { .init(line: nil, column: field, message: "write NAME=VALUE, separated by commas (got \"\($0)\")") }
            return pairs
        }
        let direction = Direction(rawValue: formText(direction) ?? "higherIsBetter")
        if direction == nil { problems.append(.init(line: nil, column: "direction", message: "choose higher or lower is better")) }
        let format = IndicatorImportSpec.Format(rawValue: formText(format) ?? "csv")
        if format == nil { problems.append(.init(line: nil, column: "format", message: "choose csv, kolada or opensdg")) }
        let kind = AreaKind(rawValue: formText(areaKind) ?? "district")
        if kind == nil { problems.append(.init(line: nil, column: "areaKind", message: "choose a kind of area")) }
        let definition = IndicatorDefinition(code: formText(code) ?? "", name: formText(name) ?? "", nameEn: formText(nameEn),
                                             unit: formText(unit) ?? "percent", direction: direction ?? .higherIsBetter,
                                             definition: formText(self.definition), source: formText(source), sourceURL: formText(sourceURL))
        problems += definition.problems()
        let mapping = ObservationMapping(areaCode: formText(areaCode), areaName: formText(areaName), numerator: formText(numerator),
                                         denominator: formText(denominator), value: formText(value), periodColumn: formText(periodColumn),
                                         period: formText(period), groups: pairs(groups, "groups"), filters: pairs(filters, "filters"),
                                         per: definition.per)
        guard problems.isEmpty, let validFormat = format, let validKind = kind else {
            throw ObservationProblems(problems)
        }
        return IndicatorImportSpec(indicator: definition, format: validFormat, mapping: mapping, areaKind: validKind,
                                   parent: formText(parent), createAreas: createAreas != nil,
                                   skipUnmatched: skipUnmatched != nil)
    }
}

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
