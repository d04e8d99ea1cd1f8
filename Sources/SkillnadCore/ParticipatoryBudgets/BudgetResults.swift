/// The winners of a participatory budget by its published rule (resultat): in each heading, the
/// projects by votes, most first, each taken while it still fits in what is left of the
/// heading's amount; one that does not fit is passed over and the next is tried, so the money is
/// spent as far down the list as it goes.
///
/// Ties in votes are broken, in this order: the cheaper project first (more money left for the
/// rest), then the one proposed earlier, then by id. Published with the results.
public enum BudgetResults {
    public struct Line: Sendable, Equatable, Codable {
        public var project: String
        public var heading: String
        public var cost: Int
        public var votes: Int
        public var won: Bool
        /// The heading's money left after this line was decided.
        public var left: Int
    }

    public struct Heading: Sendable, Equatable, Codable {
        public var heading: String
        public var amount: Int
        public var spent: Int
        /// Every project of the heading, in the order the rule took them.
        public var lines: [Line]
    }

    /// Results per heading, in the headings' order; projects of unknown headings are left out.
    public static func compute(
        headings: [BudgetHeading], projects: [BallotProject], votes: [String: Int]
    ) -> [Heading] {
        let byHeading = Dictionary(grouping: projects, by: \.heading)
        return headings.map { heading in
            let ranked = (byHeading[heading.id] ?? []).sorted { lhs, rhs in
                let left = votes[lhs.id] ?? 0
                let right = votes[rhs.id] ?? 0
                if left != right { return left > right }
                if lhs.cost != rhs.cost { return lhs.cost < rhs.cost }
                if lhs.proposedOrder != rhs.proposedOrder { return lhs.proposedOrder < rhs.proposedOrder }
                return lhs.id < rhs.id
            }
            var left = heading.amount
            var lines: [Line] = []
            for project in ranked {
                let count = votes[project.id] ?? 0
                let fits = count > 0 && project.cost >= 0 && project.cost <= left
                if fits { left -= project.cost }
                lines.append(
                    Line(
                        project: project.id, heading: heading.id, cost: project.cost, votes: count, won: fits,
                        left: left))
            }
            return Heading(heading: heading.id, amount: heading.amount, spent: heading.amount - left, lines: lines)
        }
    }
}
