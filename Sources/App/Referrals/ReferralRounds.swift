import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Writes a round: the first version, or a change claimed at the version the editor saw.
enum ReferralRounds {
    static func save(
        _ round: ReferralDocument.Round, previous: LoadedRound?, version: Int, reason: String?, by actor: AuditActor,
        on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let m: ReferralRound
            if let previous {
                guard let found = try await ReferralRound.find(previous.id, on: tx) else { throw Abort(.notFound) }
                guard found.version == version else {
                    throw Conflict(problem: .conflict(stored: found.version, yours: version))
                }
                m = found
            } else {
                if try await ReferralRound.query(on: tx).filter(\.$slug == round.id).first() != nil {
                    throw Conflict(problem: .exists(id: round.id))
                }
                m = ReferralRound()
                m.version = 0
            }
            let deadlineChanged = previous.map { $0.round.deadline != round.deadline } ?? true
            m.slug = round.id
            m.title = round.title
            m.sender = round.sender
            m.senderDiaryNumber = round.senderDiaryNumber
            m.sentOn = round.sentOn.description
            m.deadline = round.deadline.description
            m.reports = ReferralStore.encode(round.reports)
            m.questions = ReferralStore.encode(round.questions)
            m.version += 1
            try await m.save(on: tx)
            let roundID = try m.requireID()
            try await ReferralRecipient.query(on: tx).filter(\.$round.$id == roundID).delete()
            try await round.recipients.enumerated().map { i, rec -> ReferralRecipient in
                let x = ReferralRecipient()
                x.$round.id = roundID
                x.body = rec.body
                x.commentReports = ReferralStore.encode(rec.commentReports)
                x.required = ReferralStore.encode(rec.required)
                x.invited = ReferralStore.encode(rec.invited)
                x.position = i
                return x
            }.create(on: tx)
            if deadlineChanged {
                let d = ReferralDeadline()
                d.$round.id = roundID
                d.deadline = round.deadline.description
                d.changedAt = Date()
                d.changedBy = actor.label
                d.reason = reason
                try await d.create(on: tx)
            }
            try await Audit.record(
                previous == nil ? "create" : "update", objectType: "referral", objectID: round.id,
                before: previous.map { ReferralStore.encode($0.round) }, after: ReferralStore.encode(round), by: actor,
                on: tx)
            // Pages and downloads of rounds are cached per generation, in every server process.
            try await CatalogueState.advance(on: tx)
        }
    }
}
