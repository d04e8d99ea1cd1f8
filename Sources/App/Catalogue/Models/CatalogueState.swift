import Fluent
import Foundation

/// How many times the catalogue has changed: every server process compares it with the
/// generation its caches were built from, so an import by the CLI reaches a running server.
final class CatalogueState: Model, @unchecked Sendable {
    static let schema = "catalogue_state"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "generation") var generation: Int

    init() {}
    init(id: Int, generation: Int) {
        self.id = id
        self.generation = generation
    }

    /// Starts a new generation, inside the transaction that changed what pages show: pages and API
    /// answers are cached per generation.
    static func advance(on tx: any Database) async throws {
        let state = try await CatalogueState.find(1, on: tx) ?? CatalogueState(id: 1, generation: 0)
        state.generation += 1
        try await state.save(on: tx)
    }
}
