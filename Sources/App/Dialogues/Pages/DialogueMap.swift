import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// The portal's map of places: one marker per place of the dialogues listed, each a link to its
/// dialogue (`PlaceMap`); the list below the map gives the same dialogues as text.
enum DialogueMap {
    /// A session's place with coordinates and its dialogue, as read from `dialogue_sessions`.
    struct Place: Sendable, Decodable {
        let dialogue_id: UUID
        let position: Int
        let slug: String
        let title: String
        let title_en: String?
        let place: String?
        let latitude: Double
        let longitude: Double
    }

    /// The map of `places` (in the order of the list), named by dialogue title and place; nil when
    /// there is nothing to place or nothing to place it on.
    static func make(places: [Place], index: CatalogueIndex, lang: Lang) -> PlaceMap? {
        make(places: places, base: PlaceMap.base(index: index, lang: lang), lang: lang)
    }

    /// The same over a base already drawn (`PlaceMap.base`).
    static func make(places: [Place], base: PlaceMap.Base?, lang: Lang) -> PlaceMap? {
        // A dialogue that meets several times in the same hall gets one marker.
        var seen: Set<String> = []
        let unique = places.filter { place in
            seen.insert("\(place.dialogue_id) \(place.latitude) \(place.longitude)").inserted
        }
        let points = unique.map { place in
            let title = lang.pick(place.title, place.title_en)
            let name = place.place.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            return PlaceMap.Point(
                href: SiteURL.Dialogues.dialogue(.value(place.slug)).link(lang),
                label: name.isEmpty ? title.text : "\(title.text), \(name)", lang: title.lang,
                latitude: place.latitude, longitude: place.longitude)
        }
        let texts = Texts(lang)
        return PlaceMap.make(
            points, base: base, id: "dl-map", title: texts[.dlMapTitle],
            describe: { Strings.fill(texts[.dlMapDesc], $0) }, offMap: { Strings.fill(texts[.dlMapOffMap], $0) },
            count: { texts.count($0, DialogueMapText.dlMapPlace, .dlMapPlaces) })
    }

    /// The places with coordinates of the dialogues `ids`, in their order and by session, in one
    /// query.
    static func places(of ids: [UUID], on db: any Database) async throws -> [Place] {
        guard !ids.isEmpty else { return [] }
        let list: [any Encodable & Sendable] = Array(Set(ids))
        let rows = try await db.sql().raw(
            """
            SELECT s.dialogue_id, s.position, d.slug, d.title, d.title_en, s.place, s.latitude, s.longitude
            FROM dialogue_sessions s JOIN dialogues d ON d.id = s.dialogue_id
            WHERE s.dialogue_id IN (\(binds: list)) AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL
            """
        ).all(decoding: Place.self)
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return rows.sorted {
            (order[$0.dialogue_id] ?? 0, $0.position) < (order[$1.dialogue_id] ?? 0, $1.position)
        }
    }
}

/// The texts of the portal's map of places.
enum DialogueMapText: String, TextKey {
    case dlMapTitle
    case dlMapDesc
    case dlMapOffMap
    case dlMapPlace
    case dlMapPlaces

    var text: (sv: String, en: String) {
        switch self {
        case .dlMapTitle: ("Karta över platserna", "Map of the places")
        case .dlMapDesc:
            (
                "Var dialogerna på den här sidan hålls: %1, var och en en länk till sin dialog. "
                    + "Listan nedan visar samma dialoger som text.",
                "Where the dialogues on this page are held: %1, each a link to its dialogue. "
                    + "The list below shows the same dialogues as text."
            )
        case .dlMapOffMap: ("Utanför kartan: %1.", "Outside the map: %1.")
        case .dlMapPlace: ("plats", "place")
        case .dlMapPlaces: ("platser", "places")
        }
    }
}

extension Texts {
    subscript(_ key: DialogueMapText) -> String { self[typed: key] }
}
