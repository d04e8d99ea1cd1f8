import Foundation
import SkillnadCore

/// The form that reads a statement into a body's answer.
struct StatementUploadPage: Encodable, Sendable {
    let roundTitle: String
    let body: String
    let bodyLang: String
    let action: String
    let answerLink: String
    let csrf: String
    let error: String?

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, data: LoadedRound, body: String, problem: StatementProblem?,
        csrf: String
    ) -> PageContext<StatementUploadPage> {
        let texts = Texts(lang)
        let name = localBodyName(body, index, lang)
        let answer = SiteURL.Referrals.answer(.value(data.round.id), .value(body))
        let route = SiteURL.Referrals.statementUpload(.value(data.round.id), .value(body))
        let page = StatementUploadPage(
            roundTitle: data.round.title, body: name.text, bodyLang: name.lang, action: route.link(lang),
            answerLink: answer.link(lang), csrf: csrf, error: problem.map { $0.text(texts) })
        let meta = PageMeta.make(
            lang, title: texts[.statementRead] + ": \(name.text)", description: texts[.statementReadIntro],
            section: SiteURL.Referrals.list, route: route,
            crumbs: [
                (texts[.referrals], SiteURL.Referrals.list),
                (data.round.title, SiteURL.Referrals.round(.value(data.round.id))), (name.text, answer),
            ])
        return PageContext(meta: meta, t: texts, page: page)
    }
}
