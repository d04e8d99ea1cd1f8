import Fluent
import Foundation
import SkillnadCore
import Vapor

/// A body's follow-up report on a measure in a period: what was published (the public record) with
/// every earlier publication, so a change of status is never hidden; and for the body's editors
/// and administrators the form: draft → submitted → published, a correction of a published report
/// being a new draft. A save from an older version is refused with the conflict page, which keeps
/// what the editor typed beside what is stored now.
struct FollowUpReportPage: Encodable, Sendable {
    struct Published: Encodable, Sendable {
        let revision: Int
        let status: String
        let cls: String
        let progress: Int
        let narrative: String?
        let spent: String?
        let indicators: [Link]
        let publishedAt: String
    }
    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }
    struct File: Encodable, Sendable {
        let name: String
        let href: String
        let size: String
        let isPublic: Bool
    }
    /// The form as the template shows it.
    struct Form: Encodable, Sendable {
        let action: String
        let csrf: String
        let version: Int
        let state: String
        let stateCls: String
        let statuses: [FormOption]
        let progress: String
        let narrative: String
        let spent: String
        let indicators: [FormOption]
        let isAdmin: Bool
        let mayReturn: Bool
        let errors: [String]
        /// What is stored now, shown when the save was refused because someone else saved first.
        let conflict: Published?
        let saved: String?
        let unpublishedChanges: Bool
    }

    let measureCode: String
    let measureTitle: LocalText
    let measureHref: String
    let body: LocalText
    let bodyHref: String
    let period: String
    let periodHref: String
    let asOf: String
    let deadline: String
    let budgetYear: Int
    let budgetYearHref: String
    let assignmentText: String?
    let ended: Bool
    let published: Published?
    let history: [Published]
    let files: [File]
    let form: Form?

    /// What the page is about, or 404.
    struct Subject: Sendable {
        let period: FollowUpPeriod
        let periodID: UUID
        let measure: MeasureRecord
        let body: BodyRecord
        let assignment: Assignment
        let assignmentID: UUID
    }

    static func subject(_ req: Request, index: CatalogueIndex) async throws -> Subject {
        let slug = try req.parameters.require(SiteURL.FollowUp.periodKey)
        let measureID = try req.parameters.require(SiteURL.FollowUp.measureKey)
        let bodyID = try req.parameters.require(SiteURL.bodyKey)
        guard let period = try await FollowUpPeriod.query(on: req.db).filter(\.$slug == slug).first(),
            let periodID = period.id
        else { throw Abort(.notFound, reason: "No follow-up period has the id '\(slug.prefix(80))'.") }
        guard let measure = index.measureByPublicID[measureID], let body = index.bodyByID[bodyID] else {
            throw Abort(.notFound, reason: "No such measure or body.")
        }
        guard
            let assignment = try await Assignment.query(on: req.db).filter(\.$budgetYear == period.year)
                .filter(\.$measure == measureID).filter(\.$body == bodyID).first(),
            let assignmentID = assignment.id
        else {
            throw Abort(.notFound, reason: "\(bodyID.prefix(80)) has no assignment for this measure in \(period.year).")
        }
        return Subject(
            period: period, periodID: periodID, measure: measure, body: body, assignment: assignment,
            assignmentID: assignmentID)
    }

    static func mayWrite(_ req: Request, body: String) -> Bool {
        ReferralController.mayEdit(req, body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        let index = try await req.catalogue().index
        let subject = try await subject(req, index: index)
        let lang = Lang.of(req)
        if mayWrite(req, body: subject.body.id) {
            let saved = req.query[String.self, at: "saved"].map { _ in Texts(lang)[.reportSavedNotice] }
            let context = try await build(
                req, index, lang, subject, input: nil, errors: [], conflict: false, saved: saved)
            return try await AccountController.render(req, "FollowUp/report", context)
        }
        return try await PageRenderer.render(req, template: "FollowUp/report") { index, lang in
            try await build(
                req, index, lang, subject, input: nil, errors: [], conflict: false, saved: nil, editable: false)
        }
    }

    /// The form's fields.
    struct Fields: Content {
        var version: Int?
        var action: String?
        var status, progress, narrative, spent: String?
        var indicators: [String]?
        var attachment: Vapor.File?
    }

    static func save(_ req: Request) async throws -> Response {
        let index = try await req.catalogue().index
        let subject = try await subject(req, index: index)
        let lang = Lang.of(req)
        let s = Texts(lang)
        guard mayWrite(req, body: subject.body.id) else {
            throw Abort(.forbidden, reason: "Only the body's editors and administrators write its reports.")
        }
        let fields = try req.content.decode(Fields.self)
        guard let action = FollowUpStore.ReportAction(rawValue: fields.action ?? "save") else {
            throw ParameterError(parameter: "action", message: "expected save, submit, publish or returnToDraft")
        }
        let known = Set(try await IndicatorQueries.all(on: req.db).map(\.code))
        let attachment = fields.attachment.flatMap { file in
            file.filename.isEmpty && file.data.readableBytes == 0
                ? nil
                : AnswerStore.NewAttachment(
                    filename: HeaderValue.cleanFilename(file.filename), data: Data(buffer: file.data))
        }
        func refused(_ problems: [FollowUpProblem], conflict: Bool) async throws -> Response {
            let context = try await build(
                req, index, lang, subject, input: fields, errors: problems.map(s.describe), conflict: conflict,
                saved: nil)
            return try await AccountController.render(
                req, "FollowUp/report", context, status: conflict ? .conflict : .unprocessableEntity)
        }
        var values: FollowUpReportValues
        if action == .returnToDraft {
            values = FollowUpReportValues(status: .notStarted, progress: 0)
        } else {
            switch FollowUpReportValues.read(
                status: fields.status, progress: fields.progress, narrative: fields.narrative, spent: fields.spent,
                indicators: fields.indicators ?? [], knownIndicators: known)
            {
            case .success(let read): values = read
            case .failure(let e): return try await refused(e.problems, conflict: false)
            }
        }
        do {
            try await FollowUpStore.saveReport(
                assignment: subject.assignmentID, period: subject.periodID, values: values, action: action,
                version: fields.version ?? 0, attachment: attachment, reporter: FollowUpStore.Reporter(req), on: req.db)
        } catch let e as FollowUpProblems {
            return try await refused(e.problems, conflict: false)
        } catch let e as FollowUpStore.Conflict {
            _ = e
            return try await refused([], conflict: true)
        }
        req.application.catalogue.invalidate()
        let link = SiteURL.FollowUp.report(
            .value(subject.period.slug), .value(subject.measure.publicID), .value(subject.body.id)
        ).link(lang, query: [("saved", "1")])
        return req.redirect(to: link, redirectType: .normal)
    }

    static func published(_ p: FollowUpPublication, infos: [String: IndicatorInfo], lang: Lang) -> Published {
        let s = Texts(lang)
        let status = FollowUpStatus(rawValue: p.status)
        return Published(
            revision: p.revision, status: status.map(s.label) ?? p.status, cls: p.status, progress: p.progress,
            narrative: p.narrative, spent: p.spentOre.map { SwedishAmount(ore: $0).formatted(english: lang == .en) },
            indicators: FollowUpStore.list(p.indicators).map { code in
                Link(
                    label: infos[code].map { lang.pick($0.definition.name, $0.definition.nameEn).text } ?? code,
                    href: SiteURL.Indicators.indicator(.value(code)).link(lang))
            },
            publishedAt: minute(p.publishedAt))
    }

    static func build(
        _ req: Request, _ index: CatalogueIndex, _ lang: Lang, _ subject: Subject, input: Fields?, errors: [String],
        conflict: Bool, saved: String?, editable: Bool = true
    ) async throws -> PageContext<FollowUpReportPage> {
        let s = Texts(lang)
        let db = req.db
        let report = try await FollowUpReport.query(on: db).filter(\.$assignment.$id == subject.assignmentID)
            .filter(\.$period.$id == subject.periodID).first()
        let infoList = try await IndicatorQueries.all(on: db)
        let infos = Dictionary(infoList.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var publications: [FollowUpPublication] = []
        var files: [FollowUpAttachment] = []
        if let reportID = report?.id {
            publications = try await FollowUpPublication.query(on: db).filter(\.$report.$id == reportID)
                .sort(\.$revision, .descending).all()
            files = try await FollowUpAttachment.query(on: db).filter(\.$report.$id == reportID).sort(\.$addedAt).all()
        }
        let lastPublished = publications.first?.publishedAt
        let history = publications.map { published($0, infos: infos, lang: lang) }
        var form: Form?
        if editable {
            let stored = report
            let state = stored.flatMap { ReportState(rawValue: $0.state) } ?? .draft
            let chosenStatus = input?.status ?? stored?.status ?? FollowUpStatus.notStarted.rawValue
            let chosenIndicators = Set(input?.indicators ?? stored.map { FollowUpStore.list($0.indicators) } ?? [])
            let conflictView =
                conflict
                ? stored.map { r in
                    Published(
                        revision: r.revision, status: FollowUpStatus(rawValue: r.status).map(s.label) ?? r.status,
                        cls: r.status, progress: r.progress, narrative: r.narrative,
                        spent: r.spentOre.map { SwedishAmount(ore: $0).formatted(english: lang == .en) },
                        indicators: [],
                        publishedAt: minute(r.updatedAt) + " · " + r.updatedBy)
                } : nil
            let isAdmin = req.principal?.isAdmin ?? false
            form = Form(
                action: SiteURL.FollowUp.report(
                    .value(subject.period.slug), .value(subject.measure.publicID), .value(subject.body.id)
                ).link(lang),
                csrf: CSRF.token(for: req),
                // After a conflict the form carries the stored version: saving again is a knowing choice.
                version: conflict ? stored?.version ?? 0 : input?.version ?? stored?.version ?? 0,
                state: s.label(state), stateCls: state.rawValue,
                statuses: FollowUpStatus.allCases.map {
                    FormOption(
                        value: $0.rawValue, label: "\(s.label($0)) (\($0.defaultProgress) %)",
                        selected: $0.rawValue == chosenStatus)
                },
                progress: input?.progress ?? stored.map { String($0.progress) } ?? "",
                narrative: input?.narrative ?? stored?.narrative ?? "",
                spent: input?.spent ?? stored?.spentOre.map { SwedishAmount(ore: $0).formatted(english: false) } ?? "",
                indicators: infoList.map { info in
                    FormOption(
                        value: info.code, label: lang.pick(info.definition.name, info.definition.nameEn).text,
                        selected: chosenIndicators.contains(info.code))
                },
                isAdmin: isAdmin, mayReturn: isAdmin && state == .submitted, errors: errors, conflict: conflictView,
                saved: saved,
                unpublishedChanges: stored.map { $0.state != ReportState.published.rawValue && $0.revision > 0 }
                    ?? false)
        }
        let mayReadDrafts = editable
        let page = FollowUpReportPage(
            measureCode: subject.measure.code, measureTitle: lang.pick(subject.measure.title, subject.measure.titleEn),
            measureHref: SiteURL.Catalogue.measure(.value(subject.measure.publicID)).link(lang),
            body: lang.pick(subject.body.name, subject.body.nameEn),
            bodyHref: SiteURL.Catalogue.body(.value(subject.body.id)).link(lang),
            period: lang == .en ? subject.period.nameEn ?? subject.period.name : subject.period.name,
            periodHref: SiteURL.FollowUp.period(.value(subject.period.slug)).link(lang),
            asOf: subject.period.asOf, deadline: subject.period.deadline, budgetYear: subject.assignment.budgetYear,
            budgetYearHref: SiteURL.FollowUp.budgetYear(.value(String(subject.assignment.budgetYear))).link(lang),
            assignmentText: subject.assignment.text, ended: subject.assignment.$endedBy.id != nil,
            published: history.first, history: Array(history.dropFirst()),
            files: files.compactMap { f in
                let isPublic = lastPublished.map { f.addedAt <= $0 } ?? false
                guard isPublic || mayReadDrafts, let id = f.id else { return nil }
                return File(
                    name: f.filename, href: SiteURL.FollowUp.attachment(.value(id.uuidString.lowercased())).link(lang),
                    size: NumberText.plain(Double(f.size) / 1024, decimals: 0, lang) + " kB", isPublic: isPublic)
            },
            form: form)
        let title = "\(subject.measure.code) · \(page.body.text) · \(page.period)"
        let meta = PageMeta.make(
            lang, title: title, description: s[.reportPageDescription], section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.report(
                .value(subject.period.slug), .value(subject.measure.publicID), .value(subject.body.id)),
            crumbs: [
                (s[.followUp], SiteURL.FollowUp.overview),
                (page.period, SiteURL.FollowUp.period(.value(subject.period.slug))),
            ])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// An attachment: public once a publication of its report is at least as new; before that
    /// for the body's editors, administrators and readers only.
    static func attachment(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self),
            let file = try await FollowUpAttachment.find(id, on: req.db),
            let report = try await FollowUpReport.find(file.$report.id, on: req.db),
            let assignment = try await Assignment.find(report.$assignment.id, on: req.db)
        else { throw Abort(.notFound) }
        let isPublic =
            try await FollowUpPublication.query(on: req.db).filter(\.$report.$id == file.$report.id)
            .filter(\.$publishedAt >= file.addedAt).first() != nil
        if !isPublic && !mayWrite(req, body: assignment.body) && !ReferralController.mayReadDrafts(req) {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType, value: HeaderValue.checked(file.contentType) ?? "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: HeaderValue.attachment(filename: file.filename))
        if !isPublic { headers.replaceOrAdd(name: .cacheControl, value: "private, no-store") }
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }
}
