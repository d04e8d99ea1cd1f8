/// How a participatory budget's ballot is filled in (röstningsregel), the same for every heading.
public enum BallotRule: Sendable, Equatable, Codable {
    /// Projects whose costs together stay within the heading's amount; with `minimumShare`, they
    /// must also spend at least that share of it (0–1), so a ballot does not leave most unspent.
    case knapsack(minimumShare: Double?)
    /// At most `maximum` projects, whatever they cost; at least `minimum` when given.
    case approval(maximum: Int, minimum: Int?)
}

/// A heading (delbudget): the money for one area, and the residents it is for.
public struct BudgetHeading: Sendable, Equatable, Codable {
    public var id: String
    /// The area it is for, by catalogue id.
    public var area: String
    /// In whole kronor.
    public var amount: Int
    /// Residents of the area, for turnout; nil when unknown.
    public var population: Int?

    public init(id: String, area: String, amount: Int, population: Int? = nil) {
        self.id = id
        self.area = area
        self.amount = amount
        self.population = population
    }
}

/// A reviewed proposal put to the vote (projekt): what it costs and under which heading.
public struct BallotProject: Sendable, Equatable, Codable {
    public var id: String
    public var heading: String
    /// In whole kronor, as the review estimated it.
    public var cost: Int
    /// When it was proposed, as an ordinal that only orders (earlier first); breaks the last ties.
    public var proposedOrder: Int

    public init(id: String, heading: String, cost: Int, proposedOrder: Int) {
        self.id = id
        self.heading = heading
        self.cost = cost
        self.proposedOrder = proposedOrder
    }
}

/// Why a ballot is refused, in words a voter can act on (the app gives the sentence).
public enum BallotProblem: Error, Sendable, Equatable {
    case empty
    case unknownProject(String)
    case otherHeading(project: String, heading: String)
    case sameProjectTwice(String)
    case overAmount(total: Int, amount: Int)
    case underMinimumShare(total: Int, required: Int)
    case tooMany(chosen: Int, maximum: Int)
    case tooFew(chosen: Int, minimum: Int)
}

/// Checks a ballot against the rule (valsedelns prövning): one heading, projects on the ballot
/// for it, each once, within the amount or the number allowed.
public enum BallotCheck {
    /// The projects chosen, in the order given, or the first problem found.
    public static func check(
        _ chosen: [String], heading: BudgetHeading, rule: BallotRule, projects: [String: BallotProject]
    ) throws(BallotProblem) -> [BallotProject] {
        guard !chosen.isEmpty else { throw .empty }
        var seen: Set<String> = []
        var picked: [BallotProject] = []
        for id in chosen {
            guard let project = projects[id] else { throw .unknownProject(id) }
            guard project.heading == heading.id else { throw .otherHeading(project: id, heading: project.heading) }
            guard seen.insert(id).inserted else { throw .sameProjectTwice(id) }
            picked.append(project)
        }
        switch rule {
        case .knapsack(let minimumShare):
            // Costs are kronor; a sum past Int's range is over any amount.
            let (total, overflow) = picked.reduce((0, false)) { sum, project in
                let (value, flag) = sum.0.addingReportingOverflow(project.cost)
                return (value, sum.1 || flag)
            }
            if overflow || total > heading.amount {
                throw .overAmount(total: overflow ? Int.max : total, amount: heading.amount)
            }
            if let share = minimumShare, share > 0 {
                let required = Int((Double(heading.amount) * min(share, 1)).rounded(.up))
                if total < required { throw .underMinimumShare(total: total, required: required) }
            }
        case .approval(let maximum, let minimum):
            if picked.count > maximum { throw .tooMany(chosen: picked.count, maximum: maximum) }
            if let minimum, picked.count < minimum { throw .tooFew(chosen: picked.count, minimum: minimum) }
        }
        return picked
    }
}
