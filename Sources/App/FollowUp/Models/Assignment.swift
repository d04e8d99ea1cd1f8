import Fluent
import Foundation

/// An assignment (uppdrag): a body is to carry out a measure in a budget year, given by a
/// decision, and reports on it in that year's follow-up periods. A change of body ends it.
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "budget_year") var budgetYear: Int
    @Field(key: "measure") var measure: String
    @Field(key: "body") var body: String
    @Parent(key: "decision_id") var decision: BudgetDecision
    @OptionalField(key: "text") var text: String?
    /// Relative to the measure's other assignments in the roll-up; 1 unless decided otherwise.
    @Field(key: "weight") var weight: Double
    /// The decision that moved the assignment to another body, if one did.
    @OptionalParent(key: "ended_by") var endedBy: BudgetDecision?

    init() {}
}
