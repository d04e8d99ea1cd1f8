import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Referral rounds (remisser): the list, a round, the compilation with its CSV exports, a body's
/// answer with its form, attachments, and the deadline calendars.
enum ReferralController {
    static func list(_ req: Request) async throws -> Response {
        let rounds = try await ReferralStore.rounds(on: req.db)
        let counts = try await ReferralStore.answerCounts(on: req.db)
        return try await PageRenderer.render(req, template: "Referrals/referrals") { index, lang in
            ReferralsPage.build(index, lang, rounds: rounds, counts: counts)
        }
    }

    /// Full-text search across answers and statements; drafts for those who may read them.
    static func search(_ req: Request) async throws -> Response {
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        // Only with a session: pages for anyone else are cached and shared.
        let drafts = mayReadDrafts(req) && req.principal?.session != nil
        return try await PageRenderer.render(req, template: "Referrals/answer-search") { index, lang in
            let hits = try await AnswerSearch.find(query, drafts: drafts, on: req.db)
            return AnswerSearchPage.build(index, lang, query: query, hits: hits, drafts: drafts)
        }
    }

    static func roundData(_ req: Request) async throws -> LoadedRound {
        let id = try req.parameters.require(SiteURL.idKey)
        guard let data = try await ReferralStore.round(id, on: req.db) else {
            throw Abort(.notFound, reason: "No referral round has the id '\(id)'.")
        }
        return data
    }

    // The round is read inside `build`, so that a page served from the cache does not read it.
    static func show(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Referrals/referral") { index, lang in
            ReferralPage.build(index, lang, data: try await roundData(req))
        }
    }

    static func compilation(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Referrals/compilation") { index, lang in
            CompilationPage.build(index, lang, data: try await roundData(req))
        }
    }

    /// The compilation for paper (A4 landscape), cached like the other public pages.
    static func compilationPrint(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "Referrals/compilation-print") { index, lang in
            CompilationPrintPage.build(index, lang, data: try await roundData(req), today: today())
        }
    }

    /// Every position in the round as CSV: plain RFC 4180, or with `?variant=excel` as Swedish Excel opens it.
    static func compilationCSV(_ req: Request) async throws -> Response {
        try await roundCSV(req, variant: try CSVDownload.variant(req))
    }

    /// A round's positions as a download made once per catalogue generation (`ExportFiles`).
    static func roundCSV(_ req: Request, variant: CSVWriter.Variant) async throws -> Response {
        let data = try await roundData(req)
        let index = try await req.catalogue().index
        let name = "\(data.round.id)\(variant == .excel ? "-excel" : "").csv"
        return try await req.exportResponse(
            "round \(data.round.id) \(variant.rawValue)", contentType: CSVDownload.contentType, filename: name
        ) { sink in
            var writer = CSVWriter(variant)
            writer.row(ReferralExport.header)
            for row in ReferralExport.rows([data], index: index) { writer.row(row) }
            try await sink.write(writer.take())
        }
    }

    /// The answers to the standard questions and the challenges, made once per catalogue generation.
    static func questionsCSV(_ req: Request) async throws -> Response {
        let variant = try CSVDownload.variant(req)
        let data = try await roundData(req)
        let index = try await req.catalogue().index
        let name = "\(data.round.id)-questions\(variant == .excel ? "-excel" : "").csv"
        return try await req.exportResponse(
            "round \(data.round.id) questions \(variant.rawValue)", contentType: CSVDownload.contentType, filename: name
        ) { sink in
            var writer = CSVWriter(variant)
            writer.row(QuestionsPart.csvHeader)
            for row in QuestionsPart.rows(data, index) { writer.row(row) }
            try await sink.write(writer.take())
        }
    }

    static func allPositionsCSV(_ req: Request) async throws -> Response {
        let variant = try CSVDownload.variant(req)
        let index = try await req.catalogue().index
        let db = req.db
        let name = "positions\(variant == .excel ? "-excel" : "").csv"
        return try await req.exportResponse(
            "positions \(variant.rawValue)", contentType: CSVDownload.contentType, filename: name
        ) {
            sink in
            try await ReferralExport.writeAll(index: index, variant: variant, on: db, to: sink)
        }
    }

    // MARK: Answers

    /// Readers and administrators signed in: they see answers that are not yet public records.
    static func mayReadDrafts(_ req: Request) -> Bool {
        guard let p = req.principal, p.session != nil || p.token != nil else { return false }
        return p.isAdmin || p.role == .reader
    }

    static func mayEdit(_ req: Request, body: String) -> Bool {
        guard let p = req.principal, p.session != nil || p.token != nil else { return false }
        return p.isAdmin || (p.role == .editor && p.bodies.contains(body))
    }

    static func answer(_ req: Request) async throws -> Response {
        let data = try await roundData(req)
        let body = try req.parameters.require(SiteURL.bodyKey)
        let savedValue = req.query[String.self, at: "saved"]
        let saved = savedValue.map { value in
            Texts(Lang.of(req))[
                value == "submitted"
                    ? .answerSubmittedNotice : value == "declined" ? .answerDeclinedNotice : .answerSaved]
        }
        if mayEdit(req, body: body) {
            return try await answerPage(
                req, data: data, body: body, values: nil, version: nil, errors: [], saved: saved, status: .ok)
        }
        // Readers and administrators see drafts too, read-only, on a page made for them alone.
        if mayReadDrafts(req) {
            guard
                let context = AnswerPage.build(
                    try await req.catalogue().index, Lang.of(req), data: data, body: body, mayEdit: false,
                    readsDrafts: true, values: nil, version: nil, errors: [], saved: nil,
                    csrf: CSRF.token(for: req))
            else { throw Abort(.notFound) }
            return try await AccountController.render(req, "Referrals/answer", context)
        }
        return try await PageRenderer.render(req, template: "Referrals/answer") { index, lang in
            AnswerPage.build(
                index, lang, data: data, body: body, mayEdit: false, values: nil, version: nil, errors: [], saved: nil,
                csrf: "")
        }
    }

    static func answerPage(
        _ req: Request, data: LoadedRound, body: String, values: ReferralDocument.Answer?, version: Int?,
        errors: [AnswerProblem],
        saved: String?, status: HTTPResponseStatus, statement: UUID? = nil
    ) async throws -> Response {
        let index = try await req.catalogue().index
        // A refused save from the review page shows the statement again beside the form.
        var panel: StatementPanel?
        if let statement {
            panel = try await StatementController.panel(req, data: data, body: body, id: statement)?.0
        }
        guard
            let context = AnswerPage.build(
                index, Lang.of(req), data: data, body: body, mayEdit: true, values: values, version: version,
                errors: errors, saved: saved, csrf: CSRF.token(for: req), statement: panel)
        else { throw Abort(.notFound) }
        return try await AccountController.render(req, "Referrals/answer", context, status: status)
    }

    struct MeasureField: Codable, Sendable {
        var position: String?
        var alreadyWorks: String?
        var prerequisites: String?
        var text: String?
    }

    /// The answer form's fields; measures and questions are keyed (`m[dold-potential-a-2-3-1][position]`, `q[0]`).
    struct AnswerForm: Content {
        var version: Int?
        var action: String?
        var diaryNumber, diaryIssuer, preparedBy, decidedOn, submittedOn, summary, proposedDecision, furtherChallenges,
            declineReason: String?
        /// `q[0]`, `q[1]`, …: MultipartKit reads numbered keys as an array, in order.
        var q: [String]?
        var joint: [String]?
        var m: [String: MeasureField]?
        var attachment: File?
        /// Attachments of the draft to remove (their ids).
        var removeAttachments: [String]?
        /// The statement the form was filled from (`StatementController.review`), attached on save.
        var statement: String?

        func answer(round: String, body: String) -> (ReferralDocument.Answer, [AnswerProblem]) {
            var problems: [AnswerProblem] = []
            func date(_ s: String?, _ field: String) -> Day? {
                guard let t = formText(s) else { return nil }
                guard let d = Day(t) else {
                    problems.append(.notADate(field: field, value: t))
                    return nil
                }
                return d
            }
            let answers = (q ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let positions = (m ?? [:]).sorted { $0.key < $1.key }.compactMap { id, f -> ReferralDocument.Position? in
                guard let raw = formText(f.position) else { return nil }
                guard let kind = PositionKind(rawValue: raw) else {
                    problems.append(.unknownPosition(measure: id, value: raw))
                    return nil
                }
                return .init(
                    measure: id, position: kind,
                    alreadyWorks: f.alreadyWorks == "yes" ? true : f.alreadyWorks == "no" ? false : nil,
                    prerequisites: formText(f.prerequisites), text: formText(f.text))
            }
            let a = ReferralDocument.Answer(
                round: round, body: body, status: .draft, diaryNumber: formText(diaryNumber),
                diaryIssuer: formText(diaryIssuer),
                preparedBy: formText(preparedBy), decidedOn: date(decidedOn, "decidedOn"),
                submittedOn: date(submittedOn, "submittedOn"),
                summary: formText(summary), proposedDecision: formText(proposedDecision), questionAnswers: answers,
                furtherChallenges: formText(furtherChallenges), jointWith: joint ?? [],
                declineReason: formText(declineReason),
                positions: positions)
            return (a, problems)
        }
    }

    static func saveAnswer(_ req: Request) async throws -> Response {
        let data = try await roundData(req)
        let body = try req.parameters.require(SiteURL.bodyKey)
        guard mayEdit(req, body: body) else {
            throw Abort(.forbidden, reason: "Only the body's editors and administrators write its answer.")
        }
        guard data.round.recipients.contains(where: { $0.body == body }) else {
            throw Abort(.notFound, reason: "'\(body.prefix(100))' is not on the distribution list of this round.")
        }
        let form = try req.content.decode(AnswerForm.self)
        var (answer, problems) = form.answer(round: data.round.id, body: body)
        // Keep the stored status; the action moves it.
        answer.status = data.answer(of: body)?.answer.status ?? .draft
        if answer.status.isFinal { answer.status = .draft }
        // Submitting is irreversible, so the form only saves and leads to the check step, whose
        // confirmation alone submits (`AnswerCheck.confirm`). An older form's `submit` does the same.
        let review = form.action == "review" || form.action == AnswerStore.Action.submit.rawValue
        // Declining is irreversible too: the form saves the draft with its reason and leads to the
        // confirmation, whose button alone declines (`AnswerDecline.confirm`).
        let decline = form.action == AnswerStore.Action.decline.rawValue
        if decline && answer.declineReason == nil { problems.append(.needDeclineReason) }
        let requested = AnswerStore.Action(rawValue: form.action ?? "save") ?? .save
        let action = review || decline ? .save : requested
        let attachment = form.attachment.flatMap { file in
            // A file field left empty sends a part with no name and no bytes: no attachment.
            file.filename.isEmpty && file.data.readableBytes == 0
                ? nil
                : AnswerStore.NewAttachment(
                    filename: HeaderValue.cleanFilename(file.filename), data: Data(buffer: file.data))
        }
        let version = form.version ?? 0
        let statement = formText(form.statement).flatMap(UUID.init(uuidString:))
        do {
            if !problems.isEmpty { throw AnswerStore.Refused(problems: problems) }
            let removals = (form.removeAttachments ?? []).compactMap(UUID.init(uuidString:))
            _ = try await AnswerStore.save(
                answer, action: action, version: version, attachment: attachment, removing: removals,
                statement: statement.map { .kept($0) }, index: try await req.catalogue().index, by: req.auditActor,
                on: req.db)
            req.application.catalogue.invalidate()
            let next =
                review
                ? SiteURL.Referrals.answerCheck(.value(data.round.id), .value(body)).link(Lang.of(req))
                : decline
                    ? SiteURL.Referrals.answerDecline(.value(data.round.id), .value(body)).link(Lang.of(req))
                    : SiteURL.Referrals.answer(.value(data.round.id), .value(body)).link(
                        Lang.of(req), query: [("saved", "1")])
            return req.redirect(to: next, redirectType: .normal)
        } catch let e as AnswerStore.Refused {
            return try await answerPage(
                req, data: data, body: body, values: answer, version: version, errors: e.problems, saved: nil,
                status: .unprocessableEntity, statement: statement)
        } catch let e as AnswerStore.Conflict {
            return try await answerPage(
                req, data: try await roundData(req), body: body, values: answer, version: version,
                errors: [e.problem], saved: nil, status: .conflict, statement: statement)
        }
    }

    static func attachment(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self),
            let a = try await ReferralAttachment.find(id, on: req.db),
            let answer = try await ReferralAnswer.find(a.$answer.id, on: req.db)
        else { throw Abort(.notFound) }
        // Attachments of answers that are not yet public records are for the body's editors only.
        // Public once the answer is submitted, and stays so while a correction is prepared: an
        // attachment of a corrected revision was added before that revision was replaced.
        var isPublic = AnswerStatus(rawValue: answer.status)?.isFinal == true
        if !isPublic, let answerID = answer.id {
            isPublic =
                try await ReferralAnswerRevision.query(on: req.db).filter(\.$answer.$id == answerID)
                .filter(\.$replacedAt >= a.addedAt).first() != nil
        }
        if !isPublic && !mayEdit(req, body: answer.body) && !mayReadDrafts(req) { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType, value: HeaderValue.checked(a.contentType) ?? "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: HeaderValue.attachment(filename: a.filename))
        // A draft's attachment is for its editors only: no shared cache may keep it.
        if !isPublic { headers.replaceOrAdd(name: .cacheControl, value: "private, no-store") }
        return Response(status: .ok, headers: headers, body: .init(data: a.data))
    }

    // MARK: Calendars

    static func calendar(_ req: Request) async throws -> Response {
        try await calendarResponse(req, body: nil)
    }

    static func bodyCalendar(_ req: Request) async throws -> Response {
        let body = try req.parameters.require(SiteURL.idKey)
        guard try await req.catalogue().index.bodyByID[body] != nil else {
            throw Abort(.notFound, reason: "No body has the id '\(body)'.")
        }
        return try await calendarResponse(req, body: body)
    }

    static func calendarResponse(_ req: Request, body: String?) async throws -> Response {
        let rounds = try await ReferralStore.rounds(on: req.db).map(\.round).filter { r in
            body.map { b in r.recipients.contains { $0.body == b } } ?? true
        }
        // The Host header is the client's to write: only a plain host name goes into the feed.
        let host = HeaderValue.host(req.headers.first(name: .host)) ?? "skillnad"
        // The last day to answer (sista svarsdag): a whole day, a LocalMoment without a time.
        var events = rounds.map { r in
            ICalendarWriter.Event(
                uid: "\(r.id)\(body.map { "-\($0)" } ?? "")@\(host)", start: LocalMoment(day: r.deadline),
                summary: "Sista svarsdag: \(r.title)",
                url: "\(req.isSecure ? "https" : "http")://\(host)\(SiteURL.Referrals.round(.value(r.id)).path)")
        }
        if let body {
            events += try await FollowUpPages.calendarEvents(
                body: body, host: host, scheme: req.isSecure ? "https" : "http", on: req.db)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(
            status: .ok, headers: headers,
            body: .init(
                string: ICalendarWriter.document(
                    name: body.map { "Skillnad – \($0)" } ?? "Skillnad – remisser", events: events)))
    }
}
