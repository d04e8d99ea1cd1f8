import Fluent
import Foundation

/// A link from a measure to a roadmap strategy it serves.
final class MeasureStrategy: Model, @unchecked Sendable {
    static let schema = "measure_strategies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "measure_id") var measure: Measure
    @Parent(key: "strategy_id") var strategy: Strategy
    @Field(key: "position") var position: Int

    init() {}
}
