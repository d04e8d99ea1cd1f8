import Foundation
import SkillnadCore

/// What the dialogue pages share: a dialogue's line in a list, its dates, areas and status as
/// words and links.
enum DialogueView {
    struct Link: Encodable, Sendable {
        let text: LocalText
        let href: String?
    }

    /// A status as the pages show it: its label and a class for its colour.
    struct Status: Encodable, Sendable {
        let label: String
        let cls: String

        static func make(_ status: DialogueStatus, _ s: Texts) -> Status {
            Status(label: s.label(status), cls: "dl-" + status.rawValue)
        }
    }

    /// A dialogue's line in the portal's list.
    struct Item: Encodable, Sendable {
        let title: LocalText
        let href: String
        let when: String
        let places: [Link]
        let method: String
        let status: Status
        let organiser: Link
        let participants: String?
        let example: Bool
        let overdue: Bool
    }

    static func area(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> Link {
        guard let area = index.areaByID[id] else { return Link(text: LocalText(text: id, lang: "sv"), href: nil) }
        return Link(text: lang.pick(area.name, area.nameEn), href: SiteURL.Catalogue.area(.value(id)).link(lang))
    }

    static func body(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> Link {
        guard let body = index.bodyByID[id] else { return Link(text: LocalText(text: id, lang: "sv"), href: nil) }
        return Link(text: lang.pick(body.name, body.nameEn), href: SiteURL.Catalogue.body(.value(id)).link(lang))
    }

    /// `2026-05-12`, or `2026-05-12 – 2026-06-30` for a dialogue over several days.
    static func span(_ starts: String?, _ ends: String?) -> String {
        guard let starts else { return "" }
        guard let ends, ends != starts else { return starts }
        return "\(starts) – \(ends)"
    }

    static func item(
        _ row: DialogueQueries.Row, areas: [String], _ index: CatalogueIndex, _ lang: Lang, today: Day
    ) -> Item {
        let s = Texts(lang)
        let status = DialogueQueries.shownStatus(row, today: today)
        var places = areas.map { area($0, index, lang) }
        if row.digital { places.append(Link(text: LocalText(text: s[.dlDigital], lang: lang.rawValue), href: nil)) }
        return Item(
            title: lang.pick(row.title, row.title_en), href: SiteURL.Dialogues.dialogue(.value(row.slug)).link(lang),
            when: span(row.starts_on, row.ends_on), places: places,
            method: DialogueMethod(rawValue: row.method).map(s.label) ?? row.method, status: .make(status, s),
            organiser: body(row.organiser, index, lang),
            participants: row.participants.map { NumberText.plain(Double($0), decimals: 0, lang) },
            example: row.example, overdue: DialogueQueries.overdueFeedback(row, today: today))
    }
}
