import SkillnadCore

/// Start page: what Skillnad holds, in numbers, and the ways in.
struct HomePage: Encodable, Sendable {
    struct Count: Encodable, Sendable {
        let number: Int
        let label: String
        let href: String
    }
    struct Target: Encodable, Sendable {
        let name: LocalText
        let strategyCount: Int
        let href: String
    }

    let counts: [Count]
    let reports: [ReportRow]
    let targetAreas: [Target]
    /// "Ditt område": the way in through one's own area, a search over areas and the current
    /// district areas, in natural Swedish order.
    let districtAreas: [AreasPage.Leaf]
    /// The district areas on a map, each a link: the list above, for those who find by place.
    let maps: [MapView]
    let searchAction: String
    let indicatorsHref: String
    let differencesHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<HomePage> {
        let doc = index.document
        let s = Texts(lang)
        let strategies = doc.roadmap?.targetAreas.reduce(0) { $0 + $1.strategies.count } ?? 0
        let page = HomePage(
            counts: [
                Count(number: doc.reports.count, label: s[.countReports], href: SiteURL.Catalogue.reports.link(lang)),
                Count(number: doc.measures.count, label: s[.countMeasures], href: SiteURL.Catalogue.reports.link(lang)),
                Count(number: doc.bodies.count, label: s[.countBodies], href: SiteURL.Catalogue.bodies.link(lang)),
                Count(number: strategies, label: s[.countStrategies], href: SiteURL.Catalogue.roadmap.link(lang)),
                Count(number: doc.areas.count, label: s[.countAreas], href: SiteURL.Catalogue.areas.link(lang)),
            ],
            reports: doc.reports.sorted { ($0.year, $0.title) > ($1.year, $1.title) }.map {
                ReportRow.make($0, index: index, lang: lang)
            },
            targetAreas: (doc.roadmap?.targetAreas ?? []).map {
                Target(
                    name: lang.pick($0.name, $0.nameEn), strategyCount: $0.strategies.count,
                    href: SiteURL.Catalogue.roadmap.link(lang) + "#" + $0.id)
            },
            districtAreas: NaturalOrder.sorted(doc.currentDistrictAreas) {
                $0.name
            }
            .map { AreasPage.leaf($0, lang) },
            maps: MapView.outline(
                id: "home-map", title: s[.districtAreasHeading], desc: s[.homeMapDesc],
                items: doc.currentDistrictAreas.map {
                    (
                        id: $0.id, label: lang.pick($0.name, $0.nameEn).text, geometry: $0.geometry,
                        href: SiteURL.Catalogue.area(.value($0.id)).link(lang)
                    )
                }
            ).map { [$0] } ?? [],
            searchAction: SiteURL.search.path,
            indicatorsHref: SiteURL.Indicators.list.link(lang),
            differencesHref: SiteURL.Indicators.differences.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.overview], description: s[.tagline], section: SiteURL.home, route: SiteURL.home)
        return PageContext(meta: meta, t: Texts(lang), page: page)
    }
}
