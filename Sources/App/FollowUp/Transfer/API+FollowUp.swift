import Foundation
import SkillnadCore
import Vapor

/// What the API returns for the follow-up. Amounts come twice: in öre (exact, for sums) and as a
/// plain decimal text in kronor (`1234567.50`).
extension API {
    struct FollowUpBudgetYear: Content {
        let year: Int
        let title: String
        let decidedOn: String?
        let decidingBody: String
        let diaryNumber: String?
        let example: Bool
        let url: String

        init(_ y: FollowUpQueries.BudgetYearRow) {
            year = y.year
            title = y.title
            decidedOn = y.decidedOn
            decidingBody = y.decidingBody
            diaryNumber = y.diaryNumber
            example = y.example
            url = SiteURL.FollowUp.budgetYear(.value(String(y.year))).path
        }
    }

    struct FollowUpDecision: Content {
        let id: String
        let budgetYear: Int
        let measure: String
        let kind: String
        let decidedOn: String
        let decidingBody: String
        let diaryNumber: String?
        let bodies: [String]
        let text: String?
        let amountOre: Int64?
        let amount: String?
        let funding: String?
        let postponedTo: Int?
        let weight: Double?
        let example: Bool
        let url: String

        init(_ d: FollowUpQueries.Decision) {
            id = d.id.uuidString.lowercased()
            budgetYear = d.budgetYear
            measure = d.measure
            kind = d.rawKind
            decidedOn = d.decidedOn
            decidingBody = d.decidingBody
            diaryNumber = d.diaryNumber
            bodies = d.bodies
            text = d.text
            amountOre = d.amount?.ore
            amount = d.amount?.plain(decimalComma: false)
            funding = d.funding?.rawValue
            postponedTo = d.postponedTo
            weight = d.weight
            example = d.example
            url = SiteURL.FollowUp.decision(.value(id)).path
        }
    }

    struct FollowUpPeriod: Content {
        let id: String
        let year: Int
        let kind: String
        let name: String
        let nameEn: String?
        let asOf: String
        let deadline: String
        let url: String

        init(_ p: FollowUpQueries.Period) {
            id = p.slug
            year = p.year
            kind = p.kind
            name = p.name
            nameEn = p.nameEn
            asOf = p.asOf
            deadline = p.deadline
            url = SiteURL.FollowUp.period(.value(p.slug)).path
        }
    }

    /// A published report: its latest publication.
    struct FollowUpReport: Content {
        let period: String
        let measure: String
        let body: String
        let status: String
        let progress: Int
        let narrative: String?
        let spentOre: Int64?
        let spent: String?
        let indicators: [String]
        let revision: Int
        let url: String

        init(period: String, measure: String, body: String, _ p: FollowUpQueries.Publication) {
            self.period = period
            self.measure = measure
            self.body = body
            status = p.status.rawValue
            progress = p.progress
            narrative = p.narrative
            spentOre = p.spentOre
            spent = p.spentOre.map { SwedishAmount(ore: $0).plain(decimalComma: false) }
            indicators = p.indicators
            revision = p.revision
            url = SiteURL.FollowUp.report(.value(period), .value(measure), .value(body)).path
        }
    }

    /// One published revision in a report's history.
    struct FollowUpRevision: Content {
        let revision: Int
        let status: String
        let progress: Int
        let narrative: String?
        let spentOre: Int64?
        let spent: String?
        let indicators: [String]
        let publishedAt: String
    }

    /// A published report with every earlier publication, newest first.
    struct FollowUpReportHistory: Content {
        let report: FollowUpReport
        /// A correction is being written or awaits approval (published, with unpublished changes).
        let unpublishedChanges: Bool
        let history: [FollowUpRevision]
    }

    /// The working copy, as the body's editors write it.
    struct FollowUpWorkingCopy: Content {
        let period: String
        let measure: String
        let body: String
        let status: String
        let progress: Int
        let narrative: String?
        let spentOre: Int64?
        let spent: String?
        let indicators: [String]
        let state: String
        let revision: Int
        let version: Int
    }

    struct FollowUpStatusCounts: Content {
        let notStarted: Int
        let inProgress: Int
        let done: Int
        let delayed: Int
        let cancelled: Int

        init(_ counts: [FollowUpStatus: Int]) {
            notStarted = counts[.notStarted] ?? 0
            inProgress = counts[.inProgress] ?? 0
            done = counts[.done] ?? 0
            delayed = counts[.delayed] ?? 0
            cancelled = counts[.cancelled] ?? 0
        }
    }

    /// Progress (weighted, 0–100) and status counts of a group's published reports.
    struct FollowUpRollupEntry: Content {
        let id: String
        let progress: Double?
        let counts: FollowUpStatusCounts
        let reported: Int
        let unreported: Int
        let assignments: Int

        init(_ id: String, _ r: FollowUpQueries.Rollup) {
            self.id = id
            progress = r.rollup.progress.map { ($0 * 10).rounded() / 10 }
            counts = FollowUpStatusCounts(r.rollup.counts)
            reported = r.rollup.total
            unreported = r.unreported
            assignments = r.assignments
        }
    }

    struct FollowUpRollup: Content {
        let year: Int?
        let total: FollowUpRollupEntry
        let budgetYears: [FollowUpRollupEntry]
        let reports: [FollowUpRollupEntry]
        let targetAreas: [FollowUpRollupEntry]
        let strategies: [FollowUpRollupEntry]
        let bodies: [FollowUpRollupEntry]
    }

    struct FollowUpAssignment: Content {
        let budgetYear: Int
        let body: String
        let text: String?
        let weight: Double
        /// Moved to another body by a later decision.
        let ended: Bool
        let reports: [FollowUpReport]
    }

    /// A measure's life: decisions, assignments and their published reports per period, and the roll-up.
    struct FollowUpMeasureLife: Content {
        let measure: String
        let report: String
        let decisions: [FollowUpDecision]
        let assignments: [FollowUpAssignment]
        let rollup: FollowUpRollupEntry?
        let url: String
    }

    struct FollowUpImportResult: Content {
        let created: Int
        let updated: Int
        let unchanged: Int
        let blank: Int
        let published: Int

        init(_ o: FollowUpImport.Outcome) {
            created = o.created
            updated = o.updated
            unchanged = o.unchanged
            blank = o.blank
            published = o.published
        }
    }
}
