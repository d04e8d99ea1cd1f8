import Vapor

/// The follow-up's forms: budget years and decisions and the fund (administrators), the periods,
/// and the report page with the bodies' report form (editors of the body, administrators).
enum FollowUpForms {
    static func register(_ app: Application) throws {
        let url = SiteURL.FollowUp.self
        app.on(.GET, url.newBudgetYear.pathComponents, rule: .admin, use: BudgetYearForm.show)
        app.on(.POST, url.newBudgetYear.pathComponents, rule: .admin, use: BudgetYearForm.save)
        app.on(.GET, url.newDecision.pathComponents, rule: .admin, use: DecisionForm.show)
        app.on(.POST, url.newDecision.pathComponents, rule: .admin, use: DecisionForm.save)
        app.get(url.periods, use: PeriodsPage.show)
        app.on(.POST, url.periods.pathComponents, rule: .admin, use: PeriodsPage.save)
        app.get(url.report(.key, .key, .key), use: FollowUpReportPage.show)
        // A report may carry an attachment of up to 20 MB.
        app.on(
            .POST, url.report(.key, .key, .key).pathComponents, rule: .editor, body: .collect(maxSize: "25mb"),
            use: FollowUpReportPage.save)
        app.get(url.attachment(.key), use: FollowUpReportPage.attachment)
        app.on(.GET, url.fundCapital.pathComponents, rule: .admin, use: FundForms.showCapital)
        app.on(.POST, url.fundCapital.pathComponents, rule: .admin, use: FundForms.saveCapital)
        app.on(.GET, url.newFundProject.pathComponents, rule: .admin, use: FundForms.showProject)
        app.on(.POST, url.newFundProject.pathComponents, rule: .admin, use: FundForms.saveProject)
    }
}
