import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Slows down guessing of passwords without letting a stranger lock the owner out.
///
/// - One account from one address (the guesser's own pair): after `pairLimit` failures within
///   `window`, that pair is refused for a while that doubles with each further failure, up to
///   `window`. The owner at another address is not affected.
/// - One account from anywhere, or one address for any account (a city's shared address):
///   never refused, only delayed, by a time that doubles with each failure past a threshold, up
///   to `maxDelay`. A correct password always gets through, if slowly.
///
/// Administrators see the current throttles and can clear them (`/admin/users`).
struct SignInThrottle: Sendable {
    static let window: TimeInterval = 15 * 60
    static let pairLimit = 5
    static let accountDelayFrom = 5
    static let addressDelayFrom = 20
    static let maxDelay: TimeInterval = 8

    /// What to do with an attempt: refuse it for `refuseFor` seconds, or answer after `delay`.
    struct Decision: Equatable, Sendable {
        var refuseFor: TimeInterval?
        var delay: TimeInterval
    }

    /// The policy, from the failures within the window (times of the pair's, counts of the
    /// others'), as a pure function so it is tested without waiting.
    static func decide(pairFailures: [Date], accountFailures: Int, addressFailures: Int, now: Date) -> Decision {
        var decision = Decision(refuseFor: nil, delay: 0)
        let recent = pairFailures.filter { now.timeIntervalSince($0) < window }.sorted()
        if recent.count >= pairLimit, let last = recent.last {
            let doublings = min(recent.count - pairLimit, 4)
            let wait = min(window, 60 * pow(2, Double(doublings)))
            let left = last.addingTimeInterval(wait).timeIntervalSince(now)
            if left > 0 { decision.refuseFor = left }
        }
        func delay(_ count: Int, from threshold: Int) -> TimeInterval {
            guard count >= threshold else { return 0 }
            return min(maxDelay, 0.25 * pow(2, Double(min(count - threshold, 10))))
        }
        decision.delay = max(
            delay(accountFailures, from: accountDelayFrom), delay(addressFailures, from: addressDelayFrom))
        return decision
    }

    /// Reads the failures that count for this attempt and decides.
    /// - Parameter attempt: the row of the attempt being decided, which does not count against itself.
    static func decision(email: String, address: String, excluding attempt: UUID, on db: any Database) async throws
        -> Decision
    {
        let since = Date().addingTimeInterval(-window)
        let pair = try await SignInFailure.query(on: db).filter(\.$email == email).filter(\.$address == address)
            .filter(\.$at > since).filter(\.$id != attempt).all(\.$at)
        let account = try await SignInFailure.query(on: db).filter(\.$email == email).filter(\.$at > since)
            .filter(\.$id != attempt).count()
        let address = try await SignInFailure.query(on: db).filter(\.$address == address).filter(\.$at > since)
            .filter(\.$id != attempt).count()
        return decide(pairFailures: pair, accountFailures: account, addressFailures: address, now: Date())
    }

    /// Failures older than the window no longer count: they are removed, so the table stays small.
    static func purge(on db: any Database) async throws {
        try await SignInFailure.query(on: db).filter(\.$at < Date().addingTimeInterval(-window)).delete()
    }

    /// An account or an address with failures in the window, for the administrators' list.
    struct Entry: Encodable, Sendable {
        let kind: String
        let value: String
        let failures: Int
        let refused: Bool
    }

    static func current(on db: any Database) async throws -> [Entry] {
        let since = Date().addingTimeInterval(-window)
        let failures = try await SignInFailure.query(on: db).filter(\.$at > since).limit(10_000).all()
        var byAccount: [String: [Date]] = [:]
        var byAddress: [String: Int] = [:]
        var byPair: [String: [Date]] = [:]
        for failure in failures {
            byAccount[failure.email, default: []].append(failure.at)
            byAddress[failure.address, default: 0] += 1
            byPair[failure.email + "\n" + failure.address, default: []].append(failure.at)
        }
        let now = Date()
        let refusedAccounts = Set(
            byPair.filter {
                decide(
                    pairFailures: $0.value, accountFailures: 0, addressFailures: 0,
                    now: now
                ).refuseFor != nil
            }
            .compactMap { $0.key.split(separator: "\n").first.map(String.init) })
        let accounts = byAccount.map {
            Entry(
                kind: "account", value: $0.key, failures: $0.value.count,
                refused: refusedAccounts.contains($0.key))
        }
        let addresses = byAddress.map { Entry(kind: "address", value: $0.key, failures: $0.value, refused: false) }
        return (accounts + addresses).sorted { ($0.failures, $1.value) > ($1.failures, $0.value) }
    }

    /// Clears the failures of an account or an address: its throttle ends at once.
    static func clear(kind: String, value: String, on db: any Database) async throws {
        switch kind {
        case "account": try await SignInFailure.query(on: db).filter(\.$email == value).delete()
        case "address": try await SignInFailure.query(on: db).filter(\.$address == value).delete()
        default: throw Abort(.badRequest, reason: "kind must be account or address")
        }
    }

    /// Which clients already have a `sign-in-throttled` row in the audit trail for this window:
    /// one row per client and window, however often it knocks (the trail cannot be pruned).
    final class Recorded: Sendable {
        private let seen = NIOLockedValueBox([String: Date]())

        /// True the first time in a window for `key`; bounded, so it cannot grow without limit.
        func firstInWindow(_ key: String, now: Date = Date()) -> Bool {
            seen.withLockedValue { seen in
                if let last = seen[key], now.timeIntervalSince(last) < SignInThrottle.window { return false }
                if seen.count >= 10_000 {
                    seen = seen.filter { now.timeIntervalSince($0.value) < SignInThrottle.window }
                }
                if seen.count >= 10_000 { return false }
                seen[key] = now
                return true
            }
        }
    }
}

extension Application {
    private struct ThrottleRecordedKey: StorageKey { typealias Value = SignInThrottle.Recorded }

    var throttleRecorded: SignInThrottle.Recorded {
        if let recorded = storage[ThrottleRecordedKey.self] { return recorded }
        let recorded = SignInThrottle.Recorded()
        storage[ThrottleRecordedKey.self] = recorded
        return recorded
    }

    private struct SignInDelayKey: StorageKey { typealias Value = Bool }

    /// Whether sign-in delays are slept (the tests check the policy's numbers instead of waiting).
    var sleepsSignInDelays: Bool {
        get { storage[SignInDelayKey.self] ?? (environment != .testing) }
        set { storage[SignInDelayKey.self] = newValue }
    }
}
