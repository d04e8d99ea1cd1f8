/// Progress and status counts rolled up from leaves (one measure's assignments in a period) to
/// any grouping: a report, a strategy, a body, a budget year. Weights are relative: a leaf's
/// share is its weight divided by the sum of its siblings' weights, so nobody has to make them
/// add up to 1 (Decidim's weak point).
public struct ProgressRollup: Sendable, Equatable {
    public struct Leaf: Sendable, Equatable {
        public let progress: Int
        public let status: FollowUpStatus
        public let weight: Double

        public init(progress: Int, status: FollowUpStatus, weight: Double = 1) {
            self.progress = progress
            self.status = status
            self.weight = weight
        }
    }

    /// Weighted mean progress, 0–100; nil when there is nothing to weigh.
    public let progress: Double?
    public let counts: [FollowUpStatus: Int]
    public let total: Int

    public init(_ leaves: [Leaf]) {
        // Cancelled assignments say nothing about progress; they are counted, not weighed.
        let weighed = leaves.filter { $0.status != .cancelled && $0.weight > 0 }
        let sum = weighed.reduce(0.0) { $0 + $1.weight }
        progress = sum > 0 ? weighed.reduce(0.0) { $0 + Double($1.progress) * $1.weight } / sum : nil
        var counts: [FollowUpStatus: Int] = [:]
        for leaf in leaves { counts[leaf.status, default: 0] += 1 }
        self.counts = counts
        total = leaves.count
    }

    /// Rolls groups up one level: each group counts as one leaf at its progress, with `weight`.
    public init(groups: [(rollup: ProgressRollup, weight: Double)]) {
        let weighed = groups.compactMap { group in group.rollup.progress.map { ($0, group.weight) } }
            .filter { $0.1 > 0 }
        let sum = weighed.reduce(0.0) { $0 + $1.1 }
        progress = sum > 0 ? weighed.reduce(0.0) { $0 + $1.0 * $1.1 } / sum : nil
        var counts: [FollowUpStatus: Int] = [:]
        for group in groups {
            for (status, n) in group.rollup.counts { counts[status, default: 0] += n }
        }
        self.counts = counts
        total = groups.reduce(0) { $0 + $1.rollup.total }
    }

    /// The progress rounded to a whole percent, for pages.
    public var percent: Int? { progress.map { Int($0.rounded()) } }
}
