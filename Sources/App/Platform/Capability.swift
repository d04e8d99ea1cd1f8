import Vapor

/// A part of Skillnad with a folder of its own under `Sources/App` (catalogue, referrals, …): it
/// registers its own routes, with their permission rules, and its own commands, and names its
/// entries in the main navigation. `Capabilities.all` lists them, one line each.
protocol Capability {
    /// Registers the capability's routes and commands.
    static func register(_ app: Application) throws

    /// The capability's entries in the site's main navigation.
    static var navigation: [NavigationEntry] { get }

    /// The capability's part of the OpenAPI document: a file in `Resources/API/` with its paths
    /// and schemas, or nil when it has no API.
    static var openAPIPart: String? { get }

    /// The capability's fixed texts: its `TextKey` enum's entries.
    static var texts: [(key: String, sv: String, en: String)] { get }

    /// The capability's styles: a file in `Resources/Styles/`, served after the common
    /// stylesheet as part of it, or nil when the common styles suffice.
    static var stylesheet: String? { get }
}

extension Capability {
    static var navigation: [NavigationEntry] { [] }
    static var openAPIPart: String? { nil }
    static var texts: [(key: String, sv: String, en: String)] { [] }
    static var stylesheet: String? { nil }
}

/// An entry in the main navigation: the key of its label, its page, and its place (lower first).
struct NavigationEntry: Sendable {
    let label: @Sendable (Texts) -> String
    let route: any SiteRoute
    let position: Int
}
