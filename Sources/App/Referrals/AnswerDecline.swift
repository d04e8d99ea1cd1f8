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
        try await AnswerCheck.show(req, step: .decline)
    }

    /// POST `/referrals/{id}/answers/{body}/decline`.
    static func confirm(_ req: Request) async throws -> Response {
        try await AnswerCheck.confirm(req, step: .decline)
    }
}
