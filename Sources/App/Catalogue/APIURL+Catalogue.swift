import Vapor

extension APIURL {
    /// The catalogue in the JSON API, and its writes.
    enum Catalogue: APIRoute {
        case reports
        case report(Parameter<String>)
        case reportMeasure(Parameter<String>, Parameter<String>)
        case measures
        case measure(Parameter<String>)
        case bodies
        case body(Parameter<String>)
        case areas
        case area(Parameter<String>)
        case commissionAreas
        case roadmap
        case search
        /// `/api/v1/{kind}` and `/api/v1/{kind}/{id}` of an editable kind, for writes.
        case collection(EditKind)
        case object(EditKind, Parameter<String>)

        var pathComponents: [PathComponent] {
            let base = APIURL.base
            let id = APIURL.idKey
            switch self {
            case .reports: return base + ["reports"]
            case .report(let report): return base + ["reports", report.component(id)]
            case .reportMeasure(let report, let code):
                return base + ["reports", report.component(id), "measures", code.component(APIURL.codeKey)]
            case .measures: return base + ["measures"]
            case .measure(let measure): return base + ["measures", measure.component(id)]
            case .bodies: return base + ["bodies"]
            case .body(let body): return base + ["bodies", body.component(id)]
            case .areas: return base + ["areas"]
            case .area(let area): return base + ["areas", area.component(id)]
            case .commissionAreas: return base + ["commission-areas"]
            case .roadmap: return base + ["roadmap"]
            case .search: return base + ["search"]
            case .collection(let kind): return base + [.constant(kind.plural)]
            case .object(let kind, let object): return base + [.constant(kind.plural), object.component(id)]
            }
        }
    }
}
