import Vapor

extension APIURL {
    /// The referrals in the JSON API.
    enum Referrals: APIRoute {
        case list
        case round(Parameter<String>)
        case answers(Parameter<String>)
        case compilation(Parameter<String>)
        case compilationCSV(Parameter<String>)

        var pathComponents: [PathComponent] {
            let id = APIURL.idKey
            switch self {
            case .list: return APIURL.base + ["referrals"]
            case .round(let round): return APIURL.base + ["referrals", round.component(id)]
            case .answers(let round): return APIURL.base + ["referrals", round.component(id), "answers"]
            case .compilation(let round): return APIURL.base + ["referrals", round.component(id), "compilation"]
            case .compilationCSV(let round): return APIURL.base + ["referrals", round.component(id), "compilation.csv"]
            }
        }
    }
}
