/// Builds the value for each key once, however many tasks ask for it at the same time: a task
/// that asks while the build runs waits for the same build. A failed build stays failed, so
/// that every test that needs it reports the same error instead of building it again.
actor BuildOnce<Key: Hashable & Sendable, Value: Sendable> {
    private var builds: [Key: Task<Value, any Error>] = [:]

    func value(for key: Key, build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let started = builds[key] {
            return try await started.value
        }
        let started = Task { try await build() }
        builds[key] = started
        return try await started.value
    }
}
