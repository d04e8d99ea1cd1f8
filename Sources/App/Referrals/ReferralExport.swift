import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Positions as CSV: one row per body and measure with its round, status and texts.
enum ReferralExport {
    static let header = [
        "round", "round_title", "deadline", "body", "body_name", "answer_status", "decided_on", "submitted_on",
        "joint_with", "report", "measure", "measure_code", "measure_title", "position", "already_works",
        "prerequisites", "text",
    ]

    /// One position's row, in `header`'s order: the one place both exports build it.
    static func row(
        round: String, roundTitle: String, deadline: String, body: String, bodyName: String, status: String,
        decidedOn: String?, submittedOn: String?, jointWith: String, measure: String, measures: [String: MeasureRecord],
        position: String, alreadyWorks: Bool?, prerequisites: String?, text: String?
    ) -> [String] {
        let m = measures[measure]
        return [
            round, roundTitle, deadline, body, bodyName, status, decidedOn ?? "", submittedOn ?? "", jointWith,
            m?.report ?? "", measure, m?.code ?? "", m?.title ?? "", position,
            alreadyWorks.map { $0 ? "yes" : "no" } ?? "", prerequisites ?? "", text ?? "",
        ]
    }

    static func rows(_ rounds: [LoadedRound], index: CatalogueIndex) -> [[String]] {
        var out: [[String]] = []
        for data in rounds {
            // Only submitted answers are public records; drafts stay with their body, and an
            // answer being corrected is exported as it was submitted.
            for a in data.answers {
                guard let x = a.published, x.status == .submitted else { continue }
                out += rows(for: x, round: data.round, index: index)
            }
        }
        return out
    }

    /// One answer's rows, a position each.
    static func rows(for answer: ReferralDocument.Answer, round: ReferralDocument.Round, index: CatalogueIndex)
        -> [[String]]
    {
        answer.positions.map { p in
            row(
                round: round.id, roundTitle: round.title, deadline: round.deadline.description, body: answer.body,
                bodyName: index.bodyByID[answer.body]?.name ?? answer.body, status: answer.status.rawValue,
                decidedOn: answer.decidedOn?.description, submittedOn: answer.submittedOn?.description,
                jointWith: (answer.jointWith ?? []).joined(separator: " "), measure: p.measure,
                measures: index.measureByPublicID, position: p.position.rawValue, alreadyWorks: p.alreadyWorks,
                prerequisites: p.prerequisites, text: p.text)
        }
    }

    static func csv(_ rounds: [LoadedRound], index: CatalogueIndex, swedish: Bool) -> String {
        CSVText.table(header: header, rows: rows(rounds, index: index), swedish: swedish)
    }

    /// Every submitted position of every round, one round at a time into `sink`: the same rows
    /// as `rows` of each round, so an answer being corrected is exported as it was submitted.
    static func writeAll(
        index: CatalogueIndex, variant: CSVWriter.Variant, on db: any Database, to sink: ExportFiles.Sink
    ) async throws {
        var writer = CSVWriter(variant)
        writer.row(header)
        try await sink.write(writer.take())
        for (round, _) in try await ReferralStore.rounds(on: db) {
            guard let data = try await ReferralStore.round(round.id, on: db) else { continue }
            for row in rows([data], index: index) { writer.row(row) }
            try await sink.write(writer.take())
        }
    }
}
