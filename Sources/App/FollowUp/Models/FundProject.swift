import Fluent
import Foundation

/// A project financed from the social investment fund: its measures and body, the money granted
/// per year (`FundGrant`), its period, expected effects, how it will be evaluated, and the
/// evaluation when it comes.
final class FundProject: Model, @unchecked Sendable {
    static let schema = "fund_projects"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @Field(key: "body") var body: String
    /// JSON list of measure public ids.
    @Field(key: "measures") var measures: String
    @Field(key: "start_year") var startYear: Int
    @Field(key: "end_year") var endYear: Int
    @OptionalField(key: "expected_effects") var expectedEffects: String?
    @OptionalField(key: "evaluation_plan") var evaluationPlan: String?
    @OptionalField(key: "evaluation") var evaluation: String?
    @OptionalField(key: "evaluated_on") var evaluatedOn: String?
    @Field(key: "example") var example: Bool

    init() {}
}
