import Foundation
import SkillnadCore

/// The pieces every follow-up page shows the same way: names of bodies, measures and periods in
/// the reader's language, percentages, amounts, a status, a roll-up row.
enum FollowUpView {
    static func body(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> LocalText {
        localBodyName(id, index, lang)
    }

    static func bodyHref(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> String? {
        index.bodyByID[id] == nil ? nil : SiteURL.Catalogue.body(.value(id)).link(lang)
    }

    static func period(_ period: FollowUpQueries.Period, _ lang: Lang) -> LocalText {
        lang.pick(period.name, period.nameEn)
    }

    /// `62 %` or `62%`; a dash where there is nothing to weigh.
    static func percent(_ value: Int?, _ lang: Lang) -> String {
        guard let value else { return "–" }
        return lang == .sv ? "\(value)\u{00A0}%" : "\(value)%"
    }

    static func amount(_ value: SwedishAmount?, _ lang: Lang) -> String {
        value?.formatted(english: lang == .en) ?? "–"
    }

    /// The first words of a narrative, cut at a word boundary.
    static func excerpt(_ text: String?, limit: Int = 220) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }

    /// A measure as a link with its code and title.
    struct MeasureRef: Encodable, Sendable {
        let id: String
        let code: String
        let title: LocalText
        let href: String

        static func make(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> MeasureRef {
            guard let m = index.measureByPublicID[id] else {
                return MeasureRef(id: id, code: id, title: LocalText(text: "", lang: "sv"), href: "")
            }
            return MeasureRef(
                id: id, code: m.code, title: lang.pick(m.title, m.titleEn),
                href: SiteURL.Catalogue.measure(.value(id)).link(lang))
        }
    }

    struct BodyRef: Encodable, Sendable {
        let id: String
        let name: LocalText
        let href: String?
        /// The body's follow-up page.
        let followUpHref: String

        static func make(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> BodyRef {
            BodyRef(
                id: id, name: body(id, index, lang), href: bodyHref(id, index, lang),
                followUpHref: SiteURL.FollowUp.body(.value(id)).link(lang))
        }
    }

    /// A status as the pages show it: its label and a class for its colour.
    struct Status: Encodable, Sendable {
        let label: String
        let cls: String

        static func make(_ status: FollowUpStatus, _ s: Texts) -> Status {
            Status(label: s.label(status), cls: "fu-" + status.rawValue)
        }
    }

    /// One line of a roll-up table: progress and how many assignments stand where.
    struct RollupRow: Encodable, Sendable {
        let label: LocalText
        let href: String?
        let progress: String
        /// In `FollowUpStatus.allCases` order.
        let counts: [String]
        let unreported: String
        let assignments: String

        static func make(
            _ label: LocalText, href: String? = nil, _ rollup: FollowUpQueries.Rollup, _ lang: Lang
        ) -> RollupRow {
            RollupRow(
                label: label, href: href, progress: percent(rollup.rollup.percent, lang),
                counts: FollowUpStatus.allCases.map { String(rollup.rollup.counts[$0] ?? 0) },
                unreported: String(rollup.unreported), assignments: String(rollup.assignments))
        }
    }

    /// A roll-up table: its heading, its id (for `aria-labelledby`) and its rows.
    struct RollupTable: Encodable, Sendable {
        let id: String
        let heading: String
        let rows: [RollupRow]
    }

    /// The column headings of a roll-up table.
    static func rollupHeaders(_ s: Texts) -> [String] {
        FollowUpStatus.allCases.map { s.label($0) }
    }

    /// A select's option.
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let lang: String
        let selected: Bool
    }
}
