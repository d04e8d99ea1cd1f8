import Foundation
import SkillnadCore

/// A body's answer to a round: as a public record when submitted or declined, and as a form for
/// the body's editors (and administrators) while it is not.
struct AnswerPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
        /// The language of the label when it is a name (a body's), not an interface text.
        var lang: String? = nil
    }
    /// A body the answer is given jointly with, in the language of its name.
    struct JointBody: Encodable, Sendable {
        let name: String
        let lang: String
        let pending: Bool
    }
    struct Question: Encodable, Sendable {
        let index: Int
        /// Counted from 1, as text, for the check page's "Ändra fråga 2".
        let number: String
        let question: String
        let answer: String
        let answered: Bool
    }
    struct MeasureBlock: Encodable, Sendable {
        let id: String
        let field: String
        let code: String
        let title: String
        let titleLang: String
        let href: String
        let required: Bool
        let positions: [Option]
        let alreadyWorks: [Option]
        let prerequisites: String
        let text: String
        let hasPrerequisites: Bool
        let hasText: Bool
        /// For the public view.
        let positionText: String?
        let alreadyWorksText: String?
        /// What is wrong with this measure's position, shown beside its field.
        let positionError: String?
        /// The position field in the form, from this page or from the check page.
        let fieldLink: String
        /// What a statement read into the form suggests, and the sentence it rests on.
        let suggested: String?
        let because: String?
    }
    /// A required measure without a position, linked to its field.
    struct MissingMeasure: Encodable, Sendable {
        let code: String
        let title: String
        let titleLang: String
        let href: String
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
    /// The round's title and what bodies write are Swedish user content, marked so on English pages.
    let roundTitleLang: String
    let contentLang: String
    let roundLink: String
    let body: String
    let bodyLang: String
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
    let errors: [ErrorItem]
    let hasErrors: Bool
    /// The errors of single fields, shown beside them and named by their `aria-describedby`.
    let decidedOnError: String?
    let attachmentError: String?
    let declineError: String?
    let saved: String?
    /// "7 av 12 obligatoriska åtgärder besvarade"; nil when the body must answer none.
    let requiredProgress: String?
    let missingRequired: [MissingMeasure]
    let hasMissingRequired: Bool
    /// The form itself, and its check step (granska) before the answer is submitted.
    let formLink: String
    let checkLink: String
    /// What must be fixed before the answer can be submitted (on the check page).
    let blockers: [ErrorItem]
    let canSubmit: Bool
    /// The confirmation before the body declines (avstår), what must be fixed first (the
    /// reason), and whether the draft holds more than the reason, which is published with it.
    let declineLink: String
    let declineBlockers: [ErrorItem]
    let canDecline: Bool
    let draftHasContent: Bool
    /// Links from the check page to each field of the form.
    let fieldLinks: [String: String]
    let diaryNumber: String
    let diaryIssuer: String
    let preparedBy: String
    let decidedOn: String
    let submittedOn: String
    let summary: String
    let proposedDecision: String
    let furtherChallenges: String
    let declineReason: String
    /// Which of the texts above are filled in: Leaf takes an empty text for true.
    let filled: [String: Bool]
    let questions: [Question]
    let measures: [MeasureBlock]
    let joint: [Option]
    let jointBodies: [JointBody]
    let hasJoint: Bool
    /// Other bodies' answers that name this body as answering jointly, to confirm or withdraw.
    let jointInvitations: [JointAnswers.Invitation]
    let jointAction: String
    let revisions: [Revision]
    let attachments: [Attachment]
    let maxAttachmentMB: Int
    /// The statement the form was filled from, shown beside it for review.
    let statement: StatementPanel?
    let statementLink: String

    /// The ids of the form's fields, which the error summary and the check page link to.
    enum Field {
        static let decidedOn = "a-decidedOn"
        static let attachment = "a-attachment"
        static let decline = "a-decline"
        static let fields = [
            "diaryNumber": "a-diaryNumber", "diaryIssuer": "a-diaryIssuer", "preparedBy": "a-preparedBy",
            "decidedOn": decidedOn, "summary": "a-summary", "proposedDecision": "a-proposedDecision",
            "furtherChallenges": "a-further", "joint": "h-joint-fields", "attachment": attachment,
            "declineReason": decline,
        ]
        static func position(_ index: Int) -> String { "m\(index)-p" }
        static func question(_ index: Int) -> String { "a-q\(index)" }
    }

    /// The field a problem is about, or nil when it is about the answer as a whole (a conflict).
    static func field(
        of problem: AnswerProblem, answer: ReferralDocument.Answer, measureFields: [String: String]
    ) -> String? {
        switch problem {
        case .needDecidedOn: return Field.decidedOn
        case .needDeclineReason: return Field.decline
        case .notADate(let name, _): return name == "decidedOn" ? Field.decidedOn : nil
        case .unknownPosition(let measure, _): return measureFields[measure]
        case .attachmentType, .attachmentEmpty, .attachmentTooLarge, .attachmentNotReal: return Field.attachment
        case .conflict, .locked, .nothingToCorrect, .statement: return nil
        case .document(let problem):
            let path = problem.path
            if path.hasPrefix("decidedOn") { return Field.decidedOn }
            if path.hasPrefix("declineReason") { return Field.decline }
            if path.hasPrefix("positions["), let end = path.firstIndex(of: "]"),
                let position = Int(path[path.index(path.startIndex, offsetBy: 10)..<end]),
                answer.positions.indices.contains(position)
            {
                return measureFields[answer.positions[position].measure]
            }
            return nil
        }
    }

    /// - Parameters:
    ///   - values: what was typed, when a save was refused: shown again so nothing is lost.
    ///   - errors: why the last save or submission was refused, worded here in the reader's language.
    ///   - check: for the check page: links to fields lead back to the form.
    ///   - decline: for the confirmation before declining (with `check`): its title and address.
    /// - Parameter readsDrafts: a reader or an administrator who is not writing: the stored
    ///   answer is shown as it is, draft or not, without a form.
    static func build(
        _ index: CatalogueIndex, _ lang: Lang, data: LoadedRound, body: String, mayEdit: Bool,
        readsDrafts: Bool = false,
        values: ReferralDocument.Answer?, version: Int?, errors: [AnswerProblem], saved: String?,
        csrf: String, check: Bool = false, decline: Bool = false, statement: StatementPanel? = nil
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
        let formLink = SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(lang)
        // On the form a field is `#id`; from the check page it is the form's address with `#id`.
        let fieldLink: (String) -> String = { id in (check ? formLink : "") + "#" + id }
        let measureFields = Dictionary(
            ordered.enumerated().map { ($1.publicID, Field.position($0)) }, uniquingKeysWith: { x, _ in x })
        let problems = errors.map { problem in
            (text: problem.text(s), field: field(of: problem, answer: a, measureFields: measureFields))
        }
        func fieldError(_ id: String) -> String? {
            let texts = problems.filter { $0.field == id }.map(\.text)
            return texts.isEmpty ? nil : texts.joined(separator: " ")
        }
        let blocks = ordered.enumerated().map { i, m -> MeasureBlock in
            let p = positions[m.publicID]
            let title = lang.pick(m.title, m.titleEn)
            return MeasureBlock(
                id: m.publicID, field: "m\(i)", code: m.code, title: title.text, titleLang: title.lang,
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
                hasPrerequisites: !(p?.prerequisites ?? "").isEmpty, hasText: !(p?.text ?? "").isEmpty,
                positionText: p.map { s.label($0.position) },
                alreadyWorksText: p?.alreadyWorks.map { $0 ? s[.alreadyWorksYes] : s[.alreadyWorksNo] },
                positionError: fieldError(Field.position(i)), fieldLink: fieldLink(Field.position(i)),
                suggested: statement?.suggestions[m.publicID]?.text,
                because: statement?.suggestions[m.publicID]?.because)
        }
        let requiredBlocks = blocks.filter(\.required)
        let missing = requiredBlocks.filter { positions[$0.id] == nil }.map {
            MissingMeasure(code: $0.code, title: $0.title, titleLang: $0.titleLang, href: $0.fieldLink)
        }
        let answeredCount = requiredBlocks.count - missing.count
        let progress =
            requiredBlocks.isEmpty
            ? nil
            : Strings.fill(
                s[requiredBlocks.count == 1 ? .requiredProgressOne : .requiredProgressMany], "\(answeredCount)",
                s.count(requiredBlocks.count, ReferralText.requiredMeasureOne, ReferralText.requiredMeasureMany))
        // Submitting needs the day of the decision; everything else was checked when the draft was saved.
        let blockers =
            a.decidedOn == nil ? [ErrorItem(text: s[.needDecidedOn], href: fieldLink(Field.decidedOn))] : []
        // Declining needs its reason, which is published with it.
        let declineBlockers =
            (a.declineReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? [ErrorItem(text: s[.needDeclineReason], href: fieldLink(Field.decline))] : []
        let draftHasContent =
            !a.positions.isEmpty || !(stored?.attachments ?? []).isEmpty
            || [a.summary, a.proposedDecision, a.furtherChallenges].contains { !($0 ?? "").isEmpty }
            || (a.questionAnswers ?? []).contains { !$0.isEmpty }
        let name = localBodyName(body, index, lang)
        let others = data.round.recipients.map(\.body).filter { $0 != body }
        let joint = Set(a.jointWith ?? [])
        let page = AnswerPage(
            roundTitle: data.round.title, roundTitleLang: "sv", contentLang: "sv",
            roundLink: SiteURL.Referrals.round(.value(data.round.id)).link(lang),
            body: name.text, bodyLang: name.lang, bodyID: body,
            status: s.publicAnswerStatus(shownStatus) ?? shownStatus, statusClass: shownStatus,
            revision: revision, example: stored?.answer.example ?? false, isPublic: isPublic, editable: editable,
            correctable: mayEdit && status == .submitted,
            action: SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(lang), csrf: csrf,
            version: version ?? stored?.version ?? 0,
            errors: problems.map { ErrorItem(text: $0.text, href: $0.field.map(fieldLink)) },
            hasErrors: !problems.isEmpty,
            decidedOnError: fieldError(Field.decidedOn), attachmentError: fieldError(Field.attachment),
            declineError: fieldError(Field.decline), saved: saved,
            requiredProgress: progress, missingRequired: missing, hasMissingRequired: !missing.isEmpty,
            formLink: formLink,
            checkLink: SiteURL.Referrals.answerCheck(.value(data.round.id), .value(body)).link(lang),
            blockers: blockers, canSubmit: blockers.isEmpty && editable,
            declineLink: SiteURL.Referrals.answerDecline(.value(data.round.id), .value(body)).link(lang),
            declineBlockers: declineBlockers, canDecline: declineBlockers.isEmpty && editable,
            draftHasContent: draftHasContent,
            fieldLinks: Field.fields.mapValues(fieldLink),
            diaryNumber: a.diaryNumber ?? "", diaryIssuer: a.diaryIssuer ?? "", preparedBy: a.preparedBy ?? "",
            decidedOn: a.decidedOn?.description ?? "", submittedOn: a.submittedOn?.description ?? "",
            summary: a.summary ?? "",
            proposedDecision: a.proposedDecision ?? "", furtherChallenges: a.furtherChallenges ?? "",
            declineReason: a.declineReason ?? "",
            filled: [
                "diaryNumber": a.diaryNumber, "diaryIssuer": a.diaryIssuer, "preparedBy": a.preparedBy,
                "decidedOn": a.decidedOn?.description, "submittedOn": a.submittedOn?.description,
                "summary": a.summary, "proposedDecision": a.proposedDecision,
                "furtherChallenges": a.furtherChallenges, "declineReason": a.declineReason,
            ].mapValues { !($0 ?? "").isEmpty },
            questions: data.round.questions.enumerated().map { i, q in
                Question(
                    index: i, number: "\(i + 1)", question: q,
                    answer: (a.questionAnswers ?? []).indices.contains(i) ? (a.questionAnswers ?? [])[i] : "",
                    answered: !((a.questionAnswers ?? []).indices.contains(i) ? (a.questionAnswers ?? [])[i] : "")
                        .isEmpty)
            },
            measures: blocks,
            joint: others.map { other in
                let label = localBodyName(other, index, lang)
                return Option(value: other, label: label.text, selected: joint.contains(other), lang: label.lang)
            },
            jointBodies: joint.sorted().map { other in
                let label = localBodyName(other, index, lang)
                return JointBody(
                    name: label.text, lang: label.lang, pending: !(a.jointConfirmed ?? []).contains(other))
            },
            hasJoint: !joint.isEmpty,
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
            maxAttachmentMB: AnswerStore.maxAttachmentBytes / 1_048_576, statement: statement,
            statementLink: SiteURL.Referrals.statementUpload(.value(data.round.id), .value(body)).link(lang))
        let answerRoute = SiteURL.Referrals.answer(.value(data.round.id), .value(body))
        var crumbs: [(String, any SiteRoute)] = [
            (s[.referrals], SiteURL.Referrals.list),
            (data.round.title, SiteURL.Referrals.round(.value(data.round.id))),
        ]
        if check { crumbs.append((page.body, answerRoute)) }
        let title = decline ? s[.declineCheckTitle] + ": " : check ? s[.checkTitle] + ": " : ""
        let route: any SiteRoute =
            decline
            ? SiteURL.Referrals.answerDecline(.value(data.round.id), .value(body))
            : check ? SiteURL.Referrals.answerCheck(.value(data.round.id), .value(body)) : answerRoute
        let meta = PageMeta.make(
            lang, title: title + "\(page.body): \(data.round.title)", description: s[.answer],
            section: SiteURL.Referrals.list, route: route, crumbs: crumbs)
        return PageContext(meta: meta, t: s, page: page)
    }
}
