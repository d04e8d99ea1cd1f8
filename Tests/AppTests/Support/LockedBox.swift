import Foundation

/// A value a test closure can hand out.
final class LockedBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ v: T) { value = v }
    func set(_ v: T) {
        lock.lock()
        value = v
        lock.unlock()
    }
    func get() -> T {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Changes the value in place, so that reading and writing it is one step for other threads.
    func update(_ change: (inout T) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&value)
    }
}
