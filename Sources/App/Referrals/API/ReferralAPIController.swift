import Foundation
import SkillnadCore
import Vapor

extension API {
    struct Referral: Content {
        let id: String
        let title: String
        let sender: String
        let senderDiaryNumber: String?
        let sentOn: String
        let deadline: String
        let reports: [String]
        let questions: [String]
        let recipients: [Recipient]
        let url: String

        struct Recipient: Content {
            let body: String
            let commentReports: [String]
            let required: [String]
            let invited: [String]
            /// none, draft, decided, submitted or declined; drafts are not shown in public, so a
            /// body whose answer is not final reads `pending`.
            let status: String
            let late: Bool
            let missingRequired: [String]
            let answeredBy: String?
        }

        init(_ data: LoadedRound, index: CatalogueIndex) {
            let r = data.round
            let c = data.compilation(index, today: today())
            id = r.id
            title = r.title
            sender = r.sender
            senderDiaryNumber = r.senderDiaryNumber
            sentOn = r.sentOn.description
            deadline = r.deadline.description
            reports = r.reports
            questions = r.questions
            recipients = zip(r.recipients, c.recipients).map { scope, st in
                Recipient(
                    body: scope.body, commentReports: scope.commentReports, required: scope.required,
                    invited: scope.invited,
                    status: st.status.map { $0.isFinal ? $0.rawValue : "pending" } ?? "none", late: st.late,
                    missingRequired: st.missingRequired, answeredBy: st.answeredBy)
            }
            url = SiteURL.Referrals.round(.value(r.id)).path
        }
    }

    struct Answer: Content {
        let body: String
        let status: String
        let revision: Int
        let example: Bool
        let diaryNumber: String?
        let diaryIssuer: String?
        let preparedBy: String?
        let decidedOn: String?
        let submittedOn: String?
        let summary: String?
        let proposedDecision: String?
        let questionAnswers: [String]
        let furtherChallenges: String?
        let jointWith: [String]
        let declineReason: String?
        let positions: [Position]
        let url: String

        struct Position: Content {
            let measure: String
            let position: String
            let alreadyWorks: Bool?
            let prerequisites: String?
            let text: String?
        }

        /// The answer's public record, or nil when there is none yet.
        init?(published a: LoadedRound.LoadedAnswer) {
            guard let x = a.published else { return nil }
            // While a correction is prepared, the record is the revision before it.
            body = x.body
            status = x.status.rawValue
            revision = a.answer.status.isFinal ? a.revision : a.revision - 1
            example = x.example ?? false
            diaryNumber = x.diaryNumber
            diaryIssuer = x.diaryIssuer
            preparedBy = x.preparedBy
            decidedOn = x.decidedOn?.description
            submittedOn = x.submittedOn?.description
            summary = x.summary
            proposedDecision = x.proposedDecision
            questionAnswers = x.questionAnswers ?? []
            furtherChallenges = x.furtherChallenges
            jointWith = x.jointWith ?? []
            declineReason = x.declineReason
            positions = x.positions.map {
                .init(
                    measure: $0.measure, position: $0.position.rawValue, alreadyWorks: $0.alreadyWorks,
                    prerequisites: $0.prerequisites, text: $0.text)
            }
            url = SiteURL.Referrals.answer(.value(x.round), .value(x.body)).path
        }
    }

    struct CompilationAnswer: Content {
        let round: String
        let measures: [Row]

        struct Row: Content {
            let measure: String
            let counts: [String: Int]
            let missingRequired: [String]
            let positions: [Cell]
        }

        struct Cell: Content {
            let body: String
            let position: String
            let alreadyWorks: Bool?
            let prerequisites: String?
            let text: String?
        }
    }
}

/// The referral API: rounds, their public answers, and the compilation as JSON or CSV.
enum ReferralAPIController {
    static func data(_ req: Request) async throws -> LoadedRound {
        let id = try req.parameters.require(APIURL.idKey)
        guard let data = try await ReferralStore.round(id, on: req.db) else {
            throw Abort(.notFound, reason: "No referral round has the id '\(id)'.")
        }
        return data
    }

    static func list(_ req: Request) async throws -> ListResponse<API.Referral> {
        let paging = try Paging(req)
        let index = try await req.catalogue().index
        // Each round's answers are read for the rounds on the page only.
        return try await paging.page(try await ReferralStore.rounds(on: req.db)) { r in
            try await ReferralStore.round(r.round.id, on: req.db).map { API.Referral($0, index: index) }
        }
    }

    static func show(_ req: Request) async throws -> API.Referral {
        API.Referral(try await data(req), index: try await req.catalogue().index)
    }

    /// Submitted and declined answers: the public records.
    static func answers(_ req: Request) async throws -> ListResponse<API.Answer> {
        let paging = try Paging(req)
        return paging.page(try await data(req).answers.compactMap(API.Answer.init(published:)))
    }

    static func compilation(_ req: Request) async throws -> Response {
        let d = try await data(req)
        let index = try await req.catalogue().index
        // Only an explicit text/csv (not */*, which HTTPMediaType equality would also match).
        if req.headers.accept.contains(where: { $0.mediaType.type == "text" && $0.mediaType.subType == "csv" }) {
            return try await ReferralController.roundCSV(req, variant: .rfc4180)
        }
        let c = d.compilation(index, today: today())
        let answer = API.CompilationAnswer(
            round: d.round.id,
            measures: c.rows.map { row in
                .init(
                    measure: row.measure,
                    counts: Dictionary(
                        uniqueKeysWithValues: PositionKind.allCases.map { ($0.rawValue, row.counts[$0] ?? 0) }),
                    missingRequired: row.missingRequired,
                    positions: row.cells.compactMap { cell in
                        cell.entry.map {
                            .init(
                                body: cell.body, position: $0.position.rawValue, alreadyWorks: $0.alreadyWorks,
                                prerequisites: $0.prerequisites, text: $0.text)
                        }
                    })
            })
        return try await answer.encodeResponse(for: req)
    }

    static func compilationCSV(_ req: Request) async throws -> Response {
        try await ReferralController.roundCSV(req, variant: .rfc4180)
    }
}
