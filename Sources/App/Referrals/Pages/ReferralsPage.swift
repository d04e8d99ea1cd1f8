import Foundation
import LeafKit
import SkillnadCore

/// Every referral round, newest first.
struct ReferralsPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let sender: String
        let senderLang: String
        let sentOn: String
        let deadline: String
        let reports: [String]
        let answered: String
        let open: Bool
    }
    let rows: [Row]
    /// Round and report titles are Swedish user content, marked so on English pages.
    let contentLang: String
    let newLink: String
    let calendarLink: String
    let searchLink: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, rounds: [(round: ReferralDocument.Round, id: UUID)],
        counts: [UUID: (final: Int, all: Int)]
    ) -> PageContext<ReferralsPage> {
        let s = Texts(lang)
        let now = today()
        let rows = rounds.map { r, id in
            let sender =
                index.bodyByID[r.sender].map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: r.sender, lang: "sv")
            return Row(
                title: r.title, href: SiteURL.Referrals.round(.value(r.id)).link(lang),
                sender: sender.text, senderLang: sender.lang,
                sentOn: r.sentOn.description, deadline: r.deadline.description,
                reports: r.reports.map { index.reportByID[$0]?.title ?? $0 },
                answered: Strings.fill(s[.answeredOf], "\(counts[id]?.final ?? 0)", "\(r.recipients.count)"),
                open: r.deadline >= now)
        }
        let meta = PageMeta.make(
            lang, title: s[.referrals], description: s[.referralsIntro], section: SiteURL.Referrals.list,
            route: SiteURL.Referrals.list)
        return PageContext(
            meta: meta, t: s,
            page: ReferralsPage(
                rows: rows, contentLang: "sv", newLink: SiteURL.Referrals.new.link(lang),
                calendarLink: SiteURL.Referrals.calendar.path, searchLink: SiteURL.Referrals.search.link(lang)))
    }
}
