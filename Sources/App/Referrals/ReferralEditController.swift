import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Creating and changing a referral round (administrators). A changed deadline is kept in the
/// round's deadline history; the distribution list and scopes are replaced as a whole.
enum ReferralEditController {
    /// The round form's fields.
    struct RoundForm: Content {
        var version: Int?
        var id, title, sender, senderDiaryNumber, sentOn, deadline, deadlineReason, questions, requiredAll, invitedAll,
            perBody: String?
        var reports: [String]?
        var bodies: [String]?
        var groups: [String]?

        init() {}

        init(_ r: ReferralDocument.Round, version: Int) {
            self.version = version
            id = r.id
            title = r.title
            sender = r.sender
            senderDiaryNumber = r.senderDiaryNumber
            sentOn = r.sentOn.description
            deadline = r.deadline.description
            questions = r.questions.joined(separator: "\n")
            reports = r.reports
            bodies = r.recipients.map(\.body)
            perBody = r.recipients.filter { !$0.commentReports.isEmpty || !$0.required.isEmpty || !$0.invited.isEmpty }
                .map { rec in
                    "\(rec.body) | \(rec.commentReports.joined(separator: ", ")) | \(rec.required.joined(separator: ", ")) | \(rec.invited.joined(separator: ", "))"
                }.joined(separator: "\n")
        }

        /// The round the fields describe, with every problem in words that say which field.
        func round(_ index: CatalogueIndex) -> (ReferralDocument.Round?, [RoundProblem]) {
            var problems: [RoundProblem] = []
            func date(_ s: String?, _ label: RoundProblem.Field) -> Day? {
                guard let t = formText(s) else {
                    problems.append(.required(label))
                    return nil
                }
                guard let d = Day(t) else {
                    problems.append(.notADate(label, value: t))
                    return nil
                }
                return d
            }
            let reports = reports ?? []
            if reports.isEmpty { problems.append(.noReports) }
            let sent = date(sentOn, .sentOn)
            let due = date(deadline, .deadline)
            // Measure codes as people write them (A2.3.1, 2.3.1 in the only report), resolved in the round's reports.
            func measures(_ s: String?, _ label: RoundProblem.Field) -> [String] {
                (s ?? "").split(whereSeparator: { $0 == "," || $0.isNewline || $0 == ";" }).compactMap { raw in
                    let t = raw.trimmingCharacters(in: .whitespaces)
                    guard !t.isEmpty else { return nil }
                    if index.measureByPublicID[t] != nil { return t }
                    for rep in reports {
                        if case .found(let r, let code) = index.resolver.resolve(t, contextReport: rep),
                            reports.contains(r),
                            let m = index.measure(report: r, code: code.canonical)
                        {
                            return m.publicID
                        }
                    }
                    problems.append(.noMeasure(label, value: t))
                    return nil
                }
            }
            let year = sent?.year ?? 2000
            var recipients: [String] = bodies ?? []
            for g in groups ?? [] {
                guard let group = BodyGroup(rawValue: g) else { continue }
                recipients += index.members(of: group, year: year).map(\.id)
            }
            var seen = Set<String>()
            recipients = recipients.filter { seen.insert($0).inserted }
            let required = measures(requiredAll, .requiredAll)
            let invited = measures(invitedAll, .invitedAll)
            var scopes = recipients.map {
                RecipientScope(body: $0, required: required, invited: invited.filter { !required.contains($0) })
            }
            for line in (perBody ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard let body = parts.first, !body.isEmpty else { continue }
                guard index.bodyByID[body] != nil else {
                    problems.append(.unknownBody(body))
                    continue
                }
                var scope = scopes.first { $0.body == body } ?? RecipientScope(body: body)
                if parts.count > 1 {
                    scope.commentReports = parts[1].split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }
                }
                if parts.count > 2 {
                    scope.required = Array(Set(scope.required + measures(parts[2], .body(body)))).sorted()
                }
                if parts.count > 3 {
                    scope.invited = Set(scope.invited + measures(parts[3], .body(body))).subtracting(scope.required)
                        .sorted()
                }
                if let i = scopes.firstIndex(where: { $0.body == body }) {
                    scopes[i] = scope
                } else {
                    scopes.append(scope)
                }
            }
            if scopes.isEmpty { problems.append(.noRecipients) }
            guard let sent, let due, let title = formText(title), let sender = formText(sender) else {
                if formText(title) == nil { problems.append(.required(.title)) }
                return (nil, problems)
            }
            let id = formText(self.id) ?? Slug.make(title)
            let round = ReferralDocument.Round(
                id: id, title: title, sender: sender, senderDiaryNumber: formText(senderDiaryNumber), sentOn: sent,
                deadline: due, reports: reports,
                questions: (questions ?? "").split(whereSeparator: \.isNewline).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                .filter { !$0.isEmpty },
                recipients: scopes)
            problems += ReferralDocument(rounds: [round]).problems(index).map { .document($0) }
            return (round, problems)
        }
    }

    static func newForm(_ req: Request) async throws -> Response {
        try await page(req, form: RoundForm(), errors: [], isNew: true)
    }

    static func editForm(_ req: Request) async throws -> Response {
        let data = try await ReferralController.roundData(req)
        return try await page(req, form: RoundForm(data.round, version: data.version), errors: [], isNew: false)
    }

    static func create(_ req: Request) async throws -> Response {
        try await save(req, isNew: true)
    }

    static func update(_ req: Request) async throws -> Response {
        try await save(req, isNew: false)
    }

    static func save(_ req: Request, isNew: Bool) async throws -> Response {
        var form = try req.content.decode(RoundForm.self)
        let index = try await req.catalogue().index
        var existing: LoadedRound?
        if !isNew {
            let data = try await ReferralController.roundData(req)
            existing = data
            form.id = data.round.id
        }
        let (round, problems) = form.round(index)
        let texts = Texts(Lang.of(req))
        guard let round, problems.isEmpty else {
            let errors = problems.map { $0.text(texts) }
            return try await page(req, form: form, errors: errors, isNew: isNew, status: .unprocessableEntity)
        }
        do {
            try await ReferralRounds.save(
                round, previous: existing, version: form.version ?? 0, reason: formText(form.deadlineReason),
                by: req.auditActor, on: req.db)
        } catch let e as ReferralRounds.Conflict {
            return try await page(req, form: form, errors: [e.problem.text(texts)], isNew: isNew, status: .conflict)
        }
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.Referrals.round(.value(round.id)).link(Lang.of(req)), redirectType: .normal)
    }

    static func page(_ req: Request, form: RoundForm, errors: [String], isNew: Bool, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let page = RoundFormPage.make(
            form, index: index, errors: errors, isNew: isNew, csrf: CSRF.token(for: req), lang: lang)
        let route: any SiteRoute = isNew ? SiteURL.Referrals.new : SiteURL.Referrals.edit(.value(form.id ?? ""))
        let meta = PageMeta.make(
            lang, title: isNew ? s[.newReferral] : s[.editReferral], description: s[.referrals],
            section: SiteURL.Referrals.list,
            route: route, crumbs: [(s[.referrals], SiteURL.Referrals.list)])
        return try await AccountController.render(
            req, "Referrals/referral-edit", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
