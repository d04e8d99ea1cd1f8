/// Where a participatory budget stands (fas): proposals, review, voting, results, implementation.
/// Each phase starts on its day and lasts until the next one starts; before the first, the budget
/// is announced only.
public enum BudgetPhase: String, CaseIterable, Codable, Sendable, Comparable {
    case announced, proposals, review, voting, results, implementation

    public static func < (lhs: BudgetPhase, rhs: BudgetPhase) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else { return false }
        return left < right
    }
}

/// The days each phase starts, and the day the vote closes (inclusive).
public struct BudgetSchedule: Sendable, Equatable, Codable {
    public var proposalsFrom: Day
    public var reviewFrom: Day
    public var votingFrom: Day
    /// The last day a ballot is taken; results are published from the day after.
    public var votingUntil: Day
    public var implementationFrom: Day?

    public init(proposalsFrom: Day, reviewFrom: Day, votingFrom: Day, votingUntil: Day, implementationFrom: Day? = nil)
    {
        self.proposalsFrom = proposalsFrom
        self.reviewFrom = reviewFrom
        self.votingFrom = votingFrom
        self.votingUntil = votingUntil
        self.implementationFrom = implementationFrom
    }

    /// Why a schedule cannot stand: the days out of order.
    public enum Problem: Error, Sendable, Equatable {
        case outOfOrder(earlier: String, later: String)
    }

    /// The phases' days in order, each no earlier than the one before (voting may close the day it
    /// opens); the first two out of order otherwise.
    public func check() throws(Problem) {
        let days: [(String, Day)] =
            [
                ("proposalsFrom", proposalsFrom), ("reviewFrom", reviewFrom), ("votingFrom", votingFrom),
                ("votingUntil", votingUntil),
            ] + (implementationFrom.map { [("implementationFrom", $0)] } ?? [])
        for (earlier, later) in zip(days, days.dropFirst()) where later.1 < earlier.1 {
            throw .outOfOrder(earlier: earlier.0, later: later.0)
        }
        if let implementation = implementationFrom, implementation <= votingUntil {
            throw .outOfOrder(earlier: "votingUntil", later: "implementationFrom")
        }
    }

    /// The phase on `today` (days only: voting is open all of its last day).
    public func phase(on today: Day) -> BudgetPhase {
        if let implementation = implementationFrom, today >= implementation { return .implementation }
        if today > votingUntil { return .results }
        if today >= votingFrom { return .voting }
        if today >= reviewFrom { return .review }
        if today >= proposalsFrom { return .proposals }
        return .announced
    }
}
