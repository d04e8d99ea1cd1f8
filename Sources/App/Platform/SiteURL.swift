import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)
}

/// Every public page's address. The same enum registers the routes and builds the links, so a
/// link cannot point at a page that does not exist.
enum SiteURL: Sendable {
    case home
    case reports
    case report(Parameter<String>)
    case measure(Parameter<String>)
    case bodies
    case body(Parameter<String>)
    case roadmap
    case areas
    case area(Parameter<String>)
    case search
    case indicators
    case indicator(Parameter<String>)
    /// An indicator's observations as a file: `?format=csv|csv-sv|json|opensdg`.
    case indicatorData(Parameter<String>)
    case indicatorUpload
    /// Restores the values an import replaced (POST).
    case indicatorRestore(Parameter<String>)
    case differences
    case methods
    case referrals
    case newReferral
    case referral(Parameter<String>)
    case editReferral(Parameter<String>)
    case referralCompilation(Parameter<String>)
    case referralCompilationCSV(Parameter<String>)
    case referralAnswer(Parameter<String>, Parameter<String>)
    /// A body confirms or withdraws from another body's joint answer (POST).
    case referralJoint(Parameter<String>, Parameter<String>)
    case referralAttachment(Parameter<String>)
    /// Every submitted position of every round as CSV.
    case referralPositionsCSV
    case calendar
    case bodyCalendar(Parameter<String>)
    case accessibility
    case healthz
    case stylesheet
    case login
    case logout
    case account
    case accountPassword
    case accountTokens
    case revokeToken(Parameter<String>)
    case adminUsers
    case adminUser(Parameter<String>)
    case adminUserPassword(Parameter<String>)
    /// Clears a sign-in throttle (POST).
    case adminThrottles
    /// `/{kind}/new`, `/{kind}/{id}/edit`, `/{kind}/{id}/delete`, `/{kind}/{id}/history`.
    case newObject(EditKind)
    case editObject(EditKind, Parameter<String>)
    case deleteObject(EditKind, Parameter<String>)
    case history(EditKind, Parameter<String>)
    case roadmapEdit
    case roadmapHistory

    static let idKey = "id"
    static let bodyKey = "body"

    var pathComponents: [PathComponent] {
        func param(_ p: Parameter<String>, _ key: String = Self.idKey) -> PathComponent {
            switch p {
            case .key: return .parameter(key)
            case .value(let v): return .constant(v)
            }
        }
        switch self {
        case .home: return []
        case .reports: return ["reports"]
        case .report(let p): return ["reports", param(p)]
        case .measure(let p): return ["measures", param(p)]
        case .bodies: return ["bodies"]
        case .body(let p): return ["bodies", param(p)]
        case .roadmap: return ["roadmap"]
        case .areas: return ["areas"]
        case .area(let p): return ["areas", param(p)]
        case .search: return ["search"]
        case .indicators: return ["indicators"]
        case .indicator(let p): return ["indicators", param(p)]
        case .indicatorData(let p): return ["indicators", param(p), "data"]
        case .indicatorUpload: return ["indicators", "import"]
        case .indicatorRestore(let p): return ["indicators", param(p), "restore"]
        case .differences: return ["differences"]
        case .methods: return ["methods"]
        case .referrals: return ["referrals"]
        case .newReferral: return ["referrals", "new"]
        case .referral(let p): return ["referrals", param(p)]
        case .editReferral(let p): return ["referrals", param(p), "edit"]
        case .referralCompilation(let p): return ["referrals", param(p), "compilation"]
        case .referralCompilationCSV(let p): return ["referrals", param(p), "compilation.csv"]
        case .referralAnswer(let p, let b): return ["referrals", param(p), "answers", param(b, Self.bodyKey)]
        case .referralJoint(let p, let b): return ["referrals", param(p), "answers", param(b, Self.bodyKey), "joint"]
        case .referralAttachment(let p): return ["attachments", param(p)]
        case .referralPositionsCSV: return ["referrals", "positions.csv"]
        case .calendar: return ["calendar.ics"]
        case .bodyCalendar(let p): return ["bodies", param(p), "calendar.ics"]
        case .accessibility: return ["accessibility"]
        case .healthz: return ["healthz"]
        case .stylesheet: return ["static", "skillnad.css"]
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .account: return ["account"]
        case .accountPassword: return ["account", "password"]
        case .accountTokens: return ["account", "tokens"]
        case .revokeToken(let p): return ["account", "tokens", param(p), "revoke"]
        case .adminUsers: return ["admin", "users"]
        case .adminUser(let p): return ["admin", "users", param(p)]
        case .adminUserPassword(let p): return ["admin", "users", param(p), "password"]
        case .adminThrottles: return ["admin", "throttles", "clear"]
        case .newObject(let k): return [.constant(k.plural), "new"]
        case .editObject(let k, let p): return [.constant(k.plural), param(p), "edit"]
        case .deleteObject(let k, let p): return [.constant(k.plural), param(p), "delete"]
        case .history(let k, let p): return [.constant(k.plural), param(p), "history"]
        case .roadmapEdit: return ["roadmap", "edit"]
        case .roadmapHistory: return ["roadmap", "history"]
        }
    }

    /// The absolute path, with each value percent-encoded.
    var path: String {
        encodedPath(pathComponents)
    }

    /// A link in the given language: English links carry `lang=en` so the choice sticks.
    func link(_ lang: Lang, query: [(String, String)] = []) -> String {
        var items = query
        if lang == .en { items.append(("lang", "en")) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}

/// The JSON API's addresses under `/api/v1`, registered and linked from one place.
enum APIURL: Sendable {
    case openapi
    case reports
    case report(Parameter<String>)
    case reportMeasure(Parameter<String>, Parameter<String>)
    case measures
    case measure(Parameter<String>)
    case bodies
    case body(Parameter<String>)
    case areas
    case area(Parameter<String>)
    case commissionAreas
    case roadmap
    case search
    case indicators
    case indicator(Parameter<String>)
    case indicatorObservations(Parameter<String>)
    case indicatorDisparity(Parameter<String>)
    case referrals
    case referral(Parameter<String>)
    case referralAnswers(Parameter<String>)
    case referralCompilation(Parameter<String>)
    case referralCompilationCSV(Parameter<String>)
    /// `/api/v1/{kind}` and `/api/v1/{kind}/{id}` of an editable kind, for writes.
    case collection(EditKind)
    case object(EditKind, Parameter<String>)

    static let idKey = "id"
    static let codeKey = "code"

    var pathComponents: [PathComponent] {
        func param(_ p: Parameter<String>, _ key: String) -> PathComponent {
            switch p {
            case .key: return .parameter(key)
            case .value(let v): return .constant(v)
            }
        }
        let base: [PathComponent] = ["api", "v1"]
        switch self {
        case .openapi: return base + ["openapi.json"]
        case .reports: return base + ["reports"]
        case .report(let p): return base + ["reports", param(p, Self.idKey)]
        case .reportMeasure(let r, let c): return base + ["reports", param(r, Self.idKey), "measures", param(c, Self.codeKey)]
        case .measures: return base + ["measures"]
        case .measure(let p): return base + ["measures", param(p, Self.idKey)]
        case .bodies: return base + ["bodies"]
        case .body(let p): return base + ["bodies", param(p, Self.idKey)]
        case .areas: return base + ["areas"]
        case .area(let p): return base + ["areas", param(p, Self.idKey)]
        case .commissionAreas: return base + ["commission-areas"]
        case .roadmap: return base + ["roadmap"]
        case .search: return base + ["search"]
        case .indicators: return base + ["indicators"]
        case .indicator(let p): return base + ["indicators", param(p, Self.codeKey)]
        case .indicatorObservations(let p): return base + ["indicators", param(p, Self.codeKey), "observations"]
        case .indicatorDisparity(let p): return base + ["indicators", param(p, Self.codeKey), "disparity"]
        case .referrals: return base + ["referrals"]
        case .referral(let p): return base + ["referrals", param(p, Self.idKey)]
        case .referralAnswers(let p): return base + ["referrals", param(p, Self.idKey), "answers"]
        case .referralCompilation(let p): return base + ["referrals", param(p, Self.idKey), "compilation"]
        case .referralCompilationCSV(let p): return base + ["referrals", param(p, Self.idKey), "compilation.csv"]
        case .collection(let k): return base + [.constant(k.plural)]
        case .object(let k, let p): return base + [.constant(k.plural), param(p, Self.idKey)]
        }
    }

    var path: String {
        encodedPath(pathComponents)
    }
}

extension RoutesBuilder {
    @discardableResult
    func get(_ route: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        self.on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(_ route: APIURL, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        self.on(.GET, route.pathComponents, use: handler)
    }
}

/// Joins path components into an absolute path, percent-encoding each value.
/// Slugs need no encoding, and pages link hundreds of them: they skip Foundation's encoder.
func encodedPath(_ components: [PathComponent]) -> String {
    "/" + components.map { c -> String in
        let s = c.description
        if s.utf8.allSatisfy(isPlainPathByte) { return s }
        return s.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? s
    }.joined(separator: "/")
}

private let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

/// ASCII letters, digits and `-._~`: unreserved in a URL, the same encoded or not.
private func isPlainPathByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
}
