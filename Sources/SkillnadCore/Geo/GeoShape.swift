import Foundation

/// A position in degrees (WGS 84 as in GeoJSON): longitude first, like GeoJSON's positions.
public struct GeoPoint: Sendable, Codable, Hashable {
    public let lon: Double
    public let lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// The smallest longitude/latitude rectangle around a shape.
public struct GeoBoundingBox: Sendable, Codable, Equatable {
    public let minLon: Double
    public let minLat: Double
    public let maxLon: Double
    public let maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The box around both, for fitting several shapes into one map.
    public func union(_ other: GeoBoundingBox) -> GeoBoundingBox {
        GeoBoundingBox(
            minLon: min(minLon, other.minLon), minLat: min(minLat, other.minLat),
            maxLon: max(maxLon, other.maxLon), maxLat: max(maxLat, other.maxLat))
    }
}

/// An area's outline read from a GeoJSON `Polygon` or `MultiPolygon` geometry, with the little
/// geometry the map needs: where to put a label, and which shape a point falls in.
///
/// Computations are planar in degrees. That is fine for comparing and labelling city districts,
/// not for measuring them.
public struct GeoShape: Sendable, Codable, Equatable {
    /// One polygon: `rings[0]` is the outer boundary, any further rings are holes. Rings are stored
    /// open (the closing position that repeats the first is dropped) and have at least 3 points.
    public struct Polygon: Sendable, Codable, Equatable {
        public let rings: [[GeoPoint]]

        public init(rings: [[GeoPoint]]) {
            self.rings = rings
        }

        public var outer: [GeoPoint] { rings.first ?? [] }
        public var holes: ArraySlice<[GeoPoint]> { rings.dropFirst() }

        /// Outer area minus the holes' areas, in squared degrees.
        public var area: Double {
            guard let outer = rings.first else { return 0 }
            return abs(GeoShape.signedArea(outer)) - holes.reduce(0) { $0 + abs(GeoShape.signedArea($1)) }
        }

        /// Even-odd rule over all rings, so a point in a hole is outside.
        public func contains(_ p: GeoPoint) -> Bool {
            rings.reduce(false) { inside, ring in GeoShape.crossesOddly(ring, p) != inside }
        }
    }

    /// One polygon for a `Polygon`, several for a `MultiPolygon` (e.g. a district with islands).
    public let polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    /// Reads a GeoJSON geometry object; `nil` for any other geometry type or malformed
    /// coordinates (a position without two finite numbers, a ring of fewer than 3 points, no
    /// polygons), so the map can list the area as unmapped instead of drawing garbage.
    public init?(geometry: JSONValue) {
        guard case .object(let object) = geometry else { return nil }
        self.init(geometry: object)
    }

    /// See `init?(geometry: JSONValue)`.
    public init?(geometry: [String: JSONValue]) {
        guard case .string(let type)? = geometry["type"], let coordinates = geometry["coordinates"] else { return nil }
        switch type {
        case "Polygon":
            guard let polygon = Self.polygon(coordinates) else { return nil }
            polygons = [polygon]
        case "MultiPolygon":
            guard case .array(let items) = coordinates, !items.isEmpty else { return nil }
            var result: [Polygon] = []
            for item in items {
                guard let polygon = Self.polygon(item) else { return nil }
                result.append(polygon)
            }
            polygons = result
        default:
            return nil
        }
    }

    private static func polygon(_ value: JSONValue) -> Polygon? {
        guard case .array(let items) = value, !items.isEmpty else { return nil }
        var rings: [[GeoPoint]] = []
        for item in items {
            guard case .array(let positions) = item else { return nil }
            var ring: [GeoPoint] = []
            for position in positions {
                guard case .array(let numbers) = position, numbers.count >= 2,
                    case .number(let lon) = numbers[0], case .number(let lat) = numbers[1],
                    lon.isFinite, lat.isFinite
                else { return nil }
                ring.append(GeoPoint(lon: lon, lat: lat))
            }
            if ring.count > 1, ring.first == ring.last { ring.removeLast() }
            guard ring.count >= 3 else { return nil }
            rings.append(ring)
        }
        return Polygon(rings: rings)
    }

    /// The box around every point of every polygon.
    public var boundingBox: GeoBoundingBox {
        var box = GeoBoundingBox(minLon: .infinity, minLat: .infinity, maxLon: -.infinity, maxLat: -.infinity)
        for polygon in polygons {
            for p in polygon.outer {
                box = GeoBoundingBox(
                    minLon: min(box.minLon, p.lon), minLat: min(box.minLat, p.lat),
                    maxLon: max(box.maxLon, p.lon), maxLat: max(box.maxLat, p.lat))
            }
        }
        return box
    }

    /// Planar area in squared degrees, holes subtracted: only for comparing shapes (longitude
    /// degrees shrink northwards).
    public var area: Double {
        polygons.reduce(0) { $0 + $1.area }
    }

    /// Whether `point` is inside any of the polygons (and not in one of its holes).
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { $0.contains(point) }
    }

    /// A point for the area's label that lies inside the shape: the centroid of the largest
    /// polygon's outer ring when that is inside (a crescent's centroid is not), else the middle of
    /// the widest stretch of that polygon across a horizontal line, tried first at the middle
    /// latitude.
    public var representativePoint: GeoPoint {
        guard let polygon = polygons.max(by: { abs(Self.signedArea($0.outer)) < abs(Self.signedArea($1.outer)) }) else {
            return GeoPoint(lon: 0, lat: 0)
        }
        let centroid = Self.centroid(polygon.outer)
        if contains(centroid) { return centroid }
        let lats = polygon.outer.map(\.lat)
        let south = lats.min() ?? 0
        let north = lats.max() ?? 0
        // The middle latitude first, then lines moving outwards from it, in case the middle one
        // runs exactly along an edge or only grazes the shape.
        for fraction in [0.5, 0.45, 0.55, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9] {
            let lat = south + (north - south) * fraction
            if let point = Self.widestSpanMidpoint(polygon, lat: lat), contains(point) { return point }
        }
        return centroid
    }

    /// The midpoint of the longest interval where the line at `lat` is inside `polygon`.
    private static func widestSpanMidpoint(_ polygon: Polygon, lat: Double) -> GeoPoint? {
        var crossings: [Double] = []
        for ring in polygon.rings {
            for (a, b) in edges(ring) where (a.lat > lat) != (b.lat > lat) {
                crossings.append(a.lon + (lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon))
            }
        }
        crossings.sort()
        var best: (width: Double, lon: Double)?
        for i in stride(from: 0, to: crossings.count - 1, by: 2) {
            let width = crossings[i + 1] - crossings[i]
            if width > (best?.width ?? 0) { best = (width, (crossings[i] + crossings[i + 1]) / 2) }
        }
        return best.map { GeoPoint(lon: $0.lon, lat: lat) }
    }

    /// Consecutive point pairs of a ring, including the closing edge back to the first point.
    static func edges(_ ring: [GeoPoint]) -> Zip2Sequence<[GeoPoint], ArraySlice<GeoPoint>> {
        zip(ring, ring.dropFirst() + ring.prefix(1))
    }

    /// Shoelace formula: positive when the ring runs counter-clockwise (lon right, lat up).
    static func signedArea(_ ring: [GeoPoint]) -> Double {
        edges(ring).reduce(0) { $0 + ($1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat) } / 2
    }

    /// The area centroid of a ring; the mean of its points when it has no area.
    static func centroid(_ ring: [GeoPoint]) -> GeoPoint {
        // Relative to the first point, so large coordinates do not cancel out.
        guard let origin = ring.first else { return GeoPoint(lon: 0, lat: 0) }
        var twiceArea = 0.0
        var cx = 0.0
        var cy = 0.0
        for (a, b) in edges(ring) {
            let ax = a.lon - origin.lon
            let ay = a.lat - origin.lat
            let bx = b.lon - origin.lon
            let by = b.lat - origin.lat
            let cross = ax * by - bx * ay
            twiceArea += cross
            cx += (ax + bx) * cross
            cy += (ay + by) * cross
        }
        guard abs(twiceArea) > 1e-18 else {
            let n = Double(ring.count)
            return GeoPoint(lon: ring.reduce(0) { $0 + $1.lon } / n, lat: ring.reduce(0) { $0 + $1.lat } / n)
        }
        return GeoPoint(lon: origin.lon + cx / (3 * twiceArea), lat: origin.lat + cy / (3 * twiceArea))
    }

    /// Ray casting towards increasing longitude: whether the ray from `p` crosses `ring` an odd
    /// number of times.
    static func crossesOddly(_ ring: [GeoPoint], _ p: GeoPoint) -> Bool {
        var odd = false
        for (a, b) in edges(ring) where (a.lat > p.lat) != (b.lat > p.lat) {
            if p.lon < a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon) { odd.toggle() }
        }
        return odd
    }
}
