import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The ballot box (valurnan): takes ballots by voting code and on paper, one counted ballot per
/// voter, the last one cast counting, each cast written whole in one transaction before its
/// receipt is returned. Codes and receipts are stored only as hashes; the trail of ballot events
/// says when and how a ballot came in, never whose it is or what it says.
enum BallotBox {
    /// Why a ballot was not taken.
    enum Refusal: Error, Equatable, Sendable {
        case notVoting(BudgetPhase)
        case unknownCode
        case otherBudget(title: String)
        /// The code has voted; changing the ballot takes its receipt as well.
        case codeUsed
        case wrongReceipt
        case unknownHeading(String)
        case ballot(BallotProblem)
        case paperNumber
        case paperConfirmed
        case paperSameOfficial
        case paperDiffers
    }

    /// What a cast returns: the receipt to show, and whether it replaced an earlier ballot.
    struct Cast: Sendable, Equatable {
        let receipt: String
        let changed: Bool
    }

    /// A paper ballot's state after an entry: waiting for a second official, or counted.
    enum PaperEntry: Sendable, Equatable {
        case awaitingConfirmation
        case confirmed
    }

    /// One ballot write at a time in this process, as with the catalogue: SQLite has one writer.
    static let gate = WriteGate()

    /// The stored form of a code or receipt: keyed with `SKILLNAD_VOTING_KEY` when set, so a copy
    /// of the database without the key cannot be searched for codes.
    static func hash(_ normalised: String, kind: String) -> String {
        Secrets.keyedHash("\(kind):\(normalised)", key: Environment.get("SKILLNAD_VOTING_KEY") ?? "skillnad")
    }

    /// The projects on the ballot of each heading, by heading slug, keyed by proposal number.
    static func ballotProjects(_ proposals: [BudgetProposal], headings: [BudgetHeadingRow]) -> [String: BallotProject] {
        let slugOf = Dictionary(uniqueKeysWithValues: headings.map { ($0.id, $0.slug) })
        var projects: [String: BallotProject] = [:]
        for proposal in proposals where proposal.onBallot {
            guard let heading = slugOf[proposal.heading_id] else { continue }
            projects[String(proposal.number)] = BallotProject(
                id: String(proposal.number), heading: heading, cost: proposal.ballotCost,
                proposedOrder: proposal.number)
        }
        return projects
    }

    /// Checks the choices against the rule: the proposals' ids in the order given.
    static func check(
        _ budget: ParticipatoryBudget, heading slug: String, choices: [String], headings: [BudgetHeadingRow],
        proposals: [BudgetProposal]
    ) throws(Refusal) -> (heading: BudgetHeadingRow, proposals: [UUID]) {
        guard let heading = headings.first(where: { $0.slug == slug }) else { throw .unknownHeading(slug) }
        let projects = ballotProjects(proposals, headings: headings)
        let picked: [BallotProject]
        do {
            picked = try BallotCheck.check(choices, heading: heading.core, rule: budget.rule, projects: projects)
        } catch {
            throw .ballot(error)
        }
        let idOf = Dictionary(uniqueKeysWithValues: proposals.map { (String($0.number), $0.id) })
        return (heading, picked.compactMap { idOf[$0.id] })
    }

    struct CodeRow: Decodable { let budget_id: UUID }
    struct BallotRow: Decodable {
        let id: UUID
        let receipt: String
        let counted: Bool
        let entered_by: String?
        let heading_id: UUID
    }

    /// Whether a typed code may vote in this budget now: nil for a fresh code, the ballot it cast
    /// (its heading and proposals) when the receipt matches, a refusal otherwise.
    static func admit(
        _ budget: ParticipatoryBudget, code: String, receipt: String?, today: Day, on db: any Database
    ) async throws -> (heading: UUID, proposals: [UUID])? {
        let phase = budget.phase(on: today)
        guard phase == .voting else { throw Refusal.notVoting(phase) }
        let sql = try db.sql()
        let voter = try await voterOf(code: code, budget: budget, on: sql)
        guard let ballot = try await ballot(of: voter, budget: budget.id, on: sql) else {
            if receipt != nil { throw Refusal.wrongReceipt }
            return nil
        }
        guard let receipt else { throw Refusal.codeUsed }
        guard Secrets.constantTimeEqual(hash(receipt, kind: "receipt"), ballot.receipt) else {
            throw Refusal.wrongReceipt
        }
        return (ballot.heading_id, try await choices(of: ballot.id, on: sql))
    }

    /// Casts or changes the ballot of a code. A fresh code casts; a used one changes its ballot
    /// only with the receipt it was given.
    static func vote(
        _ budget: ParticipatoryBudget, code: String, receipt: String?, heading: String, choices: [String],
        headings: [BudgetHeadingRow], proposals: [BudgetProposal], today: Day, at moment: Date = Date(),
        on db: any Database
    ) async throws -> Cast {
        let phase = budget.phase(on: today)
        guard phase == .voting else { throw Refusal.notVoting(phase) }
        let (chosenHeading, picked) = try check(
            budget, heading: heading, choices: choices, headings: headings, proposals: proposals)
        return try await write(on: db) { tx in
            let sql = try tx.sql()
            let voter = try await voterOf(code: code, budget: budget, on: sql)
            let existing = try await ballot(of: voter, budget: budget.id, on: sql)
            if let existing {
                guard let receipt else { throw Refusal.codeUsed }
                guard Secrets.constantTimeEqual(hash(receipt, kind: "receipt"), existing.receipt) else {
                    throw Refusal.wrongReceipt
                }
                try await replace(
                    existing.id, budget: budget.id, heading: chosenHeading.id, proposals: picked, at: moment, on: sql)
                try await event(budget.id, "changed", channel: .code, heading: chosenHeading.slug, at: moment, on: sql)
                return Cast(receipt: receipt, changed: true)
            }
            if receipt != nil { throw Refusal.wrongReceipt }
            let fresh = newReceipt()
            try await insert(
                budget: budget.id, heading: chosenHeading.id, channel: .code, voter: voter,
                receipt: hash(VotingCode.normalised(fresh) ?? fresh, kind: "receipt"), counted: true,
                enteredBy: nil, proposals: picked, at: moment, on: sql)
            try await event(budget.id, "cast", channel: .code, heading: chosenHeading.slug, at: moment, on: sql)
            return Cast(receipt: fresh, changed: false)
        }
    }

    /// Enters a paper ballot. The first entry waits; a second official entering the same ballot
    /// (number, heading and projects) confirms it, and only then is it counted.
    static func enterPaper(
        _ budget: ParticipatoryBudget, number: String, heading: String, choices: [String],
        headings: [BudgetHeadingRow], proposals: [BudgetProposal], official: String, on db: any Database
    ) async throws -> PaperEntry {
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        guard (1...20).contains(trimmed.count), trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
        else { throw Refusal.paperNumber }
        let (chosenHeading, picked) = try check(
            budget, heading: heading, choices: choices, headings: headings, proposals: proposals)
        let voter = "paper:" + trimmed.uppercased()
        return try await write(on: db) { tx in
            let sql = try tx.sql()
            guard let existing = try await ballot(of: voter, budget: budget.id, on: sql) else {
                try await insert(
                    budget: budget.id, heading: chosenHeading.id, channel: .paper, voter: voter,
                    receipt: hash(Secrets.random(), kind: "receipt"), counted: false, enteredBy: official,
                    proposals: picked, at: Date(), on: sql)
                try await event(
                    budget.id, "paper entered", channel: .paper, heading: chosenHeading.slug, at: Date(), on: sql)
                return .awaitingConfirmation
            }
            if existing.counted { throw Refusal.paperConfirmed }
            if existing.entered_by == official { throw Refusal.paperSameOfficial }
            let first = try await Self.choices(of: existing.id, on: sql)
            guard existing.heading_id == chosenHeading.id, Set(first) == Set(picked) else {
                throw Refusal.paperDiffers
            }
            try await sql.update("budget_ballots").set("counted", to: SQLLiteral.boolean(true))
                .where("id", .equal, SQLBind(existing.id)).run()
            try await sql.update("budget_choices").set("counted", to: SQLLiteral.boolean(true))
                .where("ballot_id", .equal, SQLBind(existing.id)).run()
            try await event(
                budget.id, "paper confirmed", channel: .paper, heading: chosenHeading.slug, at: Date(), on: sql)
            return .confirmed
        }
    }

    /// What a receipt shows its voter: when the ballot was last cast, in which heading, for which
    /// proposals, and whether it is counted.
    struct Receipt: Sendable {
        let castAt: String
        let heading: UUID
        let proposals: [UUID]
        let counted: Bool
    }

    static func lookUp(receipt typed: String, budget: ParticipatoryBudget, on db: any Database) async throws
        -> Receipt?
    {
        guard let normalised = VotingCode.normalised(typed) else { return nil }
        struct Row: Decodable {
            let id: UUID
            let heading_id: UUID
            let cast_at: String
            let counted: Bool
        }
        let sql = try db.sql()
        guard
            let row = try await sql.select().columns("id", "heading_id", "cast_at", "counted").from("budget_ballots")
                .where("budget_id", .equal, SQLBind(budget.id))
                .where("receipt", .equal, SQLBind(hash(normalised, kind: "receipt")))
                .first(decoding: Row.self)
        else { return nil }
        return Receipt(
            castAt: row.cast_at, heading: row.heading_id, proposals: try await choices(of: row.id, on: sql),
            counted: row.counted)
    }

    /// `count` new codes for the budget, stored as hashes in one batch; the codes themselves are
    /// returned once, for printing, and kept nowhere.
    static func issueCodes(_ count: Int, budget: ParticipatoryBudget, on db: any Database) async throws -> (
        batch: Int, codes: [String]
    ) {
        var generator = SystemRandomNumberGenerator()
        let codes = VotingCode.make(count, using: &generator)
        let batch = try await write(on: db) { tx -> Int in
            let sql = try tx.sql()
            struct Row: Decodable { let batch: Int? }
            let last = try await sql.raw(
                "SELECT MAX(batch) AS batch FROM budget_codes WHERE budget_id = \(bind: budget.id)"
            ).first(decoding: Row.self)?.batch
            let batch = (last ?? 0) + 1
            for chunk in stride(from: 0, to: codes.count, by: 500) {
                let rows = codes[chunk..<min(chunk + 500, codes.count)].map { code -> [any SQLExpression] in
                    [
                        SQLBind(budget.id), SQLBind(hash(VotingCode.normalised(code) ?? code, kind: "code")),
                        SQLBind(batch),
                    ]
                }
                let insert = sql.insert(into: "budget_codes").columns("budget_id", "hash", "batch")
                for row in rows { insert.values(row) }
                try await insert.run()
            }
            return batch
        }
        return (batch, codes)
    }

    // MARK: - Counting

    /// Counted ballots' votes per proposal, and ballots per heading and channel.
    struct Tally: Sendable {
        var votes: [UUID: Int] = [:]
        var ballots: [UUID: [BallotChannel: Int]] = [:]
        /// Paper ballots entered once, waiting for a second official.
        var awaitingConfirmation = 0
    }

    static func tally(_ budget: ParticipatoryBudget, on db: any Database) async throws -> Tally {
        let sql = try db.sql()
        struct VoteRow: Decodable {
            let proposal_id: UUID
            let votes: Int
        }
        struct BallotCount: Decodable {
            let heading_id: UUID
            let channel: String
            let counted: Bool
            let ballots: Int
        }
        var tally = Tally()
        for row in try await sql.raw(
            """
            SELECT proposal_id, COUNT(*) AS votes FROM budget_choices
            WHERE budget_id = \(bind: budget.id) AND counted = \(SQLLiteral.boolean(true))
            GROUP BY proposal_id
            """
        ).all(decoding: VoteRow.self) {
            tally.votes[row.proposal_id] = row.votes
        }
        for row in try await sql.raw(
            """
            SELECT heading_id, channel, counted, COUNT(*) AS ballots FROM budget_ballots
            WHERE budget_id = \(bind: budget.id) GROUP BY heading_id, channel, counted
            """
        ).all(decoding: BallotCount.self) {
            if row.counted {
                tally.ballots[row.heading_id, default: [:]][
                    BallotChannel(rawValue: row.channel) ?? .code, default: 0] +=
                    row.ballots
            } else {
                tally.awaitingConfirmation += row.ballots
            }
        }
        return tally
    }

    /// One ballot event as the trail keeps it.
    struct Event: Decodable, Sendable {
        let at: String
        let action: String
        let channel: String
        let heading: String
    }

    static func events(_ budget: ParticipatoryBudget, limit: Int, offset: Int, on db: any Database) async throws
        -> [Event]
    {
        try await db.sql().select().columns("at", "action", "channel", "heading").from("budget_ballot_events")
            .where("budget_id", .equal, SQLBind(budget.id)).orderBy("at", .descending).limit(limit).offset(offset)
            .all(decoding: Event.self)
    }

    // MARK: - Parts

    /// A receipt: as easy to type as a code, and as hard to guess.
    static func newReceipt() -> String {
        var generator = SystemRandomNumberGenerator()
        return VotingCode.make(using: &generator)
    }

    static func voterOf(code: String, budget: ParticipatoryBudget, on sql: any SQLDatabase) async throws -> String {
        let hashed = hash(code, kind: "code")
        guard
            let row = try await sql.select().column("budget_id").from("budget_codes").where("hash", .equal, hashed)
                .first(decoding: CodeRow.self)
        else { throw Refusal.unknownCode }
        guard row.budget_id == budget.id else {
            struct Title: Decodable { let title: String }
            let other = try await sql.select().column("title").from("budgets").where(
                "id", .equal, SQLBind(row.budget_id)
            )
            .first(decoding: Title.self)
            throw Refusal.otherBudget(title: other?.title ?? "")
        }
        return "code:" + hashed
    }

    static func ballot(of voter: String, budget: UUID, on sql: any SQLDatabase) async throws -> BallotRow? {
        try await sql.select().columns("id", "receipt", "counted", "entered_by", "heading_id").from("budget_ballots")
            .where("budget_id", .equal, SQLBind(budget)).where("voter", .equal, voter)
            .first(decoding: BallotRow.self)
    }

    static func choices(of ballot: UUID, on sql: any SQLDatabase) async throws -> [UUID] {
        struct Row: Decodable { let proposal_id: UUID }
        return try await sql.select().column("proposal_id").from("budget_choices")
            .where("ballot_id", .equal, SQLBind(ballot)).all(decoding: Row.self).map(\.proposal_id)
    }

    static func insert(
        budget: UUID, heading: UUID, channel: BallotChannel, voter: String, receipt: String, counted: Bool,
        enteredBy: String?, proposals: [UUID], at moment: Date, on sql: any SQLDatabase
    ) async throws {
        let id = UUID()
        try await sql.insert(into: "budget_ballots")
            .columns(
                "id", "budget_id", "heading_id", "channel", "voter", "receipt", "counted", "entered_by", "cast_at",
                "changes"
            )
            .values(
                SQLBind(id), SQLBind(budget), SQLBind(heading), SQLBind(channel.rawValue), SQLBind(voter),
                SQLBind(receipt), SQLLiteral.boolean(counted), SQLBind(enteredBy), SQLBind(timestamp(moment)),
                SQLBind(0)
            )
            .run()
        try await insertChoices(id, proposals, budget: budget, counted: counted, on: sql)
    }

    static func replace(
        _ ballot: UUID, budget: UUID, heading: UUID, proposals: [UUID], at moment: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.delete(from: "budget_choices").where("ballot_id", .equal, SQLBind(ballot)).run()
        try await sql.update("budget_ballots").set("heading_id", to: SQLBind(heading))
            .set("cast_at", to: SQLBind(timestamp(moment)))
            .set("changes", to: SQLRaw("changes + 1"))
            .where("id", .equal, SQLBind(ballot)).run()
        try await insertChoices(ballot, proposals, budget: budget, counted: true, on: sql)
    }

    static func insertChoices(
        _ ballot: UUID, _ proposals: [UUID], budget: UUID, counted: Bool, on sql: any SQLDatabase
    ) async throws {
        guard !proposals.isEmpty else { return }
        let insert = sql.insert(into: "budget_choices").columns("ballot_id", "proposal_id", "budget_id", "counted")
        for proposal in proposals {
            insert.values(SQLBind(ballot), SQLBind(proposal), SQLBind(budget), SQLLiteral.boolean(counted))
        }
        try await insert.run()
    }

    static func event(
        _ budget: UUID, _ action: String, channel: BallotChannel, heading: String, at moment: Date,
        on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "budget_ballot_events").columns("budget_id", "at", "action", "channel", "heading")
            .values(
                SQLBind(budget), SQLBind(timestamp(moment)), SQLBind(action), SQLBind(channel.rawValue),
                SQLBind(heading)
            )
            .run()
    }

    /// The moment in UTC to the millisecond, `2026-12-03T10:30:02.952Z`, sortable as text.
    static func timestamp(_ moment: Date = Date()) -> String {
        moment.formatted(
            .iso8601.year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: true)
                .timeZone(separator: .omitted))
    }

    /// A transaction behind the ballot box's gate; a second first cast of one code at the same
    /// moment meets the unique voter and is refused as a used code.
    static func write<T: Sendable>(
        on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        do {
            return try await gate.transaction(on: db, body)
        } catch let error where DatabaseFailure.isUniqueViolation(error) {
            throw Refusal.codeUsed
        }
    }
}
