import Vapor

extension APIURL {
    /// Participatory budgets in the JSON API: the budgets, one with its areas and proposals, and
    /// its results once voting has closed.
    enum Budgets: APIRoute {
        case list
        case budget(Parameter<String>)
        case results(Parameter<String>)

        var pathComponents: [PathComponent] {
            let base = APIURL.base + ["budgets"]
            switch self {
            case .list: return base
            case .budget(let budget): return base + [budget.component(APIURL.idKey)]
            case .results(let budget): return base + [budget.component(APIURL.idKey), "results"]
            }
        }
    }
}
