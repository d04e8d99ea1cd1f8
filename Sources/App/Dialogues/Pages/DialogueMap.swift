import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// The portal's map of places (karta över platserna): the district areas as a background and one
/// marker per place of the dialogues listed, each a link to its dialogue. The list below the map
/// gives the same dialogues as text, so the map adds where they are held, not what they are; the
/// areas are only a background and take no focus.
struct DialogueMap: Encodable, Sendable {
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

    /// A place on the map: `label` is the link's accessible name and its `<title>`, in `lang`
    /// (the dialogue title's language).
    struct Marker: Encodable, Sendable {
        let href: String
        let label: String
        let lang: String
        let x: String
        let y: String
    }

    let id: String
    let title: String
    let desc: String
    /// "Outside the map: 2 places", when some places lie beyond the areas.
    let offMap: String?
    let width: String
    let height: String
    /// The areas' SVG path data.
    let areas: [String]
    let names: [MapView.PlaceLabel]
    let markers: [Marker]

    /// As wide as the indicator maps, so the pages look alike.
    static let mapWidth = 560.0

    /// The map of `places` (in the order of the list) over the catalogue's current district areas;
    /// nil when no area has a shape or no place lies on the map, as there would be nothing to see.
    static func make(places: [Place], index: CatalogueIndex, lang: Lang) -> DialogueMap? {
        let areas = index.document.areas.filter { $0.kind == .districtArea && $0.validTo == nil }
        let items = areas.map {
            MapLayout.Item(id: $0.id, label: lang.pick($0.name, $0.nameEn).text, geometry: $0.geometry, value: nil)
        }
        let layout = MapLayout(items: items, width: mapWidth, classes: 1, higherIsBetter: true)
        guard !layout.regions.isEmpty else { return nil }
        // A dialogue that meets several times in the same hall gets one marker.
        var seen: Set<String> = []
        let unique = places.filter { place in
            seen.insert("\(place.dialogue_id) \(place.latitude) \(place.longitude)").inserted
        }
        let placed = MapPoints(
            points: unique.enumerated().map { position, place in
                (id: String(position), point: GeoPoint(lon: place.longitude, lat: place.latitude))
            },
            items: items, width: mapWidth)
        let markers = placed.points.compactMap { point -> Marker? in
            guard let position = Int(point.id), unique.indices.contains(position) else { return nil }
            let place = unique[position]
            let title = lang.pick(place.title, place.title_en)
            let name = place.place.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            return Marker(
                href: SiteURL.Dialogues.dialogue(.value(place.slug)).link(lang),
                label: name.isEmpty ? title.text : "\(title.text), \(name)", lang: title.lang, x: svg(point.x),
                y: svg(point.y))
        }
        guard !markers.isEmpty else { return nil }
        let texts = Texts(lang)
        func count(_ number: Int) -> String { texts.count(number, DialogueMapText.dlMapPlace, .dlMapPlaces) }
        let sizes = MapView.areaSizes(items.map { ($0.id, $0.geometry) })
        return DialogueMap(
            id: "dl-map", title: texts[.dlMapTitle], desc: Strings.fill(texts[.dlMapDesc], count(markers.count)),
            offMap: placed.offMap.isEmpty ? nil : Strings.fill(texts[.dlMapOffMap], count(placed.offMap.count)),
            width: svg(layout.width), height: svg(layout.height), areas: layout.regions.map(\.path),
            names: MapView.placeLabels(layout.regions, sizes: sizes, width: layout.width), markers: markers)
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
