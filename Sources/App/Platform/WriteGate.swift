import Fluent
import Foundation

/// A first-come, first-served lock for async code.
actor WriteGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !held {
            held = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { held = false } else { waiters.removeFirst().resume() }
    }

    /// A transaction behind this gate, started again when SQLite says another writer (another
    /// process) holds the lock or committed while this one read. One writer at a time in this
    /// process: SQLite allows one anyway, and a transaction that read before another committed
    /// would be refused (SQLITE_BUSY_SNAPSHOT).
    nonisolated func transaction<T: Sendable>(
        on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        await acquire()
        defer { Task { await release() } }
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await db.transaction(body)
            } catch let error where attempt < 10 && DatabaseFailure.isSQLiteBusy(error) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 10...50) * attempt))
            }
        }
    }
}
