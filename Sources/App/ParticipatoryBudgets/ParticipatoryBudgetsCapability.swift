import Vapor

/// Participatory budgets (medborgarbudgetar, measure D.2.1.1): residents propose, officials
/// review, residents vote with one-time codes or on paper, the published rule picks the winners,
/// and the budget's page follows what was built.
enum ParticipatoryBudgetsCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.budgets] }, route: SiteURL.Budgets.list, position: 39)
    ]

    static let openAPIPart: String? = "budgets.json"
    static let stylesheet: String? = "Budgets.css"

    static var texts: [(key: String, sv: String, en: String)] { BudgetText.entries }

    static func register(_ app: Application) throws {
        BudgetPages.register(app)
        ProposalForm.register(app)
        VotingForm.register(app)
        OfficialForms.register(app)
        BudgetAPI.register(app)
        app.asyncCommands.use(BudgetCommand(), as: "budgets")
    }
}
