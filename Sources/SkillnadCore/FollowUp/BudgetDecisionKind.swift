/// What a budget decision about a measure did (beslut i budgeten). Every decision is an event of
/// its own: a change of responsible body or of target never edits an earlier one.
public enum BudgetDecisionKind: String, Sendable, Codable, CaseIterable {
    /// Taken up (prövad och upptagen) in the budget.
    case takenUp
    /// Assigned (uppdrag) to one or more bodies, with the assignment's text.
    case assigned
    /// Financed: an amount per year from a source.
    case financed
    /// Postponed to a later budget year.
    case postponed
    /// Rejected, with a reason.
    case rejected
    /// Already part of the bodies' ordinary operations (ingår i ordinarie verksamhet).
    case ordinaryOperations
    /// The responsible body changed: the earlier assignment ends, a new one begins.
    case changedBody
    /// The target or indicator changed (approved at T2 by the council).
    case changedTarget

    /// Whether the decision gives bodies an assignment to report on.
    public var assigns: Bool { self == .assigned || self == .changedBody }
}

/// Where a decision's money comes from (finansiering).
public enum FundingSource: String, Sendable, Codable, CaseIterable {
    /// The ordinary budget (ordinarie budget).
    case ordinaryBudget
    /// The social investment fund (sociala investeringsfonden).
    case socialInvestmentFund
    /// A state grant (statsbidrag).
    case stateGrant
    case other
}
