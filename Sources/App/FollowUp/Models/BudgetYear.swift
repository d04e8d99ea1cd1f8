import Fluent
import Foundation

/// A budget year (budgetår): the council's budget for that year, with its decision date and
/// diary number. Decisions on measures are taken in a budget year.
final class BudgetYear: Model, @unchecked Sendable {
    static let schema = "budget_years"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// The body that decided the budget, usually the city council (kommunfullmäktige).
    @Field(key: "deciding_body") var decidingBody: String
    @OptionalField(key: "diary_number") var diaryNumber: String?
    /// Written by us for the demo, not a real record.
    @Field(key: "example") var example: Bool
    @Field(key: "version") var version: Int

    init() {}
}
