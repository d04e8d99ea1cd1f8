import Vapor

extension SiteURL {
    /// The register of associations: the public register per district with its map and open
    /// data, an association's page, signing up, an association's own entries, and the officials'
    /// approval.
    enum Associations: SiteRoute {
        /// The public register, filtered by district, age, language and words.
        case list
        /// The register as CSV, one row per activity (HSDS columns).
        case csv
        case association(Parameter<String>)
        /// An association's administrator signs up (GET form, POST).
        case join
        /// The signed-in association administrator's associations, with their standing.
        case mine
        /// A new entry (GET form, POST).
        case new
        /// Changing an entry (GET form, POST).
        case edit(Parameter<String>)
        /// The yearly renewal after the annual meeting (POST).
        case renew(Parameter<String>)
        /// The officials' queue of entries waiting for approval in their districts.
        case queue
        /// An official approves or refuses an entry in one district's register (GET form, POST).
        case review(Parameter<String>)

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .list: return ["associations"]
            case .csv: return ["associations.csv"]
            case .association(let association): return ["associations", association.component(id)]
            case .join: return ["associations", "join"]
            case .mine: return ["associations", "mine"]
            case .new: return ["associations", "new"]
            case .edit(let association): return ["associations", association.component(id), "edit"]
            case .renew(let association): return ["associations", association.component(id), "renew"]
            case .queue: return ["associations", "queue"]
            case .review(let association): return ["associations", association.component(id), "review"]
            }
        }
    }
}
