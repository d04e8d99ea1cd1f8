import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)
}

extension Parameter where T == String {
    /// The path component: a named parameter when registering, the value when linking.
    func component(_ key: String) -> PathComponent {
        switch self {
        case .key: return .parameter(key)
        case .value(let value): return .constant(value)
        }
    }
}

/// An address that registers a route and builds the links to it, so a link cannot point at a
/// page that does not exist. Each capability declares its addresses as an enum nested in
/// `SiteURL` (pages) or `APIURL` (the JSON API), in its own folder.
protocol TypedRoute: Sendable {
    var pathComponents: [PathComponent] { get }
}

extension TypedRoute {
    /// The absolute path, with each value percent-encoded.
    var path: String {
        encodedPath(pathComponents)
    }
}

/// A page's address.
protocol SiteRoute: TypedRoute {}

/// An address in the JSON API under `/api/v1`.
protocol APIRoute: TypedRoute {}

extension SiteRoute {
    /// A link in the given language: English links carry `lang=en` so the choice sticks.
    func link(_ lang: Lang, query: [(String, String)] = []) -> String {
        var items = query
        if lang == .en { items.append(("lang", "en")) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(SiteURL.encode($0.0))=\(SiteURL.encode($0.1))" }.joined(separator: "&")
    }

    /// Whether two addresses are the same page.
    func isSame(as other: (any SiteRoute)?) -> Bool {
        other.map { $0.path == path } ?? false
    }
}

/// The site's own pages; each capability's pages are nested in it (`SiteURL.Referrals`, …).
enum SiteURL: SiteRoute {
    case home
    case search
    case accessibility
    case healthz
    case stylesheet

    static let idKey = "id"
    static let bodyKey = "body"

    var pathComponents: [PathComponent] {
        switch self {
        case .home: return []
        case .search: return ["search"]
        case .accessibility: return ["accessibility"]
        case .healthz: return ["healthz"]
        case .stylesheet: return ["static", "skillnad.css"]
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}

/// The JSON API's own addresses; each capability's are nested in it (`APIURL.Referrals`, …).
enum APIURL: APIRoute {
    case openapi

    static let idKey = "id"
    static let codeKey = "code"
    static let base: [PathComponent] = ["api", "v1"]

    var pathComponents: [PathComponent] {
        switch self {
        case .openapi: return Self.base + ["openapi.json"]
        }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        self.on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(
        _ route: some APIRoute, use handler: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        self.on(.GET, route.pathComponents, use: handler)
    }
}

/// Joins path components into an absolute path, percent-encoding each value.
/// Slugs need no encoding, and pages link hundreds of them: they skip Foundation's encoder.
func encodedPath(_ components: [PathComponent]) -> String {
    "/"
        + components.map { component -> String in
            let text = component.description
            if text.utf8.allSatisfy(isPlainPathByte) { return text }
            return text.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? text
        }.joined(separator: "/")
}

private let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

/// ASCII letters, digits and `-._~`: unreserved in a URL, the same encoded or not.
private func isPlainPathByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
}
