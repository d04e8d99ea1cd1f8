import Foundation
import SkillnadCore

/// Search across the answers and statements of every round: a form, and the sentence of each
/// hit with the words marked, linked to its answer.
struct AnswerSearchPage: Encodable, Sendable {
    struct Piece: Encodable, Sendable {
        let text: String
        let marked: Bool
    }
    struct Hit: Encodable, Sendable {
        let href: String
        let roundTitle: String
        let body: String
        let bodyLang: String
        let status: String
        let place: String
        let sentence: [Piece]
    }

    let action: String
    let query: String
    let searched: Bool
    let summary: String
    let hits: [Hit]
    let includesDrafts: Bool

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, query: String, hits: [AnswerSearch.Hit], drafts: Bool
    ) -> PageContext<AnswerSearchPage> {
        let texts = Texts(lang)
        let rows = hits.map { hit in
            let body =
                localBodyName(hit.body, index, lang)
            return Hit(
                href: SiteURL.Referrals.answer(.value(hit.round), .value(hit.body)).link(lang),
                roundTitle: hit.roundTitle, body: body.text, bodyLang: body.lang,
                status: texts.publicAnswerStatus(hit.status) ?? hit.status,
                place: place(hit, texts: texts, index: index),
                sentence: AnswerSearch.sentence(hit.text, query: query).map { Piece(text: $0.text, marked: $0.marked) })
        }
        let searched = !query.trimmingCharacters(in: .whitespaces).isEmpty
        let summary =
            hits.count >= AnswerSearch.maxHits
            ? Strings.fill(texts[.answerSearchFirst], "\(AnswerSearch.maxHits)")
            : texts.count(hits.count, StatementReviewText.hitOne, StatementReviewText.hitMany)
        let route = SiteURL.Referrals.search
        let meta = PageMeta.make(
            lang, title: searched ? "\(texts[.answerSearch]): \(query)" : texts[.answerSearch],
            description: texts[.answerSearchIntro], section: SiteURL.Referrals.list, route: route,
            crumbs: [(texts[.referrals], SiteURL.Referrals.list)])
        return PageContext(
            meta: meta, t: texts,
            page: AnswerSearchPage(
                action: route.path, query: query, searched: searched, summary: summary, hits: rows,
                includesDrafts: drafts))
    }

    /// Where in the answer the paragraph stands: "Ställningstagande till A.2.3.1", "Fråga 2", …
    static func place(_ hit: AnswerSearch.Hit, texts: Texts, index: CatalogueIndex) -> String {
        let code = hit.measure.flatMap { index.measureByPublicID[$0]?.code } ?? hit.measure ?? ""
        switch hit.kind {
        case .summary: return texts[.summaryLabel]
        case .decision: return texts[.proposedDecision]
        case .question: return Strings.fill(texts[.questionNumber], hit.measure ?? "")
        case .challenge: return texts[.furtherChallenges]
        case .decline: return texts[.declineReason]
        case .position: return "\(texts[.position]) \(code)"
        case .prerequisite: return "\(texts[.prerequisites]) \(code)"
        case .statement: return texts[.statementPlace]
        }
    }
}
