import Fluent
import SkillnadCore

/// One area (område) as a resident looks for it: which district council is responsible, the
/// district area it lies in, where it stands on each indicator against the whole city, and the
/// areas inside it. Import aliases are not shown; the code stays in a muted line.
struct AreaPage: Encodable, Sendable {
    let name: LocalText
    let kind: String
    let code: String?
    let validity: String?
    let districtArea: AreasPage.Leaf?
    let council: BodyLink?
    /// The parent, when it is not the district area already named.
    let parent: AreasPage.Leaf?
    let childGroups: [ChildGroup]
    let population: String?
    let standings: [Standing]
    let indicators: [IndicatorValue]
    let apiHref: String

    /// The areas of one kind inside this one; long lists are folded.
    struct ChildGroup: Encodable, Sendable {
        let id: String
        let heading: String
        let folded: Bool
        let areas: [AreasPage.Leaf]
    }

    /// One indicator in plain words: "Valdeltagande 2022: 61,2 % – lägre än staden (82,3 %), …".
    struct Standing: Encodable, Sendable {
        let name: LocalText
        let href: String
        let period: String
        let value: String
        /// For a categorical indicator: the label of the area's class.
        let classLabel: LocalText?
        /// "lägre än staden (82,3 %)", "sämre än staden", "plats 570 av 592 valdistrikt …".
        let comparison: String?
        let judgement: String?
        let rank: String?
        /// `better`, `worse` or `same`, for the marker's style.
        let cls: String
        let preliminary: Bool
    }

    /// An indicator's latest value for the area next to the city's.
    struct IndicatorValue: Encodable, Sendable {
        let name: LocalText
        let href: String
        let period: String
        let value: String
        let city: String
        let preliminary: Bool
    }

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, id: String, readings: [IndicatorReading] = []
    ) -> PageContext<AreaPage>? {
        guard let area = index.areaByID[id] else { return nil }
        let texts = Texts(lang)
        let districtArea = DistrictCouncil.districtArea(of: area, in: index).flatMap { $0.id == area.id ? nil : $0 }
        let parent = area.parent.flatMap { index.areaByID[$0] }.flatMap { parent in
            parent.id == districtArea?.id ? nil : parent
        }
        let council = DistrictCouncil.council(of: area, in: index).map {
            BodyLink.make($0.id, index: index, year: 0, lang: lang)
        }
        let children = index.childAreas[id] ?? []
        let childGroups = AreaKind.allCases.compactMap { kind -> ChildGroup? in
            let members = children.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return ChildGroup(
                id: kind.rawValue, heading: texts.count(members.count, of: kind), folded: members.count > 30,
                areas: AreasPage.current(members).map { AreasPage.leaf($0, lang) })
        }
        let page = AreaPage(
            name: lang.pick(area.name, area.nameEn), kind: texts.label(area.kind), code: area.code,
            validity: validityText(area.validFrom, area.validTo, lang),
            districtArea: districtArea.map { AreasPage.leaf($0, lang) }, council: council,
            parent: parent.map { AreasPage.leaf($0, lang) }, childGroups: childGroups,
            population: area.population.map { NumberText.value($0, unit: "count", lang) },
            standings: readings.map { Standing.make($0, kind: area.kind, lang) },
            indicators: readings.map { IndicatorValue.make($0, lang) },
            apiHref: APIURL.Catalogue.area(.value(id)).path)
        let meta = PageMeta.make(
            lang, title: page.name.text, description: "\(page.name.text): \(page.kind)",
            section: SiteURL.Catalogue.areas,
            route: SiteURL.Catalogue.area(.value(id)), crumbs: [(texts[.areas], SiteURL.Catalogue.areas)])
        return PageContext(meta: meta, t: texts, page: page)
    }
}

extension AreaPage.Standing {
    /// The plain-language standing of one reading. A categorical indicator names the class the
    /// area is in and never a mean, a rank or "better than the city".
    static func make(_ reading: AreaPage.IndicatorReading, kind: AreaKind, _ lang: Lang) -> AreaPage.Standing {
        let texts = Texts(lang)
        let definition = reading.info.definition
        let name = lang.pick(definition.name, definition.nameEn)
        let href = SiteURL.Indicators.indicator(.value(definition.code)).link(lang)
        let latest = reading.latest
        if definition.kindOrQuantity == .categorical {
            let number = latest.value.map { NumberText.plain($0, decimals: 0, lang) } ?? "–"
            let label = classLabel(definition, latest.value, lang)
            return .init(
                name: name, href: href, period: latest.period, value: number, classLabel: label,
                comparison: nil, judgement: nil, rank: nil, cls: "same", preliminary: latest.preliminary)
        }
        let value = NumberText.value(latest.value, unit: definition.unit, lang)
        guard let number = latest.value, kind != .city else {
            return .init(
                name: name, href: href, period: latest.period, value: value, classLabel: nil, comparison: nil,
                judgement: nil, rank: nil, cls: "same", preliminary: latest.preliminary)
        }
        let standing = AreaStanding.make(
            value: number, city: reading.cityValue, direction: definition.direction,
            betterCount: reading.betterCount, count: reading.levelCount)
        let city = NumberText.value(reading.cityValue, unit: definition.unit, lang)
        let comparison: String?
        switch standing.side {
        case .higher: comparison = Strings.fill(texts[.higherThanCity], city)
        case .lower: comparison = Strings.fill(texts[.lowerThanCity], city)
        case .same: comparison = Strings.fill(texts[.sameAsCity], city)
        case .unknown: comparison = nil
        }
        let judgement = standing.better.map { texts[$0 ? .betterThanCity : .worseThanCity] }
        let rank = standing.rank.flatMap { place -> String? in
            guard standing.count > 1 else { return nil }
            return Strings.fill(
                texts[.rankAmong], NumberText.plain(Double(place), decimals: 0, lang),
                texts.count(standing.count, of: kind))
        }
        let cls = standing.better.map { $0 ? "better" : "worse" } ?? "same"
        return .init(
            name: name, href: href, period: latest.period, value: value, classLabel: nil, comparison: comparison,
            judgement: judgement, rank: rank, cls: cls, preliminary: latest.preliminary)
    }

    /// The label of the area's class, marked Swedish when the class has no English label.
    static func classLabel(_ definition: IndicatorDefinition, _ value: Double?, _ lang: Lang) -> LocalText? {
        guard let value, let cls = definition.classes?.first(where: { Double($0.value) == value }) else {
            return nil
        }
        return lang.pick(cls.label, cls.labelEn)
    }
}

extension AreaPage.IndicatorValue {
    /// A reading as a row of the table of values.
    static func make(_ reading: AreaPage.IndicatorReading, _ lang: Lang) -> AreaPage.IndicatorValue {
        let definition = reading.info.definition
        let categorical = definition.kindOrQuantity == .categorical
        return .init(
            name: lang.pick(definition.name, definition.nameEn),
            href: SiteURL.Indicators.indicator(.value(definition.code)).link(lang),
            period: reading.latest.period,
            value: categorical
                ? reading.latest.value.map { NumberText.plain($0, decimals: 0, lang) } ?? "–"
                : NumberText.value(reading.latest.value, unit: definition.unit, lang),
            city: categorical ? "–" : NumberText.value(reading.cityValue, unit: definition.unit, lang),
            preliminary: reading.latest.preliminary)
    }
}
