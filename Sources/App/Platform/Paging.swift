import Vapor

/// `limit` and `offset` of a list request, checked: a malformed value is a 400 that names the
/// parameter, never a silent default.
struct Paging: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 500

    let limit: Int
    let offset: Int

    init(_ req: Request) throws {
        limit = try Self.int(req, "limit", default: Self.defaultLimit, range: 1...Self.maxLimit)
        offset = try Self.int(req, "offset", default: 0, range: 0...Int(Int32.max))
    }

    static func int(_ req: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        try req.refuseListParameter(name)
        guard let raw = req.query[String.self, at: name] else { return value }
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw ParameterError(
                parameter: name,
                message: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(raw)'")
        }
        return n
    }

    /// The page of items, with the total, as every list in the API answers.
    func page<T: Encodable & Sendable>(_ all: [T]) -> ListResponse<T> {
        ListResponse(items: Array(all[slice(of: all.count)]), total: all.count, limit: limit, offset: offset)
    }

    /// The same, making only the items on the page: for lists whose items are costly to build.
    /// An item that can no longer be made (deleted meanwhile) is left out of the page.
    func page<S, T: Encodable & Sendable>(_ all: [S], making make: (S) async throws -> T?) async rethrows
        -> ListResponse<T>
    {
        var items: [T] = []
        for s in all[slice(of: all.count)] { if let t = try await make(s) { items.append(t) } }
        return ListResponse(items: items, total: all.count, limit: limit, offset: offset)
    }

    /// The positions on the page in a list of `count` items.
    private func slice(of count: Int) -> Range<Int> {
        let start = min(offset, count)
        return start..<min(start + limit, count)
    }
}

/// `{"items": [...], "total": N, "limit": L, "offset": O}`.
struct ListResponse<T: Encodable & Sendable>: Content where T: Decodable {
    let items: [T]
    let total: Int
    let limit: Int
    let offset: Int
}

extension Request {
    /// A text filter from the query string: absent is nil; present but empty is an error.
    func filter(_ name: String) throws -> String? {
        try refuseListParameter(name)
        guard let raw = query[String.self, at: name] else { return nil }
        // Blank is empty, line breaks too: the API document asks for a character that is not blank.
        let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !v.isEmpty else { throw ParameterError(parameter: name, message: "must not be blank") }
        // No stored value holds a NUL, and PostgreSQL cannot compare with one: a noncharacter
        // that nothing holds either keeps the meaning (it matches nothing) without the error.
        return v.contains("\u{0}") ? v.replacingOccurrences(of: "\u{0}", with: "\u{FFFF}") : v
    }
}

extension Request {
    /// `limit[]=5` or `limit[x]=5` is not `limit=5`: refused rather than silently ignored.
    func refuseListParameter(_ name: String) throws {
        guard let query = url.query else { return }
        for pair in query.split(separator: "&") {
            let key = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let decoded = key.removingPercentEncoding ?? key
            if decoded.hasPrefix(name + "[") {
                throw ParameterError(parameter: name, message: "give it once as \(name)=value, not as a list")
            }
        }
    }
}
