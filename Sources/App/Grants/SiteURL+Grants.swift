import Vapor

extension SiteURL {
    /// Grants to associations: the schemes, the one entry where an association sees what it may
    /// apply for, its applications, and the handlers' queue.
    enum Grants: SiteRoute {
        /// Every scheme with the city-wide rules.
        case list
        case scheme(Parameter<String>)
        /// Publishing a scheme (GET form, POST), for the officials of its body.
        case new
        case edit(Parameter<String>)
        /// The one entry for an association: every open scheme, eligible or why not, its
        /// applications and its own documents.
        case entry(Parameter<String>)
        /// The association's own documents (POST).
        case documents(Parameter<String>)
        /// An application to one scheme (GET form, POST save or send).
        case apply(Parameter<String>, Parameter<String>)
        case application(Parameter<String>)
        /// A step on an application (POST).
        case step(Parameter<String>)
        /// A message on an application (POST).
        case message(Parameter<String>)
        /// The report on the use of the grant (POST).
        case report(Parameter<String>)
        /// A document's file.
        case document(Parameter<String>)
        /// The handlers' queue of their bodies' applications (GET), and one meeting's decisions (POST).
        case queue
        /// Where the support goes: grants and associations per 1,000 residents against the areas' indicators.
        case support
        /// Awarded grants as 360Giving CSV.
        case awarded

        static let schemeKey = "scheme"

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .list: return ["grants"]
            case .scheme(let scheme): return ["grants", scheme.component(id)]
            case .new: return ["grants", "new"]
            case .edit(let scheme): return ["grants", scheme.component(id), "edit"]
            case .entry(let association): return ["associations", association.component(id), "grants"]
            case .documents(let association): return ["associations", association.component(id), "documents"]
            case .apply(let association, let scheme):
                return ["associations", association.component(id), "grants", scheme.component(Self.schemeKey)]
            case .application(let application): return ["grants", "applications", application.component(id)]
            case .step(let application): return ["grants", "applications", application.component(id), "step"]
            case .message(let application): return ["grants", "applications", application.component(id), "message"]
            case .report(let application): return ["grants", "applications", application.component(id), "report"]
            case .document(let document): return ["grants", "documents", document.component(id)]
            case .queue: return ["grants", "queue"]
            case .support: return ["grants", "support"]
            case .awarded: return ["grants", "awarded.csv"]
            }
        }
    }
}
