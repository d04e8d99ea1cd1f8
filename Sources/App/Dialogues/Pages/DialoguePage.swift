import Foundation
import SkillnadCore

/// One dialogue as residents and officials read it: what was asked and why, when and where,
/// for whom (the target-group analysis), what came out and what it led to, and the feedback
/// ("we asked, you said, we did").
struct DialoguePage: Encodable, Sendable {
    struct Session: Encodable, Sendable {
        let start: String
        let end: String?
        let place: String?
        let address: String?
    }

    struct Count: Encodable, Sendable {
        let group: String
        let count: String
    }

    struct Result: Encodable, Sendable {
        let kind: String
        let text: LocalText
        let href: String?
    }

    struct Feedback: Encodable, Sendable {
        let date: String
        let channel: String
        let text: String
    }

    struct Document: Encodable, Sendable {
        let text: String
        /// Only web addresses are links.
        let href: String?
    }

    let title: LocalText
    let example: Bool
    let status: DialogueView.Status
    let awaitingNotice: String?
    let when: String
    let places: [DialogueView.Link]
    let purpose: String
    let question: String?
    let easyRead: String?
    let decision: String?
    let decidingBody: DialogueView.Link?
    let decisionExpected: String?
    let level: String
    let method: String
    let organiser: DialogueView.Link
    let coOrganisers: [DialogueView.Link]
    let partners: [String]
    let topics: [DialogueView.Link]
    let tags: [String]
    let sessions: [Session]
    let targetGroups: TargetGroupAnalysis?
    let arrangements: [String]
    let participants: String?
    let byGroup: [Count]
    let contributions: String?
    let summary: String?
    let documents: [Document]
    let ledTo: [Result]
    let feedback: [Feedback]
    let editHref: String?
    /// Other dialogues in the area on the same topic, and those there awaiting feedback.
    let relatedOverlaps: [DialogueForm.Warning]
    let relatedAwaiting: [DialogueForm.Warning]
    let listHref: String
    let calendarHref: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, dialogue: Dialogue, values: DialogueValues, mayEdit: Bool, today: Day,
        related: (overlaps: [DialogueForm.Warning], awaiting: [DialogueForm.Warning]) = ([], [])
    ) -> PageContext<DialoguePage> {
        let s = Texts(lang)
        let status = DialogueFatigue.displayStatus(values, today: today)
        var places = values.areas.map { DialogueView.area($0, index, lang) }
        if values.digital {
            places.append(DialogueView.Link(text: LocalText(text: s[.dlDigital], lang: lang.rawValue), href: nil))
        }
        var topics = values.measures.map { id in
            DialogueView.Link(
                text: LocalText(text: DialoguesPage.topicLabel("measure:\(id)", index, lang), lang: "sv"),
                href: index.measureByPublicID[id] == nil ? nil : SiteURL.Catalogue.measure(.value(id)).link(lang))
        }
        topics += (values.strategies.map { "strategy:\($0)" } + values.targetAreas.map { "target:\($0)" }).map {
            DialogueView.Link(text: LocalText(text: DialoguesPage.topicLabel($0, index, lang), lang: "sv"), href: nil)
        }
        let outcome = values.outcome
        let awaiting =
            status == .awaitingFeedback ? Strings.fill(s[.dlAwaitingFeedbackSince], dialogue.endsOn ?? "") : nil
        let page = DialoguePage(
            title: lang.pick(values.title, values.titleEn), example: values.example, status: .make(status, s),
            awaitingNotice: awaiting, when: DialogueView.span(dialogue.startsOn, dialogue.endsOn), places: places,
            purpose: values.purpose, question: values.question, easyRead: values.easyRead, decision: values.decision,
            decidingBody: values.decidingBody.map { DialogueView.body($0, index, lang) },
            decisionExpected: values.decisionExpected?.description, level: s.label(values.level),
            method: s.label(values.method), organiser: DialogueView.body(values.organiser, index, lang),
            coOrganisers: values.coOrganisers.map { DialogueView.body($0, index, lang) }, partners: values.partners,
            topics: topics, tags: values.tags,
            sessions: values.sessions.map { session in
                Session(
                    start: session.start.description,
                    end: session.end.map { end in end.day == session.start.day ? end.clock ?? "" : end.description },
                    place: session.place?.name, address: session.place?.address)
            },
            targetGroups: values.targetGroups, arrangements: (values.targetGroups?.arrangements ?? []).map(s.label),
            participants: outcome?.participants.map { NumberText.plain(Double($0), decimals: 0, lang) },
            byGroup: (outcome?.participantsByGroup ?? [:]).sorted { $0.key < $1.key }.map { group, count in
                Count(
                    group: IndicatorPage.groupLabel(group, s), count: NumberText.plain(Double(count), decimals: 0, lang)
                )
            },
            contributions: outcome?.contributions.map { NumberText.plain(Double($0), decimals: 0, lang) },
            summary: outcome?.summary,
            documents: (outcome?.documents ?? []).map { address in
                let web = address.hasPrefix("https://") || address.hasPrefix("http://")
                return Document(text: address, href: web ? address : nil)
            },
            ledTo: (outcome?.ledTo ?? []).map { result(for: $0, index, lang) },
            feedback: values.feedback.sorted { $0.date < $1.date }.map {
                Feedback(date: $0.date.description, channel: $0.channel, text: $0.text)
            },
            editHref: mayEdit ? SiteURL.Dialogues.edit(.value(values.id)).link(lang) : nil,
            relatedOverlaps: related.overlaps, relatedAwaiting: related.awaiting,
            listHref: SiteURL.Dialogues.list.link(lang),
            calendarHref: SiteURL.Dialogues.calendar.link(.sv, query: values.areas.prefix(1).map { ("area", $0) }))
        let meta = PageMeta.make(
            lang, title: values.title, description: String(values.purpose.prefix(200)),
            section: SiteURL.Dialogues.list, route: SiteURL.Dialogues.dialogue(.value(values.id)),
            crumbs: [(s[.dialogues], SiteURL.Dialogues.list)])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// What a dialogue led to, as a link where Skillnad has the object.
    static func result(for result: DialogueResult, _ index: CatalogueIndex, _ lang: Lang) -> Result {
        let s = Texts(lang)
        let target = result.target ?? ""
        switch result.kind {
        case .measure:
            return Result(
                kind: s.label(result.kind),
                text: LocalText(text: DialoguesPage.topicLabel("measure:\(target)", index, lang), lang: "sv"),
                href: index.measureByPublicID[target] == nil
                    ? nil : SiteURL.Catalogue.measure(.value(target)).link(lang))
        case .budgetDecision:
            return Result(
                kind: s.label(result.kind), text: LocalText(text: result.text ?? target, lang: "sv"),
                href: target.isEmpty ? nil : SiteURL.FollowUp.decision(.value(target)).link(lang))
        case .referralAnswer, .text:
            return Result(
                kind: s.label(result.kind), text: LocalText(text: result.text ?? target, lang: "sv"), href: nil)
        }
    }
}
