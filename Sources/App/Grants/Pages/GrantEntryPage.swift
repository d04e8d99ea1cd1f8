import Foundation
import SkillnadCore
import Vapor

/// The one entry (en gemensam ingång, measure 4.2.2): for one association, every scheme open
/// today, with whether it may apply and every rule it does not meet; its applications with where
/// they stand; and its own documents, given once for every application.
struct GrantEntryPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let name: String
        let lang: String
        let href: String
        let body: String
        let closes: String
        let late: Bool
        let applyHref: String?
        let applyLabel: String
        let reasons: [String]
    }

    struct ApplicationRow: Encodable, Sendable {
        let scheme: String
        let lang: String
        let href: String
        let status: String
        let asked: String
        let granted: String?
    }

    struct DocumentRow: Encodable, Sendable {
        let kind: String
        let filename: String
        let href: String
        let added: String
    }

    struct Upload: Encodable, Sendable {
        let field: String
        let label: String
    }

    let name: String
    let eligible: [Option]
    let ineligible: [Option]
    let applications: [ApplicationRow]
    let documents: [DocumentRow]
    let uploads: [Upload]
    let documentsAction: String
    let csrf: String
    let message: String?
    let errors: [String]
    let fileHint: String

    static func register(_ app: Application) {
        let url = SiteURL.Grants.self
        app.on(.GET, url.entry(.key).pathComponents, rule: .association, use: show)
        app.on(
            .POST, url.documents(.key).pathComponents, rule: .association, body: .collect(maxSize: "25mb"),
            use: addDocuments)
    }

    static func show(_ req: Request) async throws -> Response {
        let stored = try await EntryForm.own(req)
        return try await page(req, stored, message: nil, errors: [], status: .ok)
    }

    /// The association's own documents: one file field per kind, any left empty.
    struct DocumentFields: Content, Sendable {
        var statutes: File?
        var annualReport: File?
        var financialStatement: File?
        var auditReport: File?

        func file(_ kind: GrantDocumentKind) -> File? {
            switch kind {
            case .statutes: statutes
            case .annualReport: annualReport
            case .financialStatement: financialStatement
            case .auditReport: auditReport
            default: nil
            }
        }
    }

    static func addDocuments(_ req: Request) async throws -> Response {
        let stored = try await EntryForm.own(req)
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(DocumentFields.self)
        var uploads: [GrantStore.Upload] = []
        var errors: [String] = []
        for kind in GrantDocumentKind.allCases where kind.isAssociationDocument {
            switch GrantStore.upload(kind: kind, file: fields.file(kind), field: "documents.\(kind.rawValue)") {
            case .success(let upload?): uploads.append(upload)
            case .success(nil): break
            case .failure(let problem): errors.append(s.describe(problem))
            }
        }
        if uploads.isEmpty && errors.isEmpty { errors.append(s[.grNoFile]) }
        guard errors.isEmpty else {
            return try await page(req, stored, message: nil, errors: errors, status: .unprocessableEntity)
        }
        try await GrantStore.addOwnDocuments(uploads, association: stored, by: req.auditActor, on: req.db)
        return try await page(
            req, stored, message: Strings.fill(s[.grDocumentsAdded], String(uploads.count)), errors: [], status: .ok)
    }

    static func page(
        _ req: Request, _ stored: AssociationStore.Stored, message: String?, errors: [String],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let day = today()
        let applications = try await GrantStore.applications(of: stored.id, on: req.db)
        // Every scheme is read once: the open ones for the entry, all of them to name the applications'.
        let schemes = try await GrantStore.allSchemes(on: req.db)
        let open = schemes.map(\.scheme).filter { $0.isOpen(on: day) }
        let schemeByID = Dictionary(schemes.map { ($0.id, $0.scheme) }, uniquingKeysWith: { first, _ in first })
        let appliedTo = Dictionary(
            applications.compactMap { application in schemeByID[application.schemeID].map { ($0.id, application) } },
            uniquingKeysWith: { first, _ in first })
        let options = GrantEntry.options(for: GrantStore.applicant(stored, today: day), schemes: open, on: day)
            .map { option in
                let scheme = option.scheme
                let name = lang.pick(scheme.name, scheme.nameEn)
                let existing = appliedTo[scheme.id]
                let applyHref: String? =
                    existing.map { SiteURL.Grants.application(.value($0.id.uuidString)).link(lang) }
                    ?? (option.eligible ? SiteURL.Grants.apply(.value(stored.slug), .value(scheme.id)).link(lang) : nil)
                return Option(
                    name: name.text, lang: name.lang, href: SiteURL.Grants.scheme(.value(scheme.id)).link(lang),
                    body: SchemePages.bodyName(scheme.body, index: index, lang: lang),
                    closes: Strings.fill(s[.grClosesOn], scheme.closes.description), late: option.late,
                    applyHref: applyHref,
                    applyLabel: existing.map { s.label($0.status) } ?? s[.grApply],
                    reasons: option.reasons.map { s.describe($0) })
            }
        let rows = applications.map { application in
            let scheme = schemeByID[application.schemeID]
            let name = scheme.map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: "", lang: "sv")
            return ApplicationRow(
                scheme: name.text, lang: name.lang,
                href: SiteURL.Grants.application(.value(application.id.uuidString)).link(lang),
                status: s.label(application.status),
                asked: application.request.amount.map { SchemePages.kronor($0, lang) } ?? "–",
                granted: application.amountGranted.map { SchemePages.kronor($0, lang) })
        }
        let documents = try await GrantStore.documents(association: stored.id, application: nil, on: req.db)
        let page = GrantEntryPage(
            name: stored.entry.name, eligible: options.filter { $0.reasons.isEmpty },
            ineligible: options.filter { !$0.reasons.isEmpty }, applications: rows,
            documents: documents.map {
                DocumentRow(
                    kind: s.label($0.kind), filename: $0.filename,
                    href: SiteURL.Grants.document(.value($0.id.uuidString)).link(lang),
                    added: String($0.addedAt.prefix(10)))
            },
            uploads: GrantDocumentKind.allCases.filter(\.isAssociationDocument).map {
                Upload(field: $0.rawValue, label: s.label($0))
            },
            documentsAction: SiteURL.Grants.documents(.value(stored.slug)).link(lang), csrf: CSRF.token(for: req),
            message: message, errors: errors,
            fileHint: Strings.fill(s[.grFileHint], String(GrantStore.maxDocumentBytes / 1_048_576)))
        let meta = PageMeta.make(
            lang, title: Strings.fill(s[.grEntryTitle], stored.entry.name), description: s[.grDescription],
            section: SiteURL.Grants.list, route: SiteURL.Grants.entry(.value(stored.slug)),
            crumbs: [(s[.associations], SiteURL.Associations.list), (s[.asMine], SiteURL.Associations.mine)])
        return try await AccountController.render(
            req, "Grants/entry", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
