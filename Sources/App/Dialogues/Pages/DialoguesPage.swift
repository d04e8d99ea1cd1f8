import Foundation
import SkillnadCore

/// The portal (dialogportalen): every dialogue, past and coming, filtered by area, topic,
/// status, method, organiser and time, with search, and links to the calendar and the feed for
/// the same selection.
struct DialoguesPage: Encodable, Sendable {
    struct Select: Encodable, Sendable {
        let name: String
        let label: String
        let hint: String?
        let options: [FormOption]
        /// Options in labelled groups after `options` (the areas by district area).
        var groups: [OptionGroup] = []
    }

    struct OptionGroup: Encodable, Sendable {
        let label: String
        let options: [FormOption]
    }

    let selects: [Select]
    let from: String
    let to: String
    let query: String
    let action: String
    let filtered: Bool
    let clearHref: String
    let count: String
    let items: [DialogueView.Item]
    let range: String?
    let previousHref: String?
    let nextHref: String?
    let calendarHref: String
    let feedHref: String
    let newHref: String
    /// "N dialogues have waited more than 8 weeks for feedback", with a link to them.
    let overdue: String?
    let overdueHref: String
    /// Where the listed dialogues are held, over the district areas; nil without shapes or places.
    let map: PlaceMap?

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, filters: DialogueQueries.Filters, rows: [DialogueQueries.Row],
        areasOf: [UUID: [String]], total: Int, topics: [(key: String, label: String)], organisers: [String],
        overdue: Int = 0, map: PlaceMap? = nil, today: Day, limit: Int,
        offset: Int
    ) -> PageContext<DialoguesPage> {
        let s = Texts(lang)
        let any = FormOption(value: "", label: s[.dlAny], selected: false)
        let selects = [
            Select(
                name: "area", label: s[.dlArea], hint: s[.dlAreaHint], options: [any],
                groups: areaGroups(index, lang, chosen: filters.area)),
            Select(
                name: "topic", label: s[.dlTopic], hint: nil,
                options: [any]
                    + topics.map { topic in
                        FormOption(
                            value: topic.key, label: topicLabel(topic.key, index, lang, tag: topic.label),
                            selected: topic.key == filters.topic, lang: lang == .en ? "sv" : nil)
                    }),
            Select(
                name: "status", label: s[.dlStatus], hint: nil,
                options: [any]
                    + DialogueStatus.allCases.map {
                        FormOption(value: $0.rawValue, label: s.label($0), selected: $0 == filters.status)
                    }),
            Select(
                name: "method", label: s[.dlMethod], hint: nil,
                options: [any]
                    + DialogueMethod.allCases.map {
                        FormOption(value: $0.rawValue, label: s.label($0), selected: $0 == filters.method)
                    }),
            Select(
                name: "organiser", label: s[.dlOrganiser], hint: nil,
                options: [any]
                    + organisers.map { body in
                        let name = DialogueView.body(body, index, lang).text
                        return FormOption(
                            value: body, label: name.text, selected: body == filters.organiser,
                            lang: name.lang == lang.rawValue ? nil : name.lang)
                    }),
        ]
        let shown = rows.map { row in
            DialogueView.item(row, areas: areasOf[row.id] ?? [], index, lang, today: today)
        }
        let query = filters.queryItems
        func page(_ start: Int) -> String {
            SiteURL.Dialogues.list.link(lang, query: query + [("offset", String(start)), ("limit", String(limit))])
        }
        let feedQuery = query.filter { $0.0 == "area" || $0.0 == "organiser" }
        let dialoguesPage = DialoguesPage(
            selects: selects, from: filters.from?.description ?? "", to: filters.to?.description ?? "",
            query: filters.query ?? "", action: SiteURL.Dialogues.list.path, filtered: !filters.isEmpty,
            clearHref: SiteURL.Dialogues.list.link(lang),
            count: Strings.fill(s[.dlCount], NumberText.plain(Double(total), decimals: 0, lang)), items: shown,
            range: total > limit || offset > 0
                ? Strings.fill(
                    s[.dlShowing], String(min(offset + 1, total)), String(min(offset + rows.count, total)),
                    String(total))
                : nil,
            previousHref: offset > 0 ? page(max(0, offset - limit)) : nil,
            nextHref: offset + limit < total ? page(offset + limit) : nil,
            calendarHref: SiteURL.Dialogues.calendar.link(.sv, query: feedQuery),
            feedHref: SiteURL.Dialogues.feed.link(lang, query: feedQuery), newHref: SiteURL.Dialogues.new.link(lang),
            overdue: overdue > 0
                ? Strings.fill(s[.dlOverdue], String(overdue), String(DialogueFatigue.defaultFeedbackWeeks)) : nil,
            overdueHref: SiteURL.Dialogues.list.link(
                lang, query: query.filter { $0.0 != "status" } + [("status", DialogueStatus.awaitingFeedback.rawValue)]),
            map: map)
        let meta = PageMeta.make(
            lang, title: s[.dialogues], description: s[.dlDescription], section: SiteURL.Dialogues.list,
            route: SiteURL.Dialogues.list, query: query)
        return PageContext(meta: meta, t: s, page: dialoguesPage)
    }

    /// A topic key as the reader knows it: the measure's code and title, the strategy's or target
    /// area's name, or the tag.
    static func topicLabel(_ topic: String, _ index: CatalogueIndex, _ lang: Lang, tag: String? = nil) -> String {
        let parts = topic.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return topic }
        let (kind, id) = (parts[0], parts[1])
        switch kind {
        case "measure":
            guard let measure = index.measureByPublicID[id] else { return id }
            let report = index.reportByID[measure.report].map { "\($0.title) " } ?? ""
            return "\(report)\(measure.code) \(lang.pick(measure.title, measure.titleEn).text)"
        case "strategy":
            return index.strategyByID[id].map { lang.pick($0.strategy.title, $0.strategy.titleEn).text } ?? id
        case "target":
            let target = index.document.roadmap?.targetAreas.first { $0.id == id }
            return target.map { lang.pick($0.name, $0.nameEn).text } ?? id
        default:
            return "#" + (tag ?? id)
        }
    }

    /// The areas a resident looks for, for a select: the city, then each district area with its
    /// districts in a labelled group (names repeat between the levels, and areas that are gone
    /// keep their name).
    static func areaGroups(_ index: CatalogueIndex, _ lang: Lang, chosen: String?) -> [OptionGroup] {
        func option(_ area: AreaRecord, suffix: String = "") -> FormOption {
            FormOption(
                value: area.id, label: lang.pick(area.name, area.nameEn).text + suffix, selected: area.id == chosen,
                lang: lang == .en && area.nameEn == nil ? "sv" : nil)
        }
        let s = Texts(lang)
        let byName = { (a: AreaRecord, b: AreaRecord) in a.name.localizedStandardCompare(b.name) == .orderedAscending }
        let cities = index.document.areas.filter { $0.kind == .city }
        var groups = [OptionGroup(label: s[.dlCity], options: cities.map { option($0) })]
        for districtArea in index.document.areas.filter({ $0.kind == .districtArea }).sorted(by: byName) {
            let districts = (index.childAreas[districtArea.id] ?? []).filter { $0.kind == .district }.sorted(by: byName)
            groups.append(
                OptionGroup(
                    label: lang.pick(districtArea.name, districtArea.nameEn).text,
                    options: [option(districtArea, suffix: " – " + s[.dlWholeDistrictArea])]
                        + districts.map { option($0) }))
        }
        return groups
    }
}
