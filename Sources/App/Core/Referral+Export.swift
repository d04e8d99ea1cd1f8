import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Positions as CSV: one row per body and measure with its round, status and texts.
enum ReferralExport {
    static let header = ["round", "round_title", "deadline", "body", "body_name", "answer_status", "decided_on", "submitted_on",
                         "joint_with", "report", "measure", "measure_code", "measure_title", "position", "already_works", "prerequisites", "text"]

    static func rows(_ rounds: [RoundData], index: CatalogueIndex) -> [[String]] {
        let measures = index.measureByPublicID
        var out: [[String]] = []
        for data in rounds {
            // Only submitted answers are public records; drafts stay with their body.
            for a in data.answers where a.answer.status == .submitted {
                let x = a.answer
                for p in x.positions {
                    let m = measures[p.measure]
                    out.append([data.round.id, data.round.title, data.round.deadline.description, x.body, index.bodyByID[x.body]?.name ?? x.body,
                                x.status.rawValue, x.decidedOn?.description ?? "", x.submittedOn?.description ?? "", (x.jointWith ?? []).joined(separator: " "),
                                m?.report ?? "", p.measure, m?.code ?? "", m?.title ?? "", p.position.rawValue,
                                p.alreadyWorks.map { $0 ? "yes" : "no" } ?? "", p.prerequisites ?? "", p.text ?? ""])
                }
            }
        }
        return out
    }

    static func csv(_ rounds: [RoundData], index: CatalogueIndex, swedish: Bool) -> String {
        CSVText.table(header: header, rows: rows(rounds, index: index), swedish: swedish)
    }

    struct Joined: Decodable {
        let round: String, round_title: String, deadline: String, body: String, status: String
        let decided_on: String?, submitted_on: String?, joint_with: String
        let measure: String, position: String, already_works: Bool?, prerequisites: String?, text: String?
    }

    /// Every submitted position of every round in one query, for the export of all positions.
    static func allRows(index: CatalogueIndex, on db: any Database) async throws -> [[String]] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT r.slug AS round, r.title AS round_title, r.deadline AS deadline, a.body AS body, a.status AS status,
                   a.decided_on AS decided_on, a.submitted_on AS submitted_on, a.joint_with AS joint_with,
                   p.measure AS measure, p.position AS position, p.already_works AS already_works, p.prerequisites AS prerequisites, p.text AS text
            FROM referral_positions p JOIN referral_answers a ON a.id = p.answer_id JOIN referral_rounds r ON r.id = a.round_id
            WHERE a.status = 'submitted' ORDER BY r.sent_on DESC, r.slug, a.body, p.id
            """).all(decoding: Joined.self)
        let measures = index.measureByPublicID
        var names: [String: String] = [:], joints: [String: String] = [:]
        return rows.map { x in
            let m = measures[x.measure]
            let name = names[x.body] ?? { let n = index.bodyByID[x.body]?.name ?? x.body; names[x.body] = n; return n }()
            let joint = joints[x.joint_with] ?? {
                let j = (ReferralStore.decode(x.joint_with, as: [String].self) ?? []).joined(separator: " ")
                joints[x.joint_with] = j
                return j
            }()
            return [x.round, x.round_title, x.deadline, x.body, name, x.status, x.decided_on ?? "", x.submitted_on ?? "", joint,
                    m?.report ?? "", x.measure, m?.code ?? "", m?.title ?? "", x.position,
                    x.already_works.map { $0 ? "yes" : "no" } ?? "", x.prerequisites ?? "", x.text ?? ""]
        }
    }
}
