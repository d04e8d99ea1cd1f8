import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Reads and writes budgets, their headings and proposals: residents' proposals, the officials'
/// review and moderation, and how far a winning proposal has come.
enum BudgetStore {
    /// Why a proposal or a review was not saved, with the form field it concerns.
    struct Problem: Error, Equatable, Sendable {
        enum Reason: Equatable, Sendable {
            case notProposing(BudgetPhase)
            case required
            case tooLong(Int)
            case markup
            case cost(ProposalCost.Problem)
            case unknownHeading
            case unknownBody
            case explanationRequired
            case unknownProposal(Int)
            case mergedIntoItself
            case changedSince
            case progress
            /// Once voting has opened, the ballot stands: only how far a proposal has come may change.
            case lockedFromVoting
            /// A milestone line that is not a date followed by what happened.
            case milestone(line: Int)
            /// A photo larger than this many MB.
            case photoTooLarge(Int)
            /// A file that is not a JPEG, PNG or WebP picture.
            case photoFormat
            /// The proposal already has this many photos.
            case photoTooMany(Int)
            /// A photo for a milestone the proposal does not have.
            case photoMilestone
        }
        let field: String
        let reason: Reason
    }

    struct Problems: Error, Sendable {
        let problems: [Problem]
    }

    static func budgets(on db: any Database) async throws -> [ParticipatoryBudget] {
        try await db.sql().select().columns(ParticipatoryBudget.columns.map { SQLColumn($0) }).from("budgets")
            .orderBy("voting_until", .descending).orderBy("slug").all(decoding: ParticipatoryBudget.self)
    }

    static func budget(_ slug: String, on db: any Database) async throws -> ParticipatoryBudget? {
        try await db.sql().select().columns(ParticipatoryBudget.columns.map { SQLColumn($0) }).from("budgets")
            .where("slug", .equal, slug).first(decoding: ParticipatoryBudget.self)
    }

    static func headings(_ budget: UUID, on db: any Database) async throws -> [BudgetHeadingRow] {
        try await db.sql().select().columns("id", "budget_id", "slug", "area", "amount", "population", "position")
            .from("budget_headings").where("budget_id", .equal, SQLBind(budget)).orderBy("position")
            .all(decoding: BudgetHeadingRow.self)
    }

    static func proposals(_ budget: UUID, on db: any Database) async throws -> [BudgetProposal] {
        try await db.sql().select().columns(BudgetProposal.columns.map { SQLColumn($0) }).from("budget_proposals")
            .where("budget_id", .equal, SQLBind(budget)).orderBy("number").all(decoding: BudgetProposal.self)
    }

    static func proposal(_ budget: UUID, number: Int, on db: any Database) async throws -> BudgetProposal? {
        try await db.sql().select().columns(BudgetProposal.columns.map { SQLColumn($0) }).from("budget_proposals")
            .where("budget_id", .equal, SQLBind(budget)).where("number", .equal, SQLBind(number))
            .first(decoding: BudgetProposal.self)
    }

    // MARK: - Proposals

    /// What a resident writes.
    struct Proposing: Sendable {
        var heading: String
        var title: String
        var description: String
        var place: String
        var cost: String
        var author: String
        /// A photo of the place or the idea, if the proposer adds one.
        var photo: BudgetPhotos.Upload? = nil
    }

    static let titleLimit = 120
    static let descriptionLimit = 4000
    static let shortLimit = 200

    /// Plain text only: a tag is refused rather than shown as code, so what a resident wrote is
    /// what others read.
    static func hasMarkup(_ text: String) -> Bool {
        var previous: Character?
        for character in text {
            if previous == "<", character.isLetter || character == "/" || character == "!" || character == "?" {
                return true
            }
            previous = character
        }
        return false
    }

    /// Trimmed text, nil when nothing is left.
    static func clean(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func textProblems(_ fields: [(name: String, value: String, limit: Int, required: Bool)]) -> [Problem] {
        var problems: [Problem] = []
        for field in fields {
            let value = field.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if field.required && value.isEmpty {
                problems.append(Problem(field: field.name, reason: .required))
            } else if value.count > field.limit {
                problems.append(Problem(field: field.name, reason: .tooLong(field.limit)))
            } else if hasMarkup(value) {
                problems.append(Problem(field: field.name, reason: .markup))
            }
        }
        return problems
    }

    /// Saves a resident's proposal under the next number, or says what is wrong with it.
    static func propose(_ input: Proposing, to budget: ParticipatoryBudget, today: Day, on db: any Database)
        async throws -> Int
    {
        var problems: [Problem] = []
        let phase = budget.phase(on: today)
        if phase != .proposals { problems.append(Problem(field: "title", reason: .notProposing(phase))) }
        let headings = try await headings(budget.id, on: db)
        let heading = headings.first { $0.slug == input.heading } ?? (headings.count == 1 ? headings.first : nil)
        if heading == nil { problems.append(Problem(field: "heading", reason: .unknownHeading)) }
        problems += textProblems([
            ("title", input.title, titleLimit, true), ("description", input.description, descriptionLimit, true),
            ("place", input.place, shortLimit, false), ("author", input.author, shortLimit, false),
        ])
        var cost = 0
        do {
            cost = try ProposalCost.parse(input.cost)
        } catch {
            problems.append(Problem(field: "cost", reason: .cost(error)))
        }
        problems += BudgetPhotos.problems(input.photo)
        guard problems.isEmpty, let heading else { throw Problems(problems: problems) }
        let estimated = cost
        return try await BallotBox.gate.transaction(on: db) { tx in
            let sql = try tx.sql()
            struct Row: Decodable { let number: Int? }
            let last = try await sql.raw(
                "SELECT MAX(number) AS number FROM budget_proposals WHERE budget_id = \(bind: budget.id)"
            ).first(decoding: Row.self)?.number
            let number = (last ?? 0) + 1
            let id = UUID()
            try await sql.insert(into: "budget_proposals")
                .columns(
                    "id", "budget_id", "heading_id", "number", "title", "description", "place", "estimated_cost",
                    "author", "submitted_at", "feasibility", "version"
                )
                .values(
                    SQLBind(id), SQLBind(budget.id), SQLBind(heading.id), SQLBind(number),
                    SQLBind(clean(input.title) ?? ""), SQLBind(clean(input.description) ?? ""),
                    SQLBind(clean(input.place)), SQLBind(estimated), SQLBind(clean(input.author)),
                    SQLBind(BallotBox.timestamp()), SQLBind(Feasibility.pending.rawValue), SQLBind(1)
                )
                .run()
            if let photo = input.photo { try await BudgetPhotos.add(photo, budget: budget.id, proposal: id, on: sql) }
            return number
        }
    }

    /// What an official decides on a proposal.
    struct Reviewing: Sendable {
        var feasibility: Feasibility
        var explanation: String
        var cost: String
        var costExplanation: String
        var responsible: String
        var mergedInto: String
        var hiddenReason: String
        var progress: String
        var implementation: String
        /// One milestone a line: `2025-10-01 Klart och invigt`.
        var milestones: String = ""
        var version: Int
        /// A photo of the proposal or of one of its milestones.
        var photo: BudgetPhotos.Upload? = nil
    }

    /// A dated step in building a winning proposal (milstolpe).
    struct Milestone: Codable, Sendable, Equatable {
        let day: String
        let text: String
    }

    /// Milestones as written one a line, each a date and what happened; the lines that are not.
    static func milestones(from text: String) -> ([Milestone], [Problem]) {
        var milestones: [Milestone] = []
        var problems: [Problem] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let date = String(line.prefix(10))
            let rest = line.dropFirst(10).drop { $0 == " " || $0 == ":" || $0 == "–" || $0 == "-" }
            let what = String(rest).trimmingCharacters(in: .whitespaces)
            guard Day(date) != nil, !what.isEmpty, what.count <= shortLimit, !hasMarkup(what) else {
                problems.append(Problem(field: "milestones", reason: .milestone(line: number + 1)))
                continue
            }
            milestones.append(Milestone(day: date, text: what))
        }
        return (milestones.sorted { $0.day < $1.day }, problems)
    }

    /// Every proposal's milestones in a budget, in date order.
    static func milestones(_ budget: UUID, on db: any Database) async throws -> [UUID: [Milestone]] {
        struct Row: Decodable {
            let proposal_id: UUID
            let day: String
            let text: String
        }
        let rows = try await db.sql().raw(
            """
            SELECT m.proposal_id AS proposal_id, m.day AS day, m.text AS text FROM budget_milestones m
            JOIN budget_proposals p ON p.id = m.proposal_id WHERE p.budget_id = \(bind: budget)
            ORDER BY m.proposal_id, m.position
            """
        ).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.proposal_id).mapValues {
            $0.map { Milestone(day: $0.day, text: $0.text) }
        }
    }

    /// Saves the review of a proposal at the version the official saw. Unfeasible takes an
    /// explanation, a cost estimate its explanation; a merged proposal keeps its author's credit
    /// on the proposal it joined.
    static func review(
        _ proposal: BudgetProposal, _ input: Reviewing, budget: ParticipatoryBudget, index: CatalogueIndex,
        today day: Day = today(), by actor: AuditActor, on db: any Database
    ) async throws {
        var problems = textProblems([
            ("explanation", input.explanation, descriptionLimit, input.feasibility == .unfeasible),
            ("costExplanation", input.costExplanation, descriptionLimit, !input.cost.isEmpty),
            ("hiddenReason", input.hiddenReason, shortLimit, false),
            ("implementation", input.implementation, descriptionLimit, false),
        ])
        if input.feasibility == .unfeasible, input.explanation.trimmingCharacters(in: .whitespaces).isEmpty {
            problems = problems.filter { $0.field != "explanation" }
            problems.append(Problem(field: "explanation", reason: .explanationRequired))
        }
        var cost: Int?
        if !input.cost.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                cost = try ProposalCost.parse(input.cost)
            } catch {
                problems.append(Problem(field: "cost", reason: .cost(error)))
            }
        }
        var mergedInto: Int?
        let mergeText = input.mergedInto.trimmingCharacters(in: .whitespaces)
        if !mergeText.isEmpty {
            if let number = Int(mergeText), number == proposal.number {
                problems.append(Problem(field: "mergedInto", reason: .mergedIntoItself))
            } else if let number = Int(mergeText), try await Self.proposal(budget.id, number: number, on: db) != nil {
                mergedInto = number
            } else {
                problems.append(Problem(field: "mergedInto", reason: .unknownProposal(Int(mergeText) ?? 0)))
            }
        }
        var progress: Int?
        if !input.progress.trimmingCharacters(in: .whitespaces).isEmpty {
            if let value = Int(input.progress.trimmingCharacters(in: .whitespaces)), (0...100).contains(value) {
                progress = value
            } else {
                problems.append(Problem(field: "progress", reason: .progress))
            }
        }
        let (milestones, milestoneProblems) = Self.milestones(from: input.milestones)
        problems += milestoneProblems
        if input.photo != nil {
            problems += BudgetPhotos.problems(
                input.photo, milestones: milestones, stored: try await BudgetPhotos.count(proposal: proposal.id, on: db)
            )
        }
        let responsible = input.responsible.isEmpty ? nil : input.responsible
        if let responsible, index.bodyByID[responsible] == nil {
            problems.append(Problem(field: "responsible", reason: .unknownBody))
        }
        // The ballot stands once voting opens; who builds a winner may still be decided after it.
        if budget.phase(on: day) >= .voting {
            let unchanged =
                input.feasibility == proposal.review && Self.clean(input.explanation) == proposal.explanation
                && cost == proposal.cost && Self.clean(input.costExplanation) == proposal.cost_explanation
                && mergedInto == proposal.merged_into
                && Self.clean(input.hiddenReason) == proposal.hidden_reason
            if !unchanged { problems.append(Problem(field: "feasibility", reason: .lockedFromVoting)) }
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        let (reviewedCost, merged, reached) = (cost, mergedInto, progress)
        try await BallotBox.gate.transaction(on: db) { tx in
            let sql = try tx.sql()
            // Claims the row at the version seen (taking the write lock first), so a review
            // saved meanwhile is refused rather than overwritten.
            try await sql.update("budget_proposals").set("version", to: SQLColumn("version"))
                .where("id", .equal, SQLBind(proposal.id)).where("version", .equal, SQLBind(input.version)).run()
            struct Row: Decodable { let version: Int }
            let stored = try await sql.select().column("version").from("budget_proposals")
                .where("id", .equal, SQLBind(proposal.id)).first(decoding: Row.self)
            guard stored?.version == input.version else {
                throw Problems(problems: [Problem(field: "version", reason: .changedSince)])
            }
            try await sql.update("budget_proposals")
                .set("feasibility", to: SQLBind(input.feasibility.rawValue))
                .set("explanation", to: SQLBind(clean(input.explanation)))
                .set("cost", to: SQLBind(reviewedCost))
                .set("cost_explanation", to: SQLBind(clean(input.costExplanation)))
                .set("responsible", to: SQLBind(responsible))
                .set("merged_into", to: SQLBind(merged))
                .set("hidden_reason", to: SQLBind(clean(input.hiddenReason)))
                .set("progress", to: SQLBind(reached))
                .set("implementation", to: SQLBind(clean(input.implementation)))
                .set("version", to: SQLBind(input.version + 1))
                .where("id", .equal, SQLBind(proposal.id)).run()
            try await sql.delete(from: "budget_milestones").where("proposal_id", .equal, SQLBind(proposal.id)).run()
            for (position, milestone) in milestones.enumerated() {
                try await sql.insert(into: "budget_milestones").columns("proposal_id", "position", "day", "text")
                    .values(SQLBind(proposal.id), SQLBind(position), SQLBind(milestone.day), SQLBind(milestone.text))
                    .run()
            }
            if let photo = input.photo {
                try await BudgetPhotos.add(photo, budget: budget.id, proposal: proposal.id, on: sql)
            }
            try await Audit.record(
                "review", objectType: "budget proposal", objectID: "\(budget.slug)/\(proposal.number)",
                after:
                    "{\"feasibility\":\"\(input.feasibility.rawValue)\",\"hidden\":\(input.hiddenReason.isEmpty ? "false" : "true")}",
                by: actor, on: tx)
        }
    }
}
