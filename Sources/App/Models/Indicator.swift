import Fluent
import Foundation

/// An indicator (indikator) of living conditions, e.g. voter turnout or the share of young people
/// neither working nor studying.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    /// `percent`, `count`, `sek`, `years`, `perMille`.
    @Field(key: "unit") var unit: String
    /// `higherIsBetter` or `lowerIsBetter`.
    @Field(key: "direction") var direction: String
    @OptionalField(key: "definition") var definition: String?
    @OptionalField(key: "source") var source: String?
    @Field(key: "version") var version: Int

    init() {}
}

/// A value of an indicator for an area, a period and a group (observation). Without a
/// computable value (denominator 0 or missing) the value is nil, never 0.
final class Observation: Model, @unchecked Sendable {
    static let schema = "observations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: Indicator
    @Parent(key: "area_id") var area: Area
    @Field(key: "period") var period: String
    /// `T` (all), `K`, `M` as in Kolada, or another group key.
    @Field(key: "group_key") var group: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "weight") var weight: Double?
    @Field(key: "preliminary") var preliminary: Bool
    @Field(key: "suppressed") var suppressed: Bool

    init() {}
}
