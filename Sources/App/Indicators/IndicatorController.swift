import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The indicator pages (indikatorer), the differences overview, the methods page, downloads,
/// and the upload page where editors import a statistics file.
enum IndicatorController {
    static func list(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Indicators/indicators") { index, lang in
            IndicatorsPage.build(index, lang, overview: try await IndicatorQueries.overview(on: req.db))
        }
    }

    static func show(_ req: Request) async throws -> Response {
        let code = try req.parameters.require(SiteURL.idKey)
        let level = req.query[String.self, at: "level"]
        let period = req.query[String.self, at: "period"]
        let allAreas = req.query[String.self, at: "table"] == "all"
        return try await PageRenderer.render(req, template: "Indicators/indicator") {
            index, lang -> PageContext<IndicatorPage>? in
            guard let query = try await IndicatorPage.query(index, code: code, level: level, period: period, on: req.db)
            else {
                return nil
            }
            return IndicatorPage.build(
                index, lang, code: code, level: level, period: period, allAreas: allAreas, query: query)
        }
    }

    static func differences(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Indicators/differences") { index, lang in
            DifferencesPage.build(index, lang, overview: try await IndicatorQueries.overview(on: req.db))
        }
    }

    static func methods(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Indicators/methods") { _, lang in MethodsPage.build(lang) }
    }

    /// Every observation of an indicator as CSV (comma and decimal point, or as Swedish Excel
    /// opens it), JSON, or Open SDG CSV, streamed from a file made once per catalogue generation.
    static func data(_ req: Request) async throws -> Response {
        let code = try req.parameters.require(SiteURL.idKey)
        let name = req.query[String.self, at: "format"] ?? "csv"
        guard let format = IndicatorDownload.Format(rawValue: name) else {
            throw ParameterError(
                parameter: "format", message: "expected csv, csv-sv, json or opensdg, got '\(name.prefix(40))'")
        }
        guard let info = try await IndicatorQueries.one(code, on: req.db) else {
            throw Abort(.notFound, reason: "No indicator has the code '\(code.prefix(100))'.")
        }
        return try await IndicatorDownload.response(req, info: info, format: format)
    }

    // MARK: Upload

    static func uploadForm(_ req: Request) async throws -> Response {
        var spec: IndicatorImportSpec?
        if let code = req.query[String.self, at: "indicator"],
            let m = try await Indicator.query(on: req.db).filter(\.$code == code).first(),
            let saved = m.importSpec
        {
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
            return try await uploadPage(
                req, form: form, outcome: nil, errors: [Texts(Lang.of(req))[.uploadNoFile]],
                status: .unprocessableEntity)
        }
        let spec: IndicatorImportSpec
        do { spec = try form.spec() } catch let e as ObservationProblems {
            let texts = Texts(Lang.of(req))
            return try await uploadPage(
                req, form: form, outcome: nil, errors: e.problems.map { texts.description($0) },
                status: .unprocessableEntity)
        }
        let owner = try await IndicatorOwnership.owner(
            for: spec.indicator.code, requested: formText(form.owner), principal: principal,
            on: req.db)
        let name = HeaderValue.cleanFilename(file.filename)
        let data = Data(buffer: file.data)
        return try await importing(req, form: form, name: name) {
            // First a preview: nothing is written until the editor has seen what will change.
            let out = try await IndicatorImporter.run(
                data, spec, owner: owner, preview: true, allowSameName: form.allowsSameName, by: req.auditActor,
                on: req.db)
            let token = try req.application.uploadStash.put(
                data, spec: spec,
                entry: .init(
                    user: principal.userID, owner: owner,
                    filename: name, created: Date()))
            return try await uploadPage(req, form: form, outcome: (spec.indicator.code, out), errors: [], stash: token)
        }
    }

    /// The second step: the file kept at the preview is imported.
    static func confirm(_ req: Request, form: UploadForm, token: String, principal: Principal) async throws -> Response
    {
        guard let (data, spec, entry) = req.application.uploadStash.take(token, user: principal.userID) else {
            return try await uploadPage(
                req, form: form, outcome: nil, errors: [Texts(Lang.of(req))[.uploadExpired]],
                status: .unprocessableEntity)
        }
        // Checked again: the indicator may have been created or given away since the preview.
        _ = try await IndicatorOwnership.owner(
            for: spec.indicator.code, requested: entry.owner, principal: principal, on: req.db)
        return try await importing(req, form: UploadForm(spec), name: entry.filename) {
            let out = try await IndicatorImporter.run(
                data, spec, owner: entry.owner, allowSameName: form.allowsSameName, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            return try await uploadPage(req, form: UploadForm(spec), outcome: (spec.indicator.code, out), errors: [])
        }
    }

    /// Runs an import step and words its refusals on the page, with the file's name.
    static func importing(
        _ req: Request, form: UploadForm, name: String,
        _ step: () async throws -> Response
    ) async throws -> Response {
        let texts = Texts(Lang.of(req))
        do {
            return try await step()
        } catch let e as ObservationProblems {
            let errors = e.problems.prefix(200).map { "\(name): \(texts.description($0))" }
            return try await uploadPage(req, form: form, outcome: nil, errors: errors, status: .unprocessableEntity)
        } catch let e as CSVError {
            return try await uploadPage(
                req, form: form, outcome: nil, errors: ["\(name): \(texts.description(e))"],
                status: .unprocessableEntity)
        } catch let e as IndicatorImporter.Unmatched {
            return try await uploadPage(
                req, form: form, outcome: nil, errors: ["\(name): \(texts.description(e))"],
                status: .unprocessableEntity)
        } catch let e as CatalogueProblems {
            return try await uploadPage(
                req, form: form, outcome: nil, errors: e.problems.map { texts.description($0) },
                status: .unprocessableEntity)
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
        let message = Strings.fill(Texts(Lang.of(req))[.restoreDone], String(restored), code)
        return try await uploadPage(req, form: form, outcome: nil, errors: [], notice: message)
    }

    static func uploadPage(
        _ req: Request, form: UploadForm, outcome: (String, IndicatorImporter.Outcome)?, errors: [String],
        stash: String? = nil, notice: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let owners = try await IndicatorOwnership.choices(for: req.principal, on: req.db)
        let code = formText(form.code) ?? req.query[String.self, at: "indicator"]
        var kept: IndicatorArchive.Info?
        if let code, let principal = req.principal,
            try await IndicatorOwnership.mayReplace(code, principal: principal, on: req.db)
        {
            kept = try await IndicatorArchive.info(code, on: req.db)
        }
        let page = UploadPage.make(
            form, outcome: outcome, errors: errors, csrf: CSRF.token(for: req), lang: lang, owners: owners,
            stash: stash, notice: notice, kept: kept.map { (code ?? "", $0) })
        let title = s[.importIndicator]
        let meta = PageMeta.make(
            lang, title: title, description: title, section: SiteURL.Indicators.list, route: SiteURL.Indicators.upload,
            crumbs: [(s[.indicators], SiteURL.Indicators.list)])
        return try await AccountController.render(
            req, "Indicators/indicator-import", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
