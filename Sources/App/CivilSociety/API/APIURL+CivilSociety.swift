import Vapor

extension APIURL {
    /// The register of associations as open data: HSDS organizations with their activities as
    /// services, all or one district's.
    enum Associations: APIRoute {
        case list
        case association(Parameter<String>)

        var pathComponents: [PathComponent] {
            let base = APIURL.base + ["associations"]
            switch self {
            case .list: return base
            case .association(let association): return base + [association.component(APIURL.idKey)]
            }
        }
    }
}
