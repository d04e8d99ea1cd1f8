/// Which district council (stadsdelsnämnd) is responsible for an area. The catalogue stores no
/// link between bodies and areas, so it is derived: the council's id is the district area's id
/// followed by `-stadsdelsnamnd` (`rinkeby-kista` → `rinkeby-kista-stadsdelsnamnd`), the
/// convention of the demo catalogue and of the importer's slugs; failing that, a council whose
/// name is "X stadsdelsnämnd" or "Xs stadsdelsnämnd" (genitive) belongs to the district area
/// named X. A district's council is its district area's; finer areas follow their parents.
public enum DistrictCouncil {
    static let idSuffix = "-stadsdelsnamnd"
    static let nameSuffix = " stadsdelsnamnd"

    /// The district area an area lies in: itself for a district area, the nearest district area
    /// among its ancestors otherwise; nil when there is none (the city, a district outside one).
    public static func districtArea(of area: AreaRecord, in index: CatalogueIndex) -> AreaRecord? {
        var current: AreaRecord? = area
        var steps = 0
        while let candidate = current, steps < 16 {
            if candidate.kind == .districtArea { return candidate }
            current = candidate.parent.flatMap { index.areaByID[$0] }
            steps += 1
        }
        return nil
    }

    /// The district council responsible for an area, if the catalogue has one.
    public static func council(of area: AreaRecord, in index: CatalogueIndex) -> BodyRecord? {
        guard let districtArea = districtArea(of: area, in: index) else { return nil }
        if let byID = index.bodyByID[districtArea.id + idSuffix], byID.kind == .districtCouncil {
            return byID
        }
        let areaName = SearchText.fold(districtArea.name)
        return index.document.bodies.first { body in
            guard body.kind == .districtCouncil else { return false }
            let name = SearchText.fold(body.name)
            guard name.hasSuffix(nameSuffix) else { return false }
            let place = String(name.dropLast(nameSuffix.count))
            return place == areaName || place == areaName + "s"
        }
    }
}
