import Foundation
import Vapor

/// The one way to put text from outside (a file name, a `next` address, a host) into a
/// response header: values with CR, LF or another control character are refused, so no header
/// can be split into two.
enum HeaderValue {
    /// `value` when it holds no control character (C0, DEL), nil otherwise.
    static func checked(_ value: String) -> String? {
        value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? nil : value
    }

    /// A path on this site to redirect to, or nil. It must start with one `/` (not `//` or `/\`,
    /// which browsers read as another host), hold no control character, backslash or space,
    /// also once percent-decoded (`/%09/evil.example/` becomes `//evil.example/` when a browser
    /// strips the tab), and parse as a URL without scheme or host.
    static func sameOriginPath(_ candidate: String?) -> String? {
        guard let candidate, candidate.utf8.count <= 2048 else { return nil }
        guard let decoded = candidate.removingPercentEncoding else { return nil }
        for text in [candidate, decoded] {
            guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\") else { return nil }
            let unsafe = text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
            if unsafe { return nil }
        }
        guard let parts = URLComponents(string: candidate), parts.scheme == nil, parts.host == nil,
            parts.path.hasPrefix("/")
        else { return nil }
        return candidate
    }

    /// `Content-Disposition: attachment` per RFC 6266: an ASCII `filename` for old clients and
    /// the exact name as UTF-8 in `filename*` (RFC 8187), with control characters, quotes,
    /// backslashes and path separators left out of both.
    static func attachment(filename: String) -> String {
        let clean = cleanFilename(filename)
        let ascii = String(clean.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = clean.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// A file name as it may be stored and shown: no control characters, quotes, backslashes or
    /// slashes, at most 200 characters, never empty.
    static func cleanFilename(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !"\"\\/".unicodeScalars.contains(scalar)
        }
        let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        let short = String(text.prefix(200))
        return short.isEmpty ? "file" : short
    }

    /// The host a request names, when it is a plain host name or address with an optional port;
    /// nil for anything else (a `Host` header is the client's to write).
    static func host(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 255 else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard value.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return nil }
        return value
    }
}

extension Request {
    /// A `303 See Other` to a path on this site; anything else goes to `fallback`.
    func redirect(toSameOrigin path: String?, fallback: String) -> Response {
        redirect(to: HeaderValue.sameOriginPath(path) ?? fallback, redirectType: .normal)
    }
}
