import SkillnadCore

/// Whether a dialogue's places lie in the municipality, by the catalogue's area shapes: a point
/// in no area that would lie in one with latitude and longitude swapped (the most common mistake
/// in a list of places) is refused, a point in no area at all is a warning, since dialogues are
/// sometimes held outside (a study visit, a neighbouring municipality's hall). Without shapes in
/// the catalogue nothing can be told, and nothing is said.
struct DialoguePlaces: Sendable {
    /// An area's outline with the box around it, so most areas are passed over with four
    /// comparisons.
    struct Outline: Sendable {
        let box: GeoBoundingBox
        let shape: GeoShape

        func contains(_ point: GeoPoint) -> Bool {
            point.lon >= box.minLon && point.lon <= box.maxLon && point.lat >= box.minLat && point.lat <= box.maxLat
                && shape.contains(point)
        }
    }

    let outlines: [Outline]

    init(shapes: [GeoShape]) {
        outlines = shapes.map { Outline(box: $0.boundingBox, shape: $0) }
    }

    /// The outlines of every area of the catalogue that has a readable geometry, at any level.
    init(index: CatalogueIndex) {
        self.init(shapes: index.document.areas.compactMap { $0.geometry.flatMap { GeoShape(geometry: $0) } })
    }

    /// Whether a point (WGS 84) lies in any area.
    func contains(latitude: Double, longitude: Double) -> Bool {
        let point = GeoPoint(lon: longitude, lat: latitude)
        return outlines.contains { $0.contains(point) }
    }

    /// The problems of the sessions' places, on `sessions[i].place.latitude` (the latitude column
    /// of an import): `.coordinatesSwapped` (refusing) or `.outsideMunicipality` (a warning).
    /// Points without both coordinates, or out of range (which `DialogueValues.problems()`
    /// refuses already), are passed over.
    func problems(_ sessions: [DialogueSession]) -> [DialogueProblem] {
        guard !outlines.isEmpty else { return [] }
        var problems: [DialogueProblem] = []
        for (position, session) in sessions.enumerated() {
            guard let latitude = session.place?.latitude, let longitude = session.place?.longitude,
                (-90...90).contains(latitude), (-180...180).contains(longitude),
                !contains(latitude: latitude, longitude: longitude)
            else { continue }
            let field = "sessions[\(position)].place.latitude"
            // A swapped pair puts the longitude where the latitude should be: it must be a latitude.
            if (-90...90).contains(longitude), contains(latitude: longitude, longitude: latitude) {
                problems.append(
                    DialogueProblem(field: field, .coordinatesSwapped(latitude: latitude, longitude: longitude)))
            } else {
                problems.append(
                    DialogueProblem(field: field, .outsideMunicipality(latitude: latitude, longitude: longitude)))
            }
        }
        return problems
    }

    /// The places' problems of one dialogue, reading the catalogue's shapes for it; to check many
    /// dialogues, make one `DialoguePlaces(index:)` and ask it for each.
    static func problems(_ values: DialogueValues, index: CatalogueIndex) -> [DialogueProblem] {
        DialoguePlaces(index: index).problems(values.sessions)
    }
}
