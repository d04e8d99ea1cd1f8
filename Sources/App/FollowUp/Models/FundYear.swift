import Fluent
import Foundation

/// The social investment fund's (sociala investeringsfondens) capital at the start of a year.
final class FundYear: Model, @unchecked Sendable {
    static let schema = "fund_years"

    @ID(custom: "year", generatedBy: .user) var id: Int?
    @Field(key: "capital_ore") var capitalOre: Int64
    @OptionalField(key: "note") var note: String?

    init() {}
}
