import Vapor

extension APIURL {
    /// The dialogue portal in the JSON API: the list with the portal's filters and one dialogue's
    /// whole record. Constant paths beside `{id}` (such as whom the dialogues reach) win over the
    /// parameter in Vapor's router, so more can be added here without moving a dialogue.
    enum Dialogues: APIRoute {
        /// The dialogues, `?area=`, `?topic=`, `?status=`, `?method=`, `?organiser=`, `?from=`,
        /// `?to=` and `?q=` to filter, as on the portal.
        case list
        case dialogue(Parameter<String>)
        /// Whom the dialogues reach: `?from=&to=` (years) and `?indicator=` to order the districts by.
        case reach
        /// The fatigue check for a dialogue being planned: `?area=` (required), `?day=`, `?measure=`,
        /// `?strategy=`, `?target=`, `?tag=` (lists separated by commas), `?id=` and `?limit=`.
        case fatigue

        var pathComponents: [PathComponent] {
            let base = APIURL.base + ["dialogues"]
            switch self {
            case .list: return base
            case .dialogue(let dialogue): return base + [dialogue.component(APIURL.idKey)]
            case .reach: return base + ["reach"]
            case .fatigue: return base + ["fatigue"]
            }
        }
    }
}
