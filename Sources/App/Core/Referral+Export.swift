import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Positions as CSV: one row per body and measure with its round, status and texts.
enum ReferralExport {
    static let header = ["round", "round_title", "deadline", "body", "body_name", "answer_status", "decided_on", "submitted_on",
                         "joint_with", "report", "measure", "measure_code", "measure_title", "position", "already_works", "prerequisites", "text"]

    /// One position's row, in `header`'s order: the one place both exports build it.
    static func row(round: String, roundTitle: String, deadline: String, body: String, bodyName: String, status: String,
                    decidedOn: String?, submittedOn: String?, jointWith: String, measure: String, measures: [String: MeasureRecord],
                    position: String, alreadyWorks: Bool?, prerequisites: String?, text: String?) -> [String] {
        let m = measures[measure]
        return [round, roundTitle, deadline, body, bodyName, status, decidedOn ?? "", submittedOn ?? "", jointWith,
                m?.report ?? "", measure, m?.code ?? "", m?.title ?? "", position,
                alreadyWorks.map { $0 ? "yes" : "no" } ?? "", prerequisites ?? "", text ?? ""]
    }

    static func rows(_ rounds: [RoundData], index: CatalogueIndex) -> [[String]] {
        let measures = index.measureByPublicID
        var out: [[String]] = []
        for data in rounds {
            // Only submitted answers are public records; drafts stay with their body.
            for a in data.answers where a.answer.status == .submitted {
                let x = a.answer
                for p in x.positions {
                    out.append(row(round: data.round.id, roundTitle: data.round.title, deadline: data.round.deadline.description, body: x.body,
                                   bodyName: index.bodyByID[x.body]?.name ?? x.body, status: x.status.rawValue,
                                   decidedOn: x.decidedOn?.description, submittedOn: x.submittedOn?.description,
                                   jointWith: (x.jointWith ?? []).joined(separator: " "), measure: p.measure, measures: measures,
                                   position: p.position.rawValue, alreadyWorks: p.alreadyWorks, prerequisites: p.prerequisites, text: p.text))
                }
            }
        }
        return out
    }

    static func csv(_ rounds: [RoundData], index: CatalogueIndex, swedish: Bool) -> String {
        CSVText.table(header: header, rows: rows(rounds, index: index), swedish: swedish)
    }

    /// Every submitted position of every round, one round at a time into `sink`.
    static func writeAll(index: CatalogueIndex, variant: CSVWriter.Variant, on db: any Database, to sink: ExportFiles.Sink) async throws {
        var writer = CSVWriter(variant)
        writer.row(header)
        try await sink.write(writer.take())
        guard let sql = db as? any SQLDatabase else { return }
        let rounds = try await sql.raw("SELECT id FROM referral_rounds ORDER BY sent_on DESC, slug").all()
        var names: [String: String] = [:], joints: [String: String] = [:]
        let measures = index.measureByPublicID
        for round in rounds {
            let id: UUID = try round.value("id")
            let rows = try await sql.raw("""
                SELECT r.slug AS round, r.title AS round_title, r.deadline AS deadline, a.body AS body, a.status AS status,
                       a.decided_on AS decided_on, a.submitted_on AS submitted_on, a.joint_with AS joint_with,
                       p.measure AS measure, p.position AS position, p.already_works AS already_works, p.prerequisites AS prerequisites, p.text AS text
                FROM referral_positions p JOIN referral_answers a ON a.id = p.answer_id JOIN referral_rounds r ON r.id = a.round_id
                WHERE a.status = 'submitted' AND r.id = \(bind: id) ORDER BY a.body, p.id
                """).all()
            // Column by column (`SQLRow.value`): a Decodable row type ran a whole Decoder for each of 40,000 rows.
            for r in rows {
                let body: String = try r.value("body"), jointWith: String = try r.value("joint_with")
                let name = names[body] ?? { let n = index.bodyByID[body]?.name ?? body; names[body] = n; return n }()
                let joint = joints[jointWith] ?? {
                    let j = (ReferralStore.decode(jointWith, as: [String].self) ?? []).joined(separator: " ")
                    joints[jointWith] = j
                    return j
                }()
                writer.row(row(round: try r.value("round"), roundTitle: try r.value("round_title"), deadline: try r.value("deadline"), body: body,
                               bodyName: name, status: try r.value("status"), decidedOn: try r.optional("decided_on"),
                               submittedOn: try r.optional("submitted_on"), jointWith: joint, measure: try r.value("measure"), measures: measures,
                               position: try r.value("position"), alreadyWorks: try r.optional("already_works"),
                               prerequisites: try r.optional("prerequisites"), text: try r.optional("text")))
            }
            try await sink.write(writer.take())
        }
    }
}
