import Foundation
import SkillnadCore
import Vapor

/// An association applies to one scheme: what the register knows filled in, the amount and what
/// it is for, the attachments (its own documents count, given once); saved as a draft or sent.
/// Sending checks everything at once: the scheme open (or its late rule), every rule met, every
/// attachment there, the amount within the scheme's range.
struct ApplyForm: Encodable, Sendable {
    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Attachment: Encodable, Sendable {
        let field: String
        let label: String
        let required: String
        /// The file already there, if any.
        let present: String?
    }

    let action: String
    let csrf: String
    let scheme: String
    let schemeLang: String
    let schemeHref: String
    let amountHint: String
    /// Said when the scheme is open only under its late rule.
    let lateWarning: String?
    let register: [Fact]
    let editHref: String
    let draft: GrantApplicationDraft
    let version: Int
    let attachments: [Attachment]
    let fileHint: String
    let errors: [String]
    let reasons: [String]

    static func register(_ app: Application) {
        let url = SiteURL.Grants.apply(.key, .key).pathComponents
        app.on(.GET, url, rule: .association, use: show)
        app.on(.POST, url, rule: .association, body: .collect(maxSize: "25mb"), use: save)
    }

    struct Fields: Content, Sendable {
        var amount: String?
        var purpose: String?
        var description: String?
        var participants: String?
        var version: String?
        /// `save` keeps a draft, `send` sends it.
        var action: String?
        var statutes: File?
        var annualReport: File?
        var financialStatement: File?
        var auditReport: File?
        var activityPlan: File?
        var budget: File?

        var draft: GrantApplicationDraft {
            GrantApplicationDraft(
                amount: amount ?? "", purpose: purpose ?? "", description: description ?? "",
                participants: participants ?? "")
        }

        func file(_ kind: GrantDocumentKind) -> File? {
            switch kind {
            case .statutes: statutes
            case .annualReport: annualReport
            case .financialStatement: financialStatement
            case .auditReport: auditReport
            case .activityPlan: activityPlan
            case .budget: budget
            case .reportOnUse: nil
            }
        }
    }

    /// The association (its own only: another's answers 404) and the scheme.
    static func load(_ req: Request) async throws -> (AssociationStore.Stored, GrantStore.StoredScheme) {
        let stored = try await EntryForm.own(req)
        let slug = try req.parameters.require(SiteURL.Grants.schemeKey)
        guard slug.count <= 120, let scheme = try await GrantStore.scheme(slug, on: req.db) else {
            throw Abort(.notFound)
        }
        return (stored, scheme)
    }

    static func show(_ req: Request) async throws -> Response {
        let (stored, scheme) = try await load(req)
        let existing = try await GrantStore.application(scheme: scheme.id, association: stored.id, on: req.db)
        if let existing, !existing.status.isEditable {
            // Sent and taken up: the application's own page shows it.
            return req.redirect(to: SiteURL.Grants.application(.value(existing.id.uuidString)).link(Lang.of(req)))
        }
        return try await page(
            req, stored, scheme, draft: existing.map { GrantApplicationDraft($0.request) } ?? GrantApplicationDraft(),
            version: existing?.version ?? 0, errors: [], status: .ok)
    }

    static func save(_ req: Request) async throws -> Response {
        let (stored, scheme) = try await load(req)
        let lang = Lang.of(req)
        let s = Texts(lang)
        let fields = try req.content.decode(Fields.self)
        let send = fields.action == "send"
        let day = today()
        let version = fields.version.flatMap { Int($0) } ?? 0
        let existing = try await GrantStore.application(scheme: scheme.id, association: stored.id, on: req.db)
        // A sent application stays complete: changing it is checked as sending it again.
        let checked = send || existing?.status == .received
        var (request, problems) = fields.draft.read(for: scheme.scheme, sending: checked)
        var uploads: [GrantStore.Upload] = []
        for kind in GrantDocumentKind.attachable {
            switch GrantStore.upload(kind: kind, file: fields.file(kind), field: "documents.\(kind.rawValue)") {
            case .success(let upload?): uploads.append(upload)
            case .success(nil): break
            case .failure(let problem): problems.append(problem)
            }
        }
        if !scheme.scheme.isOpen(on: day) {
            problems.append(
                day < scheme.scheme.opens
                    ? .init("scheme", .notOpenYet(opens: scheme.scheme.opens))
                    : .init("scheme", .closed(lastDay: scheme.scheme.lastDay)))
        } else if checked {
            var present = Set(
                try await GrantStore.documents(association: stored.id, application: existing?.id, on: req.db).map(
                    \.kind))
            present.formUnion(uploads.map(\.kind))
            problems += GrantApplicationDraft.sendingProblems(
                scheme: scheme.scheme, city: .standard,
                reasons: GrantEntry.reasons(GrantStore.applicant(stored, today: day), scheme.scheme, on: day),
                documents: present, on: day)
        }
        guard problems.isEmpty else {
            return try await page(
                req, stored, scheme, draft: fields.draft, version: version, errors: problems.map { s.describe($0) },
                status: .unprocessableEntity)
        }
        do {
            let id = try await GrantStore.saveApplication(
                request, scheme: scheme, association: stored, send: send, version: version, uploads: uploads,
                today: day, by: req.auditActor, on: req.db)
            return req.redirect(
                to: SiteURL.Grants.application(.value(id.uuidString)).link(
                    lang, query: [("done", send ? "sent" : "saved")]),
                redirectType: .normal)
        } catch let refused as GrantStore.Problems {
            return try await page(
                req, stored, scheme, draft: fields.draft, version: version,
                errors: refused.problems.map { s.describe($0) }, status: .conflict)
        }
    }

    static func page(
        _ req: Request, _ stored: AssociationStore.Stored, _ scheme: GrantStore.StoredScheme,
        draft: GrantApplicationDraft, version: Int, errors: [String], status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let day = today()
        let entry = stored.entry
        let existing = try await GrantStore.application(scheme: scheme.id, association: stored.id, on: req.db)
        let documents = try await GrantStore.documents(association: stored.id, application: existing?.id, on: req.db)
        let required = scheme.scheme.requiredAttachments(.standard)
        let name = lang.pick(scheme.scheme.name, scheme.scheme.nameEn)
        let reasons = GrantEntry.reasons(GrantStore.applicant(stored, today: day), scheme.scheme, on: day)
        let page = ApplyForm(
            action: SiteURL.Grants.apply(.value(stored.slug), .value(scheme.scheme.id)).link(lang),
            csrf: CSRF.token(for: req), scheme: name.text, schemeLang: name.lang,
            schemeHref: SiteURL.Grants.scheme(.value(scheme.scheme.id)).link(lang),
            amountHint: Strings.fill(
                s[.grAmountHint],
                Strings.fill(
                    s[.grAmountRange], SchemePages.kronor(scheme.scheme.minimumAmount, lang),
                    SchemePages.kronor(scheme.scheme.maximumAmount, lang))),
            lateWarning: scheme.scheme.isOpen(on: day) && scheme.scheme.isLate(on: day)
                ? Strings.fill(s[.grLateWarning], scheme.scheme.closes.description) : nil,
            register: [
                Fact(label: s[.asNameField], value: entry.name),
                Fact(label: s[.asOrganisationNumber], value: entry.organisationNumber.description),
                Fact(label: s.label(entry.giro.kind), value: entry.giro.description),
                Fact(label: s[.asMembers], value: String(entry.members.total)),
                Fact(label: s[.asBoard], value: String(entry.board.count)),
                Fact(label: s[.asFounded], value: entry.founded?.description ?? "–"),
            ],
            editHref: SiteURL.Associations.edit(.value(stored.slug)).link(lang), draft: draft, version: version,
            attachments: GrantDocumentKind.attachable.map { kind in
                Attachment(
                    field: kind.rawValue, label: s.label(kind),
                    required: required.contains(kind) ? s[.grRequired] : s[.grOptional],
                    present: documents.first { $0.kind == kind }.map { Strings.fill(s[.grAlreadyThere], $0.filename) })
            },
            fileHint: Strings.fill(s[.grFileHint], String(GrantStore.maxDocumentBytes / 1_048_576)), errors: errors,
            reasons: reasons.map { s.describe($0) })
        let meta = PageMeta.make(
            lang, title: Strings.fill(s[.grApplyTitle], name.text), description: s[.grDescription],
            section: SiteURL.Grants.list, route: SiteURL.Grants.apply(.value(stored.slug), .value(scheme.scheme.id)),
            crumbs: [
                (s[.grants], SiteURL.Grants.list), (stored.entry.name, SiteURL.Grants.entry(.value(stored.slug))),
            ])
        return try await AccountController.render(
            req, "Grants/apply", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
