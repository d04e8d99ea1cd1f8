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

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String, indicators: [IndicatorValue]) -> PageContext<
        AreaPage
    >? {
        guard let a = index.areaByID[id] else { return nil }
        let s = Texts(lang)
        func leaf(_ c: AreaRecord) -> AreasPage.Leaf {
            AreasPage.Leaf(
                name: lang.pick(c.name, c.nameEn), code: c.code, href: SiteURL.Catalogue.area(.value(c.id)).link(lang),
                validity: validityText(c.validFrom, c.validTo, lang))
        }
        let page = AreaPage(
            name: lang.pick(a.name, a.nameEn), kind: s.label(a.kind), code: a.code,
            validity: validityText(a.validFrom, a.validTo, lang), aliases: a.aliases ?? [],
            parent: a.parent.flatMap { index.areaByID[$0] }.map(leaf),
            children: (index.childAreas[id] ?? []).sorted { $0.name < $1.name }.map(leaf),
            hasGeometry: a.geometry != nil,
            population: a.population.map { NumberText.value($0, unit: "count", lang) }, indicators: indicators,
            apiHref: APIURL.Catalogue.area(.value(id)).path)
        let meta = PageMeta.make(
            lang, title: page.name.text, description: "\(page.name.text): \(page.kind)",
            section: SiteURL.Catalogue.areas,
            route: SiteURL.Catalogue.area(.value(id)), crumbs: [(s[.areas], SiteURL.Catalogue.areas)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
