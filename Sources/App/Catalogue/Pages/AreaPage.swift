import Fluent
import SkillnadCore

/// One area: its kind, code, place in the hierarchy, other names.
struct AreaPage: Encodable, Sendable {
    let name: LocalText
    let kind: String
    let code: String?
    let validity: String?
    let aliases: [String]
    let parent: AreasPage.Leaf?
    let children: [AreasPage.Leaf]
    let hasGeometry: Bool
    let population: String?
    let indicators: [IndicatorValue]
    let apiHref: String

    /// An indicator's latest value for the area next to the city's.
    struct IndicatorValue: Encodable, Sendable {
        let name: LocalText
        let href: String
        let period: String
        let value: String
        let city: String
        let preliminary: Bool
    }

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String, indicators: [IndicatorValue]) -> PageContext<AreaPage>? {
        guard let a = index.areaByID[id] else { return nil }
        let s = Texts(lang)
        func leaf(_ c: AreaRecord) -> AreasPage.Leaf {
            AreasPage.Leaf(name: lang.pick(c.name, c.nameEn), code: c.code, href: SiteURL.Catalogue.area(.value(c.id)).link(lang),
                           validity: validityText(c.validFrom, c.validTo, lang))
        }
        let page = AreaPage(name: lang.pick(a.name, a.nameEn), kind: s.label(a.kind), code: a.code,
                            validity: validityText(a.validFrom, a.validTo, lang), aliases: a.aliases ?? [],
                            parent: a.parent.flatMap { index.areaByID[$0] }.map(leaf),
                            children: (index.childAreas[id] ?? []).sorted { $0.name < $1.name }.map(leaf),
                            hasGeometry: a.geometry != nil,
                            population: a.population.map { NumberText.value($0, unit: "count", lang) }, indicators: indicators,
                            apiHref: APIURL.Catalogue.area(.value(id)).path)
        let meta = PageMeta.make(lang, title: page.name.text, description: "\(page.name.text): \(page.kind)", section: SiteURL.Catalogue.areas,
                                 route: SiteURL.Catalogue.area(.value(id)), crumbs: [(s[.areas], SiteURL.Catalogue.areas)])
        return PageContext(meta: meta, t: s, page: page)
    }
}

extension AreaPage.IndicatorValue {
    /// Every indicator with a value for the area: its latest period, and the city's value then.
    static func all(area: AreaRecord, _ lang: Lang, on db: any Database) async throws -> [AreaPage.IndicatorValue] {
        var out: [AreaPage.IndicatorValue] = []
        for info in try await IndicatorQueries.all(on: db) {
            let rows = try await IndicatorQueries.observations(info.id, area: area.id, group: ObservationGroup.total, on: db)
            guard let latest = rows.last else { continue }
            let summaries = try await IndicatorQueries.summaries(info.id, level: area.kind == .city ? nil : area.kind.rawValue, on: db)
            let level = area.kind == .city ? IndicatorQueries.defaultLevel(Set(summaries.map(\.level))) : area.kind.rawValue
            var city: [String: Double] = [:]
            if let level { city = try await IndicatorQueries.cityValues(info.id, summaries: summaries, level: level, on: db) }
            let d = info.definition
            out.append(.init(name: lang.pick(d.name, d.nameEn), href: SiteURL.Indicators.indicator(.value(d.code)).link(lang), period: latest.period,
                             value: NumberText.value(latest.value, unit: d.unit, lang), city: NumberText.value(city[latest.period], unit: d.unit, lang),
                             preliminary: latest.preliminary))
        }
        return out
    }
}
