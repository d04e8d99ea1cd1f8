@testable import App
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The portal's map of places: markers where the places lie among the areas' shapes, links to the
/// dialogues with names that say which dialogue and where, escaped when rendered, and no map when
/// there is nothing to place or nothing to place it on.
@Suite("Dialogue map")
struct DialogueMapTests {
    /// A square area `size` degrees wide with its south-west corner at (lon, lat).
    static func square(_ lon: Double, _ lat: Double, _ size: Double) -> JSONValue {
        let ring: [[Double]] = [
            [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
        ]
        return .object([
            "type": .string("Polygon"),
            "coordinates": .array([.array(ring.map { .array($0.map(JSONValue.number)) })]),
        ])
    }

    /// Two district areas north-west and south of the city centre, and a city without a shape.
    static func index(shapes: Bool = true) -> CatalogueIndex {
        var document = CatalogueDocument()
        document.areas = [
            AreaRecord(id: "stockholm", name: "Stockholm", kind: .city),
            AreaRecord(
                id: "rinkeby-kista", name: "Rinkeby-Kista", kind: .districtArea,
                geometry: shapes ? square(17.85, 59.38, 0.1) : nil),
            AreaRecord(
                id: "farsta", name: "Farsta", kind: .districtArea, geometry: shapes ? square(18.05, 59.22, 0.08) : nil),
        ]
        return CatalogueIndex(document)
    }

    static func place(
        _ dialogue: UUID, _ position: Int, slug: String, title: String, place: String?, lat: Double, lon: Double
    ) -> DialogueMap.Place {
        DialogueMap.Place(
            dialogue_id: dialogue, position: position, slug: slug, title: title, title_en: nil, place: place,
            latitude: lat, longitude: lon)
    }

    static let husby = UUID()
    static let farsta = UUID()
    static let places = [
        place(
            husby, 0, slug: "vandring-husby", title: "Vandring <i>Husby</i>", place: "Husby & torg", lat: 59.41,
            lon: 17.92),
        // The same hall again: one marker.
        place(
            husby, 1, slug: "vandring-husby", title: "Vandring <i>Husby</i>", place: "Husby & torg", lat: 59.41,
            lon: 17.92),
        place(farsta, 0, slug: "samtal-farsta", title: "Samtal i Farsta", place: nil, lat: 59.25, lon: 18.09),
        // Gotland, far beyond the areas.
        place(farsta, 1, slug: "samtal-farsta", title: "Samtal i Farsta", place: "Visby", lat: 57.64, lon: 18.29),
    ]

    @Test("Markers lie inside the SVG, one per dialogue and place, linking to the dialogue by title and place")
    func markers() throws {
        let map = try #require(DialogueMap.make(places: Self.places, index: Self.index(), lang: .sv))
        let width = try #require(Double(map.width))
        let height = try #require(Double(map.height))
        #expect(map.areas.count == 2)
        #expect(map.markers.map(\.href) == ["/dialogues/vandring-husby", "/dialogues/samtal-farsta"])
        #expect(map.markers.map(\.label) == ["Vandring <i>Husby</i>, Husby & torg", "Samtal i Farsta"])
        #expect(map.markers.allSatisfy { $0.lang == "sv" })
        for marker in map.markers {
            let x = try #require(Double(marker.x))
            let y = try #require(Double(marker.y))
            #expect((0...width).contains(x) && (0...height).contains(y), "\(marker.label) at \(x), \(y)")
        }
        // Husby is north-west of Farsta: left of it and higher up on the map.
        func position(_ marker: PlaceMap.Marker?) -> (x: Double, y: Double)? {
            guard let marker, let x = Double(marker.x), let y = Double(marker.y) else { return nil }
            return (x, y)
        }
        let husby = try #require(position(map.markers.first))
        let farsta = try #require(position(map.markers.last))
        #expect(husby.x < farsta.x && husby.y < farsta.y)
        #expect(map.desc.contains("2\u{00A0}platser") && map.desc.contains("Listan nedan"))
        #expect(map.offMap == "Utanför kartan: 1\u{00A0}plats.")
        let english = try #require(DialogueMap.make(places: Self.places, index: Self.index(), lang: .en))
        #expect(english.markers.first?.href == "/dialogues/vandring-husby?lang=en")
        #expect(english.title == "Map of the places")
    }

    @Test("No map without a place on it or without shapes to place it on")
    func nothingToShow() {
        #expect(DialogueMap.make(places: [], index: Self.index(), lang: .sv) == nil)
        #expect(DialogueMap.make(places: Self.places, index: Self.index(shapes: false), lang: .sv) == nil)
        let gotland = Self.places.filter { $0.place == "Visby" }
        #expect(DialogueMap.make(places: gotland, index: Self.index(), lang: .sv) == nil)
    }

    @Test("A point at an area's corner lands on that corner of the area's path")
    func sameProjectionAsTheAreas() throws {
        let items = [
            MapLayout.Item(id: "a", label: "A", geometry: Self.square(17.85, 59.38, 0.1), value: nil),
            MapLayout.Item(id: "b", label: "B", geometry: Self.square(18.05, 59.22, 0.08), value: nil),
        ]
        let layout = MapLayout(items: items, width: 560, classes: 1, higherIsBetter: true, maxHeight: 300)
        let points = MapPoints(
            points: [
                (id: "north-west", point: GeoPoint(lon: 17.85, lat: 59.48)),
                (id: "south-east", point: GeoPoint(lon: 18.13, lat: 59.22)),
                (id: "nan", point: GeoPoint(lon: .nan, lat: 59.3)),
            ],
            items: items, width: 560, maxHeight: 300)
        #expect(points.points.map(\.id) == ["north-west", "south-east"])
        #expect(points.offMap == ["nan"])
        let pairs = layout.regions.map { region in
            region.path.split(whereSeparator: { "MZ".contains($0) }).flatMap { $0.split(separator: "L") }
                .map(String.init)
        }
        func text(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        #expect(pairs[0].contains(points.points.map { "\(text($0.x)) \(text($0.y))" }[0]))
        #expect(pairs[1].contains(points.points.map { "\(text($0.x)) \(text($0.y))" }[1]))
        #expect(MapPoints(points: [(id: "p", point: GeoPoint(lon: 18, lat: 59.3))], items: []).offMap == ["p"])
    }

    @Test("The places are read in the list's order with one query, and the partial escapes what officials typed")
    func readsAndRenders() async throws {
        try await withTestApp(content: .demo) { app in
            var first = DialogueTests.dialogue("forsta-platsen", start: "2027-03-10 18:00")
            first.title = "Vandring <i>Husby</i>"
            first.sessions[0].place = DialoguePlace(name: "Husby & torg", latitude: 59.41, longitude: 17.92)
            first.sessions.append(
                DialogueSession(
                    start: try #require(LocalMoment("2027-03-17 18:00")),
                    place: DialoguePlace(name: "Kista bibliotek", latitude: 59.403, longitude: 17.944)))
            var second = DialogueTests.dialogue("andra-platsen", start: "2027-04-10 18:00")
            second.sessions[0].place = DialoguePlace(name: "Utan koordinater")
            var third = DialogueTests.dialogue("tredje-platsen", start: "2027-05-10 18:00")
            third.sessions[0].place = DialoguePlace(name: "Farsta centrum", latitude: 59.243, longitude: 18.093)
            for values in [first, second, third] { try await DialogueTests.save(values, app) }
            let ids = try await Dialogue.query(on: app.db).all().reduce(into: [String: UUID]()) { ids, dialogue in
                ids[dialogue.slug] = dialogue.id
            }
            let order = try ["tredje-platsen", "andra-platsen", "forsta-platsen"].map { try #require(ids[$0]) }
            let places = try await DialogueMap.places(of: order, on: app.db)
            #expect(places.map(\.slug) == ["tredje-platsen", "forsta-platsen", "forsta-platsen"])
            #expect(places.map(\.place) == ["Farsta centrum", "Husby & torg", "Kista bibliotek"])
            #expect(try await DialogueMap.places(of: [], on: app.db).isEmpty)

            let map = try #require(DialogueMap.make(places: places, index: Self.index(), lang: .sv))
            struct Page: Encodable { let map: PlaceMap }
            struct Context: Encodable { let page: Page }
            let view = try await app.view.render("Catalogue/partials/placemap", Context(page: Page(map: map))).get()
            let html = String(buffer: view.data)
            #expect(html.contains(#"<svg role="group" aria-labelledby="dl-map-t" aria-describedby="dl-map-d""#))
            #expect(html.contains(#"<figcaption class="chart-title" id="dl-map-t">Karta över platserna</figcaption>"#))
            let link = #"<a href="/dialogues/forsta-platsen" aria-label="Vandring &lt;i&gt;Husby&lt;/i&gt;, "#
            #expect(html.contains(link + #"Husby &amp; torg" lang="sv">"#))
            #expect(html.contains("<title>Vandring &lt;i&gt;Husby&lt;/i&gt;, Husby &amp; torg</title>"))
            #expect(!html.contains("<i>Husby</i>"))
            #expect(html.components(separatedBy: "<circle class=\"place-marker\"").count == 4)
            #expect(!html.contains("Utanför kartan"))
        }
    }
}
