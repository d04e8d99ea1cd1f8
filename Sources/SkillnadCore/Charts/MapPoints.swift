import Foundation

/// Points (places where something is held) placed on the map that `MapLayout` draws for the same
/// areas: the same projection fitted to the same areas' box, so a marker lands where its place
/// lies among the shapes.
public struct MapPoints: Sendable, Codable, Equatable {
    /// One point on the map, in the SVG's pixels with one decimal.
    public struct Point: Sendable, Codable, Equatable {
        public let id: String
        public let x: Double
        public let y: Double
    }

    /// Points that fall inside the SVG, in input order.
    public let points: [Point]
    /// Ids of points that fall outside it (a place beyond the areas) or are not finite numbers, to
    /// be told in words beside the map; also every id when no area has a readable shape.
    public let offMap: [String]

    /// Places `points` on the map of `items`; `width` and `maxHeight` must be those given to
    /// `MapLayout` for the same items, or the points and the areas will not line up.
    public init(
        points: [(id: String, point: GeoPoint)], items: [MapLayout.Item], width: Double = 560,
        maxHeight: Double? = nil
    ) {
        self.init(points: points, boxes: Self.boxes(items), width: width, maxHeight: maxHeight)
    }

    /// The areas' bounding boxes, read from their shapes: what placing points needs of them, so
    /// a caller drawing the same areas again can read them once.
    public static func boxes(_ items: [MapLayout.Item]) -> [GeoBoundingBox] {
        items.compactMap { $0.geometry.flatMap { GeoShape(geometry: $0) }?.boundingBox }
    }

    /// Places `points` by the areas' bounding boxes (`boxes(_:)`).
    public init(
        points: [(id: String, point: GeoPoint)], boxes: [GeoBoundingBox], width: Double = 560,
        maxHeight: Double? = nil
    ) {
        guard let projection = MapLayout.Projection(boxes: boxes, width: width, maxHeight: maxHeight) else {
            self.points = []
            self.offMap = points.map(\.id)
            return
        }
        let height = ChartNumber.round1(projection.height)
        var placed: [Point] = []
        var offMap: [String] = []
        for (id, point) in points {
            let projected = projection.point(point)
            let x = ChartNumber.round1(projected.x)
            let y = ChartNumber.round1(projected.y)
            guard x.isFinite, y.isFinite, (0...width).contains(x), (0...height).contains(y) else {
                offMap.append(id)
                continue
            }
            placed.append(Point(id: id, x: x, y: y))
        }
        self.points = placed
        self.offMap = offMap
    }
}
