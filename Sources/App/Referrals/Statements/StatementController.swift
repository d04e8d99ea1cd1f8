import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Reading a statement (tjänsteutlåtande) into a body's answer: the upload form, the upload,
/// and the review page, where the answer form is filled from the statement beside its text. The
/// answer is saved through the answer form's one write path (`ReferralController.saveAnswer`).
enum StatementController {
    struct UploadForm: Content {
        var statement: File?
    }

    static func uploadForm(_ req: Request) async throws -> Response {
        let data = try await ReferralController.roundData(req)
        let body = try editableBody(req, data)
        return try await uploadPage(req, data: data, body: body, problem: nil, status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let data = try await ReferralController.roundData(req)
        let body = try editableBody(req, data)
        let form = try req.content.decode(UploadForm.self)
        do {
            guard let file = form.statement, !(file.filename.isEmpty && file.data.readableBytes == 0) else {
                throw StatementProblem.noFile
            }
            let index = try await req.catalogue().index
            let filename = HeaderValue.cleanFilename(file.filename)
            // Reading a PDF runs a program: off the event loop.
            let read = try await req.application.threadPool.runIfActive {
                try StatementStore.read(
                    filename: filename, data: Data(buffer: file.data), round: data.round, body: body, index: index)
            }
            let id = try await StatementStore.keep(read, roundID: data.id, body: body, on: req.db)
            let next = SiteURL.Referrals.statementReview(.value(data.round.id), .value(body), .value(id.uuidString))
            return req.redirect(to: next.link(Lang.of(req)), redirectType: .normal)
        } catch let problem as StatementProblem {
            return try await uploadPage(req, data: data, body: body, problem: problem, status: .unprocessableEntity)
        }
    }

    /// The answer form filled from the statement: what the body has saved already, with every
    /// field the statement speaks to taken from it.
    static func review(_ req: Request) async throws -> Response {
        let data = try await ReferralController.roundData(req)
        let body = try editableBody(req, data)
        guard let id = req.parameters.get(SiteURL.Referrals.statementKey, as: UUID.self),
            let (shown, draft) = try await panel(req, data: data, body: body, id: id)
        else {
            throw Abort(.notFound, reason: StatementProblem.gone.text(Texts(Lang.of(req))))
        }
        if data.answer(of: body)?.answer.status.isFinal == true {
            throw Abort(.conflict, reason: AnswerProblem.locked.text(Texts(Lang.of(req))))
        }
        let values = merge(data.answer(of: body)?.answer, draft.answer)
        let index = try await req.catalogue().index
        guard
            let context = AnswerPage.build(
                index, Lang.of(req), data: data, body: body, mayEdit: true, values: values, version: nil, errors: [],
                saved: nil, csrf: CSRF.token(for: req), statement: shown)
        else { throw Abort(.notFound) }
        return try await AccountController.render(req, "Referrals/answer", context)
    }

    /// The panel for a statement kept for this round and body, and the draft read from it.
    static func panel(
        _ req: Request, data: LoadedRound, body: String, id: UUID
    ) async throws -> (StatementPanel, StatementDraft)? {
        guard let row = try await StatementStore.kept(id, roundID: data.id, body: body, on: req.db) else { return nil }
        let index = try await req.catalogue().index
        let text = try StatementStore.text(of: row)
        let draft = StatementDraft.make(text, round: data.round, body: body, index: index)
        let panel = StatementPanel.build(
            id: id, filename: row.filename, text: text, draft: draft, body: body, index: index, lang: Lang.of(req))
        return (panel, draft)
    }

    /// The stored answer with what the statement says put in: a field the statement fills is
    /// taken from it, one it is silent on is kept; positions by measure, the statement's first.
    static func merge(_ stored: ReferralDocument.Answer?, _ read: ReferralDocument.Answer) -> ReferralDocument.Answer {
        guard var merged = stored else { return read }
        func take(_ field: WritableKeyPath<ReferralDocument.Answer, String?>) {
            if let value = read[keyPath: field], !value.isEmpty { merged[keyPath: field] = value }
        }
        for field in [
            \ReferralDocument.Answer.diaryNumber, \.diaryIssuer, \.preparedBy, \.summary, \.furtherChallenges,
            \.declineReason,
        ] {
            take(field)
        }
        let answers = read.questionAnswers ?? []
        if answers.contains(where: { !$0.isEmpty }) {
            var kept = merged.questionAnswers ?? []
            for (number, answer) in answers.enumerated() where !answer.isEmpty {
                while kept.count <= number { kept.append("") }
                kept[number] = answer
            }
            merged.questionAnswers = kept
        }
        if !(read.jointWith ?? []).isEmpty { merged.jointWith = read.jointWith }
        let readMeasures = Set(read.positions.map(\.measure))
        merged.positions = read.positions + merged.positions.filter { !readMeasures.contains($0.measure) }
        return merged
    }

    /// The body from the address, when the signed-in person may write its answer and the round
    /// asks it; refused otherwise.
    static func editableBody(_ req: Request, _ data: LoadedRound) throws -> String {
        let body = try req.parameters.require(SiteURL.bodyKey)
        guard ReferralController.mayEdit(req, body: body) else {
            throw Abort(.forbidden, reason: "Only the body's editors and administrators write its answer.")
        }
        guard data.round.recipients.contains(where: { $0.body == body }) else {
            throw Abort(.notFound, reason: "'\(body.prefix(100))' is not on the distribution list of this round.")
        }
        return body
    }

    static func uploadPage(
        _ req: Request, data: LoadedRound, body: String, problem: StatementProblem?, status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let index = try await req.catalogue().index
        let context = StatementUploadPage.build(
            index, lang, data: data, body: body, problem: problem, csrf: CSRF.token(for: req))
        return try await AccountController.render(req, "Referrals/statement-upload", context, status: status)
    }
}
