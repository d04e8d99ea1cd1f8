import SkillnadCore

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
    /// Its assignments in the latest budget year and what it must report next: a list of one, or none.
    let followUp: [BodyFollowUpSection]
    /// The dialogue portal filtered to the dialogues the body organises.
    let dialoguesHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String, followUp: BodyFollowUpSection? = nil)
        -> PageContext<BodyPage>?
    {
        guard let b = index.bodyByID[id] else { return nil }
        let s = Texts(lang)
        let inv = index.involvements(of: id)
        func row(_ i: CatalogueIndex.Involvement) -> MeasureRow {
            let note = i.viaGroup.map { "\(s[.viaGroup]) \(s.label($0))" }
            return MeasureRow.make(i.measure, index: index, lang: lang, withReport: true, note: note)
        }
        let page = BodyPage(
            name: lang.pick(b.name, b.nameEn), kind: s.label(b.kind), shortName: b.shortName,
            validity: validityText(b.validFrom, b.validTo, lang), note: b.note,
            parent: b.parent.map { BodyLink.make($0, index: index, year: 0, lang: lang) },
            children: (index.childBodies[id] ?? []).sorted { $0.name < $1.name }.map {
                BodyLink.make($0.id, index: index, year: 0, lang: lang)
            },
            tables: [
                MeasureTable(heading: s[.leads], rows: inv.filter { $0.role == .lead }.map(row)),
                MeasureTable(heading: s[.collaboratesOn], rows: inv.filter { $0.role == .collaborating }.map(row)),
            ]
            .filter { !$0.rows.isEmpty },
            apiHref: APIURL.Catalogue.body(.value(id)).path, followUp: followUp.map { [$0] } ?? [],
            dialoguesHref: SiteURL.Dialogues.list.link(lang, query: [("organiser", id)]))
        let meta = PageMeta.make(
            lang, title: page.name.text, description: "\(page.name.text): \(page.kind)",
            section: SiteURL.Catalogue.bodies,
            route: SiteURL.Catalogue.body(.value(id)), crumbs: [(s[.bodies], SiteURL.Catalogue.bodies)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
