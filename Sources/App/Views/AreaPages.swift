import SkillnadCore

/// The city's areas as a tree, with validity for areas that no longer exist.
struct AreasPage: Encodable, Sendable {
    struct Node: Encodable, Sendable {
        let name: LocalText
        let kind: String
        let code: String?
        let href: String
        let validity: String?
        let children: [Leaf]
    }
    struct Leaf: Encodable, Sendable { let name: LocalText; let code: String?; let href: String; let validity: String? }

    let roots: [Node]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<AreasPage> {
        let s = Strings.table(lang)
        let roots = index.document.areas.filter { $0.parent == nil }.sorted { $0.name < $1.name }.map { a in
            Node(name: lang.pick(a.name, a.nameEn), kind: s["area1.\(a.kind.rawValue)"]!, code: a.code,
                 href: SiteURL.area(.value(a.id)).link(lang), validity: validityText(a.validFrom, a.validTo, lang),
                 children: (index.childAreas[a.id] ?? []).sorted { $0.name < $1.name }.map { c in
                     Leaf(name: lang.pick(c.name, c.nameEn), code: c.code, href: SiteURL.area(.value(c.id)).link(lang),
                          validity: validityText(c.validFrom, c.validTo, lang))
                 })
        }
        let meta = PageMeta.make(lang, title: s["areas"]!, description: s["areasIntro"]!, section: .areas, route: .areas)
        return PageContext(meta: meta, t: s, page: AreasPage(roots: roots))
    }
}

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
    let apiHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String) -> PageContext<AreaPage>? {
        guard let a = index.areaByID[id] else { return nil }
        let s = Strings.table(lang)
        func leaf(_ c: AreaRecord) -> AreasPage.Leaf {
            AreasPage.Leaf(name: lang.pick(c.name, c.nameEn), code: c.code, href: SiteURL.area(.value(c.id)).link(lang),
                           validity: validityText(c.validFrom, c.validTo, lang))
        }
        let page = AreaPage(name: lang.pick(a.name, a.nameEn), kind: s["area1.\(a.kind.rawValue)"]!, code: a.code,
                            validity: validityText(a.validFrom, a.validTo, lang), aliases: a.aliases ?? [],
                            parent: a.parent.flatMap { index.areaByID[$0] }.map(leaf),
                            children: (index.childAreas[id] ?? []).sorted { $0.name < $1.name }.map(leaf),
                            hasGeometry: a.geometry != nil, apiHref: APIURL.area(.value(id)).path)
        let meta = PageMeta.make(lang, title: page.name.text, description: "\(page.name.text): \(page.kind)", section: .areas,
                                 route: .area(.value(id)), crumbs: [(s["areas"]!, .areas)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
