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
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await uploadPage(req, form: form, outcome: nil, errors: [Strings.get("uploadNoFile", Lang.of(req))], status: .unprocessableEntity)
        }
        let spec: IndicatorImportSpec
        do { spec = try form.spec() } catch let e as ObservationProblems {
            return try await uploadPage(req, form: form, outcome: nil, errors: e.problems.map(\.description), status: .unprocessableEntity)
        }
        let name = file.filename
        do {
            let out = try await IndicatorImporter.run(Data(buffer: file.data), spec, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            return try await uploadPage(req, form: form, outcome: (spec.indicator.code, out), errors: [])
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

    static func uploadPage(_ req: Request, form: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String],
                           status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Lang.of(req)
        let s = Strings.table(lang)
        let page = UploadPage.make(form, outcome: outcome, errors: errors, csrf: CSRF.token(for: req), lang: lang)
        let meta = PageMeta.make(lang, title: s["importIndicator"]!, description: s["importIndicator"]!, section: .indicators, route: .indicatorUpload,
                                 crumbs: [(s["indicators"]!, .indicators)])
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
        if !problems.isEmpty { throw ObservationProblems(problems) }
        return IndicatorImportSpec(indicator: definition, format: format!, mapping: mapping, areaKind: kind!, parent: formText(parent),
                                   createAreas: createAreas != nil, skipUnmatched: skipUnmatched != nil)
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
    let formats: [Option]
    let units: [Option]
    let directions: [Option]
    let kinds: [Option]
    let indicatorFields: [Field]
    let mappingFields: [Field]
    let createAreas: Bool
    let skipUnmatched: Bool

    static func make(_ f: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String], csrf: String, lang: Lang) -> UploadPage {
        let s = Strings.table(lang)
        func options(_ values: [String], _ current: String?, _ label: (String) -> String) -> [Option] {
            values.map { Option(value: $0, label: label($0), selected: $0 == current) }
        }
        func field(_ name: String, _ value: String?, hint: Bool = false) -> Field {
            Field(name: name, label: s["f_\(name)"] ?? name, value: value ?? "", hint: hint ? s["h_\(name)"] : nil)
        }
        var success: String?, details: [String] = [], link: String?
        if let (code, out) = outcome {
            success = Strings.fill(s["importDone"]!, "\(out.written)", code)
            details = ["\(s["computableCount"]!): \(out.summary.computable)", "\(s["notComputableCount"]!): \(out.summary.notComputable)",
                       "\(s["periodsLabel"]!): \(out.periods.joined(separator: ", "))"]
            if out.createdAreas > 0 { details.append("\(s["createdAreas"]!): \(out.createdAreas)") }
            if !out.skipped.isEmpty { details.append("\(s["skippedRows"]!): \(out.skipped.count)") }
            link = SiteURL.indicator(.value(code)).link(lang)
        }
        return UploadPage(
            action: SiteURL.indicatorUpload.link(lang), csrf: csrf, errors: errors, success: success, successDetails: details, successLink: link,
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
