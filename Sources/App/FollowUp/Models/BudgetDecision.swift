import Fluent
import Foundation

/// A decision on a measure in a budget year (budgetbeslut): an event with a date, the deciding
/// body and its diary number. Decisions are never edited; a change is a decision of its own.
final class BudgetDecision: Model, @unchecked Sendable {
    static let schema = "budget_decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "budget_year_id") var budgetYear: BudgetYear
    /// The measure's public id.
    @Field(key: "measure") var measure: String
    /// A `BudgetDecisionKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "deciding_body") var decidingBody: String
    @OptionalField(key: "diary_number") var diaryNumber: String?
    /// JSON list of the slugs of the bodies assigned (or, for a change of body, the new ones).
    @Field(key: "bodies") var bodies: String
    /// The assignment's text, the reason of a rejection, the new target.
    @OptionalField(key: "text") var text: String?
    /// Per year, in öre.
    @OptionalField(key: "amount_ore") var amountOre: Int64?
    /// A `FundingSource`.
    @OptionalField(key: "funding") var funding: String?
    @OptionalField(key: "postponed_to") var postponedTo: Int?
    /// The measure's weight in the budget year relative to the other measures, when decided.
    @OptionalField(key: "weight") var weight: Double?
    @Field(key: "example") var example: Bool
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}
