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
        var id, title, sender, senderDiaryNumber, sentOn, deadline, deadlineReason, questions, requiredAll, invitedAll, perBody: String?
        var reports: [String]?
        var bodies: [String]?
        var groups: [String]?

        init() {}

        init(_ r: ReferralDocument.Round, version: Int) {
            self.version = version
            id = r.id; title = r.title; sender = r.sender; senderDiaryNumber = r.senderDiaryNumber; sentOn = r.sentOn.description
            deadline = r.deadline.description; questions = r.questions.joined(separator: "\n"); reports = r.reports
            bodies = r.recipients.map(\.body)
            perBody = r.recipients.filter { !$0.commentReports.isEmpty || !$0.required.isEmpty || !$0.invited.isEmpty }.map { rec in
                "\(rec.body) | \(rec.commentReports.joined(separator: ", ")) | \(rec.required.joined(separator: ", ")) | \(rec.invited.joined(separator: ", "))"
            }.joined(separator: "\n")
        }

        /// The round the fields describe, with every problem in words that say which field.
        func round(_ index: CatalogueIndex) -> (ReferralDocument.Round?, [String]) {
            var problems: [String] = []
            func date(_ s: String?, _ label: String) -> Day? {
                guard let t = formText(s) else { problems.append("\(label): \(Strings.get("required", .sv))"); return nil }
                guard let d = Day(t) else { problems.append("\(label): \"\(t)\" är inte ett datum skrivet ÅÅÅÅ-MM-DD"); return nil }
                return d
            }
            let reports = reports ?? []
            if reports.isEmpty { problems.append("Rapporter: välj minst en rapport") }
            let sent = date(sentOn, "Skickad"), due = date(deadline, "Sista svarsdag")
            // Measure codes as people write them (A2.3.1, 2.3.1 in the only report), resolved in the round's reports.
            func measures(_ s: String?, _ label: String) -> [String] {
                (s ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" }).compactMap { raw in
                    let t = raw.trimmingCharacters(in: .whitespaces)
                    guard !t.isEmpty else { return nil }
                    if index.measureByPublicID[t] != nil { return t }
                    for rep in reports {
                        if case .found(let r, let code) = index.resolver.resolve(t, contextReport: rep), reports.contains(r),
                           let m = index.measure(report: r, code: code.canonical) { return m.publicID }
                    }
                    problems.append("\(label): \"\(t)\" är ingen åtgärd i rundans rapporter")
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
            let required = measures(requiredAll, "Ska besvaras av alla"), invited = measures(invitedAll, "Får besvaras av alla")
            var scopes = recipients.map { RecipientScope(body: $0, required: required, invited: invited.filter { !required.contains($0) }) }
            for line in (perBody ?? "").split(separator: "\n") {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let body = parts.first, !body.isEmpty else { continue }
                guard index.bodyByID[body] != nil else { problems.append("Per remissinstans: ingen instans har id \"\(body)\""); continue }
                var scope = scopes.first { $0.body == body } ?? RecipientScope(body: body)
                if parts.count > 1 { scope.commentReports = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
                if parts.count > 2 { scope.required = Array(Set(scope.required + measures(parts[2], body))).sorted() }
                if parts.count > 3 { scope.invited = Set(scope.invited + measures(parts[3], body)).subtracting(scope.required).sorted() }
                if let i = scopes.firstIndex(where: { $0.body == body }) { scopes[i] = scope } else { scopes.append(scope) }
            }
            if scopes.isEmpty { problems.append("Sändlista: välj minst en remissinstans") }
            guard let sent, let due, let title = formText(title), let sender = formText(sender) else {
                if formText(title) == nil { problems.append("Titel: \(Strings.get("required", .sv))") }
                return (nil, problems)
            }
            let id = formText(self.id) ?? Slug.make(title)
            let round = ReferralDocument.Round(id: id, title: title, sender: sender, senderDiaryNumber: formText(senderDiaryNumber), sentOn: sent,
                                               deadline: due, reports: reports,
                                               questions: (questions ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                               recipients: scopes)
            problems += ReferralDocument(rounds: [round]).problems(index).map(\.description)
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
        var existing: RoundData?
        if !isNew {
            let data = try await ReferralController.roundData(req)
            existing = data
            form.id = data.round.id
        }
        let (round, problems) = form.round(index)
        guard let round, problems.isEmpty else { return try await page(req, form: form, errors: problems, isNew: isNew, status: .unprocessableEntity) }
        do {
            try await ReferralRounds.save(round, previous: existing, version: form.version ?? 0, reason: formText(form.deadlineReason),
                                          by: req.auditActor, on: req.db)
        } catch let e as any AbortError where e.status == .conflict {
            return try await page(req, form: form, errors: [e.reason], isNew: isNew, status: .conflict)
        }
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.referral(.value(round.id)).link(Lang.of(req)), redirectType: .normal)
    }

    static func page(_ req: Request, form: RoundForm, errors: [String], isNew: Bool, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Lang.of(req)
        let s = Strings.table(lang)
        let index = try await req.catalogue().index
        let page = RoundFormPage.make(form, index: index, errors: errors, isNew: isNew, csrf: CSRF.token(for: req), lang: lang)
        let route: SiteURL = isNew ? .newReferral : .editReferral(.value(form.id ?? ""))
        let meta = PageMeta.make(lang, title: isNew ? s["newReferral"]! : s["editReferral"]!, description: s["referrals"]!, section: .referrals,
                                 route: route, crumbs: [(s["referrals"]!, .referrals)])
        return try await AccountController.render(req, "referral-edit", PageContext(meta: meta, t: s, page: page), status: status)
    }
}

/// The round form as the template shows it.
struct RoundFormPage: Encodable, Sendable {
    struct Option: Encodable, Sendable { let value: String; let label: String; let selected: Bool }
    let action: String
    let csrf: String
    let version: Int
    let isNew: Bool
    let errors: [String]
    let title, senderDiaryNumber, sentOn, deadline, questions, requiredAll, invitedAll, perBody: String
    let senders: [Option]
    let reports: [Option]
    let groups: [Option]
    let bodies: [Option]

    static func make(_ f: ReferralEditController.RoundForm, index: CatalogueIndex, errors: [String], isNew: Bool, csrf: String, lang: Lang) -> RoundFormPage {
        let chosen = Set(f.bodies ?? []), reports = Set(f.reports ?? []), groups = Set(f.groups ?? [])
        let bodies = index.document.bodies.filter { [.districtCouncil, .specialistCommittee, .companyBoard].contains($0.kind) }
            .sorted { $0.name < $1.name }
        return RoundFormPage(
            action: (isNew ? SiteURL.newReferral : SiteURL.editReferral(.value(f.id ?? ""))).link(lang), csrf: csrf, version: f.version ?? 0,
            isNew: isNew, errors: errors, title: f.title ?? "", senderDiaryNumber: f.senderDiaryNumber ?? "", sentOn: f.sentOn ?? "",
            deadline: f.deadline ?? "", questions: f.questions ?? "", requiredAll: f.requiredAll ?? "", invitedAll: f.invitedAll ?? "",
            perBody: f.perBody ?? "",
            senders: index.document.bodies.filter { b in b.kind == BodyKind.executiveBoard || b.kind == BodyKind.executiveOffice || b.id == f.sender }.map {
                Option(value: $0.id, label: $0.name, selected: $0.id == (f.sender ?? "kommunstyrelsen"))
            },
            reports: index.document.reports.map { Option(value: $0.id, label: "\($0.title) (\($0.year))", selected: reports.contains($0.id)) },
            groups: [BodyGroup.allDistrictCouncils, .allCommitteesAndBoards].map {
                Option(value: $0.rawValue, label: Strings.get("group.\($0.rawValue)", lang), selected: groups.contains($0.rawValue))
            },
            bodies: bodies.map { Option(value: $0.id, label: $0.name + validitySuffix($0), selected: chosen.contains($0.id)) })
    }

    static func validitySuffix(_ b: BodyRecord) -> String {
        validityText(b.validFrom, b.validTo, .sv).map { " (\($0))" } ?? ""
    }
}

/// Writes a round: the first version, or a change claimed at the version the editor saw.
enum ReferralRounds {
    static func save(_ round: ReferralDocument.Round, previous: RoundData?, version: Int, reason: String?, by actor: AuditActor,
                     on db: any Database) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let m: ReferralRound
            if let previous {
                guard let found = try await ReferralRound.find(previous.id, on: tx) else { throw Abort(.notFound) }
                guard found.version == version else {
                    throw Abort(.conflict, reason: "Someone else changed this round after you opened it (version \(found.version), yours \(version)); reload and try again.")
                }
                m = found
            } else {
                if try await ReferralRound.query(on: tx).filter(\.$slug == round.id).first() != nil {
                    throw Abort(.conflict, reason: "A round with the id \(round.id) already exists.")
                }
                m = ReferralRound()
                m.version = 0
            }
            let deadlineChanged = previous.map { $0.round.deadline != round.deadline } ?? true
            m.slug = round.id; m.title = round.title; m.sender = round.sender; m.senderDiaryNumber = round.senderDiaryNumber
            m.sentOn = round.sentOn.description; m.deadline = round.deadline.description
            m.reports = ReferralStore.encode(round.reports); m.questions = ReferralStore.encode(round.questions)
            m.version += 1
            try await m.save(on: tx)
            let roundID = try m.requireID()
            try await ReferralRecipient.query(on: tx).filter(\.$round.$id == roundID).delete()
            try await round.recipients.enumerated().map { i, rec -> ReferralRecipient in
                let x = ReferralRecipient()
                x.$round.id = roundID; x.body = rec.body; x.commentReports = ReferralStore.encode(rec.commentReports)
                x.required = ReferralStore.encode(rec.required); x.invited = ReferralStore.encode(rec.invited); x.position = i
                return x
            }.create(on: tx)
            if deadlineChanged {
                let d = ReferralDeadline()
                d.$round.id = roundID; d.deadline = round.deadline.description; d.changedAt = Date(); d.changedBy = actor.label; d.reason = reason
                try await d.create(on: tx)
            }
            try await Audit.record(previous == nil ? "create" : "update", objectType: "referral", objectID: round.id,
                                   before: previous.map { ReferralStore.encode($0.round) }, after: ReferralStore.encode(round), by: actor, on: tx)
            // Pages and downloads of rounds are cached per generation, in every server process.
            try await IndicatorImporter.bumpGeneration(on: tx)
        }
    }
}
