import Vapor

/// The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
/// (`SKILLNAD_TRUSTED_PROXIES`, addresses separated by commas). Without it, the client is the
/// socket's peer and the headers are ignored: anyone could write them.
struct TrustedProxies: Sendable {
    let addresses: Set<String>

    static func fromEnvironment() -> TrustedProxies {
        let list = Environment.get("SKILLNAD_TRUSTED_PROXIES") ?? ""
        return TrustedProxies(
            addresses: Set(
                list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }))
    }

    /// The client behind the trusted proxies: the peer, or, when the peer is a trusted proxy,
    /// the last address in `X-Forwarded-For` that is not one.
    func client(peer: String?, forwardedFor: [String]) -> String {
        // A request with no socket peer (the tests' in-memory client) is "unknown".
        let peer = peer ?? "unknown"
        guard addresses.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !addresses.contains(hop) {
            return HeaderValue.host(hop) ?? peer
        }
        return peer
    }

    func trusts(_ peer: String?) -> Bool {
        addresses.contains(peer ?? "unknown")
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey { typealias Value = TrustedProxies }

    var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? TrustedProxies(addresses: []) }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}
