import Foundation
import SkillnadCore
import Vapor

/// The check step before an answer is submitted (granska och skicka in, GOV.UK's "check your
/// answers"): submitting makes the answer a public record that can only be corrected, never
/// withdrawn, so the form only saves it and leads here; this page shows what will be published,
/// which required measures have no position and what happens next, and only its confirmation
/// submits, based on the version the editor checked.
enum AnswerCheck {
    struct ConfirmForm: Content {
        var version: Int?
    }

    /// The two irreversible steps, each confirmed on a page of its own: submitting (this page) and
    /// declining (`AnswerDecline`). They differ only in what the store does, the page and the
    /// notice after.
    enum Step: Sendable {
        case submit, decline

        var action: AnswerStore.Action { self == .submit ? .submit : .decline }
        var template: String { self == .submit ? "Referrals/answer-check" : "Referrals/answer-decline" }
        var saved: String { self == .submit ? "submitted" : "declined" }
    }

    /// GET `/referrals/{id}/answers/{body}/check`.
    static func show(_ req: Request) async throws -> Response {
        try await show(req, step: .submit)
    }

    /// POST `/referrals/{id}/answers/{body}/check`.
    static func confirm(_ req: Request) async throws -> Response {
        try await confirm(req, step: .submit)
    }

    /// Shows what the step will publish, while the answer is a saved draft.
    static func show(_ req: Request, step: Step) async throws -> Response {
        let (data, body) = try await answerOf(req)
        guard let stored = data.answer(of: body), !stored.answer.status.isFinal else {
            // Nothing saved yet, or already a public record: the answer's own page says which.
            return req.redirect(to: formLink(req, data, body), redirectType: .normal)
        }
        return try await page(req, step: step, data: data, body: body, errors: [], status: .ok)
    }

    /// Takes the step with the answer as it was shown, in one transaction (`AnswerStore.save`),
    /// or shows the page again with why not.
    static func confirm(_ req: Request, step: Step) async throws -> Response {
        let (data, body) = try await answerOf(req)
        let form = try req.content.decode(ConfirmForm.self)
        guard let stored = data.answer(of: body) else {
            return req.redirect(to: formLink(req, data, body), redirectType: .normal)
        }
        do {
            _ = try await AnswerStore.save(
                stored.answer, action: step.action, version: form.version ?? 0, attachment: nil,
                index: try await req.catalogue().index, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            let link = SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(
                Lang.of(req), query: [("saved", step.saved)])
            return req.redirect(to: link, redirectType: .normal)
        } catch let e as AnswerStore.Refused {
            return try await page(
                req, step: step, data: data, body: body, errors: e.problems, status: .unprocessableEntity)
        } catch let e as AnswerStore.Conflict {
            // Someone saved after the page was shown: show what is stored now, and why nothing
            // was published.
            let fresh = try await ReferralController.roundData(req)
            return try await page(req, step: step, data: fresh, body: body, errors: [e.problem], status: .conflict)
        }
    }

    /// The round and the body, once the caller may write the body's answer and the body is on the list.
    static func answerOf(_ req: Request) async throws -> (LoadedRound, String) {
        let data = try await ReferralController.roundData(req)
        let body = try req.parameters.require(SiteURL.bodyKey)
        guard ReferralController.mayEdit(req, body: body) else {
            throw Abort(.forbidden, reason: "Only the body's editors and administrators submit its answer.")
        }
        guard data.round.recipients.contains(where: { $0.body == body }) else {
            throw Abort(.notFound, reason: "'\(body.prefix(100))' is not on the distribution list of this round.")
        }
        return (data, body)
    }

    static func formLink(_ req: Request, _ data: LoadedRound, _ body: String) -> String {
        SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(Lang.of(req))
    }

    static func page(
        _ req: Request, step: Step, data: LoadedRound, body: String, errors: [AnswerProblem],
        status: HTTPResponseStatus
    ) async throws -> Response {
        guard
            let context = AnswerPage.build(
                try await req.catalogue().index, Lang.of(req), data: data, body: body, mayEdit: true, values: nil,
                version: nil, errors: errors, saved: nil, csrf: CSRF.token(for: req), check: true,
                decline: step == .decline)
        else { throw Abort(.notFound) }
        return try await AccountController.render(req, step.template, context, status: status)
    }
}
