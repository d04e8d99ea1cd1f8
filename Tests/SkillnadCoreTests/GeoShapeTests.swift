import Foundation
import Testing
@testable import SkillnadCore

@Suite("GeoJSON shapes")
struct GeoShapeTests {
    static var districtFile: URL { SharedData.file("stockholm/omraden_med_befolkning.json") }

    static func ring(_ points: [(Double, Double)]) -> JSONValue {
        .array((points + [points[0]]).map { .array([.number($0.0), .number($0.1)]) })
    }

    static func polygon(_ rings: [[(Double, Double)]]) -> JSONValue {
        .object(["type": .string("Polygon"), "coordinates": .array(rings.map(ring))])
    }

    static let square: [(Double, Double)] = [(0, 0), (10, 0), (10, 10), (0, 10)]
    static let hole: [(Double, Double)] = [(4, 4), (4, 6), (6, 6), (6, 4)]
    /// A C open to the east: its centroid (≈ 4.1, 5) lies in the opening.
    static let cShape: [(Double, Double)] = [(0, 0), (10, 0), (10, 2), (2, 2), (2, 8), (10, 8), (10, 10), (0, 10)]

    @Test("A Polygon is read with its closing position dropped and altitudes ignored")
    func parsePolygon() throws {
        let json = try #require(
            JSONValue.parse(
                """
                {"type":"Polygon","coordinates":[[[18.0,59.3,12],[18.1,59.3,12],[18.1,59.4,12],[18.0,59.3,12]]]}
                """))
        let shape = try #require(GeoShape(geometry: json))
        #expect(shape.polygons.count == 1)
        #expect(
            shape.polygons[0].rings == [
                [GeoPoint(lon: 18, lat: 59.3), GeoPoint(lon: 18.1, lat: 59.3), GeoPoint(lon: 18.1, lat: 59.4)]
            ])
        #expect(shape.boundingBox == GeoBoundingBox(minLon: 18, minLat: 59.3, maxLon: 18.1, maxLat: 59.4))
    }

    @Test("A stored geometry reads back as itself, for every shape in Stockholm's district file")
    func storedTextIsStable() throws {
        // Collections of features by region: {"stockholm län": {"type": "FeatureCollection", "features": […]}, …}
        guard case .object(let file)? = try? JSONValue.read(Data(contentsOf: Self.districtFile)) else {
            Issue.record("\(Self.districtFile.path) does not read")
            return
        }
        var shapes = 0
        for case .object(let collection) in file.values {
            guard case .array(let features)? = collection["features"] else { continue }
            for case .object(let feature) in features {
                guard let geometry = feature["geometry"] else { continue }
                let text = geometry.storedText
                #expect(JSONValue.parse(text)?.jsonText == text)
                shapes += 1
            }
        }
        #expect(shapes > 100)
    }

    @Test("Other geometry types and malformed coordinates give nil")
    func malformed() {
        let bad = [
            #"{"type":"Point","coordinates":[18,59]}"#,
            #"{"type":"LineString","coordinates":[[18,59],[19,59]]}"#,
            #"{"type":"Polygon"}"#,
            #"{"type":"Polygon","coordinates":[]}"#,
            #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#,
            #"{"type":"Polygon","coordinates":[[[0,0],[1,"x"],[1,1],[0,0]]]}"#,
            #"{"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]}"#,
            #"{"type":"MultiPolygon","coordinates":[]}"#,
            #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]], 5]}"#,
            #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#,
            #""Polygon""#,
            "null",
        ]
        for text in bad {
            #expect(GeoShape(geometry: JSONValue.parse(text)!) == nil, "\(text)")
        }
    }

    @Test("A MultiPolygon keeps every part, holes included")
    func parseMultiPolygon() throws {
        let json: JSONValue = .object([
            "type": .string("MultiPolygon"),
            "coordinates": .array([
                .array([Self.ring(Self.square), Self.ring(Self.hole)]),
                .array([Self.ring([(20, 0), (22, 0), (22, 2), (20, 2)])]),
            ]),
        ])
        let shape = try #require(GeoShape(geometry: json))
        #expect(shape.polygons.count == 2)
        #expect(shape.polygons[0].rings.count == 2)
        #expect(shape.polygons[0].holes.count == 1)
        #expect(shape.polygons[1].outer.count == 4)
        #expect(shape.area == 100 - 4 + 4)
        #expect(shape.boundingBox == GeoBoundingBox(minLon: 0, minLat: 0, maxLon: 22, maxLat: 10))
        #expect(shape.contains(GeoPoint(lon: 21, lat: 1)))
        #expect(!shape.contains(GeoPoint(lon: 15, lat: 1)))
    }

    @Test("Points in a hole are outside")
    func containsWithHole() throws {
        let shape = try #require(GeoShape(geometry: Self.polygon([Self.square, Self.hole])))
        #expect(shape.contains(GeoPoint(lon: 1, lat: 1)))
        #expect(shape.contains(GeoPoint(lon: 9.9, lat: 5)))
        #expect(!shape.contains(GeoPoint(lon: 5, lat: 5)))
        #expect(!shape.contains(GeoPoint(lon: -1, lat: 5)))
        #expect(!shape.contains(GeoPoint(lon: 11, lat: 5)))
        #expect(!shape.contains(GeoPoint(lon: 5, lat: 10.5)))
        #expect(shape.area == 96)
        // The outer centroid is in the hole, so the label point moves into the ring around it.
        let p = shape.representativePoint
        #expect(shape.contains(p))
        #expect(p.lat == 5)
    }

    @Test("The label point of a C-shaped area is in the C, not in its opening")
    func concaveRepresentativePoint() throws {
        let shape = try #require(GeoShape(geometry: Self.polygon([Self.cShape])))
        let centroid = GeoShape.centroid(shape.polygons[0].outer)
        #expect(abs(centroid.lon - 212.0 / 52) < 1e-9 && abs(centroid.lat - 5) < 1e-9)
        #expect(!shape.contains(centroid))
        let p = shape.representativePoint
        #expect(shape.contains(p))
        #expect(p == GeoPoint(lon: 1, lat: 5))
        // A convex shape keeps its centroid.
        let convex = try #require(GeoShape(geometry: Self.polygon([Self.square])))
        #expect(convex.representativePoint == GeoPoint(lon: 5, lat: 5))
    }

    @Test("The largest part of a MultiPolygon carries the label")
    func representativeOfLargestPart() throws {
        let json: JSONValue = .object([
            "type": .string("MultiPolygon"),
            "coordinates": .array([
                .array([Self.ring([(20, 0), (22, 0), (22, 2), (20, 2)])]), .array([Self.ring(Self.square)]),
            ]),
        ])
        let shape = try #require(GeoShape(geometry: json))
        #expect(shape.representativePoint == GeoPoint(lon: 5, lat: 5))
    }

    @Test("Stockholm's 13 districts: all parse, label points fall in their own district only, and map")
    func stockholmDistricts() throws {
        // Only the county's collection is decoded: the file also holds one collection per district.
        struct File: Decodable {
            let county: JSONValue
            enum CodingKeys: String, CodingKey { case county = "stockholm län" }
        }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: Self.districtFile))
        guard case .object(let collection) = file.county, case .array(let features)? = collection["features"] else {
            Issue.record("no FeatureCollection under \"stockholm län\"")
            return
        }
        var districts: [(id: String, name: String, geometry: JSONValue, population: Double?)] = []
        for feature in features {
            guard case .object(let f) = feature, case .object(let properties)? = f["properties"],
                case .number(let code)? = properties["omr_kod"], code >= 80000
            else { continue }
            guard case .string(let name)? = properties["omr_namn"] else { continue }
            var population: Double?
            if case .number(let p)? = properties["population"] { population = p }
            districts.append((String(Int(code)), name, f["geometry"] ?? .null, population))
        }
        try #require(districts.count == 13)
        let shapes = try districts.map { try #require(GeoShape(geometry: $0.geometry), "\($0.name)") }
        for (i, shape) in shapes.enumerated() {
            let p = shape.representativePoint
            #expect(shape.contains(p), "\(districts[i].name)")
            for (j, other) in shapes.enumerated() where j != i {
                #expect(!other.contains(p), "\(districts[i].name) label point is in \(districts[j].name)")
            }
            #expect(shape.area > 0)
        }
        #expect(shapes.contains { $0.polygons.count > 1 })

        let map = MapLayout(
            items: districts.map { .init(id: $0.id, label: $0.name, geometry: $0.geometry, value: $0.population) },
            width: 560, higherIsBetter: true)
        #expect(map.regions.count == 13)
        #expect(map.unmapped.isEmpty)
        #expect(map.classCount == 5)
        // Equirectangular with longitude scaled by cos(mean latitude), fitted to 560 − 2 × 8 pixels.
        let box = shapes.dropFirst().reduce(shapes[0].boundingBox) { $0.union($1.boundingBox) }
        let kx = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
        let expected = (box.maxLat - box.minLat) / ((box.maxLon - box.minLon) * kx) * 544 + 16
        #expect(abs(map.height - expected) < 0.1)
        var total = 0
        for region in map.regions {
            #expect(!region.path.isEmpty)
            #expect(region.path.hasPrefix("M") && region.path.hasSuffix("Z"))
            let numbers = region.path.split(whereSeparator: { "MLZ ".contains($0) }).map { Double($0) }
            #expect(numbers.allSatisfy { $0 != nil })
            for (k, n) in numbers.compactMap({ $0 }).enumerated() {
                #expect(n >= 0 && n <= (k % 2 == 0 ? map.width : map.height))
            }
            #expect(region.labelX > 0 && region.labelX < map.width && region.labelY > 0 && region.labelY < map.height)
            total += region.path.utf8.count
        }
        // Thinning keeps the whole map small enough to inline in a page.
        #expect(total < 40_000)
    }
}
