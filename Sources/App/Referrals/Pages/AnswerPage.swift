import Foundation
import SkillnadCore

/// A body's answer to a round: as a public record when submitted or declined, and as a form for
/// the body's editors (and administrators) while it is not.
struct AnswerPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Question: Encodable, Sendable {
        let index: Int
        let question: String
        let answer: String
    }
    struct MeasureBlock: Encodable, Sendable {
        let id: String
        let field: String
        let code: String
        let title: String
        let href: String
        let required: Bool
        let positions: [Option]
        let alreadyWorks: [Option]
        let prerequisites: String
        let text: String
        /// For the public view.
        let positionText: String?
        let alreadyWorksText: String?
    }
    /// An earlier submitted version, shown as it was.
    struct Revision: Encodable, Sendable {
        let label: String
        let summary: String?
        let decidedOn: String?
        let positions: [String]
    }
    struct Attachment: Encodable, Sendable {
        let id: String
        let name: String
        let href: String
        let size: String
    }

    let roundTitle: String
    let roundLink: String
    let body: String
    let bodyID: String
    let status: String
    let statusClass: String
    let revision: Int
    let example: Bool
    let isPublic: Bool
    let editable: Bool
    let correctable: Bool
    let action: String
    let csrf: String
    let version: Int
    let errors: [String]
    let saved: String?
    let diaryNumber: String
    let diaryIssuer: String
    let preparedBy: String
    let decidedOn: String
    let submittedOn: String
    let summary: String
    let proposedDecision: String
    let furtherChallenges: String
    let declineReason: String
    let questions: [Question]
    let measures: [MeasureBlock]
    let joint: [Option]
    let jointText: String?
    /// Other bodies' answers that name this body as answering jointly, to confirm or withdraw.
    let jointInvitations: [JointAnswers.Invitation]
    let jointAction: String
    let revisions: [Revision]
    let attachments: [Attachment]
    let maxAttachmentMB: Int

    /// - Parameters:
    ///   - values: what was typed, when a save was refused: shown again so nothing is lost.
    /// - Parameter readsDrafts: a reader or an administrator who is not writing: the stored
    ///   answer is shown as it is, draft or not, without a form.
    static func build(
        _ index: CatalogueIndex, _ lang: Lang, data: LoadedRound, body: String, mayEdit: Bool,
        readsDrafts: Bool = false,
        values: ReferralDocument.Answer?, version: Int?, errors: [String], saved: String?,
        csrf: String
    ) -> PageContext<AnswerPage>? {
        guard let scope = data.round.recipients.first(where: { $0.body == body }) else { return nil }
        let s = Texts(lang)
        let stored = data.answer(of: body)
        // While a submitted answer is corrected, everyone but its editors sees it as submitted.
        let started = mayEdit || readsDrafts ? nil : stored?.correctionStarted
        let record = started == nil ? stored?.answer : stored?.published
        let a = values ?? record ?? ReferralDocument.Answer(round: data.round.id, body: body, status: .draft)
        let status = record?.status
        let revision = (stored?.revision ?? 1) - (started == nil ? 0 : 1)
        let revisions = (stored?.revisions ?? []).dropLast(started == nil ? 0 : 1)
        let attachments = (stored?.attachments ?? []).filter { file in started.map { file.addedAt <= $0 } ?? true }
        let isPublic = status?.isFinal == true || (readsDrafts && !mayEdit && record != nil)
        // The public sees "pending" for an answer that is not yet a public record, as on the round page and in the API.
        let shownStatus = status.map { $0.isFinal || mayEdit || readsDrafts ? $0.rawValue : "pending" } ?? "none"
        let editable = mayEdit && !isPublic
        let measuresOf: (String) -> [String] = { index.publicIDsByReport[$0] ?? [] }
        let inScope = scope.measures(measuresOf)
        let ordered = data.round.reports.flatMap { index.measuresByReport[$0] ?? [] }.filter {
            inScope.contains($0.publicID)
        }
        let required = Set(scope.required)
        let positions = Dictionary(a.positions.map { ($0.measure, $0) }, uniquingKeysWith: { x, _ in x })
        let blocks = ordered.enumerated().map { i, m -> MeasureBlock in
            let p = positions[m.publicID]
            return MeasureBlock(
                id: m.publicID, field: "m\(i)", code: m.code, title: lang.pick(m.title, m.titleEn).text,
                href: SiteURL.Catalogue.measure(.value(m.publicID)).link(lang),
                required: required.contains(m.publicID),
                positions: [Option(value: "", label: s[.positionNone], selected: p == nil)]
                    + PositionKind.allCases.map {
                        Option(value: $0.rawValue, label: s.label($0), selected: p?.position == $0)
                    },
                alreadyWorks: [
                    ("", s[.unknown], p?.alreadyWorks == nil), ("yes", s[.alreadyWorksYes], p?.alreadyWorks == true),
                    ("no", s[.alreadyWorksNo], p?.alreadyWorks == false),
                ].map { Option(value: $0.0, label: $0.1, selected: $0.2) },
                prerequisites: p?.prerequisites ?? "", text: p?.text ?? "",
                positionText: p.map { s.label($0.position) },
                alreadyWorksText: p?.alreadyWorks.map { $0 ? s[.alreadyWorksYes] : s[.alreadyWorksNo] })
        }
        let others = data.round.recipients.map(\.body).filter { $0 != body }
        let joint = Set(a.jointWith ?? [])
        let page = AnswerPage(
            roundTitle: data.round.title, roundLink: SiteURL.Referrals.round(.value(data.round.id)).link(lang),
            body: bodyName(body, index, lang), bodyID: body,
            status: s.publicAnswerStatus(shownStatus) ?? shownStatus, statusClass: shownStatus,
            revision: revision, example: stored?.answer.example ?? false, isPublic: isPublic, editable: editable,
            correctable: mayEdit && status == .submitted,
            action: SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(lang), csrf: csrf,
            version: version ?? stored?.version ?? 0,
            errors: errors, saved: saved,
            diaryNumber: a.diaryNumber ?? "", diaryIssuer: a.diaryIssuer ?? "", preparedBy: a.preparedBy ?? "",
            decidedOn: a.decidedOn?.description ?? "", submittedOn: a.submittedOn?.description ?? "",
            summary: a.summary ?? "",
            proposedDecision: a.proposedDecision ?? "", furtherChallenges: a.furtherChallenges ?? "",
            declineReason: a.declineReason ?? "",
            questions: data.round.questions.enumerated().map { i, q in
                Question(
                    index: i, question: q,
                    answer: (a.questionAnswers ?? []).indices.contains(i) ? (a.questionAnswers ?? [])[i] : "")
            },
            measures: blocks,
            joint: others.map { Option(value: $0, label: bodyName($0, index, lang), selected: joint.contains($0)) },
            jointText: joint.isEmpty
                ? nil
                : joint.sorted().map { other in
                    bodyName(other, index, lang)
                        + ((a.jointConfirmed ?? []).contains(other) ? "" : " (\(s[.jointPending]))")
                }.joined(separator: ", "),
            jointInvitations: mayEdit ? JointAnswers.invitations(data, body: body, index: index, lang: lang) : [],
            jointAction: SiteURL.Referrals.joint(.value(data.round.id), .value(body)).link(lang),
            revisions: revisions.map { r in
                Revision(
                    label: Strings.fill(s[.revisionReplaced], "\(r.revision)", minute(r.replacedAt)),
                    summary: r.answer?.summary,
                    decidedOn: r.answer?.decidedOn?.description,
                    positions: (r.answer?.positions ?? []).map { p in
                        "\(index.measureByPublicID[p.measure]?.code ?? p.measure): \(s.label(p.position))"
                            + (p.prerequisites.map { " – \($0)" } ?? "")
                    })
            },
            attachments: attachments.map {
                Attachment(
                    id: $0.id.uuidString, name: $0.filename,
                    href: SiteURL.Referrals.attachment(.value($0.id.uuidString)).path,
                    size: "\(max(1, $0.size / 1024)) kB")
            },
            maxAttachmentMB: AnswerStore.maxAttachmentBytes / 1_048_576)
        let meta = PageMeta.make(
            lang, title: "\(page.body): \(data.round.title)", description: s[.answer], section: SiteURL.Referrals.list,
            route: SiteURL.Referrals.answer(.value(data.round.id), .value(body)),
            crumbs: [
                (s[.referrals], SiteURL.Referrals.list),
                (data.round.title, SiteURL.Referrals.round(.value(data.round.id))),
            ])
        return PageContext(meta: meta, t: s, page: page)
    }
}
