import Fluent
import Foundation

/// The long-term vision the roadmap leads to (Vision 2040). One row.
final class Vision: Model, @unchecked Sendable {
    static let schema = "visions"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "text") var text: String?
    /// The roadmap's version, for optimistic concurrency (it is edited as a whole).
    @Field(key: "version") var version: Int

    init() {}
}

/// A target area (målområde) of the roadmap.
final class TargetArea: Model, @unchecked Sendable {
    static let schema = "target_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "name_en") var nameEn: String?
    @Field(key: "position") var position: Int

    init() {}
}

/// A strategy (strategi) of a target area, numbered I–VI.
final class Strategy: Model, @unchecked Sendable {
    static let schema = "strategies"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Parent(key: "target_area_id") var targetArea: TargetArea
    @Field(key: "numeral") var numeral: String
    @Field(key: "title") var title: String
    @OptionalField(key: "title_en") var titleEn: String?
    @Field(key: "position") var position: Int

    init() {}
}

/// A milestone target (etappmål): an indicator with a baseline and a target for a year.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Parent(key: "target_area_id") var targetArea: TargetArea
    @Field(key: "text") var text: String
    @OptionalField(key: "indicator") var indicator: String?
    @OptionalField(key: "unit") var unit: String?
    @OptionalField(key: "baseline") var baseline: Double?
    @OptionalField(key: "baseline_year") var baselineYear: Int?
    @OptionalField(key: "target_value") var targetValue: Double?
    @OptionalField(key: "target_year") var targetYear: Int?
    @Field(key: "position") var position: Int

    init() {}
}

/// How many times the catalogue has changed: every server process compares it with the
/// generation its caches were built from, so an import by the CLI reaches a running server.
final class CatalogueState: Model, @unchecked Sendable {
    static let schema = "catalogue_state"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "generation") var generation: Int

    init() {}
    init(id: Int, generation: Int) { self.id = id; self.generation = generation }
}
