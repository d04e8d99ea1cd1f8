import Vapor

/// The follow-up's CSV export and import and its JSON API.
enum FollowUpTransfer {
    /// A file of follow-up reports: 20,000 rows are a few MB.
    static let fileLimit: ByteCount = "20mb"

    static func register(_ app: Application) throws {
        app.get(SiteURL.FollowUp.reportsCSV, use: FollowUpExport.response)
        app.on(.GET, SiteURL.FollowUp.importReports.pathComponents, rule: .editor, use: FollowUpImportPage.form)
        app.on(
            .POST, SiteURL.FollowUp.importReports.pathComponents, rule: .editor, body: .collect(maxSize: fileLimit),
            use: FollowUpImportPage.upload)

        typealias API = FollowUpAPIController
        app.get(APIURL.FollowUp.budgetYears, use: PageRenderer.cachedJSON(API.budgetYears))
        app.get(APIURL.FollowUp.decisions, use: PageRenderer.cachedJSON(API.decisions))
        app.get(APIURL.FollowUp.periods, use: PageRenderer.cachedJSON(API.periods))
        app.get(APIURL.FollowUp.reports, use: PageRenderer.cachedJSON(API.reports))
        app.get(APIURL.FollowUp.report(.key, .key, .key), use: PageRenderer.cachedJSON(API.report))
        app.get(APIURL.FollowUp.measure(.key), use: PageRenderer.cachedJSON(API.measure))
        app.get(APIURL.FollowUp.rollup, use: PageRenderer.cachedJSON(API.rollup))
        app.get(APIURL.FollowUp.reportsCSV, use: API.exportCSV)
        app.on(
            .POST, APIURL.FollowUp.reportsCSV.pathComponents, rule: .editor, body: .collect(maxSize: fileLimit),
            use: API.importCSV)
        app.on(.PUT, APIURL.FollowUp.report(.key, .key, .key).pathComponents, rule: .editor, use: API.saveReport)
        app.on(.POST, APIURL.FollowUp.decisions.pathComponents, rule: .admin, use: API.recordDecision)

        app.asyncCommands.use(FollowUpCommand(), as: "follow-up")
    }
}
