import Vapor

extension SiteURL {
    /// Running an installation: what monitoring reads.
    enum Operations: SiteRoute {
        case metrics

        var pathComponents: [PathComponent] {
            switch self {
            case .metrics: return ["metrics"]
            }
        }
    }
}
