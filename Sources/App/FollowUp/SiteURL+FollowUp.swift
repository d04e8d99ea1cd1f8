import Vapor

extension SiteURL {
    /// The follow-up's pages: budget years and decisions, periods and reports, the overview, the
    /// social investment fund, imports and exports.
    enum FollowUp: SiteRoute {
        /// Measures × periods with status, filtered; what the annual report is made from.
        case overview
        /// The overview for paper.
        case overviewPrint
        /// Every follow-up report as CSV (the import's format).
        case reportsCSV
        /// Upload a CSV of reports (GET form, POST file).
        case importReports
        case budgetYears
        case newBudgetYear
        case budgetYear(Parameter<String>)
        /// Record a decision (GET form, POST), `?measure=` to start from a measure.
        case newDecision
        case decision(Parameter<String>)
        /// The periods, and (POST) adding a year's periods.
        case periods
        /// A period: roll-up per body, late and missing reports.
        case period(Parameter<String>)
        /// A body's report on a measure in a period: public view, and the form for its editors (POST).
        case report(Parameter<String>, Parameter<String>, Parameter<String>)
        case attachment(Parameter<String>)
        /// The social investment fund: capital, projects, remaining capital.
        case fund
        /// Record the fund's capital for a year (POST, administrators).
        case fundCapital
        case newFundProject
        case fundProject(Parameter<String>)
        /// A body's assignments and what it must report next.
        case body(Parameter<String>)

        static let periodKey = "period"
        static let measureKey = "measure"

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .overview: return ["follow-up"]
            case .overviewPrint: return ["follow-up", "print"]
            case .reportsCSV: return ["follow-up", "reports.csv"]
            case .importReports: return ["follow-up", "import"]
            case .budgetYears: return ["follow-up", "budget"]
            case .newBudgetYear: return ["follow-up", "budget", "new"]
            case .budgetYear(let year): return ["follow-up", "budget", year.component(id)]
            case .newDecision: return ["follow-up", "decisions", "new"]
            case .decision(let decision): return ["follow-up", "decisions", decision.component(id)]
            case .periods: return ["follow-up", "periods"]
            case .period(let period): return ["follow-up", "periods", period.component(Self.periodKey)]
            case .report(let period, let measure, let body):
                return [
                    "follow-up", "periods", period.component(Self.periodKey), measure.component(Self.measureKey),
                    body.component(SiteURL.bodyKey),
                ]
            case .attachment(let file): return ["follow-up", "attachments", file.component(id)]
            case .fund: return ["follow-up", "fund"]
            case .fundCapital: return ["follow-up", "fund", "capital"]
            case .newFundProject: return ["follow-up", "fund", "new"]
            case .fundProject(let project): return ["follow-up", "fund", project.component(id)]
            case .body(let body): return ["follow-up", "bodies", body.component(id)]
            }
        }
    }
}
