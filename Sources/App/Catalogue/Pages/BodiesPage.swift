import SkillnadCore

/// Every body, grouped by kind, with its period of validity.
struct BodiesPage: Encodable, Sendable {
    struct Group: Encodable, Sendable {
        let heading: String
        let id: String
        let bodies: [Row]
    }
    struct Row: Encodable, Sendable {
        let name: LocalText
        let shortName: String?
        let href: String
        let validity: String?
        let leads: Int
        let collaborates: Int
    }

    let groups: [Group]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<BodiesPage> {
        let s = Texts(lang)
        let groups: [Group] = BodyKind.allCases.compactMap { kind in
            let bodies = index.document.bodies.filter { $0.kind == kind }.sorted { $0.name < $1.name }
            guard !bodies.isEmpty else { return nil }
            return Group(
                heading: s.plural(kind), id: kind.rawValue,
                bodies: bodies.map { b in
                    let inv = index.involvements(of: b.id)
                    return Row(
                        name: lang.pick(b.name, b.nameEn), shortName: b.shortName,
                        href: SiteURL.Catalogue.body(.value(b.id)).link(lang),
                        validity: validityText(b.validFrom, b.validTo, lang),
                        leads: inv.filter { $0.role == .lead }.count,
                        collaborates: inv.filter { $0.role == .collaborating }.count)
                })
        }
        let meta = PageMeta.make(
            lang, title: s[.bodies], description: s[.bodiesIntro], section: SiteURL.Catalogue.bodies,
            route: SiteURL.Catalogue.bodies)
        return PageContext(meta: meta, t: s, page: BodiesPage(groups: groups))
    }
}
