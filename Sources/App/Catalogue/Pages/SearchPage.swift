import SkillnadCore
import Vapor

/// Search results over everything, one list grouped by kind: a heading and a count per kind
/// ("Områden · 2 träffar"), areas first since most people look for their own.
struct SearchPage: Encodable, Sendable {
    struct Hit: Encodable, Sendable {
        let title: LocalText
        let href: String
        let detail: String?
    }

    /// The hits of one kind under its heading.
    struct Group: Encodable, Sendable {
        let id: String
        let heading: String
        let count: String
        let hits: [Hit]
        /// Measures show as a table with code and lead body (one table or none).
        let tables: [MeasureTable]
    }

    let query: String
    let hasQuery: Bool
    let total: Int
    let totalText: String
    let groups: [Group]
    /// The kind the search is restricted to (`?kind=area`), kept in the form.
    let kind: String?
    let kindNotice: String?
    let everythingHref: String?

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, query: String, kind: SearchKind? = nil, results: SearchResults
    ) -> PageContext<SearchPage> {
        let texts = Texts(lang)
        var groups: [Group] = []
        func add(_ kind: SearchKind, _ hits: [Hit], measures: MeasureTable? = nil) {
            let count = measures?.rows.count ?? hits.count
            guard count > 0 else { return }
            groups.append(
                Group(
                    id: "h-" + kind.rawValue, heading: heading(of: kind, texts),
                    count: texts.count(count, CatalogueText.hit, CatalogueText.hits),
                    hits: hits, tables: measures.map { [$0] } ?? []))
        }
        add(
            .area,
            results.areas.map { area in
                Hit(
                    title: lang.pick(area.name, area.nameEn), href: SiteURL.Catalogue.area(.value(area.id)).link(lang),
                    detail: areaDetail(area, index: index, texts: texts))
            })
        add(
            .indicator,
            results.indicators.map { hit in
                Hit(
                    title: lang.pick(hit.name, hit.nameEn),
                    href: SiteURL.Indicators.indicator(.value(hit.code)).link(lang), detail: nil)
            })
        add(
            .body,
            results.bodies.compactMap { index.bodyByID[$0] }.map { body in
                Hit(
                    title: lang.pick(body.name, body.nameEn), href: SiteURL.Catalogue.body(.value(body.id)).link(lang),
                    detail: texts.label(body.kind))
            })
        add(
            .report,
            results.reports.compactMap { index.reportByID[$0] }.map { report in
                Hit(
                    title: LocalText(
                        text: report.subtitle.map { "\(report.title) – \($0)" } ?? report.title, lang: "sv"),
                    href: SiteURL.Catalogue.report(.value(report.id)).link(lang), detail: String(report.year))
            })
        let measureRows = results.measures.map { MeasureRow.make($0, index: index, lang: lang, withReport: true) }
        add(.measure, [], measures: MeasureTable(heading: texts[.measures], rows: measureRows))
        add(
            .answer,
            results.answers.map { hit in
                Hit(
                    title: lang.pick(bodyName(hit.body, index, .sv), index.bodyByID[hit.body]?.nameEn),
                    href: SiteURL.Referrals.answer(.value(hit.round), .value(hit.body)).link(lang),
                    detail: [hit.roundTitle, hit.submittedOn].compactMap { $0 }.joined(separator: " · "))
            })
        let total = groups.reduce(0) { $0 + $1.hits.count + $1.tables.reduce(0) { $0 + $1.rows.count } }
        let kindNotice = kind.map { Strings.fill(texts[.searchOnly], heading(of: $0, texts)) }
        var everything = SiteURL.search.link(lang)
        if kind != nil {
            everything += (everything.contains("?") ? "&" : "?") + "q=" + SiteURL.encode(query)
        }
        let page = SearchPage(
            query: query, hasQuery: !query.isEmpty, total: total,
            totalText: texts.count(total, CatalogueText.hit, CatalogueText.hits),
            groups: groups, kind: kind?.rawValue, kindNotice: kindNotice,
            everythingHref: kind == nil ? nil : everything)
        let title = query.isEmpty ? texts[.search] : "\(texts[.searchResults]): \(query)"
        var parameters = query.isEmpty ? [] : [("q", query)]
        if let kind { parameters.append(("kind", kind.rawValue)) }
        let meta = PageMeta.make(
            lang, title: title, description: texts[.searchEverythingLabel], section: SiteURL.search,
            route: SiteURL.search,
            query: parameters, searchQuery: query)
        return PageContext(meta: meta, t: texts, page: page)
    }

    /// The heading of a kind's group of hits.
    static func heading(of kind: SearchKind, _ texts: Texts) -> String {
        switch kind {
        case .area: texts[.searchAreas]
        case .indicator: texts[.searchIndicators]
        case .body: texts[.bodies]
        case .report: texts[.reports]
        case .measure: texts[.measures]
        case .answer: texts[.searchAnswers]
        }
    }

    /// "stadsdel i Rinkeby-Kista": the kind of an area and the district area it lies in.
    static func areaDetail(_ area: AreaRecord, index: CatalogueIndex, texts: Texts) -> String {
        guard let districtArea = DistrictCouncil.districtArea(of: area, in: index), districtArea.id != area.id else {
            return texts.label(area.kind)
        }
        return texts.label(area.kind) + ", " + districtArea.name
    }
}

/// What a search found, best first, per kind.
struct SearchResults: Sendable {
    var areas: [AreaRecord] = []
    var indicators: [Search.IndicatorHit] = []
    var reports: [String] = []
    var measures: [MeasureRecord] = []
    var bodies: [String] = []
    var answers: [Search.AnswerHit] = []
}
