import Foundation
import SkillnadCore

/// Whom the dialogues reach (★ of issue 15): dialogues and participants per 1,000 residents in
/// the districts of each group (by default Statistics Sweden's socioeconomic area types), the gap
/// between the groups with the disparity measures Skillnad has, and the same year by year. The
/// table is the chart's text alternative.
struct DialogueReachPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let label: LocalText
        let areas: String
        let population: String
        let dialogues: String
        let dialoguesPer1000: String
        let participants: String
        let participantsPer1000: String
        /// The bar's length, 0–100, of the dialogues per 1,000.
        let bar: String
    }

    struct Measure: Encodable, Sendable {
        let label: String
        let dialogues: String
        let participants: String
    }

    struct YearRow: Encodable, Sendable {
        let year: String
        let cells: [String]
    }

    let action: String
    let fromYear: String
    let toYear: String
    let indicators: [FormOption]
    let hasIndicator: Bool
    let summary: String?
    let rows: [Row]
    let total: Row?
    let measures: [Measure]
    let leftOut: String?
    let yearHeadings: [LocalText]
    let years: [YearRow]
    let listHref: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, result: DialogueReachQuery.Result, indicators: [IndicatorInfo]
    ) -> PageContext<DialogueReachPage> {
        let s = Texts(lang)
        func number(_ value: Double?, decimals: Int = 1) -> String {
            value.map { NumberText.plain($0, decimals: decimals, lang) } ?? "–"
        }
        let definition = result.indicator?.definition
        func label(_ value: Double) -> LocalText {
            if let cls = definition?.classes?.first(where: { Double($0.value) == value }) {
                return lang.pick("\(cls.value) \(cls.label)", cls.labelEn.map { "\(cls.value) \($0)" })
            }
            return LocalText(text: number(value, decimals: 0), lang: lang.rawValue)
        }
        let reach = result.reach
        let longest = max(reach.classes.map(\.rates.dialoguesPer1000).max() ?? 0, 1e-9)
        func row(_ text: LocalText, areas: Int?, _ rates: DialogueReach.Rates) -> Row {
            Row(
                label: text, areas: areas.map { number(Double($0), decimals: 0) } ?? "",
                population: number(rates.population, decimals: 0),
                dialogues: number(Double(rates.dialogues), decimals: 0),
                dialoguesPer1000: number(rates.dialoguesPer1000, decimals: 2),
                participants: number(Double(rates.participants), decimals: 0),
                participantsPer1000: number(rates.participantsPer1000, decimals: 1),
                bar: String(format: "%.1f", min(100, rates.dialoguesPer1000 / longest * 100)))
        }
        let rows = reach.classes.map { row(label($0.value), areas: $0.areaCount, $0.rates) }
        var summary: String?
        if let worst = reach.classes.first, let best = reach.classes.last, reach.classes.count > 1 {
            summary = Strings.fill(
                s[.dlReachSummary], String(result.fromYear), String(result.toYear),
                number(worst.rates.dialoguesPer1000, decimals: 2), number(best.rates.dialoguesPer1000, decimals: 2))
        }
        let measures = [
            Measure(
                label: s[.dlReachRatio], dialogues: number(reach.dialogues.bestOffToWorstOff, decimals: 2),
                participants: number(reach.participants.bestOffToWorstOff, decimals: 2)),
            Measure(
                label: s[.dlReachSlope],
                dialogues: number(reach.dialogues.areas.slopeIndexOfInequality?.value, decimals: 2),
                participants: number(reach.participants.areas.slopeIndexOfInequality?.value, decimals: 2)),
            Measure(
                label: s[.dlReachRelative],
                dialogues: number(reach.dialogues.areas.relativeIndexOfInequality?.value, decimals: 2),
                participants: number(reach.participants.areas.relativeIndexOfInequality?.value, decimals: 2)),
        ]
        let classValues = reach.classes.map(\.value)
        let years = result.years.map { year in
            YearRow(
                year: String(year.year),
                cells: classValues.map { value in
                    number(year.reach.classes.first { $0.value == value }?.rates.dialoguesPer1000, decimals: 2)
                } + [number(year.reach.total?.dialoguesPer1000, decimals: 2)])
        }
        let page = DialogueReachPage(
            action: SiteURL.Dialogues.reach.path, fromYear: String(result.fromYear), toYear: String(result.toYear),
            indicators: indicators.map { $0.option(selected: result.indicator?.code, lang) },
            hasIndicator: result.indicator != nil, summary: summary, rows: rows,
            total: reach.total.map { row(LocalText(text: s[.dlReachTotal], lang: lang.rawValue), areas: nil, $0) },
            measures: measures,
            leftOut: reach.leftOut.isEmpty ? nil : Strings.fill(s[.dlReachLeftOut], String(reach.leftOut.count)),
            yearHeadings: classValues.map(label) + [LocalText(text: s[.dlReachTotal], lang: lang.rawValue)],
            years: years, listHref: SiteURL.Dialogues.list.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.dlReach], description: s[.dlReachIntro], section: SiteURL.Dialogues.list,
            route: SiteURL.Dialogues.reach, crumbs: [(s[.dialogues], SiteURL.Dialogues.list)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
