import Foundation
import LeafKit
import SkillnadCore

/// One round: what was sent to whom, the deadlines, and where each body's answer is.
struct ReferralPage: Encodable, Sendable {
    struct Recipient: Encodable, Sendable {
        let name: String
        let nameLang: String
        let href: String
        let scope: [ScopePart]
        let status: String
        let statusClass: String
        let late: Bool
        let missing: String?
    }
    /// What a body is asked: "hela rapporten: Dold potential"; report titles are Swedish.
    struct ScopePart: Encodable, Sendable {
        let label: String
        let items: String
        let lang: String
    }
    struct Deadline: Encodable, Sendable {
        let deadline: String
        let changed: String
        let reason: String?
    }
    let title: String
    /// Round titles, report titles, questions and notes are Swedish user content, marked so on English pages.
    let contentLang: String
    let sender: String
    let senderLang: String
    let senderDiaryNumber: String?
    let sentOn: String
    let deadline: String
    let reports: [Link]
    let questions: [String]
    let deadlines: [Deadline]
    let recipients: [Recipient]
    let compilationLink: String
    let editLink: String
    /// The editors' note on the round's source (källa och anmärkning), a paragraph per blank line.
    let note: [String]
    let hasNote: Bool
    let counts: [Count]

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }
    struct Count: Encodable, Sendable {
        let label: String
        let value: Int
    }

    /// A recipient's status as the public sees it: submitted, declined, pending (a draft or a
    /// decision not yet sent) or none.
    static func publicStatus(_ st: Compilation.RecipientStatus) -> String {
        guard let status = st.status else { return "none" }
        return status.isFinal ? status.rawValue : "pending"
    }

    /// A note's paragraphs: separated by blank lines, empty ones dropped.
    static func paragraphs(_ note: String?) -> [String] {
        (note ?? "").components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: LoadedRound) -> PageContext<ReferralPage> {
        let s = Texts(lang)
        let r = data.round
        let compilation = data.compilation(index, today: today())
        func code(_ id: String) -> String { index.measureByPublicID[id]?.code ?? id }
        func reportTitle(_ id: String) -> String { index.reportByID[id]?.title ?? id }
        let recipients = zip(r.recipients, compilation.recipients).map { scope, st -> Recipient in
            var parts: [ScopePart] = []
            if !scope.commentReports.isEmpty {
                let titles: [String] = scope.commentReports.map(reportTitle)
                parts.append(ScopePart(label: s[.scopeReports], items: titles.joined(separator: ", "), lang: "sv"))
            }
            if !scope.required.isEmpty {
                parts.append(
                    ScopePart(
                        label: s[.scopeRequired], items: scope.required.map(code).joined(separator: ", "),
                        lang: lang.rawValue))
            }
            if !scope.invited.isEmpty {
                parts.append(
                    ScopePart(
                        label: s[.scopeInvited], items: scope.invited.map(code).joined(separator: ", "),
                        lang: lang.rawValue))
            }
            // The page is public: an answer not yet submitted or declined is "pending", as in the API.
            let status =
                st.answeredBy.map { Strings.fill(s[.answeredJointly], bodyName($0, index, lang)) }
                ?? s.publicAnswerStatus(publicStatus(st)) ?? ""
            let name = localBodyName(scope.body, index, lang)
            return Recipient(
                name: name.text, nameLang: name.lang,
                href: SiteURL.Referrals.answer(.value(r.id), .value(scope.body)).link(lang),
                scope: parts, status: status,
                statusClass: st.answeredBy != nil ? "submitted" : publicStatus(st), late: st.late,
                missing: st.missingRequired.isEmpty || st.status == nil
                    ? nil
                    : s[.missingRequired] + ": " + st.missingRequired.map(code).joined(separator: ", "))
        }
        let byStatus = Dictionary(grouping: compilation.recipients) {
            $0.answeredBy != nil ? "submitted" : publicStatus($0)
        }
        let counts =
            ["submitted", "declined", "pending", "none"].map {
                Count(label: s.publicAnswerStatus($0) ?? $0, value: byStatus[$0]?.count ?? 0)
            }
            + [Count(label: s[.late], value: compilation.recipients.filter(\.late).count)]
        let sender = localBodyName(r.sender, index, lang)
        let page = ReferralPage(
            title: r.title, contentLang: "sv", sender: sender.text, senderLang: sender.lang,
            senderDiaryNumber: r.senderDiaryNumber,
            sentOn: r.sentOn.description,
            deadline: r.deadline.description,
            reports: r.reports.map { id in
                Link(label: index.reportByID[id]?.title ?? id, href: SiteURL.Catalogue.report(.value(id)).link(lang))
            },
            questions: r.questions,
            deadlines: data.deadlines.map {
                Deadline(deadline: $0.deadline, changed: "\(day($0.changedAt)) (\($0.changedBy))", reason: $0.reason)
            },
            recipients: recipients, compilationLink: SiteURL.Referrals.compilation(.value(r.id)).link(lang),
            editLink: SiteURL.Referrals.edit(.value(r.id)).link(lang), note: paragraphs(r.note),
            hasNote: !paragraphs(r.note).isEmpty, counts: counts)
        let meta = PageMeta.make(
            lang, title: r.title, description: r.title, section: SiteURL.Referrals.list,
            route: SiteURL.Referrals.round(.value(r.id)),
            crumbs: [(s[.referrals], SiteURL.Referrals.list)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
