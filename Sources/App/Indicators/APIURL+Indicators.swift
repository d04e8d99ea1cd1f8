import Vapor

extension APIURL {
    /// The indicators in the JSON API.
    enum Indicators: APIRoute {
        case list
        case indicator(Parameter<String>)
        case observations(Parameter<String>)
        case disparity(Parameter<String>)

        var pathComponents: [PathComponent] {
            let code = APIURL.codeKey
            switch self {
            case .list: return APIURL.base + ["indicators"]
            case .indicator(let indicator): return APIURL.base + ["indicators", indicator.component(code)]
            case .observations(let indicator):
                return APIURL.base + ["indicators", indicator.component(code), "observations"]
            case .disparity(let indicator): return APIURL.base + ["indicators", indicator.component(code), "disparity"]
            }
        }
    }
}
