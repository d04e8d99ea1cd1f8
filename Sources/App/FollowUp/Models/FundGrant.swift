import Fluent
import Foundation

/// Money granted to a fund project for one year, in öre.
final class FundGrant: Model, @unchecked Sendable {
    static let schema = "fund_grants"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "project_id") var project: FundProject
    @Field(key: "year") var year: Int
    @Field(key: "amount_ore") var amountOre: Int64

    init() {}
}
