import SkillnadCore
import Vapor

/// A map of places (karta över platser): the district areas as a background and one marker per
/// place, each a link. The page lists the same things as text beside it, so the map adds where
/// they are, not what they are; the areas are only a background and take no focus. Dialogues
/// place their sessions on it, the register its associations' activities.
struct PlaceMap: Encodable, Sendable {
    /// A place to mark: `label` is the link's accessible name and its `<title>`, in `lang`.
    struct Point: Sendable {
        let href: String
        let label: String
        let lang: String
        let latitude: Double
        let longitude: Double
    }

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

    /// The district areas as drawn under the points: the same for every map of a catalogue
    /// generation and language, so pages keep it (`base(_:)`) instead of drawing it per request.
    struct Base: Sendable {
        let boxes: [GeoBoundingBox]
        let width: String
        let height: String
        let areas: [String]
        let names: [MapView.PlaceLabel]
    }

    /// The catalogue's current district areas drawn; nil when none has a shape.
    static func base(index: CatalogueIndex, lang: Lang) -> Base? {
        let areas = index.document.currentDistrictAreas
        let items = areas.map {
            MapLayout.Item(id: $0.id, label: lang.pick($0.name, $0.nameEn).text, geometry: $0.geometry, value: nil)
        }
        let layout = MapLayout(items: items, width: mapWidth, classes: 1, higherIsBetter: true)
        guard !layout.regions.isEmpty else { return nil }
        let sizes = MapView.areaSizes(items.map { ($0.id, $0.geometry) })
        return Base(
            boxes: MapPoints.boxes(items), width: svg(layout.width), height: svg(layout.height),
            areas: layout.regions.map(\.path),
            names: MapView.placeLabels(layout.regions, sizes: sizes, width: layout.width))
    }

    /// The base for `req`'s catalogue and language, drawn once per catalogue generation.
    static func base(_ req: Request) async throws -> Base? {
        let snapshot = try await req.catalogue()
        let lang = Lang.of(req)
        return await req.application.catalogue.remembered("place map \(lang.rawValue)", generation: snapshot.generation)
        {
            base(index: snapshot.index, lang: lang)
        }
    }

    /// The map of `points` over `base`, titled `title` and described by `describe` (given the
    /// words for the number of markers); `offMap` words the places beyond the areas. Nil when
    /// there is no base or no point lies on the map, as there would be nothing to see.
    static func make(
        _ points: [Point], base: Base?, id: String, title: String, describe: (String) -> String,
        offMap: (String) -> String, count: (Int) -> String
    ) -> PlaceMap? {
        guard let base else { return nil }
        let placed = MapPoints(
            points: points.enumerated().map { position, point in
                (id: String(position), point: GeoPoint(lon: point.longitude, lat: point.latitude))
            },
            boxes: base.boxes, width: mapWidth)
        let markers = placed.points.compactMap { placedPoint -> Marker? in
            guard let position = Int(placedPoint.id), points.indices.contains(position) else { return nil }
            let point = points[position]
            return Marker(
                href: point.href, label: point.label, lang: point.lang, x: svg(placedPoint.x), y: svg(placedPoint.y))
        }
        guard !markers.isEmpty else { return nil }
        return PlaceMap(
            id: id, title: title, desc: describe(count(markers.count)),
            offMap: placed.offMap.isEmpty ? nil : offMap(count(placed.offMap.count)), width: base.width,
            height: base.height, areas: base.areas, names: base.names, markers: markers)
    }
}
