import Foundation
import SkillnadCore
import Vapor

/// The import page of follow-up reports: the form, what the columns hold, and the outcome of the
/// last import or every problem that stopped it.
struct FollowUpImportPage: Encodable, Sendable {
    struct Column: Encodable, Sendable {
        let name: String
        let text: String
    }
    struct Count: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Upload: Content {
        var file: File?
    }

    let action: String
    let csrf: String
    let exportLink: String
    let exportExcelLink: String
    let columns: [Column]
    /// Why the file was refused: a summary and every problem by line.
    let refused: String?
    let problems: [String]
    /// What the last import did.
    let done: String?
    let counts: [Count]

    static func form(_ req: Request) async throws -> Response {
        try await render(req, refused: nil, problems: [], done: nil, outcome: nil, status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        let s = Texts(Lang.of(req))
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await render(
                req, refused: s[.followUpImportNoFile], problems: [], done: nil, outcome: nil,
                status: .unprocessableEntity)
        }
        let name = HeaderValue.cleanFilename(file.filename)
        do {
            let outcome = try await FollowUpImport.run(
                Data(buffer: file.data), reporter: FollowUpStore.Reporter(req), index: try await req.catalogue().index,
                on: req.db)
            return try await render(
                req, refused: nil, problems: [], done: Strings.fill(s[.followUpImportDone], name), outcome: outcome,
                status: .ok)
        } catch let e as FollowUpProblems {
            return try await render(
                req, refused: Strings.fill(s[.followUpImportRefused], name, String(e.problems.count)),
                problems: e.problems.map { s.describe($0) }, done: nil, outcome: nil, status: .unprocessableEntity)
        } catch let e as CSVError {
            return try await render(
                req, refused: Strings.fill(s[.followUpImportRefused], name, "1"), problems: [s.description(e)],
                done: nil, outcome: nil, status: .unprocessableEntity)
        }
    }

    static func render(
        _ req: Request, refused: String?, problems: [String], done: String?, outcome: FollowUpImport.Outcome?,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let statuses = FollowUpStatus.allCases.map { "\($0.rawValue) (\(s.label($0)))" }.joined(separator: ", ")
        let texts: [String: String] = [
            "period": s[.followUpImportColumnPeriod], "measure": s[.followUpImportColumnMeasure],
            "body": s[.followUpImportColumnBody], "status": Strings.fill(s[.followUpImportColumnStatus], statuses),
            "progress": s[.followUpImportColumnProgress], "spent": s[.followUpImportColumnSpent],
            "narrative": s[.followUpImportColumnNarrative], "indicators": s[.followUpImportColumnIndicators],
            "state": s[.followUpImportColumnState], "version": s[.followUpImportColumnVersion],
        ]
        let counts: [Count] =
            outcome.map { o in
                [
                    (s[.followUpImportCreated], o.created), (s[.followUpImportUpdated], o.updated),
                    (s[.followUpImportPublished], o.published), (s[.followUpImportUnchanged], o.unchanged),
                    (s[.followUpImportBlank], o.blank),
                ].map { Count(label: $0.0, value: NumberText.plain(Double($0.1), decimals: 0, lang)) }
            } ?? []
        let page = FollowUpImportPage(
            action: SiteURL.FollowUp.importReports.link(lang), csrf: CSRF.token(for: req),
            exportLink: SiteURL.FollowUp.reportsCSV.link(lang),
            exportExcelLink: SiteURL.FollowUp.reportsCSV.link(lang, query: [("variant", "excel")]),
            columns: FollowUpCSV.header.map { Column(name: $0, text: texts[$0] ?? "") }, refused: refused,
            problems: problems, done: done, counts: counts)
        let title = s[.followUpImportTitle]
        let meta = PageMeta.make(
            lang, title: title, description: s[.followUpImportIntro], section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.importReports, crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return try await AccountController.render(
            req, "FollowUp/import", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
