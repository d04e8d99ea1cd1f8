import Vapor

extension SiteURL {
    /// The dialogue portal's pages: the list with its filters, a dialogue, the officials' form,
    /// the calendar and news feeds, and whom the dialogues reach.
    enum Dialogues: SiteRoute {
        case list
        case dialogue(Parameter<String>)
        /// Plan a dialogue (GET form, POST), for editors of the organising body.
        case new
        case edit(Parameter<String>)
        /// Every dialogue's sessions as iCalendar, `?area=` or `?organiser=` for fewer.
        case calendar
        /// New dialogues and new feedback as Atom, with the same filters.
        case feed
        /// Whom the dialogues reach: dialogues and participants per 1,000 residents by area type.
        case reach

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            switch self {
            case .list: return ["dialogues"]
            case .dialogue(let dialogue): return ["dialogues", dialogue.component(id)]
            case .new: return ["dialogues", "new"]
            case .edit(let dialogue): return ["dialogues", dialogue.component(id), "edit"]
            case .calendar: return ["dialogues", "calendar.ics"]
            case .feed: return ["dialogues", "feed.atom"]
            case .reach: return ["dialogues", "reach"]
            }
        }
    }
}
