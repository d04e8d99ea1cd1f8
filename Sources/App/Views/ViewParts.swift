import SkillnadCore

/// Pieces several pages show the same way: a body named in a measure, a measure in a list,
/// a period of validity.
struct BodyLink: Encodable, Sendable {
    let name: LocalText
    let href: String?
    /// For a group: which bodies it stands for, or nil where the source leaves it open.
    let members: [BodyLink]?
    let isGroup: Bool
    let openGroup: Bool

    static func make(_ ref: String, index: CatalogueIndex, year: Int, lang: Lang, expandGroups: Bool = false) -> BodyLink {
        switch BodyRef(ref) {
        case .group(let g)?:
            let members = expandGroups && g.memberKinds != nil
                ? index.members(of: g, year: year).map { make($0.id, index: index, year: year, lang: lang) } : nil
            return BodyLink(name: LocalText(text: Strings.get("group.\(g.rawValue)", lang), lang: lang.rawValue),
                            href: nil, members: members, isGroup: true, openGroup: g.memberKinds == nil)
        case .body(let id)?:
            if let b = index.bodyByID[id] {
                return BodyLink(name: lang.pick(b.name, b.nameEn), href: SiteURL.body(.value(b.id)).link(lang), members: nil,
                                isGroup: false, openGroup: false)
            }
            return BodyLink(name: LocalText(text: id, lang: "sv"), href: nil, members: nil, isGroup: false, openGroup: false)
        case nil:
            return BodyLink(name: LocalText(text: ref, lang: "sv"), href: nil, members: nil, isGroup: false, openGroup: false)
        }
    }
}

struct MeasureRow: Encodable, Sendable {
    let code: String
    let title: LocalText
    let href: String
    let reportTitle: LocalText?
    let leads: [BodyLink]
    let note: String?

    static func make(_ m: MeasureRecord, index: CatalogueIndex, lang: Lang, withReport: Bool = false, note: String? = nil) -> MeasureRow {
        let year = index.reportByID[m.report]?.year ?? 0
        let leads = ([m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? [])).map { BodyLink.make($0, index: index, year: year, lang: lang) }
        return MeasureRow(code: m.code, title: lang.pick(m.title, m.titleEn),
                          href: SiteURL.measure(.value(measureID(m))).link(lang),
                          reportTitle: withReport ? index.reportByID[m.report].map { LocalText(text: $0.title, lang: "sv") } : nil,
                          leads: leads, note: note)
    }
}

/// The public id of a measure, as in `/measures/{id}`.
func measureID(_ m: MeasureRecord) -> String { m.publicID }

/// A heading and the measures under it: a report's chapter, what a body leads, a strategy's
/// measures. Templates render every list of measures with the one partial `measure-table`.
struct MeasureTable: Encodable, Sendable {
    let heading: String
    let rows: [MeasureRow]
}

struct ReportRow: Encodable, Sendable {
    let title: String
    let subtitle: String?
    let year: Int
    let letter: String?
    let href: String
    let measureCount: Int
    let area: LocalText?

    static func make(_ r: ReportRecord, index: CatalogueIndex, lang: Lang) -> ReportRow {
        ReportRow(title: r.title, subtitle: r.subtitle, year: r.year, letter: r.letter,
                  href: SiteURL.report(.value(r.id)).link(lang), measureCount: index.measuresByReport[r.id]?.count ?? 0,
                  area: r.commissionArea.flatMap { index.commissionAreaByID[$0] }.map { lang.pick($0.name, $0.nameEn) })
    }
}

/// "2015-01-01 – 2019-12-31", "till 2019-12-31", "från 2020-01-01", or nil when open both ways.
func validityText(_ from: Day?, _ to: Day?, _ lang: Lang) -> String? {
    switch (from, to) {
    case let (f?, t?): return "\(f) – \(t)"
    case let (nil, t?): return "\(Strings.get("until", lang)) \(t)"
    case let (f?, nil): return "\(Strings.get("from", lang)) \(f)"
    case (nil, nil): return nil
    }
}
