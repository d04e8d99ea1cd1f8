import Vapor

/// Registers every page and API route from the typed route enums.
func routes(_ app: Application) throws {
    app.get(SiteURL.healthz, use: PageController.healthz)
    app.get(SiteURL.home, use: PageController.home)
    app.get(SiteURL.reports, use: PageController.reports)
    app.get(SiteURL.report(.key), use: PageController.report)
    app.get(SiteURL.measure(.key), use: PageController.measure)
    app.get(SiteURL.bodies, use: PageController.bodies)
    app.get(SiteURL.body(.key), use: PageController.body)
    app.get(SiteURL.roadmap, use: PageController.roadmap)
    app.get(SiteURL.areas, use: PageController.areas)
    app.get(SiteURL.area(.key), use: PageController.area)
    app.get(SiteURL.search, use: PageController.search)
    app.get(SiteURL.accessibility, use: PageController.accessibility)

    app.get(APIURL.openapi, use: OpenAPIController.document)
    app.get(APIURL.reports, use: CatalogueAPIController.reports)
    app.get(APIURL.report(.key), use: CatalogueAPIController.report)
    app.get(APIURL.reportMeasure(.key, .key), use: CatalogueAPIController.reportMeasure)
    app.get(APIURL.measures, use: CatalogueAPIController.measures)
    app.get(APIURL.measure(.key), use: CatalogueAPIController.measure)
    app.get(APIURL.bodies, use: CatalogueAPIController.bodies)
    app.get(APIURL.body(.key), use: CatalogueAPIController.body)
    app.get(APIURL.areas, use: CatalogueAPIController.areas)
    app.get(APIURL.area(.key), use: CatalogueAPIController.area)
    app.get(APIURL.commissionAreas, use: CatalogueAPIController.commissionAreas)
    app.get(APIURL.roadmap, use: CatalogueAPIController.roadmap)
    app.get(APIURL.search, use: CatalogueAPIController.search)
}
