import Fluent
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import SkillnadCore
import Vapor

/// The catalogue as the pages read it: loaded from the database once per catalogue generation
/// and shared by every request, together with the rendered pages built from it.
///
/// Why: the catalogue is small (hundreds to a few thousand rows) and read far more often than
/// written. A change by this process invalidates at once; a change by another process (the CLI
/// importing while the server runs) is seen within `recheckInterval`, because the generation
/// in the database is compared at most that often.
final class CatalogueStore: Sendable {
    struct Snapshot: Sendable {
        let generation: Int
        let index: CatalogueIndex
        /// The version of every editable object, by `EditKind` and id, as `"measure/dold-potential-a-2-3-1"`.
        let versions: [String: Int]

        func version(_ kind: EditKind, _ id: String) -> Int { versions["\(kind.rawValue)/\(id)"] ?? 1 }
    }

    static let recheckInterval: TimeAmount = .seconds(1)
    /// The page cache's bounds: entries, and bytes of keys and bodies together. Past either, the
    /// least recently used pages go first.
    static let maxCachedPages = 4096
    static let maxCachedBytes = 64 << 20

    private struct State {
        var snapshot: Snapshot?
        var lastCheck: NIODeadline = .uptimeNanoseconds(0)
        /// The load under way, shared by every request that finds the cache empty or old.
        var loading: (generation: Int, id: Int, task: Task<Snapshot, any Error>)?
        /// Counts `invalidate()`, so a load that began before one is not kept after it.
        var invalidations = 0
        /// Loads begun, for the tests.
        var loads = 0
        var pages: [String: CachedPage] = [:]
        var lastUsed: [String: UInt64] = [:]
        var clock: UInt64 = 0
        var bytes = 0

        mutating func clearPages() {
            pages = [:]
            lastUsed = [:]
            bytes = 0
        }
    }

    private let state = NIOLockedValueBox(State())

    /// The current snapshot, reloaded when the database says the catalogue has changed. One load
    /// per generation: requests that arrive while it runs wait for it rather than load again.
    func snapshot(on db: any Database) async throws -> Snapshot {
        let now = NIODeadline.now()
        let (cached, fresh) = state.withLockedValue { s in
            (s.snapshot, s.snapshot != nil && now - s.lastCheck < Self.recheckInterval)
        }
        if let cached, fresh { return cached }
        let generation = try await Self.generation(on: db)
        if let cached, cached.generation == generation {
            state.withLockedValue { $0.lastCheck = now }
            return cached
        }
        let (task, loadID, invalidations) = state.withLockedValue { s in
            if let loading = s.loading, loading.generation == generation {
                return (loading.task, loading.id, s.invalidations)
            }
            let task = Task { try await Self.load(generation: generation, on: db) }
            s.loads += 1
            s.loading = (generation, s.loads, task)
            return (task, s.loads, s.invalidations)
        }
        let snapshot: Snapshot
        do {
            snapshot = try await task.value
        } catch {
            state.withLockedValue { s in
                if s.loading?.id == loadID { s.loading = nil }
            }
            throw error
        }
        state.withLockedValue { s in
            if s.loading?.id == loadID { s.loading = nil }
            guard s.invalidations == invalidations else { return }
            if (s.snapshot?.generation ?? -1) < generation {
                s.snapshot = snapshot
                s.clearPages()
            }
            s.lastCheck = now
        }
        return snapshot
    }

    private static func load(generation: Int, on db: any Database) async throws -> Snapshot {
        try await Timer(label: "skillnad_catalogue_load_duration_seconds").measure {
            let document = try await CatalogueLoader.load(from: db)
            let versions = try await CatalogueLoader.versions(from: db)
            return Snapshot(generation: generation, index: CatalogueIndex(document), versions: versions)
        }
    }

    /// Forgets everything, after this process changed the catalogue.
    func invalidate() {
        state.withLockedValue { s in
            s.snapshot = nil
            s.loading = nil
            s.invalidations += 1
            s.clearPages()
            s.lastCheck = .uptimeNanoseconds(0)
        }
    }

    static func generation(on db: any Database) async throws -> Int {
        try await CatalogueState.find(1, on: db)?.generation ?? 0
    }

    // MARK: - Rendered pages

    struct CachedPage: Sendable {
        let generation: Int
        let body: ByteBuffer
        let status: HTTPResponseStatus
    }

    /// Made once, after the metrics system is set up (a counter made before would count nowhere).
    private static let hits: Counter = {
        ServerMetrics.bootstrap()
        return Counter(label: "skillnad_page_cache_lookups_total", dimensions: [("result", "hit")])
    }()
    private static let misses: Counter = {
        ServerMetrics.bootstrap()
        return Counter(label: "skillnad_page_cache_lookups_total", dimensions: [("result", "miss")])
    }()

    func page(_ key: String, generation: Int) -> CachedPage? {
        let found: CachedPage? = state.withLockedValue { s in
            guard let p = s.pages[key], p.generation == generation else { return nil }
            s.clock += 1
            s.lastUsed[key] = s.clock
            return p
        }
        (found == nil ? Self.misses : Self.hits).increment()
        return found
    }

    func store(_ page: CachedPage, for key: String) {
        state.withLockedValue { s in
            guard s.snapshot?.generation == page.generation else { return }
            let size = key.utf8.count + page.body.readableBytes
            guard size <= Self.maxCachedBytes / 8 else { return }
            if let old = s.pages[key] { s.bytes -= key.utf8.count + old.body.readableBytes }
            s.clock += 1
            s.pages[key] = page
            s.lastUsed[key] = s.clock
            s.bytes += size
            if s.pages.count > Self.maxCachedPages || s.bytes > Self.maxCachedBytes {
                // Evict the least recently used tenth at once, so eviction is not paid on every store.
                let victims = s.lastUsed.sorted { $0.value < $1.value }.prefix(max(1, s.pages.count / 10))
                for (victim, _) in victims where victim != key {
                    if let gone = s.pages.removeValue(forKey: victim) {
                        s.bytes -= victim.utf8.count + gone.body.readableBytes
                    }
                    s.lastUsed.removeValue(forKey: victim)
                }
            }
        }
    }

    /// A value computed for a generation (the total of a large API list, the portal's list of
    /// topics), so paging through a list of millions does not count them again for every page.
    /// Bounded; cleared on a new generation. A key holds one type of value: another type recomputes.
    func remembered<Value: Sendable>(
        _ key: String, generation: Int, compute: () async throws -> Value
    ) async rethrows -> Value {
        if let known = values.withLockedValue({ $0[key] }), known.generation == generation,
            let value = known.value as? Value
        {
            return value
        }
        let value = try await compute()
        values.withLockedValue { values in
            if values.count >= 1000 { values = values.filter { $0.value.generation == generation } }
            if values.count < 1000 { values[key] = (generation, value) }
        }
        return value
    }

    private let values = NIOLockedValueBox([String: (generation: Int, value: any Sendable)]())

    /// How many times the catalogue was loaded from the database, for the tests.
    var loadCount: Int { state.withLockedValue { $0.loads } }

    /// Pages and API answers in the cache and their bytes, for tests and the benchmarks.
    var pageCacheUsage: (count: Int, bytes: Int) {
        state.withLockedValue { ($0.pages.count, $0.bytes) }
    }
}

extension Application {
    private struct CatalogueStoreKey: StorageKey { typealias Value = CatalogueStore }

    var catalogue: CatalogueStore {
        if let s = storage[CatalogueStoreKey.self] { return s }
        let s = CatalogueStore()
        storage[CatalogueStoreKey.self] = s
        return s
    }
}

extension Request {
    /// - Parameter fresh: forget the cached snapshot first (after a conflict, to show the newest).
    func catalogue(fresh: Bool = false) async throws -> CatalogueStore.Snapshot {
        if fresh { application.catalogue.invalidate() }
        return try await application.catalogue.snapshot(on: db)
    }
}
