import Fluent
import Foundation
import SkillnadCore

/// Brings area shapes and population into the catalogue from public GeoJSON: the city's district
/// areas (stadsdelsområden) and their districts (stadsdelar) from Region Stockholm's
/// Folkhälsokollen file (`omraden_med_befolkning.json`: one FeatureCollection per key, properties
/// `omr_namn`, `omr_kod`, `population`), and the city's own district polygons
/// (`stadsdelar.geo.json`: properties `name` in capitals). Areas are matched by code, then by name
/// or alias (case and Swedish letters folded), and updated; missing ones are created. A district
/// without a parent in its file is placed in the district area its shape lies in.
enum AreaGeoImporter {
    struct Outcome: Sendable, Equatable {
        var updated = 0
        var created = 0
        var skipped: [String] = []
    }

    struct Feature {
        let name: String
        let code: String?
        let population: Double?
        let geometry: JSONValue
    }

    /// Features of a FeatureCollection, with their name and code under the given property names.
    static func features(_ collection: JSONValue?, name nameKeys: [String], code codeKeys: [String]) -> [Feature] {
        guard case .object(let fc)? = collection, case .array(let list)? = fc["features"] else { return [] }
        return list.compactMap { f in
            guard case .object(let o) = f, case .object(let props)? = o["properties"], let geometry = o["geometry"],
                GeoShape(geometry: geometry) != nil
            else { return nil }
            func text(_ keys: [String]) -> String? {
                for k in keys {
                    switch props[k] {
                    case .string(let s)?: return s.trimmingCharacters(in: .whitespacesAndNewlines)
                    case .number(let n)?: return n.rounded() == n ? String(Int(n)) : String(n)
                    default: continue
                    }
                }
                return nil
            }
            guard let name = text(nameKeys), !name.isEmpty, name.lowercased() != "nan" else { return nil }
            var population: Double?
            if case .number(let p)? = props["population"] { population = p }
            return Feature(name: name, code: text(codeKeys), population: population, geometry: geometry)
        }
    }

    /// Reads either shape from `data` and returns the catalogue with the areas added or updated.
    static func apply(_ data: Data, to doc: CatalogueDocument) throws -> (CatalogueDocument, Outcome) {
        let root: JSONValue
        do { root = try JSONValue.read(data) } catch {
            throw CatalogueCommandError("the file is not JSON: \(error.localizedDescription)")
        }
        guard case .object(let top) = root else {
            throw CatalogueCommandError("expected a GeoJSON FeatureCollection or an object of FeatureCollections")
        }
        var doc = doc
        var out = Outcome()
        guard let city = doc.areas.first(where: { $0.kind == .city }) else {
            throw CatalogueCommandError("the catalogue has no area of the kind city to put the areas in")
        }
        var taken = Set(doc.areas.map(\.id))

        func upsert(_ f: Feature, kind: AreaKind, parent: String?) -> String {
            let matcher = AreaMatcher(doc.areas, kind: kind)
            var found: AreaRecord?
            switch matcher.match(code: f.code, name: f.name) {
            case .found(let a): found = a
            case .ambiguous(let list): found = list.first { $0.validTo == nil }
            case .unmatched: found = nil
            }
            if let a = found, let i = doc.areas.firstIndex(where: { $0.id == a.id }) {
                if doc.areas[i].geometry == nil { doc.areas[i].geometry = f.geometry }
                if let p = f.population { doc.areas[i].population = p }
                if doc.areas[i].code == nil, let c = f.code,
                    !doc.areas.contains(where: { $0.kind == kind && $0.code == c })
                {
                    doc.areas[i].code = c
                }
                // The source's spelling becomes an alias, so later files spelled the same way match.
                if SearchText.fold(f.name) == SearchText.fold(a.name), f.name != a.name,
                    !(a.aliases ?? []).contains(f.name)
                {
                    doc.areas[i].aliases = (a.aliases ?? []) + [f.name]
                }
                out.updated += 1
                return a.id
            }
            let pretty =
                f.name == f.name.uppercased()
                ? f.name.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(
                    separator: " ") : f.name
            var id = Slug.make(pretty)
            if taken.contains(id) {
                id = IndicatorImporter.uniqueSlug(Slug.make("\(Texts(.sv).label(kind)) \(pretty)"), taken: taken)
            }
            taken.insert(id)
            doc.areas.append(
                AreaRecord(
                    id: id, name: pretty, kind: kind, code: f.code, parent: parent,
                    aliases: pretty == f.name ? nil : [f.name], population: f.population, geometry: f.geometry))
            out.created += 1
            return id
        }

        if top["features"] != nil {
            // One FeatureCollection: the city's districts, placed in the district area their shape lies in.
            let areas = doc.currentDistrictAreas.compactMap { a in
                a.geometry.flatMap(GeoShape.init(geometry:)).map { (a.id, $0) }
            }
            for f in features(root, name: ["name", "namn", "omr_namn"], code: ["code", "kod", "omr_kod"]) {
                guard let shape = GeoShape(geometry: f.geometry) else { continue }
                let point = shape.representativePoint
                let parent = areas.first { $0.1.contains(point) }?.0
                _ = upsert(f, kind: .district, parent: parent ?? city.id)
            }
        } else {
            // Folkhälsokollen: the county's collection holds the municipalities and the city's district
            // areas (codes 801xx); each district area's own key holds its districts.
            let county = top.first { $0.key.lowercased().contains("län") }?.value
            var districtAreas: [String: String] = [:]
            for f in features(county, name: ["omr_namn"], code: ["omr_kod"]) where (f.code ?? "").hasPrefix("801") {
                districtAreas[f.name] = upsert(f, kind: .districtArea, parent: city.id)
            }
            if districtAreas.isEmpty {
                throw CatalogueCommandError("found no district areas (codes 801xx) in the file")
            }
            for (name, id) in districtAreas.sorted(by: { $0.key < $1.key }) {
                for f in features(top[name], name: ["omr_namn"], code: ["omr_kod"]) {
                    _ = upsert(f, kind: .district, parent: id)
                }
            }
            let total = doc.areas.filter { $0.kind == .districtArea && districtAreas.values.contains($0.id) }
                .compactMap(\.population).reduce(0, +)
            if let i = doc.areas.firstIndex(where: { $0.id == city.id }), total > 0 { doc.areas[i].population = total }
        }
        return (doc, out)
    }

    static func run(_ data: Data, by actor: AuditActor, on db: any Database) async throws -> Outcome {
        try await TimedWork.import.run("areas") {
            try await CatalogueEditor.transaction(on: db) { tx in
                let doc = try await CatalogueLoader.load(from: tx)
                let (edited, out) = try apply(data, to: doc)
                if case .failure(let p) = CatalogueReader.read(try JSONEncoder().encode(edited)) { throw p }
                _ = try await CatalogueImporter.sync(edited, in: tx, actor: actor)
                return out
            }
        }
    }
}
