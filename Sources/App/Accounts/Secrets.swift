import Vapor
import Foundation

/// Random secrets and their hashes, for session cookies, CSRF and API tokens.
enum Secrets {
    /// 32 random bytes as URL-safe base64 (43 characters).
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 in hex. Enough for secrets with 256 bits of randomness: unlike passwords they
    /// cannot be guessed, so a slow hash buys nothing.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking where two strings first differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// HMAC-SHA256 of `value` under `key`, in hex: what is stored of a value that must be found
    /// again but never read back (a personal identity number, a voting code). Without the key, a
    /// copy of the database cannot be searched for a value.
    static func keyedHash(_ value: String, key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
