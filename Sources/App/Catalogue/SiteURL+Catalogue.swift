import Vapor

extension SiteURL {
    /// The catalogue's pages: reports, measures, bodies, areas, the roadmap, and editing them.
    enum Catalogue: SiteRoute {
        case reports
        case report(Parameter<String>)
        case measure(Parameter<String>)
        case bodies
        case body(Parameter<String>)
        case roadmap
        case roadmapEdit
        case roadmapHistory
        case areas
        case area(Parameter<String>)
        /// `/{kind}/new`, `/{kind}/{id}/edit`, `/{kind}/{id}/delete`, `/{kind}/{id}/history`.
        case newObject(EditKind)
        case editObject(EditKind, Parameter<String>)
        case deleteObject(EditKind, Parameter<String>)
        case history(EditKind, Parameter<String>)

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .reports: return ["reports"]
            case .report(let report): return ["reports", report.component(id)]
            case .measure(let measure): return ["measures", measure.component(id)]
            case .bodies: return ["bodies"]
            case .body(let body): return ["bodies", body.component(id)]
            case .roadmap: return ["roadmap"]
            case .roadmapEdit: return ["roadmap", "edit"]
            case .roadmapHistory: return ["roadmap", "history"]
            case .areas: return ["areas"]
            case .area(let area): return ["areas", area.component(id)]
            case .newObject(let kind): return [.constant(kind.plural), "new"]
            case .editObject(let kind, let object): return [.constant(kind.plural), object.component(id), "edit"]
            case .deleteObject(let kind, let object): return [.constant(kind.plural), object.component(id), "delete"]
            case .history(let kind, let object): return [.constant(kind.plural), object.component(id), "history"]
            }
        }
    }
}
