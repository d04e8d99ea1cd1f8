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

    /// Every submitted position of every round in one query, for the export of all positions.
    static func allRows(index: CatalogueIndex, on db: any Database) async throws -> [[String]] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT r.slug AS round, r.title AS round_title, r.deadline AS deadline, a.body AS body, a.status AS status,
                   a.decided_on AS decided_on, a.submitted_on AS submitted_on, a.joint_with AS joint_with,
                   p.measure AS measure, p.position AS position, p.already_works AS already_works, p.prerequisites AS prerequisites, p.text AS text
            FROM referral_positions p JOIN referral_answers a ON a.id = p.answer_id JOIN referral_rounds r ON r.id = a.round_id
            WHERE a.status = 'submitted' ORDER BY r.sent_on DESC, r.slug, a.body, p.id
            """).all()
        let measures = index.measureByPublicID
        var names: [String: String] = [:], joints: [String: String] = [:]
        // Column by column (`SQLRow.value`): a Decodable row type ran a whole Decoder for each of 40,000 rows.
        return try rows.map { row in
            let body: String = try row.value("body"), measure: String = try row.value("measure"), jointWith: String = try row.value("joint_with")
            let m = measures[measure]
            let name = names[body] ?? { let n = index.bodyByID[body]?.name ?? body; names[body] = n; return n }()
            let joint = joints[jointWith] ?? {
                let j = (ReferralStore.decode(jointWith, as: [String].self) ?? []).joined(separator: " ")
                joints[jointWith] = j
                return j
            }()
            return [try row.value("round"), try row.value("round_title"), try row.value("deadline"), body, name, try row.value("status"),
                    try row.optional("decided_on") ?? "", try row.optional("submitted_on") ?? "", joint,
                    m?.report ?? "", measure, m?.code ?? "", m?.title ?? "", try row.value("position"),
                    try row.optional("already_works", as: Bool.self).map { $0 ? "yes" : "no" } ?? "",
                    try row.optional("prerequisites") ?? "", try row.optional("text") ?? ""]
        }
    }
}
