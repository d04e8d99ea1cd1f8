import Vapor

/// Every capability of the application. A new capability is one line here.
enum Capabilities {
    static let all: [any Capability.Type] = [
        PlatformCapability.self,
        CatalogueCapability.self,
        AccountsCapability.self,
        IndicatorsCapability.self,
        ReferralsCapability.self,
        FollowUpCapability.self,
        DialoguesCapability.self,
        ParticipatoryBudgetsCapability.self,
        CivilSocietyCapability.self,
        GrantsCapability.self,
        OperationsCapability.self,
        ArchiveCapability.self,
        DemoCapability.self,
    ]

    /// The main navigation between the home page and search, in the capabilities' order of place.
    static let navigation: [NavigationEntry] = all.flatMap { $0.navigation }
        .sorted { $0.position < $1.position }
}
