import Foundation
import SkillnadCore
import Vapor

/// The confirmation before a body declines to answer (avstår från att svara), GOV.UK's "are you
/// sure" step: declining makes the decision and its reason a public record that can never be
/// withdrawn or corrected, so the form's decline button only saves the draft with its reason and
/// leads here; this page says what will be published and what happens next, and only its button
/// declines, based on the version the editor saw.
enum AnswerDecline {
    /// GET `/referrals/{id}/answers/{body}/decline`.
    static func show(_ req: Request) async throws -> Response {
        let (data, body) = try await AnswerCheck.answerOf(req)
        guard let stored = data.answer(of: body), !stored.answer.status.isFinal else {
            // Nothing saved yet, or already a public record: the answer's own page says which.
            return req.redirect(to: AnswerCheck.formLink(req, data, body), redirectType: .normal)
        }
        return try await page(req, data: data, body: body, errors: [], status: .ok)
    }

    /// POST `/referrals/{id}/answers/{body}/decline`: declines with the answer as it was shown, in
    /// one transaction (`AnswerStore.save`), or shows the confirmation again with why not.
    static func confirm(_ req: Request) async throws -> Response {
        let (data, body) = try await AnswerCheck.answerOf(req)
        let form = try req.content.decode(AnswerCheck.ConfirmForm.self)
        guard let stored = data.answer(of: body) else {
            return req.redirect(to: AnswerCheck.formLink(req, data, body), redirectType: .normal)
        }
        do {
            _ = try await AnswerStore.save(
                stored.answer, action: .decline, version: form.version ?? 0, attachment: nil,
                index: try await req.catalogue().index, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            let link = SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(
                Lang.of(req), query: [("saved", "declined")])
            return req.redirect(to: link, redirectType: .normal)
        } catch let e as AnswerStore.Refused {
            return try await page(req, data: data, body: body, errors: e.problems, status: .unprocessableEntity)
        } catch let e as AnswerStore.Conflict {
            // Someone saved after the confirmation was shown: show what is stored now, and why
            // nothing was published.
            let fresh = try await ReferralController.roundData(req)
            return try await page(req, data: fresh, body: body, errors: [e.problem], status: .conflict)
        }
    }

    static func page(
        _ req: Request, data: LoadedRound, body: String, errors: [AnswerProblem], status: HTTPResponseStatus
    ) async throws -> Response {
        guard
            let context = AnswerPage.build(
                try await req.catalogue().index, Lang.of(req), data: data, body: body, mayEdit: true, values: nil,
                version: nil, errors: errors, saved: nil, csrf: CSRF.token(for: req), check: true, decline: true)
        else { throw Abort(.notFound) }
        return try await AccountController.render(req, "Referrals/answer-decline", context, status: status)
    }
}
