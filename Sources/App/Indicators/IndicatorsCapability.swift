import Vapor

/// The indicators (indikatorer) of differences in living conditions between areas and groups over
/// time: their pages, downloads, imports by editors, and the API.
enum IndicatorsCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.differences] }, route: SiteURL.Indicators.differences, position: 40),
        NavigationEntry(label: { $0[.indicators] }, route: SiteURL.Indicators.list, position: 50),
    ]

    static let openAPIPart: String? = "indicators.json"
    static let stylesheet: String? = "Indicators.css"

    static var texts: [(key: String, sv: String, en: String)] { IndicatorText.entries + AggregationText.entries }

    static func register(_ app: Application) throws {
        app.get(SiteURL.Indicators.list, use: IndicatorController.list)
        app.on(.GET, SiteURL.Indicators.upload.pathComponents, rule: .editor, use: IndicatorController.uploadForm)
        // A statistics file can be large: up to 200 MB here, the command line for more.
        app.on(
            .POST, SiteURL.Indicators.upload.pathComponents, rule: .editor, body: .collect(maxSize: "200mb"),
            use: IndicatorController.upload)
        app.on(.POST, SiteURL.Indicators.restore(.key).pathComponents, rule: .editor, use: IndicatorController.restore)
        app.get(SiteURL.Indicators.indicator(.key), use: IndicatorController.show)
        app.get(SiteURL.Indicators.data(.key), use: IndicatorController.data)
        app.get(SiteURL.Indicators.differences, use: IndicatorController.differences)
        app.get(SiteURL.Indicators.methods, use: IndicatorController.methods)

        app.get(APIURL.Indicators.list, use: PageRenderer.cachedJSON(IndicatorAPIController.list))
        app.get(APIURL.Indicators.indicator(.key), use: PageRenderer.cachedJSON(IndicatorAPIController.show))
        app.get(APIURL.Indicators.observations(.key), use: PageRenderer.cachedJSON(IndicatorAPIController.observations))
        app.get(APIURL.Indicators.disparity(.key), use: PageRenderer.cachedJSON(IndicatorAPIController.disparity))

        app.asyncCommands.use(IndicatorsCommand(), as: "indicators")
    }
}
