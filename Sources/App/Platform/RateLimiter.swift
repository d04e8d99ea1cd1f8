import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A per-client allowance for work the server cannot answer from its cache (a page or API
/// answer rendered anew, a download file written): a token bucket per client address, so one
/// client with endless distinct query strings cannot take the server from everyone else.
/// Answers from the cache cost nothing and are never limited.
final class RateLimiter: Sendable {
    /// Requests per second a client may make on average, and how many at once after a pause.
    let rate: Double
    let burst: Double
    static let maxClients = 10_000

    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    private let buckets = NIOLockedValueBox([String: Bucket]())

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// From `SKILLNAD_RATE_LIMIT` (requests per second; 0 switches it off) and
    /// `SKILLNAD_RATE_BURST`; 10 and 60 when not set.
    static func fromEnvironment() -> RateLimiter? {
        let rate = Environment.get("SKILLNAD_RATE_LIMIT").flatMap(Double.init) ?? 10
        guard rate > 0 else { return nil }
        let burst = Environment.get("SKILLNAD_RATE_BURST").flatMap(Double.init) ?? max(60, rate)
        return RateLimiter(rate: rate, burst: burst)
    }

    /// Takes one request's allowance for `client`; nil when allowed, otherwise the seconds to wait.
    func take(_ client: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> Int? {
        buckets.withLockedValue { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            if bucket.tokens < 1 {
                buckets[client] = bucket
                return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
            }
            bucket.tokens -= 1
            if buckets[client] == nil, buckets.count >= Self.maxClients {
                // Clients that have waited long enough to be full again are forgotten first,
                // then the one heard from longest ago, so a new client is always counted.
                buckets = buckets.filter { min(burst, $0.value.tokens + (now - $0.value.updated) * rate) < burst }
                if buckets.count >= Self.maxClients,
                    let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })
                {
                    buckets.removeValue(forKey: oldest.key)
                }
            }
            buckets[client] = bucket
            return nil
        }
    }

    /// The seconds `client` must wait before its next allowance, without taking one; nil when it
    /// has one. For allowances charged only on failure (a wrong code), checked before trying.
    func waiting(_ client: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> Int? {
        buckets.withLockedValue { buckets in
            guard let bucket = buckets[client] else { return nil }
            let tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            return tokens < 1 ? max(1, Int(((1 - tokens) / rate).rounded(.up))) : nil
        }
    }

    /// Thrown when a client has used up its allowance.
    struct Limited: AbortError {
        let wait: Int
        var status: HTTPResponseStatus { .tooManyRequests }
        var reason: String { "Too many requests from your address. Wait \(wait) s and try again." }
        var headers: HTTPHeaders { ["Retry-After": String(wait)] }
    }
}

extension Application {
    private struct RateLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// nil when rate limiting is off (`SKILLNAD_RATE_LIMIT=0`, and in the test environment unless a test sets one).
    var rateLimiter: RateLimiter? {
        get { storage[RateLimiterKey.self] }
        set { storage[RateLimiterKey.self] = newValue }
    }
}

extension Request {
    /// Charges this client for work that is not answered from a cache; throws 429 when it has
    /// used up its allowance.
    func chargeUncachedWork() throws {
        guard let limiter = application.rateLimiter else { return }
        if let wait = limiter.take(clientAddress) { throw RateLimiter.Limited(wait: wait) }
    }
}
