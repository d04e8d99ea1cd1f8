import Foundation
import SkillnadCore
import Vapor

/// One application as both sides follow it: what was asked, the decision, the documents, every
/// step and message in order, and what the reader may do next — the association its messages,
/// its withdrawal and its report on use; the handler its steps. Anyone else gets 404, whatever
/// the id.
struct ApplicationPage: Encodable, Sendable {
    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct EventRow: Encodable, Sendable {
        let at: String
        let who: String
        let status: String?
        let message: String?
    }

    struct DocumentRow: Encodable, Sendable {
        let kind: String
        let filename: String
        let href: String
    }

    struct Step: Encodable, Sendable {
        let value: String
        let label: String
    }

    let title: String
    let schemeHref: String
    let association: String
    let associationHref: String
    let status: String
    let facts: [Fact]
    let purpose: String
    let description: String
    let decision: [Fact]
    let report: String?
    let documents: [DocumentRow]
    let events: [EventRow]
    let csrf: String
    let version: Int
    let messageAction: String
    let stepAction: String
    let steps: [Step]
    let reportAction: String?
    let editHref: String?
    let handler: Bool
    let notice: String?
    let errors: [String]
    let fileHint: String

    static func register(_ app: Application) {
        let url = SiteURL.Grants.self
        app.on(.GET, url.application(.key).pathComponents, rule: .signedIn, use: show)
        app.on(.POST, url.message(.key).pathComponents, rule: .signedIn, use: message)
        app.on(.POST, url.step(.key).pathComponents, rule: .signedIn, use: step)
        app.on(
            .POST, url.report(.key).pathComponents, rule: .association, body: .collect(maxSize: "25mb"),
            use: report)
        app.on(.GET, url.document(.key).pathComponents, rule: .signedIn, use: document)
    }

    /// An application with its scheme, its association and the side the reader is on.
    struct Loaded: Sendable {
        let application: GrantStore.Application
        let scheme: GrantStore.StoredScheme
        let association: AssociationStore.Stored
        let side: GrantStatus.Side
    }

    /// The reader's side: the handler for the scheme's body (and administrators), the applicant
    /// for its association's administrators; nil for everyone else.
    static func side(_ req: Request, scheme: GrantScheme, association: AssociationStore.Stored) async throws
        -> GrantStatus.Side?
    {
        guard let principal = req.principal else { return nil }
        if principal.isAdmin { return .handler }
        if principal.role == .editor && principal.bodies.contains(scheme.body) { return .handler }
        if principal.role == .association,
            try await AssociationStore.administers(principal.userID, association.id, on: req.db)
        {
            return .applicant
        }
        return nil
    }

    static func load(_ req: Request) async throws -> Loaded {
        let raw = try req.parameters.require(SiteURL.idKey)
        guard let id = UUID(uuidString: raw), let application = try await GrantStore.application(id, on: req.db),
            let scheme = try await GrantStore.scheme(id: application.schemeID, on: req.db),
            let association = try await AssociationStore.load(ids: [application.associationID], on: req.db).first,
            let side = try await side(req, scheme: scheme.scheme, association: association),
            // A draft is the association's alone.
            side == .applicant || application.status.isSent
        else { throw Abort(.notFound) }
        return Loaded(application: application, scheme: scheme, association: association, side: side)
    }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(Lang.of(req))
        let done: String? = req.query["done"]
        let notice =
            done == "sent" ? s[.grSent] : done == "saved" ? s[.grSaved] : done == "step" ? s[.grStepTaken] : nil
        return try await page(req, loaded, notice: notice, errors: [], status: .ok)
    }

    struct MessageFields: Content, Sendable {
        var message: String?
    }

    static let messageLength = 4_000

    static func message(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(Lang.of(req))
        let text = (try req.content.decode(MessageFields.self).message ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [GrantProblem] = []
        if text.isEmpty { problems.append(.init("message", .missing)) }
        if text.count > messageLength { problems.append(.init("message", .tooLong(maximum: messageLength))) }
        guard problems.isEmpty else {
            return try await page(
                req, loaded, notice: nil, errors: problems.map { s.describe($0) }, status: .unprocessableEntity)
        }
        try await GrantStore.message(loaded.application, text: text, side: loaded.side, by: req.auditActor, on: req.db)
        return try await page(req, reloaded(req, loaded), notice: s[.grMessageSent], errors: [], status: .ok)
    }

    struct StepFields: Content, Sendable {
        var status: String?
        var version: String?
        var message: String?
    }

    static func step(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(StepFields.self)
        let target = fields.status.flatMap(GrantStatus.init(rawValue:))
        guard let target, loaded.application.status.moves(by: loaded.side).contains(target) else {
            let problem = GrantProblem(
                "status", .notAllowed(from: loaded.application.status, to: target ?? loaded.application.status))
            return try await page(req, loaded, notice: nil, errors: [s.describe(problem)], status: .conflict)
        }
        let version = fields.version.flatMap { Int($0) } ?? 0
        guard version == loaded.application.version else {
            let problem = GrantProblem("version", .changedSince(stored: loaded.application.version, given: version))
            return try await page(req, loaded, notice: nil, errors: [s.describe(problem)], status: .conflict)
        }
        let note = (fields.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= messageLength else {
            let problem = GrantProblem("message", .tooLong(maximum: messageLength))
            return try await page(req, loaded, notice: nil, errors: [s.describe(problem)], status: .unprocessableEntity)
        }
        do {
            try await GrantStore.move(
                loaded.application, to: target, side: loaded.side, message: note.isEmpty ? nil : note, today: today(),
                by: req.auditActor, on: req.db)
        } catch let refused as GrantStore.Problems {
            return try await page(
                req, loaded, notice: nil, errors: refused.problems.map { s.describe($0) }, status: .conflict)
        }
        return req.redirect(
            to: SiteURL.Grants.application(.value(loaded.application.id.uuidString))
                .link(Lang.of(req), query: [("done", "step")]), redirectType: .normal)
    }

    struct ReportFields: Content, Sendable {
        var report: String?
        var file: File?
    }

    static func report(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(Lang.of(req))
        guard loaded.side == .applicant else { throw Abort(.notFound) }
        let fields = try req.content.decode(ReportFields.self)
        let text = (fields.report ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [GrantProblem] = []
        if text.isEmpty { problems.append(.init("report", .missing)) }
        if text.count > GrantApplicationDraft.textLength {
            problems.append(.init("report", .tooLong(maximum: GrantApplicationDraft.textLength)))
        }
        var upload: GrantStore.Upload?
        switch GrantStore.upload(kind: .reportOnUse, file: fields.file, field: "documents.reportOnUse") {
        case .success(let file?): upload = file
        case .success(nil): problems.append(.init("documents.reportOnUse", .attachmentMissing(.reportOnUse)))
        case .failure(let problem): problems.append(problem)
        }
        if !loaded.application.status.takesReport {
            problems.append(.init("status", .notAllowed(from: loaded.application.status, to: .reportReceived)))
        }
        guard problems.isEmpty, let upload else {
            return try await page(
                req, loaded, notice: nil, errors: problems.map { s.describe($0) }, status: .unprocessableEntity)
        }
        do {
            try await GrantStore.report(
                loaded.application, text: text, upload: upload, today: today(), by: req.auditActor, on: req.db)
        } catch let refused as GrantStore.Problems {
            return try await page(
                req, loaded, notice: nil, errors: refused.problems.map { s.describe($0) }, status: .conflict)
        }
        return try await page(req, reloaded(req, loaded), notice: s[.grReportSent], errors: [], status: .ok)
    }

    /// A document's file, for the association that owns it and the handlers of the schemes it
    /// applied to with it.
    static func document(_ req: Request) async throws -> Response {
        let raw = try req.parameters.require(SiteURL.idKey)
        guard let id = UUID(uuidString: raw), let file = try await GrantStore.documentFile(id, on: req.db),
            let association = try await AssociationStore.load(ids: [file.association], on: req.db).first
        else { throw Abort(.notFound) }
        var allowed = try await RegisterPages.mayAdminister(req.principal, association, on: req.db)
        if !allowed, let principal = req.principal, principal.role == .editor {
            // A handler sees the association's documents once it has sent an application to a
            // scheme of the handler's body; an application's own documents only with that one.
            let applications = try await GrantStore.applications(of: association.id, on: req.db)
                .filter { $0.status.isSent && (file.application == nil || file.application == $0.id) }
            for application in applications {
                if let scheme = try await GrantStore.scheme(id: application.schemeID, on: req.db),
                    principal.bodies.contains(scheme.scheme.body)
                {
                    allowed = true
                    break
                }
            }
        }
        guard allowed else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: file.contentType)
        headers.add(name: .contentDisposition, value: HeaderValue.attachment(filename: file.filename))
        headers.add(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }

    static func reloaded(_ req: Request, _ loaded: Loaded) async throws -> Loaded {
        guard let application = try await GrantStore.application(loaded.application.id, on: req.db) else {
            throw Abort(.notFound)
        }
        return Loaded(
            application: application, scheme: loaded.scheme, association: loaded.association, side: loaded.side)
    }

    static func page(
        _ req: Request, _ loaded: Loaded, notice: String?, errors: [String], status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let application = loaded.application
        let scheme = loaded.scheme.scheme
        let name = lang.pick(scheme.name, scheme.nameEn)
        let id = application.id.uuidString
        var facts = [
            Fact(label: s[.grScheme], value: name.text),
            Fact(label: s[.grBody], value: SchemePages.bodyName(scheme.body, index: index, lang: lang)),
            Fact(label: s[.grAsked], value: application.request.amount.map { SchemePages.kronor($0, lang) } ?? "–"),
            Fact(label: s[.grSentOn], value: application.sentOn?.description ?? "–"),
        ]
        if let participants = application.request.participants {
            facts.append(Fact(label: s[.grParticipants], value: String(participants)))
        }
        if application.late { facts.append(Fact(label: s[.grLate], value: s[.grLateNote])) }
        var decision: [Fact] = []
        if let decided = application.decidedOn {
            decision.append(Fact(label: s[.grDecidedOn], value: decided.description))
            decision.append(Fact(label: s[.grDiaryNumber], value: application.diaryNumber ?? "–"))
            decision.append(
                Fact(label: s[.grGranted], value: application.amountGranted.map { SchemePages.kronor($0, lang) } ?? "–")
            )
            if let rule = application.decisionRule { decision.append(Fact(label: s[.grRule], value: s.label(rule))) }
            if let reason = application.decisionReason { decision.append(Fact(label: s[.grReason], value: reason)) }
            if let due = application.reportDue { decision.append(Fact(label: s[.grReportDue], value: due.description)) }
            if let paid = application.paidOn { decision.append(Fact(label: s[.grPaidOn], value: paid.description)) }
        }
        let documents = try await GrantStore.documents(
            association: application.associationID, application: application.id, on: req.db)
        let events = try await GrantStore.events(application.id, on: req.db)
        let page = ApplicationPage(
            title: Strings.fill(s[.grApplicationTitle], loaded.association.entry.name, name.text),
            schemeHref: SiteURL.Grants.scheme(.value(scheme.id)).link(lang),
            association: loaded.association.entry.name,
            associationHref: SiteURL.Associations.association(.value(loaded.association.slug)).link(lang),
            status: s.label(application.status), facts: facts, purpose: application.request.purpose,
            description: application.request.description, decision: decision, report: application.report,
            documents: documents.map {
                DocumentRow(
                    kind: s.label($0.kind), filename: $0.filename,
                    href: SiteURL.Grants.document(.value($0.id.uuidString)).link(lang))
            },
            events: events.map {
                EventRow(
                    at: String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " "),
                    who: $0.side == .applicant ? s[.grSideApplicant] : s[.grSideHandler],
                    status: $0.status.map { s.label($0) }, message: $0.message)
            },
            csrf: CSRF.token(for: req), version: application.version,
            messageAction: SiteURL.Grants.message(.value(id)).link(lang),
            stepAction: SiteURL.Grants.step(.value(id)).link(lang),
            steps: application.status.moves(by: loaded.side).map { Step(value: $0.rawValue, label: s.action($0)) },
            reportAction: loaded.side == .applicant && application.status.takesReport
                ? SiteURL.Grants.report(.value(id)).link(lang) : nil,
            editHref: loaded.side == .applicant && application.status.isEditable
                ? SiteURL.Grants.apply(.value(loaded.association.slug), .value(scheme.id)).link(lang) : nil,
            handler: loaded.side == .handler, notice: notice, errors: errors,
            fileHint: Strings.fill(s[.grFileHint], String(GrantStore.maxDocumentBytes / 1_048_576)))
        let crumbs: [(String, any SiteRoute)] =
            loaded.side == .handler
            ? [(s[.grants], SiteURL.Grants.list), (s[.grQueue], SiteURL.Grants.queue)]
            : [
                (s[.grants], SiteURL.Grants.list),
                (loaded.association.entry.name, SiteURL.Grants.entry(.value(loaded.association.slug))),
            ]
        let meta = PageMeta.make(
            lang, title: page.title, description: s[.grDescription], section: SiteURL.Grants.list,
            route: SiteURL.Grants.application(.value(id)), crumbs: crumbs)
        return try await AccountController.render(
            req, "Grants/application", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
