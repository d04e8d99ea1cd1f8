import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Reads and writes referral rounds and answers.
enum ReferralStore {
    /// Lists stored as JSON text; most are empty, which needs no decoder.
    static func decode<T: Decodable>(_ text: String, as: T.Type) -> T? {
        if text == "[]", let empty = [String]() as? T { return empty }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
    static func encode<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? CatalogueImporter.sortedEncoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func record(_ r: ReferralRound, recipients: [RecipientRow]) -> ReferralDocument.Round {
        ReferralDocument.Round(
            id: r.slug, title: r.title, sender: r.sender, senderDiaryNumber: r.senderDiaryNumber,
            sentOn: Day(r.sentOn) ?? .epoch, deadline: Day(r.deadline) ?? .epoch,
            reports: decode(r.reports, as: [String].self) ?? [],
            questions: decode(r.questions, as: [String].self) ?? [],
            recipients: recipients.sorted { $0.position < $1.position }.map {
                RecipientScope(
                    body: $0.body, commentReports: decode($0.commentReports, as: [String].self) ?? [],
                    required: decode($0.required, as: [String].self) ?? [],
                    invited: decode($0.invited, as: [String].self) ?? [])
            }, note: r.note)
    }

    static func record(
        _ a: AnswerRow, round: String, positions: [ReferralDocument.Position],
        jointConfirmed: [String] = []
    ) -> ReferralDocument.Answer {
        ReferralDocument.Answer(
            round: round, body: a.body, example: a.example ? true : nil,
            status: AnswerStatus(rawValue: a.status) ?? .draft,
            diaryNumber: a.diaryNumber, diaryIssuer: a.diaryIssuer, preparedBy: a.preparedBy,
            decidedOn: a.decidedOn.flatMap(Day.init), submittedOn: a.submittedOn.flatMap(Day.init), summary: a.summary,
            proposedDecision: a.proposedDecision, questionAnswers: decode(a.questionAnswers, as: [String].self),
            furtherChallenges: a.furtherChallenges, jointWith: decode(a.jointWith, as: [String].self),
            jointConfirmed: jointConfirmed.isEmpty ? nil : jointConfirmed, declineReason: a.declineReason,
            positions: positions)
    }

    // Rows of the tables a round page reads, taken column by column: Fluent fills a model by
    // reflection and SQLKit's `Decodable` rows go through a whole `Decoder` per row, and on a
    // city-scale round either cost more than rendering the page.

    /// A recipient on a round's distribution list (`referral_recipients`).
    struct RecipientRow: Sendable {
        let roundID: UUID, body: String, commentReports: String, required: String, invited: String, position: Int
        static let columns = ["round_id", "body", "comment_reports", "required", "invited", "position"]
        init(_ row: any SQLRow) throws {
            roundID = try row.value("round_id")
            body = try row.value("body")
            commentReports = try row.value("comment_reports")
            required = try row.value("required")
            invited = try row.value("invited")
            position = try row.value("position")
        }
    }

    /// An answer without its positions (`referral_answers`).
    struct AnswerRow: Sendable {
        let id: UUID, body: String, status: String, revision: Int
        let diaryNumber: String?, diaryIssuer: String?, preparedBy: String?, decidedOn: String?, submittedOn: String?
        let summary: String?, proposedDecision: String?, questionAnswers: String, furtherChallenges: String?,
            jointWith: String
        let declineReason: String?, example: Bool, updatedAt: Date, version: Int
        static let columns = [
            "id", "body", "status", "revision", "diary_number", "diary_issuer", "prepared_by", "decided_on",
            "submitted_on",
            "summary", "proposed_decision", "question_answers", "further_challenges", "joint_with", "decline_reason",
            "example", "updated_at", "version",
        ]
        init(_ row: any SQLRow) throws {
            id = try row.value("id")
            body = try row.value("body")
            status = try row.value("status")
            revision = try row.value("revision")
            diaryNumber = try row.optional("diary_number")
            diaryIssuer = try row.optional("diary_issuer")
            preparedBy = try row.optional("prepared_by")
            decidedOn = try row.optional("decided_on")
            submittedOn = try row.optional("submitted_on")
            summary = try row.optional("summary")
            proposedDecision = try row.optional("proposed_decision")
            questionAnswers = try row.value("question_answers")
            furtherChallenges = try row.optional("further_challenges")
            jointWith = try row.value("joint_with")
            declineReason = try row.optional("decline_reason")
            example = try row.value("example")
            updatedAt = try row.value("updated_at")
            version = try row.value("version")
        }
    }

    static func recipients(round: UUID? = nil, on db: any Database) async throws -> [RecipientRow] {
        let sql = try db.sql()
        var q = sql.select().columns(RecipientRow.columns).from(ReferralRecipient.schema)
        if let round { q = q.where("round_id", .equal, SQLBind(round)) }
        return try await q.all().map(RecipientRow.init)
    }

    /// Every round, newest first, without answers.
    static func rounds(on db: any Database) async throws -> [(round: ReferralDocument.Round, id: UUID)] {
        let rounds = try await ReferralRound.query(on: db).all()
        let recipients = Dictionary(grouping: try await recipients(on: db), by: \.roundID)
        return rounds.compactMap { r in r.id.map { id in (record(r, recipients: recipients[id] ?? []), id) } }
            .sorted { ($0.round.sentOn, $0.round.id) > ($1.round.sentOn, $1.round.id) }
    }

    /// Answer counts per round id: (submitted or declined, all).
    static func answerCounts(on db: any Database) async throws -> [UUID: (final: Int, all: Int)] {
        var out: [UUID: (Int, Int)] = [:]
        for a in try await ReferralAnswer.query(on: db).field(\.$round.$id).field(\.$status).all() {
            let final = AnswerStatus(rawValue: a.status)?.isFinal == true
            let c = out[a.$round.id] ?? (0, 0)
            out[a.$round.id] = (c.0 + (final ? 1 : 0), c.1 + 1)
        }
        return out.mapValues { (final: $0.0, all: $0.1) }
    }

    static func round(_ slug: String, on db: any Database) async throws -> LoadedRound? {
        guard let r = try await ReferralRound.query(on: db).filter(\.$slug == slug).first() else { return nil }
        let roundID = try r.requireID()
        let recipients = try await recipients(round: roundID, on: db)
        let sql = try db.sql()
        let answers = try await sql.select().columns(AnswerRow.columns).from(ReferralAnswer.schema)
            .where("round_id", .equal, SQLBind(roundID)).all().map(AnswerRow.init)
        let ids = answers.map(\.id)
        let positions =
            ids.isEmpty
            ? []
            : try await sql.select().columns(
                "answer_id", "measure", "position", "already_works", "prerequisites", "text"
            )
            .from(ReferralPosition.schema).where("answer_id", .in, SQLBind.group(ids)).orderBy("id").all()
        var byAnswer: [UUID: [ReferralDocument.Position]] = [:]
        for p in positions {
            byAnswer[try p.value("answer_id", as: UUID.self), default: []].append(
                ReferralDocument.Position(
                    measure: try p.value("measure"),
                    position: PositionKind(rawValue: try p.value("position")) ?? .noOpinion,
                    alreadyWorks: try p.optional("already_works"), prerequisites: try p.optional("prerequisites"),
                    text: try p.optional("text")))
        }
        let attachments =
            ids.isEmpty
            ? []
            : try await ReferralAttachment.query(on: db).filter(\.$answer.$id ~~ ids)
                .field(\.$id).field(\.$answer.$id).field(\.$filename).field(\.$size).field(\.$addedAt).all()
        let attachmentsBy = Dictionary(grouping: attachments, by: { $0.$answer.id })
        let revisions =
            ids.isEmpty
            ? []
            : try await ReferralAnswerRevision.query(on: db).filter(\.$answer.$id ~~ ids)
                .all()
        let revisionsBy = Dictionary(grouping: revisions, by: { $0.$answer.id })
        let confirmations =
            ids.isEmpty ? [] : try await ReferralJointConfirmation.query(on: db).filter(\.$answer.$id ~~ ids).all()
        let confirmedBy = Dictionary(grouping: confirmations, by: { $0.$answer.id }).mapValues {
            $0.map(\.body).sorted()
        }
        let deadlines = try await ReferralDeadline.query(on: db).filter(\.$round.$id == roundID).sort(\.$id).all()
        let order = Dictionary(recipients.map { ($0.body, $0.position) }, uniquingKeysWith: { a, _ in a })
        return LoadedRound(
            id: roundID, round: record(r, recipients: recipients), version: r.version,
            deadlines: deadlines.map { ($0.deadline, $0.changedAt, $0.changedBy, $0.reason) },
            answers: answers.sorted { (order[$0.body] ?? 0) < (order[$1.body] ?? 0) }.map { a in
                .init(
                    id: a.id,
                    answer: record(
                        a, round: r.slug, positions: byAnswer[a.id] ?? [], jointConfirmed: confirmedBy[a.id] ?? []),
                    revision: a.revision, version: a.version,
                    updatedAt: a.updatedAt,
                    attachments: (attachmentsBy[a.id] ?? []).compactMap { f in
                        f.id.map { ($0, f.filename, f.size, f.addedAt) }
                    },
                    revisions: (revisionsBy[a.id] ?? []).sorted { $0.revision < $1.revision }.map {
                        (
                            $0.revision, $0.replacedAt,
                            try? JSONDecoder().decode(ReferralDocument.Answer.self, from: Data($0.snapshot.utf8))
                        )
                    })
            })
    }

    /// Writes rounds and answers from a document (the demo, the city-scale generator), replacing
    /// rounds with the same id. Checked whole against the catalogue first; one transaction.
    static func load(_ doc: ReferralDocument, index: CatalogueIndex, by actor: AuditActor, on db: any Database)
        async throws
    {
        let problems = doc.problems(index)
        if !problems.isEmpty { throw CatalogueProblems(problems) }
        try await CatalogueEditor.transaction(on: db) { tx in
            var ids: [String: UUID] = [:]
            for r in doc.rounds {
                try await ReferralRound.query(on: tx).filter(\.$slug == r.id).delete()
                let m = ReferralRound()
                m.slug = r.id
                m.title = r.title
                m.sender = r.sender
                m.senderDiaryNumber = r.senderDiaryNumber
                m.sentOn = r.sentOn.description
                m.deadline = r.deadline.description
                m.reports = encode(r.reports)
                m.questions = encode(r.questions)
                m.note = r.note
                m.version = 1
                try await m.create(on: tx)
                let roundID = try m.requireID()
                ids[r.id] = roundID
                let recipients = r.recipients.enumerated().map { i, rec -> ReferralRecipient in
                    let x = ReferralRecipient()
                    x.$round.id = roundID
                    x.body = rec.body
                    x.commentReports = encode(rec.commentReports)
                    x.required = encode(rec.required)
                    x.invited = encode(rec.invited)
                    x.position = i
                    return x
                }
                try await recipients.create(on: tx)
                let d = ReferralDeadline()
                d.$round.id = roundID
                d.deadline = r.deadline.description
                d.changedAt = Date()
                d.changedBy = actor.label
                d.reason = nil
                try await d.create(on: tx)
                try await Audit.record(
                    "create", objectType: "referral", objectID: r.id, after: encode(r), by: actor, on: tx)
            }
            var positions: [ReferralPosition] = []
            for a in doc.answers {
                let m = ReferralAnswer()
                guard let roundID = ids[a.round] else { continue }
                m.$round.id = roundID
                apply(a, to: m)
                m.revision = 1
                m.version = 1
                m.example = a.example ?? false
                m.updatedAt = Date()
                try await m.create(on: tx)
                for body in a.jointConfirmed ?? [] {
                    let confirmation = ReferralJointConfirmation()
                    confirmation.$answer.id = try m.requireID()
                    confirmation.body = body
                    confirmation.confirmedAt = Date()
                    confirmation.confirmedBy = actor.label
                    try await confirmation.create(on: tx)
                }
                let answerID = try m.requireID()
                try await AnswerTexts.reindex(answerID, answer: a, on: tx)
                positions += a.positions.map { p in position(p, answer: answerID) }
                if positions.count > 5000 {
                    try await positions.create(on: tx)
                    positions = []
                }
            }
            if !positions.isEmpty { try await positions.create(on: tx) }
        }
    }

    static func apply(_ a: ReferralDocument.Answer, to m: ReferralAnswer) {
        m.body = a.body
        m.status = a.status.rawValue
        m.diaryNumber = a.diaryNumber
        m.diaryIssuer = a.diaryIssuer
        m.preparedBy = a.preparedBy
        m.decidedOn = a.decidedOn?.description
        m.submittedOn = a.submittedOn?.description
        m.summary = a.summary
        m.proposedDecision = a.proposedDecision
        m.questionAnswers = encode(a.questionAnswers ?? [])
        m.furtherChallenges = a.furtherChallenges
        m.jointWith = encode(a.jointWith ?? [])
        m.declineReason = a.declineReason
    }

    static func position(_ p: ReferralDocument.Position, answer: UUID) -> ReferralPosition {
        let x = ReferralPosition()
        x.$answer.id = answer
        x.measure = p.measure
        x.position = p.position.rawValue
        x.alreadyWorks = p.alreadyWorks
        x.prerequisites = p.prerequisites
        x.text = p.text
        return x
    }

    /// A submitted position on a measure, with its round (`referral_positions` joined with its answer and round).
    struct SubmittedPosition: Decodable, Sendable {
        let slug: String
        let title: String
        let body: String
        let position: String
        let prerequisites: String?
        let text: String?
    }

    /// Every submitted position on a measure, newest round first: what its page shows.
    static func submittedPositions(on measure: String, on db: any Database) async throws -> [SubmittedPosition] {
        try await db.sql().raw(
            """
            SELECT r.slug AS slug, r.title AS title, a.body AS body, p.position AS position,
                   p.prerequisites AS prerequisites, p.text AS text
            FROM referral_positions p
            JOIN referral_answers a ON a.id = p.answer_id
            JOIN referral_rounds r ON r.id = a.round_id
            WHERE p.measure = \(bind: measure) AND a.status = 'submitted'
            ORDER BY r.sent_on DESC, a.body
            """
        ).all(decoding: SubmittedPosition.self)
    }
}
