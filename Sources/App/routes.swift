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

    // Accounts
    app.on(.GET, SiteURL.login.pathComponents, rule: .anyone, use: AccountController.loginPage)
    app.on(.POST, SiteURL.login.pathComponents, rule: .anyone, use: AccountController.login)
    app.on(.POST, SiteURL.logout.pathComponents, rule: .signedIn, use: AccountController.logout)
    app.on(.GET, SiteURL.account.pathComponents, rule: .signedIn, use: AccountController.accountPage)
    app.on(.POST, SiteURL.accountPassword.pathComponents, rule: .signedIn, use: AccountController.changePassword)
    app.on(.POST, SiteURL.accountTokens.pathComponents, rule: .signedIn, use: AccountController.createToken)
    app.on(.POST, SiteURL.revokeToken(.key).pathComponents, rule: .signedIn, use: AccountController.revokeToken)
    app.on(.GET, SiteURL.adminUsers.pathComponents, rule: .admin, use: AdminUsersController.list)
    app.on(.POST, SiteURL.adminUsers.pathComponents, rule: .admin, use: AdminUsersController.create)
    app.on(.POST, SiteURL.adminUser(.key).pathComponents, rule: .admin, use: AdminUsersController.update)
    app.on(.POST, SiteURL.adminUserPassword(.key).pathComponents, rule: .admin, use: AdminUsersController.resetPassword)

    // Editing the catalogue
    app.on(.GET, SiteURL.roadmapEdit.pathComponents, rule: .admin, use: RoadmapEditController.form)
    app.on(.POST, SiteURL.roadmapEdit.pathComponents, rule: .admin, use: RoadmapEditController.update)
    app.on(.GET, SiteURL.roadmapHistory.pathComponents, rule: .signedIn, use: RoadmapEditController.history)
    app.on(.PUT, APIURL.roadmap.pathComponents, rule: .admin, use: RoadmapEditController.replace)
    for kind in EditKind.allCases {
        app.on(.GET, SiteURL.newObject(kind).pathComponents, rule: .admin, use: EditController.newForm(kind))
        app.on(.POST, SiteURL.newObject(kind).pathComponents, rule: .admin, use: EditController.create(kind))
        app.on(.GET, SiteURL.editObject(kind, .key).pathComponents, rule: .admin, use: EditController.editForm(kind))
        app.on(.POST, SiteURL.editObject(kind, .key).pathComponents, rule: .admin, use: EditController.update(kind))
        app.on(.POST, SiteURL.deleteObject(kind, .key).pathComponents, rule: .admin, use: EditController.delete(kind))
        app.on(.GET, SiteURL.history(kind, .key).pathComponents, rule: .signedIn, use: EditController.history(kind))
        app.on(.POST, APIURL.collection(kind).pathComponents, rule: .admin, use: CatalogueWriteAPIController.create(kind))
        app.on(.PUT, APIURL.object(kind, .key).pathComponents, rule: .admin, use: CatalogueWriteAPIController.replace(kind))
        app.on(.PATCH, APIURL.object(kind, .key).pathComponents, rule: .admin, use: CatalogueWriteAPIController.patch(kind))
        app.on(.DELETE, APIURL.object(kind, .key).pathComponents, rule: .admin, use: CatalogueWriteAPIController.delete(kind))
    }

    app.get(APIURL.openapi, use: OpenAPIController.document)
    app.get(APIURL.reports, use: PageRenderer.cachedJSON(CatalogueAPIController.reports))
    app.get(APIURL.report(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.report))
    app.get(APIURL.reportMeasure(.key, .key), use: PageRenderer.cachedJSON(CatalogueAPIController.reportMeasure))
    app.get(APIURL.measures, use: PageRenderer.cachedJSON(CatalogueAPIController.measures))
    app.get(APIURL.measure(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.measure))
    app.get(APIURL.bodies, use: PageRenderer.cachedJSON(CatalogueAPIController.bodies))
    app.get(APIURL.body(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.body))
    app.get(APIURL.areas, use: PageRenderer.cachedJSON(CatalogueAPIController.areas))
    app.get(APIURL.area(.key), use: PageRenderer.cachedJSON(CatalogueAPIController.area))
    app.get(APIURL.commissionAreas, use: PageRenderer.cachedJSON(CatalogueAPIController.commissionAreas))
    app.get(APIURL.roadmap, use: PageRenderer.cachedJSON(CatalogueAPIController.roadmap))
    app.get(APIURL.search, use: PageRenderer.cachedJSON(CatalogueAPIController.search))
}
