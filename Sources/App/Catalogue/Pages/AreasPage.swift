import Fluent
import SkillnadCore

/// The city's areas as a tree: district areas (stadsdelsområden) with their districts
/// (stadsdelar), then voting districts (valdistrikt), Statistics Sweden's RegSO and DeSO areas and
/// other statistical areas apart, grouped and folded, so the first screen is a short list and not hundreds of rows. Every list is in natural
/// Swedish order ("Bromma 2" before "Bromma 10", Ö after Z).
struct AreasPage: Encodable, Sendable {
    /// An area in a list: its name, address and, when it no longer exists, its validity.
    struct Leaf: Encodable, Sendable {
        let name: LocalText
        let href: String
        let validity: String?
    }

    /// An area with the areas inside it, folded under a count ("12 stadsdelar").
    struct Branch: Encodable, Sendable {
        let id: String
        let name: LocalText
        /// nil for a group that is no area (voting districts grouped by the first word of their names).
        let href: String?
        let validity: String?
        /// The official code of a district area, small and muted.
        let code: String?
        let count: String
        let children: [Leaf]
    }

    /// One section of the page: a kind of area, how many there are, as branches or as leaves.
    struct Section: Encodable, Sendable {
        let id: String
        let heading: String
        let count: String
        /// Long sections start folded under this summary ("Visa alla 593 valdistrikt").
        let folded: Bool
        let summary: String
        let branches: [Branch]
        let leaves: [Leaf]
    }

    let city: Leaf?
    let sections: [Section]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<AreasPage> {
        let texts = Texts(lang)
        let areas = index.document.areas
        let cityIDs = Set(areas.filter { $0.kind == .city }.map(\.id))
        var sections: [Section] = []

        let districtAreas = current(areas.filter { $0.kind == .districtArea })
        if !districtAreas.isEmpty {
            let branches = districtAreas.map { area in
                let districts = current((index.childAreas[area.id] ?? []).filter { $0.kind == .district })
                return Branch(
                    id: area.id, name: lang.pick(area.name, area.nameEn),
                    href: SiteURL.Catalogue.area(.value(area.id)).link(lang),
                    validity: validityText(area.validFrom, area.validTo, lang), code: area.code,
                    count: texts.count(districts.count, of: .district), children: districts.map { leaf($0, lang) })
            }
            sections.append(
                Section(
                    id: AreaKind.districtArea.rawValue, heading: texts.heading(.districtArea),
                    count: texts.count(districtAreas.count, of: .districtArea), folded: false, summary: "",
                    branches: branches,
                    leaves: []))
        }

        // Districts outside any district area (Gamla stan, Riddarholmen: under the city itself).
        let looseDistricts = current(
            areas.filter { area in
                area.kind == .district && (area.parent.map { index.areaByID[$0]?.kind != .districtArea } ?? true)
            })
        if !looseDistricts.isEmpty {
            sections.append(
                Section(
                    id: AreaKind.district.rawValue, heading: texts.heading(.district),
                    count: texts.count(looseDistricts.count, of: .district), folded: false, summary: "", branches: [],
                    leaves: looseDistricts.map { leaf($0, lang) }))
        }

        for kind in [AreaKind.votingDistrict, .regso, .deso, .statisticalArea] {
            let members = areas.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            sections.append(
                Section(
                    id: kind.rawValue, heading: texts.heading(kind), count: texts.count(members.count, of: kind),
                    folded: true, summary: Strings.fill(texts[.showAll], texts.count(members.count, of: kind)),
                    branches: groups(members, kind: kind, index: index, cityIDs: cityIDs, lang: lang),
                    leaves: []))
        }

        let city = areas.first { $0.kind == .city }.map { leaf($0, lang) }
        let meta = PageMeta.make(
            lang, title: texts[.areas], description: texts[.areasIntro], section: SiteURL.Catalogue.areas,
            route: SiteURL.Catalogue.areas)
        return PageContext(meta: meta, t: texts, page: AreasPage(city: city, sections: sections))
    }

    /// Current areas first, in natural order, then former ones (with their validity), so merged
    /// district areas do not push today's out of their place.
    static func current(_ areas: [AreaRecord]) -> [AreaRecord] {
        let sorted = NaturalOrder.sorted(areas) { $0.name }
        return sorted.filter { $0.validTo == nil } + sorted.filter { $0.validTo != nil }
    }

    static func leaf(_ area: AreaRecord, _ lang: Lang) -> Leaf {
        Leaf(
            name: lang.pick(area.name, area.nameEn), href: SiteURL.Catalogue.area(.value(area.id)).link(lang),
            validity: validityText(area.validFrom, area.validTo, lang))
    }

    /// Finer areas grouped under their parent when it is finer than the city, otherwise under the
    /// first word of their names (the parish a voting district is named after: "Bromma 12").
    /// RegSO and DeSO areas are grouped under their parent even when it is the city: their names
    /// are not a parish and a number.
    static func groups(
        _ members: [AreaRecord], kind: AreaKind, index: CatalogueIndex, cityIDs: Set<String>, lang: Lang
    ) -> [Branch] {
        let texts = Texts(lang)
        var byGroup: [String: [AreaRecord]] = [:]
        var parents: [String: AreaRecord] = [:]
        for area in members {
            let underParent = kind == .regso || kind == .deso
            if let parentID = area.parent, underParent || !cityIDs.contains(parentID),
                let parent = index.areaByID[parentID]
            {
                byGroup["area:" + parentID, default: []].append(area)
                parents["area:" + parentID] = parent
            } else {
                let word = area.name.split(separator: " ").first.map(String.init) ?? area.name
                byGroup["word:" + word, default: []].append(area)
            }
        }
        let branches = byGroup.map { key, areas in
            let parent = parents[key]
            let title =
                parent.map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: String(key.dropFirst(5)), lang: "sv")
            return Branch(
                id: kind.rawValue + "-" + Slug.make(key), name: title,
                href: parent.map { SiteURL.Catalogue.area(.value($0.id)).link(lang) },
                validity: nil, code: nil, count: texts.count(areas.count, of: kind),
                children: NaturalOrder.sorted(areas) { $0.name }.map { leaf($0, lang) })
        }
        return NaturalOrder.sorted(branches) { $0.name.text }
    }
}
