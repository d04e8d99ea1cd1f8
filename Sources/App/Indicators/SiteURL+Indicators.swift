import Vapor

extension SiteURL {
    /// The indicators' pages: the list, one indicator, its data, the import and the restore.
    enum Indicators: SiteRoute {
        case list
        case indicator(Parameter<String>)
        /// An indicator's observations as a file: `?format=csv|csv-sv|json|opensdg`.
        case data(Parameter<String>)
        case upload
        /// Restores the values an import replaced (POST).
        case restore(Parameter<String>)
        case differences
        case methods

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .list: return ["indicators"]
            case .indicator(let indicator): return ["indicators", indicator.component(id)]
            case .data(let indicator): return ["indicators", indicator.component(id), "data"]
            case .upload: return ["indicators", "import"]
            case .restore(let indicator): return ["indicators", indicator.component(id), "restore"]
            case .differences: return ["differences"]
            case .methods: return ["methods"]
            }
        }
    }
}
