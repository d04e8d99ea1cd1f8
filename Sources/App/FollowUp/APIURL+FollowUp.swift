import Vapor

extension APIURL {
    /// The follow-up in the JSON API.
    enum FollowUp: APIRoute {
        case budgetYears
        /// Decisions, `?measure=` and `?year=` to filter; POST records one (administrators).
        case decisions
        case periods
        /// Published reports, `?period=`, `?body=`, `?measure=` to filter.
        case reports
        /// A body's report in a period: GET (published), PUT writes it (the body's editors).
        case report(Parameter<String>, Parameter<String>, Parameter<String>)
        /// Every report as CSV (GET); POST imports a CSV, all or nothing.
        case reportsCSV
        /// A measure's life: positions, decisions, reports per period.
        case measure(Parameter<String>)
        /// Progress and status counts per report, strategy, body and budget year.
        case rollup

        var pathComponents: [PathComponent] {
            let id = APIURL.idKey
            let base = APIURL.base + ["follow-up"]
            switch self {
            case .budgetYears: return base + ["budget-years"]
            case .decisions: return base + ["decisions"]
            case .periods: return base + ["periods"]
            case .reports: return base + ["reports"]
            case .report(let period, let measure, let body):
                return base + [
                    "reports", period.component(SiteURL.FollowUp.periodKey),
                    measure.component(SiteURL.FollowUp.measureKey), body.component(SiteURL.bodyKey),
                ]
            case .reportsCSV: return base + ["reports.csv"]
            case .measure(let measure): return base + ["measures", measure.component(id)]
            case .rollup: return base + ["rollup"]
            }
        }
    }
}
