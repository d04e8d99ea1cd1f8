import SkillnadCore

/// Every body, grouped by kind, with its period of validity.
struct BodiesPage: Encodable, Sendable {
    struct Group: Encodable, Sendable { let heading: String; let id: String; let bodies: [Row] }
    struct Row: Encodable, Sendable { let name: LocalText; let shortName: String?; let href: String; let validity: String?; let leads: Int; let collaborates: Int }

    let groups: [Group]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<BodiesPage> {
        let s = Strings.table(lang)
        let groups: [Group] = BodyKind.allCases.compactMap { kind in
            let bodies = index.document.bodies.filter { $0.kind == kind }.sorted { $0.name < $1.name }
            guard !bodies.isEmpty else { return nil }
            return Group(heading: s["kind.\(kind.rawValue)"]!, id: kind.rawValue, bodies: bodies.map { b in
                let inv = index.involvements(of: b.id)
                return Row(name: lang.pick(b.name, b.nameEn), shortName: b.shortName, href: SiteURL.body(.value(b.id)).link(lang),
                           validity: validityText(b.validFrom, b.validTo, lang),
                           leads: inv.filter { $0.role == .lead }.count, collaborates: inv.filter { $0.role == .collaborating }.count)
            })
        }
        let meta = PageMeta.make(lang, title: s["bodies"]!, description: s["bodiesIntro"]!, section: .bodies, route: .bodies)
        return PageContext(meta: meta, t: s, page: BodiesPage(groups: groups))
    }
}

/// One body: what it is, where it sits, what it leads and collaborates on.
struct BodyPage: Encodable, Sendable {
    let name: LocalText
    let kind: String
    let shortName: String?
    let validity: String?
    let note: String?
    let parent: BodyLink?
    let children: [BodyLink]
    /// What it leads, then what it collaborates on; empty lists are left out.
    let tables: [MeasureTable]
    let apiHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String) -> PageContext<BodyPage>? {
        guard let b = index.bodyByID[id] else { return nil }
        let s = Strings.table(lang)
        let inv = index.involvements(of: id)
        func row(_ i: CatalogueIndex.Involvement) -> MeasureRow {
            let note = i.viaGroup.map { "\(s["viaGroup"]!) \(s["group.\($0.rawValue)"]!)" }
            return MeasureRow.make(i.measure, index: index, lang: lang, withReport: true, note: note)
        }
        let page = BodyPage(
            name: lang.pick(b.name, b.nameEn), kind: s["kind1.\(b.kind.rawValue)"]!, shortName: b.shortName,
            validity: validityText(b.validFrom, b.validTo, lang), note: b.note,
            parent: b.parent.map { BodyLink.make($0, index: index, year: 0, lang: lang) },
            children: (index.childBodies[id] ?? []).sorted { $0.name < $1.name }.map { BodyLink.make($0.id, index: index, year: 0, lang: lang) },
            tables: [MeasureTable(heading: s["leads"]!, rows: inv.filter { $0.role == .lead }.map(row)),
                     MeasureTable(heading: s["collaboratesOn"]!, rows: inv.filter { $0.role == .collaborating }.map(row))]
                .filter { !$0.rows.isEmpty },
            apiHref: APIURL.body(.value(id)).path)
        let meta = PageMeta.make(lang, title: page.name.text, description: "\(page.name.text): \(page.kind)", section: .bodies,
                                 route: .body(.value(id)), crumbs: [(s["bodies"]!, .bodies)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
