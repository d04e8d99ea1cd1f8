import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Reads a statement's file into text and keeps it for review; attaches it to the answer an editor
/// saves from it, inside that answer's transaction.
enum StatementStore {
    /// A statement read and checked against its round, not yet kept.
    struct Read: Sendable {
        let filename: String
        let contentType: String
        let data: Data
        let text: StatementText
        let draft: StatementDraft
    }

    /// Where the statement an answer is saved with comes from.
    enum Source: Sendable {
        /// Uploaded earlier and kept for review (`keep`).
        case kept(UUID)
        /// Read just now (the bulk import): kept and attached in the answer's transaction.
        case read(Read)
    }

    /// Checks the file by its content (as attachments are checked), reads it and drafts the
    /// body's answer from it; refuses a statement about reports of another round.
    static func read(
        filename: String, data: Data, round: ReferralDocument.Round, body: String, index: CatalogueIndex
    ) throws(StatementProblem) -> Read {
        let (contentType, text) = try document(filename: filename, data: data)
        return try drafted(
            text, contentType: contentType, filename: filename, data: data, round: round, body: body, index: index)
    }

    /// Drafts the body's answer from a statement already read; refuses one for another round.
    static func drafted(
        _ text: StatementText, contentType: String, filename: String, data: Data, round: ReferralDocument.Round,
        body: String, index: CatalogueIndex
    ) throws(StatementProblem) -> Read {
        let draft = StatementDraft.make(text, round: round, body: body, index: index)
        try check(draft, round: round, index: index)
        return Read(filename: filename, contentType: contentType, data: data, text: text, draft: draft)
    }

    /// The file's type, checked by its content, and its text.
    static func document(filename: String, data: Data) throws(StatementProblem) -> (String, StatementText) {
        let file = AnswerStore.NewAttachment(filename: filename, data: data)
        let contentType: String
        switch AnswerStore.attachmentType(file) {
        case .success(let type): contentType = type
        case .failure(let problem): throw .file(problem)
        }
        do {
            return (contentType, try StatementReader.read(data, fileName: filename))
        } catch {
            throw .unreadable(error, fileName: filename)
        }
    }

    /// A statement for another round: it names reports and none is the round's, or it cites the
    /// referral's diary number and that is not the round's.
    static func check(_ draft: StatementDraft, round: ReferralDocument.Round, index: CatalogueIndex)
        throws(StatementProblem)
    {
        if !draft.reports.isEmpty, !round.reports.isEmpty, Set(draft.reports).isDisjoint(with: round.reports) {
            let titles = draft.reports.map { index.reportByID[$0]?.title ?? $0 }
            throw .otherRound(reports: titles.joined(separator: ", "), round: round.title)
        }
        if let cited = draft.referralNumber, let sent = round.senderDiaryNumber, !sent.isEmpty,
            DiaryNumber.normalised(cited) != DiaryNumber.normalised(sent)
        {
            throw .otherReferral(cited: cited, round: sent)
        }
    }

    /// Keeps an uploaded statement for review; returns its id. Uploads left unreviewed past
    /// `abandonedAfterDays` go first: they hold the signers' names and serve no purpose.
    static func keep(_ read: Read, roundID: UUID, body: String, on db: any Database) async throws -> UUID {
        try await purgeAbandoned(on: db)
        let row = try row(read, roundID: roundID, body: body)
        try await row.create(on: db)
        return try row.requireID()
    }

    /// Days an upload waits for its review before it is deleted.
    static let abandonedAfterDays = 7

    /// Deletes the statements uploaded more than `days` days before `now` and never saved in an
    /// answer (file, text and all); returns how many.
    @discardableResult
    static func purgeAbandoned(
        days: Int = abandonedAfterDays, now: Date = Date(), on db: any Database
    ) async throws -> Int {
        let before = now.addingTimeInterval(-Double(max(days, 0)) * 86_400)
        let stale = ReferralStatement.query(on: db).filter(\.$answer.$id == nil).filter(\.$uploadedAt < before)
        let count = try await stale.count()
        if count > 0 { try await stale.delete() }
        return count
    }

    static func row(_ read: Read, roundID: UUID, body: String) throws -> ReferralStatement {
        let row = ReferralStatement()
        row.$round.id = roundID
        row.body = body
        row.filename = read.filename
        row.contentType = read.contentType
        row.size = read.data.count
        row.data = read.data
        row.format = read.text.format.rawValue
        row.document = String(decoding: try JSONEncoder().encode(read.text), as: UTF8.self)
        row.uploadedAt = Date()
        return row
    }

    /// A statement kept for review for this round and body, not yet saved in an answer.
    static func kept(_ id: UUID, roundID: UUID, body: String, on db: any Database) async throws -> ReferralStatement? {
        try await ReferralStatement.query(on: db).filter(\.$id == id).filter(\.$round.$id == roundID)
            .filter(\.$body == body).filter(\.$answer.$id == nil).first()
    }

    static func text(of row: ReferralStatement) throws -> StatementText {
        try JSONDecoder().decode(StatementText.self, from: Data(row.document.utf8))
    }

    /// Links the statement to the saved answer and makes its file the answer's attachment; its
    /// own copy of the file is then let go. Runs inside the answer's transaction.
    static func attach(
        _ source: Source, roundID: UUID, body: String, answerID: UUID, on tx: any Database
    ) async throws {
        let row: ReferralStatement
        switch source {
        case .kept(let id):
            guard let found = try await kept(id, roundID: roundID, body: body, on: tx) else {
                throw StatementProblem.gone
            }
            row = found
        case .read(let read):
            row = try Self.row(read, roundID: roundID, body: body)
        }
        let file = ReferralAttachment()
        file.$answer.id = answerID
        file.filename = row.filename
        file.contentType = row.contentType
        file.size = row.size
        file.data = row.data
        file.addedAt = Date()
        try await file.create(on: tx)
        row.$answer.id = answerID
        row.data = Data()
        try await row.save(on: tx)
    }
}
