import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Vapor

/// Reads and writes grant schemes, applications, their steps and messages, and the documents
/// associations attach. Every write is one transaction with its audit event; a change from an
/// older version of an application than the stored one is refused, never written over.
enum GrantStore {
    struct StoredScheme: Sendable {
        let id: UUID
        let scheme: GrantScheme
        var version: Int = 1
    }

    /// An application as stored.
    struct Application: Sendable {
        let id: UUID
        let schemeID: UUID
        let associationID: UUID
        let status: GrantStatus
        let request: GrantRequest
        let amountGranted: Int?
        let late: Bool
        let sentOn: Day?
        let decidedOn: Day?
        let diaryNumber: String?
        let decisionRule: GrantDecision.Rule?
        let decisionReason: String?
        let paidOn: Day?
        let reportDue: Day?
        let reportReceivedOn: Day?
        let report: String?
        let version: Int
    }

    /// A step or a message on an application.
    struct Event: Sendable {
        let at: String
        let side: GrantStatus.Side
        let actor: String
        let status: GrantStatus?
        let message: String?
    }

    struct Document: Sendable {
        let id: UUID
        let applicationID: UUID?
        let kind: GrantDocumentKind
        let filename: String
        let size: Int
        let addedAt: String
    }

    /// A file to attach, as uploaded.
    struct Upload: Sendable {
        let kind: GrantDocumentKind
        let filename: String
        let data: Data
    }

    /// What refuses a write, each with its field.
    struct Problems: Error, Sendable {
        let problems: [GrantProblem]
    }

    static let maxDocumentBytes = 10 * 1_048_576
    /// Ids that are addresses of the grants' own pages.
    static let reservedSlugs: Set<String> = ["queue", "support", "applications", "documents", "awarded.csv", "new"]

    // MARK: - Schemes

    private struct SchemeRow: Decodable {
        let id: UUID
        let scheme: String
        let version: Int
    }

    private static func schemes(_ rows: [SchemeRow]) -> [StoredScheme] {
        let decoder = JSONDecoder()
        // A scheme that no longer decodes is skipped rather than failing every page.
        return rows.compactMap { row in
            (try? decoder.decode(GrantScheme.self, from: Data(row.scheme.utf8))).map {
                StoredScheme(id: row.id, scheme: $0, version: row.version)
            }
        }
    }

    /// Every scheme, the latest closing first.
    static func allSchemes(on db: any Database) async throws -> [StoredScheme] {
        schemes(
            try await db.sql().raw("SELECT id, scheme, version FROM grant_schemes ORDER BY closes DESC, slug")
                .all(decoding: SchemeRow.self))
    }

    static func scheme(_ slug: String, on db: any Database) async throws -> StoredScheme? {
        schemes(
            try await db.sql().raw("SELECT id, scheme, version FROM grant_schemes WHERE slug = \(bind: slug)")
                .all(decoding: SchemeRow.self)
        ).first
    }

    static func scheme(id: UUID, on db: any Database) async throws -> StoredScheme? {
        schemes(
            try await db.sql().raw("SELECT id, scheme, version FROM grant_schemes WHERE id = \(bind: id)")
                .all(decoding: SchemeRow.self)
        ).first
    }

    /// Publishes a new scheme (`version` nil) or replaces one from the version the form was opened
    /// at, refused when it breaks the city's rules, takes a reserved id, or the scheme changed since.
    @discardableResult
    static func saveScheme(_ scheme: GrantScheme, version: Int? = nil, by actor: AuditActor, on db: any Database)
        async throws -> UUID
    {
        var problems = scheme.problems(under: .standard)
        if reservedSlugs.contains(scheme.id) || scheme.id.isEmpty || scheme.id.count > 120
            || !scheme.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        {
            problems.append(.init("id", .unknownChoice(String(scheme.id.prefix(60)))))
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        let now = ISO8601DateFormatter().string(from: Date())
        return try await CatalogueEditor.transaction(on: db) { tx in
            let existing = try await Self.scheme(scheme.id, on: tx)
            // "Where the support goes" is cached per generation, in every server process.
            try await CatalogueState.advance(on: tx)
            if let existing, let version, existing.version != version {
                throw Problems(problems: [.init("version", .changedSince(stored: existing.version, given: version))])
            }
            if existing != nil && version == nil { throw Problems(problems: [.init("id", .taken)]) }
            if existing == nil && version != nil { throw Abort(.notFound) }
            let id = existing?.id ?? UUID()
            if existing == nil {
                try await tx.sql().insert(into: "grant_schemes")
                    .columns(
                        "id", "slug", "body", "scheme", "opens", "closes", "last_day", "decides", "created_at",
                        "updated_at", "version"
                    )
                    .values(
                        SQLBind(id), SQLBind(scheme.id), SQLBind(scheme.body), SQLBind(json),
                        SQLBind(scheme.opens.description), SQLBind(scheme.closes.description),
                        SQLBind(scheme.lastDay.description), SQLBind(scheme.decides.description), SQLBind(now),
                        SQLBind(now), SQLBind(1)
                    ).run()
            } else {
                let changed = try await tx.sql().update("grant_schemes").set("body", to: SQLBind(scheme.body))
                    .set("scheme", to: SQLBind(json)).set("opens", to: SQLBind(scheme.opens.description))
                    .set("closes", to: SQLBind(scheme.closes.description))
                    .set("last_day", to: SQLBind(scheme.lastDay.description))
                    .set("decides", to: SQLBind(scheme.decides.description)).set("updated_at", to: SQLBind(now))
                    .set("version", to: SQLBind((existing?.version ?? 0) + 1))
                    .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(existing?.version ?? 0))
                    .returning("id").all()
                guard !changed.isEmpty else {
                    let stored = existing?.version ?? 0
                    throw Problems(problems: [.init("version", .changedSince(stored: stored + 1, given: stored))])
                }
            }
            try await Audit.record(
                existing == nil ? "grant-scheme-create" : "grant-scheme-update", objectType: "grant-scheme",
                objectID: scheme.id, before: existing.map(\.scheme.name), after: scheme.name, by: actor, on: tx)
            return id
        }
    }

    // MARK: - The applicant

    /// What the rules are checked against: the association's entry and its standing today.
    static func applicant(_ stored: AssociationStore.Stored, today: Day) -> GrantApplicant {
        GrantApplicant(
            registeredIn: Set(stored.registers.filter { stored.standing($0, today: today).isRegistered }.map(\.area)),
            activeIn: Set(stored.entry.districts), members: stored.entry.members.total, founded: stored.entry.founded,
            boardSize: stored.entry.board.count, democracyConditions: stored.entry.democracyConditions)
    }

    // MARK: - Applications

    private struct ApplicationRow: Decodable {
        let id: UUID
        let scheme_id: UUID
        let association_id: UUID
        let status: String
        let request: String
        let amount_granted: Int?
        let late: Bool
        let sent_on: String?
        let decided_on: String?
        let diary_number: String?
        let decision_rule: String?
        let decision_reason: String?
        let paid_on: String?
        let report_due: String?
        let report_received_on: String?
        let report: String?
        let version: Int
    }

    private static let applicationColumns = """
        id, scheme_id, association_id, status, request, amount_granted, late, sent_on, decided_on, diary_number, \
        decision_rule, decision_reason, paid_on, report_due, report_received_on, report, version
        """

    private static func applications(_ rows: [ApplicationRow]) -> [Application] {
        let decoder = JSONDecoder()
        return rows.compactMap { row in
            guard let status = GrantStatus(rawValue: row.status),
                let request = try? decoder.decode(GrantRequest.self, from: Data(row.request.utf8))
            else { return nil }
            return Application(
                id: row.id, schemeID: row.scheme_id, associationID: row.association_id, status: status,
                request: request, amountGranted: row.amount_granted, late: row.late,
                sentOn: row.sent_on.flatMap(Day.init), decidedOn: row.decided_on.flatMap(Day.init),
                diaryNumber: row.diary_number, decisionRule: row.decision_rule.flatMap(GrantDecision.Rule.init),
                decisionReason: row.decision_reason, paidOn: row.paid_on.flatMap(Day.init),
                reportDue: row.report_due.flatMap(Day.init),
                reportReceivedOn: row.report_received_on.flatMap(Day.init), report: row.report,
                version: row.version)
        }
    }

    static func application(_ id: UUID, on db: any Database) async throws -> Application? {
        applications(
            try await db.sql().raw(
                "SELECT \(unsafeRaw: applicationColumns) FROM grant_applications WHERE id = \(bind: id)"
            ).all(decoding: ApplicationRow.self)
        ).first
    }

    static func application(scheme: UUID, association: UUID, on db: any Database) async throws -> Application? {
        applications(
            try await db.sql().raw(
                """
                SELECT \(unsafeRaw: applicationColumns) FROM grant_applications
                WHERE scheme_id = \(bind: scheme) AND association_id = \(bind: association)
                """
            ).all(decoding: ApplicationRow.self)
        ).first
    }

    /// An association's applications, the latest first.
    static func applications(of association: UUID, on db: any Database) async throws -> [Application] {
        applications(
            try await db.sql().raw(
                """
                SELECT \(unsafeRaw: applicationColumns) FROM grant_applications
                WHERE association_id = \(bind: association) ORDER BY created_at DESC
                """
            ).all(decoding: ApplicationRow.self))
    }

    /// Saves the association's application to `scheme`, as a draft or sent. `version` is the one
    /// the form was opened at (0: none yet). Returns the application's id.
    static func saveApplication(
        _ request: GrantRequest, scheme stored: StoredScheme, association: AssociationStore.Stored, send: Bool,
        version: Int, uploads: [Upload], today: Day, by actor: AuditActor, on db: any Database
    ) async throws -> UUID {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(request), as: UTF8.self)
        let now = ISO8601DateFormatter().string(from: Date())
        return try await CatalogueEditor.transaction(on: db) { tx in
            let existing = try await application(scheme: stored.id, association: association.id, on: tx)
            if let existing {
                guard existing.version == version else {
                    throw Problems(problems: [.init("version", .changedSince(stored: existing.version, given: version))]
                    )
                }
                guard existing.status.isEditable else {
                    throw Problems(problems: [.init("status", .notAllowed(from: existing.status, to: .received))])
                }
            } else if version != 0 {
                throw Problems(problems: [.init("version", .changedSince(stored: 0, given: version))])
            }
            let status: GrantStatus = send ? .received : (existing?.status ?? .draft)
            let id = existing?.id ?? UUID()
            let late = send && stored.scheme.isLate(on: today)
            if existing == nil {
                try await tx.sql().insert(into: "grant_applications")
                    .columns(
                        "id", "scheme_id", "association_id", "status", "request", "amount_requested", "late",
                        "sent_on", "created_at", "updated_at", "version"
                    )
                    .values(
                        SQLBind(id), SQLBind(stored.id), SQLBind(association.id), SQLBind(status.rawValue),
                        SQLBind(json), SQLBind(request.amount), SQLBind(late),
                        SQLBind(send ? today.description : nil), SQLBind(now), SQLBind(now), SQLBind(1)
                    ).run()
            } else {
                var update = try tx.sql().update("grant_applications").set("status", to: SQLBind(status.rawValue))
                    .set("request", to: SQLBind(json)).set("amount_requested", to: SQLBind(request.amount))
                    .set("updated_at", to: SQLBind(now)).set("version", to: SQLBind(version + 1))
                if send && existing?.status == .draft {
                    update = try update.set("late", to: SQLBind(late)).set("sent_on", to: SQLBind(today.description))
                }
                // Only from the version and status read above: another process's step in between wins.
                let changed = try await update.where("id", .equal, SQLBind(id)).where(
                    "version", .equal, SQLBind(version)
                )
                .where("status", .equal, SQLBind(existing?.status.rawValue ?? "")).returning("id").all()
                guard !changed.isEmpty else {
                    throw Problems(problems: [.init("version", .changedSince(stored: version + 1, given: version))])
                }
            }
            for upload in uploads {
                // The association's own documents count for every application, so they are kept with it.
                let owner = upload.kind.isAssociationDocument ? nil : id
                try await addDocument(upload, association: association.id, application: owner, on: tx)
            }
            let firstSend = send && existing?.status != .received
            if firstSend {
                try await addEvent(id, side: .applicant, actor: actor.label, status: .received, message: nil, on: tx)
            }
            try await Audit.record(
                firstSend ? "grant-application-send" : "grant-application-save", objectType: "grant-application",
                objectID: id.uuidString, after: "\(stored.scheme.id) \(request.amount.map(String.init) ?? "-") kr",
                by: actor, on: tx)
            return id
        }
    }

    /// Takes one step (`GrantStatus.moves`) from the status the page showed.
    static func move(
        _ application: Application, to status: GrantStatus, side: GrantStatus.Side, message: String?, today: Day,
        by actor: AuditActor, on db: any Database
    ) async throws {
        guard application.status.moves(by: side).contains(status) else {
            throw Problems(problems: [.init("status", .notAllowed(from: application.status, to: status))])
        }
        try await CatalogueEditor.transaction(on: db) { tx in
            var update = try tx.sql().update("grant_applications").set("status", to: SQLBind(status.rawValue))
                .set("updated_at", to: SQLBind(ISO8601DateFormatter().string(from: Date())))
                .set("version", to: SQLBind(application.version + 1))
            if status == .paid { update = try update.set("paid_on", to: SQLBind(today.description)) }
            let changed = try await update.where("id", .equal, SQLBind(application.id))
                .where("version", .equal, SQLBind(application.version)).where(
                    "status", .equal, SQLBind(application.status.rawValue)
                )
                .returning("id").all()
            guard !changed.isEmpty else {
                throw Problems(problems: [.init("status", .notAllowed(from: application.status, to: status))])
            }
            try await addEvent(application.id, side: side, actor: actor.label, status: status, message: message, on: tx)
            try await Audit.record(
                "grant-application-\(status.rawValue)", objectType: "grant-application",
                objectID: application.id.uuidString, before: application.status.rawValue, after: status.rawValue,
                by: actor, on: tx)
        }
    }

    /// A message on the application from one side to the other.
    static func message(
        _ application: Application, text: String, side: GrantStatus.Side, by actor: AuditActor, on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            try await addEvent(application.id, side: side, actor: actor.label, status: nil, message: text, on: tx)
            try await Audit.record(
                "grant-application-message", objectType: "grant-application", objectID: application.id.uuidString,
                after: String(text.prefix(200)), by: actor, on: tx)
        }
    }

    /// The association's report on the use of the grant, with its document.
    static func report(
        _ application: Application, text: String, upload: Upload, today: Day, by actor: AuditActor,
        on db: any Database
    ) async throws {
        guard application.status.takesReport else {
            throw Problems(problems: [.init("status", .notAllowed(from: application.status, to: .reportReceived))])
        }
        try await CatalogueEditor.transaction(on: db) { tx in
            let changed = try await tx.sql().update("grant_applications")
                .set("status", to: SQLBind(GrantStatus.reportReceived.rawValue))
                .set("report", to: SQLBind(text)).set("report_received_on", to: SQLBind(today.description))
                .set("updated_at", to: SQLBind(ISO8601DateFormatter().string(from: Date())))
                .set("version", to: SQLBind(application.version + 1))
                .where("id", .equal, SQLBind(application.id)).where("version", .equal, SQLBind(application.version))
                .returning("id").all()
            guard !changed.isEmpty else {
                throw Problems(
                    problems: [
                        .init("version", .changedSince(stored: application.version + 1, given: application.version))
                    ])
            }
            try await addDocument(upload, association: application.associationID, application: application.id, on: tx)
            try await addEvent(
                application.id, side: .applicant, actor: actor.label, status: .reportReceived, message: text, on: tx)
            try await Audit.record(
                "grant-application-report", objectType: "grant-application", objectID: application.id.uuidString,
                after: upload.filename, by: actor, on: tx)
        }
    }

    /// One decision of a batch: the application, as the handler saw it (its version), and the decision.
    struct BatchItem: Sendable {
        let application: UUID
        let version: Int
        let decision: GrantDecision
    }

    /// One meeting's decisions (a batch), all or none: every application must still await a
    /// decision in a scheme of `bodies`, unchanged since the handler saw it, sent before the meeting.
    static func decide(
        _ items: [BatchItem], diaryNumber: String, meeting: Day, bodies: Set<String>?, by actor: AuditActor,
        on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            try await CatalogueState.advance(on: tx)
            for (position, item) in items.enumerated() {
                guard let application = try await application(item.application, on: tx), application.status.isSent,
                    let scheme = try await scheme(id: application.schemeID, on: tx),
                    bodies.map({ $0.contains(scheme.scheme.body) }) ?? true
                else { throw Abort(.notFound) }
                let field = "decisions[\(position)]"
                let target = item.decision.outcome.status
                guard application.status.awaitsDecision else {
                    throw Problems(problems: [.init(field, .notAllowed(from: application.status, to: target))])
                }
                guard application.version == item.version else {
                    throw Problems(
                        problems: [.init(field, .changedSince(stored: application.version, given: item.version))])
                }
                if let sent = application.sentOn, meeting < sent {
                    throw Problems(problems: [.init("meeting", .notAfter(sent))])
                }
                // In full is what was asked, read here, under the version the handler saw.
                let amount =
                    item.decision.outcome == .granted ? (application.request.amount ?? 0) : item.decision.amount
                // Due by the scheme's day, or by the city's latest after a later meeting.
                let due =
                    scheme.scheme.reportDue >= meeting
                    ? scheme.scheme.reportDue : CityGrantRules.standard.latestReportDue(decides: meeting)
                let changed = try await tx.sql().update("grant_applications").set(
                    "status", to: SQLBind(target.rawValue)
                )
                .set("amount_granted", to: SQLBind(amount))
                .set("decided_on", to: SQLBind(meeting.description))
                .set("diary_number", to: SQLBind(diaryNumber))
                .set("decision_rule", to: SQLBind(item.decision.rule?.rawValue))
                .set("decision_reason", to: SQLBind(item.decision.reason))
                .set("report_due", to: SQLBind(target == .rejected ? nil : due.description))
                .set("updated_at", to: SQLBind(ISO8601DateFormatter().string(from: Date())))
                .set("version", to: SQLBind(application.version + 1))
                .where("id", .equal, SQLBind(application.id)).where("version", .equal, SQLBind(item.version))
                .returning("id").all()
                guard !changed.isEmpty else {
                    throw Problems(
                        problems: [.init(field, .changedSince(stored: item.version + 1, given: item.version))])
                }
                try await addEvent(
                    application.id, side: .handler, actor: actor.label, status: target,
                    message: item.decision.reason, on: tx)
                try await Audit.record(
                    "grant-application-\(target.rawValue)", objectType: "grant-application",
                    objectID: application.id.uuidString, before: application.status.rawValue,
                    after: "\(diaryNumber) \(amount) kr", by: actor, on: tx)
            }
        }
    }

    // MARK: - Events

    private struct EventRow: Decodable {
        let at: String
        let side: String
        let actor: String
        let status: String?
        let message: String?
    }

    static func events(_ application: UUID, on db: any Database) async throws -> [Event] {
        try await db.sql().raw(
            """
            SELECT at, side, actor, status, message FROM grant_application_events
            WHERE application_id = \(bind: application) ORDER BY position
            """
        ).all(decoding: EventRow.self).map {
            Event(
                at: $0.at, side: GrantStatus.Side(rawValue: $0.side) ?? .handler, actor: $0.actor,
                status: $0.status.flatMap(GrantStatus.init), message: $0.message)
        }
    }

    private static func addEvent(
        _ application: UUID, side: GrantStatus.Side, actor: String, status: GrantStatus?, message: String?,
        on db: any Database
    ) async throws {
        struct Last: Decodable { let position: Int? }
        let last = try await db.sql().raw(
            "SELECT MAX(position) AS position FROM grant_application_events WHERE application_id = \(bind: application)"
        ).first(decoding: Last.self)
        try await db.sql().insert(into: "grant_application_events")
            .columns("id", "application_id", "position", "at", "side", "actor", "status", "message")
            .values(
                SQLBind(UUID()), SQLBind(application), SQLBind((last?.position ?? 0) + 1),
                SQLBind(ISO8601DateFormatter().string(from: Date())),
                SQLBind(side.rawValue), SQLBind(actor), SQLBind(status?.rawValue), SQLBind(message)
            ).run()
    }

    // MARK: - Documents

    /// Reads an uploaded file as a document of `kind`: a PDF, DOCX or ODT whose bytes are what
    /// its name says, at most 10 MB.
    static func upload(kind: GrantDocumentKind, file: Vapor.File?, field: String) -> Result<Upload?, GrantProblem> {
        guard let file, !(file.filename.isEmpty && file.data.readableBytes == 0) else { return .success(nil) }
        let name = HeaderValue.cleanFilename(file.filename)
        let data = Data(buffer: file.data)
        guard let format = DocumentFormat(filename: name), format.matches(data) else {
            return .failure(.init(field, .attachmentType(filename: name)))
        }
        guard data.count <= maxDocumentBytes else {
            return .failure(.init(field, .attachmentTooLarge(filename: name, limit: maxDocumentBytes / 1_048_576)))
        }
        return .success(Upload(kind: kind, filename: name, data: data))
    }

    static func addDocument(_ upload: Upload, association: UUID, application: UUID?, on db: any Database)
        async throws
    {
        let format = DocumentFormat(filename: upload.filename) ?? .pdf
        try await db.sql().insert(into: "association_documents")
            .columns(
                "id", "association_id", "application_id", "kind", "filename", "content_type", "size", "data", "added_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(association), SQLBind(application), SQLBind(upload.kind.rawValue),
                SQLBind(upload.filename), SQLBind(format.contentType), SQLBind(upload.data.count), SQLBind(upload.data),
                SQLBind(ISO8601DateFormatter().string(from: Date()))
            ).run()
    }

    /// The association's own documents (the latest of each kind) and those of `application`.
    static func documents(association: UUID, application: UUID?, on db: any Database) async throws -> [Document] {
        struct Row: Decodable {
            let id: UUID
            let application_id: UUID?
            let kind: String
            let filename: String
            let size: Int
            let added_at: String
        }
        let rows = try await db.sql().raw(
            """
            SELECT id, application_id, kind, filename, size, added_at FROM association_documents
            WHERE association_id = \(bind: association)
            AND (application_id IS NULL OR application_id = \(bind: application ?? UUID()))
            ORDER BY added_at DESC, id
            """
        ).all(decoding: Row.self)
        var seen: Set<GrantDocumentKind> = []
        var documents: [Document] = []
        for row in rows {
            guard let kind = GrantDocumentKind(rawValue: row.kind) else { continue }
            // Of the association's own documents only the latest of each kind counts.
            if row.application_id == nil {
                guard !seen.contains(kind) else { continue }
                seen.insert(kind)
            }
            documents.append(
                Document(
                    id: row.id, applicationID: row.application_id, kind: kind, filename: row.filename, size: row.size,
                    addedAt: row.added_at))
        }
        return documents
    }

    /// Adds the association's own documents (statutes, annual report …), not tied to an application.
    static func addOwnDocuments(
        _ uploads: [Upload], association: AssociationStore.Stored, by actor: AuditActor, on db: any Database
    ) async throws {
        guard !uploads.isEmpty else { return }
        try await CatalogueEditor.transaction(on: db) { tx in
            for upload in uploads {
                try await addDocument(upload, association: association.id, application: nil, on: tx)
                try await Audit.record(
                    "association-document-\(upload.kind.rawValue)", objectType: "association",
                    objectID: association.slug, after: upload.filename, by: actor, on: tx)
            }
        }
    }

    /// A document's bytes with what the download needs, and whose it is.
    static func documentFile(_ id: UUID, on db: any Database) async throws
        -> (association: UUID, application: UUID?, filename: String, contentType: String, data: Data)?
    {
        struct Row: Decodable {
            let association_id: UUID
            let application_id: UUID?
            let filename: String
            let content_type: String
            let data: Data
        }
        guard
            let row = try await db.sql().raw(
                """
                SELECT association_id, application_id, filename, content_type, data FROM association_documents
                WHERE id = \(bind: id)
                """
            ).first(decoding: Row.self)
        else { return nil }
        return (row.association_id, row.application_id, row.filename, row.content_type, row.data)
    }
}

extension GrantStore {
    /// A row of the handlers' queue.
    struct QueueRow: Sendable, Decodable {
        let id: UUID
        let status: String
        let amount_requested: Int?
        let late: Bool
        let sent_on: String?
        let version: Int
        let deadline: String?
        let scheme_slug: String
        let association_name: String
        let association_slug: String
    }

    /// The statuses on which the handler acts, or waits for the association's report, besides
    /// those awaiting a decision.
    static let laterStatuses: [GrantStatus] = [
        .granted, .grantedInPart, .rejected, .paid, .reportDue, .reportReceived,
    ]

    /// The applications of `bodies`' schemes (every body's when nil) in `statuses`, the nearest
    /// deadline first: the decision meeting for those awaiting a decision, the report's due day
    /// for those decided. At most `limit`, with the number there are.
    static func queue(
        bodies: Set<String>?, statuses: [GrantStatus], scheme: String?, limit: Int, on db: any Database
    ) async throws -> (rows: [QueueRow], total: Int) {
        let statuses: [any Encodable & Sendable] = statuses.map(\.rawValue)
        let awaiting: [any Encodable & Sendable] = [GrantStatus.received.rawValue, GrantStatus.inReview.rawValue]
        var filter = SQLQueryString("a.status IN (\(binds: statuses))")
        if let bodies {
            let list: [any Encodable & Sendable] = bodies.isEmpty ? [""] : Array(bodies)
            filter = filter + SQLQueryString(" AND s.body IN (\(binds: list))")
        }
        if let scheme { filter = filter + SQLQueryString(" AND s.slug = \(bind: scheme)") }
        // PostgreSQL orders by an output name only when bare, so the expression is written twice.
        let deadline: SQLQueryString =
            "CASE WHEN a.status IN (\(binds: awaiting)) THEN s.decides ELSE a.report_due END"
        let rows = try await db.sql().raw(
            """
            SELECT a.id, a.status, a.amount_requested, a.late, a.sent_on, a.version, \(deadline) AS deadline, \
            s.slug AS scheme_slug, o.name AS association_name, o.slug AS association_slug \
            FROM grant_applications a JOIN grant_schemes s ON s.id = a.scheme_id \
            JOIN associations o ON o.id = a.association_id \
            WHERE \(filter) ORDER BY (\(deadline)) IS NULL, \(deadline), a.sent_on, o.name LIMIT \(literal: limit)
            """
        ).all(decoding: QueueRow.self)
        struct Count: Decodable { let n: Int }
        let total = try await db.sql().raw(
            """
            SELECT COUNT(*) AS n FROM grant_applications a JOIN grant_schemes s ON s.id = a.scheme_id \
            WHERE \(filter)
            """
        ).first(decoding: Count.self)
        return (rows, total?.n ?? rows.count)
    }
}
