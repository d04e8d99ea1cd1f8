import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Confirming or withdrawing from another body's joint answer (gemensamt remissvar): an editor
/// of the named body (or an administrator) decides, on that body's answer page.
enum JointAnswers {
    enum Decision: String, Sendable { case confirm, withdraw }

    struct Form: Content {
        /// The body whose answer names this one.
        var from: String?
        var decision: String?
    }

    /// POST `/referrals/{id}/answers/{body}/joint`.
    static func decide(_ req: Request) async throws -> Response {
        let data = try await ReferralController.roundData(req)
        let body = try req.parameters.require(SiteURL.bodyKey)
        guard ReferralController.mayEdit(req, body: body) else {
            throw Abort(.forbidden, reason: "Only the body's editors and administrators decide on its joint answers.")
        }
        let form = try req.content.decode(Form.self)
        guard let decision = form.decision.flatMap(Decision.init(rawValue:)) else {
            throw Abort(.unprocessableEntity, reason: "decision must be confirm or withdraw")
        }
        guard let from = form.from, let answer = data.answer(of: from), (answer.answer.jointWith ?? []).contains(body)
        else {
            throw Abort(.unprocessableEntity, reason: "No answer in this round names this body as answering jointly.")
        }
        try await save(
            decision, answer: answer.id, round: data.round.id, from: from, body: body, by: req.auditActor, on: req.db)
        req.application.catalogue.invalidate()
        let link = SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(
            Lang.of(req), query: [("saved", "1")])
        return req.redirect(to: link, redirectType: .normal)
    }

    /// Records the decision, audited, in one transaction that also starts a new generation.
    static func save(
        _ decision: Decision, answer: UUID, round: String, from: String, body: String, by actor: AuditActor,
        on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let existing = try await ReferralJointConfirmation.query(on: tx).filter(\.$answer.$id == answer).filter(
                \.$body == body
            ).first()
            switch decision {
            case .confirm:
                guard existing == nil else { return }
                let confirmation = ReferralJointConfirmation()
                confirmation.$answer.id = answer
                confirmation.body = body
                confirmation.confirmedAt = Date()
                confirmation.confirmedBy = actor.label
                try await confirmation.create(on: tx)
            case .withdraw:
                guard let existing else { return }
                try await existing.delete(on: tx)
            }
            try await Audit.record(
                "joint-\(decision.rawValue)", objectType: "answer", objectID: "\(round)/\(from)",
                after: "{\"body\":\(TokenIssuer.jsonString(body))}", by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
        }
    }

    /// Confirmations that no longer match the answer's list of joint bodies are dropped when it is saved.
    static func prune(answer: UUID, keeping bodies: [String], on tx: any Database) async throws {
        try await ReferralJointConfirmation.query(on: tx).filter(\.$answer.$id == answer).filter(\.$body !~ bodies)
            .delete()
    }

    /// The answers of a round that name `body` as answering jointly, for its answer page.
    struct Invitation: Encodable, Sendable {
        let from: String
        let fromName: String
        let confirmed: Bool
        let state: String
        let link: String
    }

    static func invitations(_ data: LoadedRound, body: String, index: CatalogueIndex, lang: Lang) -> [Invitation] {
        data.answers.filter { ($0.answer.jointWith ?? []).contains(body) && $0.answer.body != body }.map { stored in
            let confirmed = (stored.answer.jointConfirmed ?? []).contains(body)
            return Invitation(
                from: stored.answer.body, fromName: index.bodyByID[stored.answer.body]?.name ?? stored.answer.body,
                confirmed: confirmed, state: (confirmed ? Texts(lang)[.jointConfirmed] : Texts(lang)[.jointPending]),
                link: SiteURL.Referrals.answer(.value(data.round.id), .value(stored.answer.body)).link(lang))
        }
    }
}
