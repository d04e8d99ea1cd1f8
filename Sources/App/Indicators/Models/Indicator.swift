import Fluent
import SQLKit
import Foundation

/// An indicator (indikator) of living conditions, e.g. voter turnout or the share of young people
/// neither working nor studying.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    /// `percent`, `count`, `sek`, `years`, `perMille`, `percentagePoints`.
    @Field(key: "unit") var unit: String
    /// `higherIsBetter` or `lowerIsBetter`.
    @Field(key: "direction") var direction: String
    @OptionalField(key: "definition") var definition: String?
    @OptionalField(key: "definition_en") var definitionEn: String?
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "source_url") var sourceURL: String?
    /// JSON lists of roadmap target area and strategy ids.
    @OptionalField(key: "target_areas") var targetAreas: String?
    @OptionalField(key: "strategies") var strategies: String?
    /// The import specification last used, as JSON (`IndicatorImportSpec`).
    @OptionalField(key: "import_spec") var importSpec: String?
    /// ISO 8601 time of the last import.
    @OptionalField(key: "updated_at") var updatedAt: String?
    @Field(key: "version") var version: Int
    /// The body that owns the indicator (its slug): only its editors and administrators replace
    /// its values. nil: administrators only.
    @OptionalField(key: "owner_body") var ownerBody: String?
    /// An `IndicatorKind` raw value; nil reads as `quantity`.
    @OptionalField(key: "kind") var kind: String?
    /// The classes of a categorical indicator, as JSON (`[IndicatorClass]`).
    @OptionalField(key: "classes") var classes: String?

    init() {}
}
