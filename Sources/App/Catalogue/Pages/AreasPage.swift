import Fluent
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
    struct Leaf: Encodable, Sendable {
        let name: LocalText
        let code: String?
        let href: String
        let validity: String?
    }

    let roots: [Node]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<AreasPage> {
        let s = Texts(lang)
        let roots = index.document.areas.filter { $0.parent == nil }.sorted { $0.name < $1.name }.map { a in
            Node(
                name: lang.pick(a.name, a.nameEn), kind: s.label(a.kind), code: a.code,
                href: SiteURL.Catalogue.area(.value(a.id)).link(lang),
                validity: validityText(a.validFrom, a.validTo, lang),
                children: (index.childAreas[a.id] ?? []).sorted { $0.name < $1.name }.map { c in
                    Leaf(
                        name: lang.pick(c.name, c.nameEn), code: c.code,
                        href: SiteURL.Catalogue.area(.value(c.id)).link(lang),
                        validity: validityText(c.validFrom, c.validTo, lang))
                })
        }
        let meta = PageMeta.make(
            lang, title: s[.areas], description: s[.areasIntro], section: SiteURL.Catalogue.areas,
            route: SiteURL.Catalogue.areas)
        return PageContext(meta: meta, t: s, page: AreasPage(roots: roots))
    }
}
