import Foundation
import NIOConcurrencyHelpers
import SkillnadCore

/// The public register (föreningsregistret): without a district, every district's register with
/// how many associations it counts; with one, its associations as a table, filterable by age,
/// language and words, with a map of their activities whose text alternative is the table.
struct RegisterPage: Encodable, Sendable {
    struct DistrictRow: Encodable, Sendable {
        let name: String
        let lang: String
        let href: String
        let count: String
    }

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let activities: [ActivityText]
    }

    struct ActivityText: Encodable, Sendable {
        let name: String
        let ages: String?
        let languages: String?
        let place: String?
        let schedule: String?
    }

    let title: String
    let action: String
    let intro: String
    let district: String?
    let districts: [DistrictRow]
    let districtOptions: [FormOption]
    let languageOptions: [FormOption]
    let age: String
    let q: String
    let filtered: Bool
    let summary: String
    let rows: [Row]
    let map: PlaceMap?
    /// "Visar 1–50 av 346", and the neighbouring pages, when the list has more than one page.
    let range: String?
    let previousHref: String?
    let nextHref: String?
    let csvHref: String
    let apiHref: String
    let joinHref: String?
    let mineHref: String?
    let queueHref: String?

    /// Every district's register, with how many associations it counts.
    static func overview(
        counts: [String: Int], total: Int, index: CatalogueIndex, lang: Lang, principal: Principal?
    )
        -> RegisterPage
    {
        let s = Texts(lang)
        let districts = RegisterPages.districts(index, lang: lang)
        let rows = districts.map { area in
            let name = lang.pick(area.name, area.nameEn)
            return DistrictRow(
                name: name.text, lang: name.lang,
                href: SiteURL.Associations.list.link(lang, query: [("district", area.id)]),
                count: s.count(counts[area.id] ?? 0, AssociationText.asAssociation, .asAssociationsCount))
        }
        return RegisterPage(
            title: s[.associations], action: SiteURL.Associations.list.path, intro: s[.asIntro], district: nil,
            districts: rows,
            districtOptions: options(districts, selected: nil, lang: lang), languageOptions: [], age: "", q: "",
            filtered: false,
            summary: Strings.fill(
                s[.asOverviewSummary], s.count(total, AssociationText.asAssociation, .asAssociationsCount)),
            rows: [], map: nil, range: nil, previousHref: nil, nextHref: nil,
            csvHref: SiteURL.Associations.csv.link(lang),
            apiHref: APIURL.Associations.list.path, joinHref: joinLink(principal, lang),
            mineHref: mineLink(principal, lang), queueHref: queueLink(principal, lang))
    }

    /// One district's register.
    static func district(
        _ district: String, associations: [AssociationStore.Listed], total: Int, languages: [String], paging: Paging,
        filter: RegisterPages.Filter, index: CatalogueIndex, base: PlaceMap.Base?, lang: Lang, principal: Principal?
    ) -> RegisterPage {
        let s = Texts(lang)
        let area = index.areaByID[district]
        let areaName = area.map { lang.pick($0.name, $0.nameEn).text } ?? district
        var points: [PlaceMap.Point] = []
        let rows = associations.map { listed -> Row in
            let href = SiteURL.Associations.association(.value(listed.slug)).link(lang)
            let shown = filter.activities(listed.activities)
            for activity in shown {
                guard let latitude = activity.latitude, let longitude = activity.longitude else { continue }
                let label = activity.place.isEmpty ? activity.name : "\(activity.name), \(activity.place)"
                points.append(
                    PlaceMap.Point(
                        href: href, label: "\(listed.name): \(label)", lang: "sv", latitude: latitude,
                        longitude: longitude))
            }
            return Row(name: listed.name, href: href, activities: shown.map { describe($0, s, lang: lang) })
        }
        let filtered = filter.age != nil || filter.language != nil || !filter.terms.isEmpty
        let count = s.count(total, AssociationText.asAssociation, .asAssociationsCount)
        let map = PlaceMap.make(
            points, base: base, id: "as-map", title: Strings.fill(s[.asMapTitle], areaName),
            describe: { Strings.fill(s[.asMapDesc], $0) }, offMap: { Strings.fill(s[.asMapOffMap], $0) },
            count: { s.count($0, AssociationText.asMapPlace, .asMapPlaces) })
        let query: [(String, String)] = [("district", district)]
        var filters = query
        if let age = filter.age { filters.append(("age", String(age))) }
        if let language = filter.language { filters.append(("language", language)) }
        if !filter.words.isEmpty { filters.append(("q", filter.words)) }
        func page(_ start: Int) -> String {
            SiteURL.Associations.list.link(
                lang, query: filters + [("offset", String(start)), ("limit", String(paging.limit))])
        }
        let (offset, limit) = (paging.offset, paging.limit)
        return RegisterPage(
            title: Strings.fill(s[.asDistrictTitle], areaName), action: SiteURL.Associations.list.path,
            intro: s[.asDistrictIntro], district: district,
            districts: [],
            districtOptions: options(RegisterPages.districts(index, lang: lang), selected: district, lang: lang),
            languageOptions: languages.map {
                FormOption(value: $0, label: languageName($0, lang: lang), selected: $0 == filter.language)
            },
            age: filter.age.map(String.init) ?? "", q: filter.words, filtered: filtered,
            summary: Strings.fill(s[filtered ? .asFilteredSummary : .asDistrictSummary], count, areaName), rows: rows,
            map: map,
            range: total > limit || offset > 0
                ? Strings.fill(
                    s[.asShowing], String(min(offset + 1, total)), String(min(offset + rows.count, total)),
                    String(total))
                : nil,
            previousHref: offset > 0 ? page(max(0, offset - limit)) : nil,
            nextHref: offset + limit < total ? page(offset + limit) : nil,
            csvHref: SiteURL.Associations.csv.link(lang, query: query),
            apiHref: APIURL.Associations.list.path + "?district=" + SiteURL.encode(district),
            joinHref: joinLink(principal, lang), mineHref: mineLink(principal, lang),
            queueHref: queueLink(principal, lang))
    }

    static func describe(_ activity: AssociationEntry.Activity, _ s: Texts, lang: Lang) -> ActivityText {
        ActivityText(
            name: activity.name, ages: ages(activity, s),
            languages: activity.languages.isEmpty
                ? nil : activity.languages.map { languageName($0, lang: lang) }.joined(separator: ", "),
            place: [activity.place, activity.address].filter { !$0.isEmpty }.joined(separator: ", ").nilIfEmpty,
            schedule: activity.schedule.nilIfEmpty)
    }

    /// "10–15 år", "från 65 år", "upp till 12 år", or nil for every age.
    static func ages(_ activity: AssociationEntry.Activity, _ s: Texts) -> String? {
        switch (activity.minimumAge, activity.maximumAge) {
        case (let low?, let high?): return Strings.fill(s[.asAgesBetween], String(low), String(high))
        case (let low?, nil): return Strings.fill(s[.asAgesFrom], String(low))
        case (nil, let high?): return Strings.fill(s[.asAgesUpTo], String(high))
        case (nil, nil): return nil
        }
    }

    /// A language's name in the page's language ("somaliska", "Somali"), from its ISO 639-1 code;
    /// looked up once per language and code, as a list names the same few hundreds of times.
    static func languageName(_ code: String, lang: Lang) -> String {
        let key = lang.rawValue + " " + code
        if let known = languageNames.withLockedValue({ $0[key] }) { return known }
        let name = Locale(identifier: lang.rawValue).localizedString(forLanguageCode: code) ?? code
        languageNames.withLockedValue { names in
            if names.count < 2_000 { names[key] = name }
        }
        return name
    }

    private static let languageNames = NIOLockedValueBox([String: String]())

    static func options(_ districts: [AreaRecord], selected: String?, lang: Lang) -> [FormOption] {
        districts.map {
            let name = lang.pick($0.name, $0.nameEn)
            return FormOption(value: $0.id, label: name.text, selected: $0.id == selected, lang: name.lang)
        }
    }

    static func joinLink(_ principal: Principal?, _ lang: Lang) -> String? {
        principal == nil ? SiteURL.Associations.join.link(lang) : nil
    }

    static func mineLink(_ principal: Principal?, _ lang: Lang) -> String? {
        principal?.role == .association ? SiteURL.Associations.mine.link(lang) : nil
    }

    static func queueLink(_ principal: Principal?, _ lang: Lang) -> String? {
        guard let principal, principal.isAdmin || principal.role == .editor else { return nil }
        return SiteURL.Associations.queue.link(lang)
    }
}

extension String {
    /// Nil for the empty string, for optional fields a template leaves out.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
