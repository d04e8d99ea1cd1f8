import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// A new participatory budget as an official writes it down (a JSON file for
/// `skillnad budgets create`, the demo): its areas and amounts, phases, rule and who may take part.
struct BudgetDefinition: Codable, Sendable {
    struct Heading: Codable, Sendable {
        var area: String
        var amount: Int
        var population: Int?
    }

    var slug: String
    var title: String
    var titleEn: String?
    var owner: String
    var rules: String
    var rulesEn: String?
    var eligibility: String
    var eligibilityEn: String?
    var minimumAge: Int?
    /// `knapsack` (within the amount) or `approval` (at most `maximumProjects`).
    var rule: String
    var minimumShare: Double?
    var maximumProjects: Int?
    var minimumProjects: Int?
    var proposalsFrom: String
    var reviewFrom: String
    var votingFrom: String
    var votingUntil: String
    var implementationFrom: String?
    var headings: [Heading]
    var example: Bool?

    /// Every problem, each naming its field; empty when the budget can be created.
    func problems(index: CatalogueIndex) -> [String] {
        var problems: [String] = []
        if slug.isEmpty || slug.count > 80
            || !slug.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        {
            problems.append("slug: lower-case letters a–z, digits and dashes, at most 80")
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("title: required") }
        if index.bodyByID[owner] == nil { problems.append("owner: no body has the id '\(owner)'") }
        if rules.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("rules: required") }
        if eligibility.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("eligibility: required") }
        switch rule {
        case "knapsack":
            if let share = minimumShare, !(0...1).contains(share) {
                problems.append("minimumShare: a share from 0 to 1")
            }
        case "approval":
            guard let maximum = maximumProjects, maximum > 0 else {
                problems.append("maximumProjects: an approval ballot needs a maximum above 0")
                break
            }
            if let minimum = minimumProjects, !(0...maximum).contains(minimum) {
                problems.append("minimumProjects: from 0 to maximumProjects")
            }
        default: problems.append("rule: 'knapsack' or 'approval', not '\(rule)'")
        }
        let days = [
            ("proposalsFrom", proposalsFrom), ("reviewFrom", reviewFrom), ("votingFrom", votingFrom),
            ("votingUntil", votingUntil),
        ]
        for (field, text) in days where Day(text) == nil { problems.append("\(field): a date as YYYY-MM-DD") }
        if let implementationFrom, Day(implementationFrom) == nil {
            problems.append("implementationFrom: a date as YYYY-MM-DD")
        }
        if let schedule {
            do {
                try schedule.check()
            } catch {
                if case .outOfOrder(let earlier, let later) = error {
                    problems.append("\(later): must not come before \(earlier)")
                }
            }
        }
        if headings.isEmpty { problems.append("headings: at least one area") }
        var areas: Set<String> = []
        for (position, heading) in headings.enumerated() {
            let field = "headings[\(position)]"
            if index.areaByID[heading.area] == nil {
                problems.append("\(field).area: no area has the id '\(heading.area)'")
            }
            if !areas.insert(heading.area).inserted { problems.append("\(field).area: '\(heading.area)' twice") }
            if heading.amount <= 0 || heading.amount > ProposalCost.maximum * 100 {
                problems.append("\(field).amount: whole kronor above 0")
            }
            if let population = heading.population, population < 0 {
                problems.append("\(field).population: not negative")
            }
        }
        return problems
    }

    var schedule: BudgetSchedule? {
        guard let proposals = Day(proposalsFrom), let review = Day(reviewFrom), let voting = Day(votingFrom),
            let until = Day(votingUntil)
        else { return nil }
        return BudgetSchedule(
            proposalsFrom: proposals, reviewFrom: review, votingFrom: voting, votingUntil: until,
            implementationFrom: implementationFrom.flatMap(Day.init))
    }

    struct Invalid: Error, CustomStringConvertible {
        let problems: [String]
        var description: String { problems.joined(separator: "\n") }
    }

    /// Creates the budget and its headings in one transaction; nothing when a problem is found.
    @discardableResult
    func create(index: CatalogueIndex, by actor: AuditActor, on db: any Database) async throws -> UUID {
        let problems = problems(index: index)
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        if try await BudgetStore.budget(slug, on: db) != nil {
            throw Invalid(problems: ["slug: another budget already has '\(slug)'"])
        }
        let id = UUID()
        let definition = self
        try await BallotBox.gate.transaction(on: db) { tx in
            let sql = try tx.sql()
            try await sql.insert(into: "budgets")
                .columns(ParticipatoryBudget.columns)
                .values(
                    SQLBind(id), SQLBind(definition.slug), SQLBind(definition.title), SQLBind(definition.titleEn),
                    SQLBind(definition.owner), SQLBind(definition.rules), SQLBind(definition.rulesEn),
                    SQLBind(definition.eligibility), SQLBind(definition.eligibilityEn), SQLBind(definition.minimumAge),
                    SQLBind(definition.rule), SQLBind(definition.minimumShare), SQLBind(definition.maximumProjects),
                    SQLBind(definition.minimumProjects), SQLBind(definition.proposalsFrom),
                    SQLBind(definition.reviewFrom), SQLBind(definition.votingFrom), SQLBind(definition.votingUntil),
                    SQLBind(definition.implementationFrom), SQLLiteral.boolean(definition.example ?? false), SQLBind(1)
                )
                .run()
            for (position, heading) in definition.headings.enumerated() {
                try await sql.insert(into: "budget_headings")
                    .columns("id", "budget_id", "slug", "area", "amount", "population", "position")
                    .values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(heading.area), SQLBind(heading.area),
                        SQLBind(heading.amount), SQLBind(heading.population), SQLBind(position)
                    )
                    .run()
            }
            try await Audit.record(
                "create", objectType: "budget", objectID: definition.slug,
                after: String(decoding: try JSONEncoder().encode(definition), as: UTF8.self), by: actor, on: tx)
        }
        return id
    }
}
