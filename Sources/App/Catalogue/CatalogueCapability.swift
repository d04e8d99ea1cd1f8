import Vapor

/// The catalogue (katalog): the commission's reports and numbered measures, the bodies, the areas
/// and the roadmap to the vision, read by everyone and edited by administrators.
enum CatalogueCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.reports] }, route: SiteURL.Catalogue.reports, position: 10),
        NavigationEntry(label: { $0[.roadmap] }, route: SiteURL.Catalogue.roadmap, position: 20),
        NavigationEntry(label: { $0[.bodies] }, route: SiteURL.Catalogue.bodies, position: 60),
        NavigationEntry(label: { $0[.areas] }, route: SiteURL.Catalogue.areas, position: 70),
    ]

    static let openAPIPart: String? = "catalogue.json"
    static let stylesheet: String? = "Catalogue.css"

    static var texts: [(key: String, sv: String, en: String)] { CatalogueText.entries }

    static func register(_ app: Application) throws {
        app.get(SiteURL.home, use: PageController.home)
        app.get(SiteURL.search, use: PageController.search)
        app.get(SiteURL.Catalogue.reports, use: PageController.reports)
        app.get(SiteURL.Catalogue.report(.key), use: PageController.report)
        app.get(SiteURL.Catalogue.measure(.key), use: PageController.measure)
        app.get(SiteURL.Catalogue.bodies, use: PageController.bodies)
        app.get(SiteURL.Catalogue.body(.key), use: PageController.body)
        app.get(SiteURL.Catalogue.roadmap, use: PageController.roadmap)
        app.get(SiteURL.Catalogue.areas, use: PageController.areas)
        app.get(SiteURL.Catalogue.area(.key), use: PageController.area)

        app.on(.GET, SiteURL.Catalogue.roadmapEdit.pathComponents, rule: .admin, use: RoadmapEditController.form)
        app.on(.POST, SiteURL.Catalogue.roadmapEdit.pathComponents, rule: .admin, use: RoadmapEditController.update)
        app.on(
            .GET, SiteURL.Catalogue.roadmapHistory.pathComponents, rule: .staff, use: RoadmapEditController.history)
        app.on(.PUT, APIURL.Catalogue.roadmap.pathComponents, rule: .admin, use: RoadmapEditController.replace)
        for kind in EditKind.allCases {
            let object = SiteURL.Catalogue.editObject(kind, .key).pathComponents
            app.on(
                .GET, SiteURL.Catalogue.newObject(kind).pathComponents, rule: .admin, use: EditController.newForm(kind))
            app.on(
                .POST, SiteURL.Catalogue.newObject(kind).pathComponents, rule: .admin, use: EditController.create(kind))
            app.on(.GET, object, rule: .admin, use: EditController.editForm(kind))
            app.on(.POST, object, rule: .admin, use: EditController.update(kind))
            let delete = SiteURL.Catalogue.deleteObject(kind, .key).pathComponents
            app.on(.POST, delete, rule: .admin, use: EditController.delete(kind))
            let history = SiteURL.Catalogue.history(kind, .key).pathComponents
            app.on(.GET, history, rule: .staff, use: EditController.history(kind))
            let collection = APIURL.Catalogue.collection(kind).pathComponents
            app.on(.POST, collection, rule: .admin, use: CatalogueWriteAPIController.create(kind))
            let apiObject = APIURL.Catalogue.object(kind, .key).pathComponents
            app.on(.PUT, apiObject, rule: .admin, use: CatalogueWriteAPIController.replace(kind))
            app.on(.PATCH, apiObject, rule: .admin, use: CatalogueWriteAPIController.patch(kind))
            app.on(.DELETE, apiObject, rule: .admin, use: CatalogueWriteAPIController.delete(kind))
        }

        app.get(APIURL.Catalogue.reports, use: PageRenderer.cachedJSON(CatalogueAPIController.reports))
        app.get(APIURL.Catalogue.report(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.report))
        app.get(
            APIURL.Catalogue.reportMeasure(.key, .key),
            use: PageRenderer.cachedJSON(CatalogueAPIController.reportMeasure))
        app.get(APIURL.Catalogue.measures, use: PageRenderer.cachedJSON(CatalogueAPIController.measures))
        app.get(APIURL.Catalogue.measure(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.measure))
        app.get(APIURL.Catalogue.bodies, use: PageRenderer.cachedJSON(CatalogueAPIController.bodies))
        app.get(APIURL.Catalogue.body(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.body))
        app.get(APIURL.Catalogue.areas, use: PageRenderer.cachedJSON(CatalogueAPIController.areas))
        app.get(APIURL.Catalogue.area(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.area))
        app.get(APIURL.Catalogue.commissionAreas, use: PageRenderer.cachedJSON(CatalogueAPIController.commissionAreas))
        app.get(APIURL.Catalogue.roadmap, use: PageRenderer.cachedJSON(CatalogueAPIController.roadmap))
        app.get(APIURL.Catalogue.search, use: PageRenderer.cachedJSON(CatalogueAPIController.search))

        app.asyncCommands.use(CatalogueCommand(), as: "catalogue")
        app.asyncCommands.use(AreasCommand(), as: "areas")
    }
}
