import Foundation
import SkillnadCore
import Vapor

/// The import page of dialogues (for editors and administrators): the form, what the columns
/// hold, and the outcome of the last import or every problem that stopped it, by line and column.
struct DialogueImportPage: Encodable, Sendable {
    struct Column: Encodable, Sendable {
        let name: String
        let swedish: String
        let text: String
    }

    struct Count: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Upload: Content {
        var file: File?
        var replace: String?
    }

    let action: String
    let csrf: String
    let exportLink: String
    let exportExcelLink: String
    let columns: [Column]
    let replace: Bool
    /// Why the file was refused: a summary and every problem by line.
    let refused: String?
    let problems: [String]
    /// Places outside the municipality: told, not refused.
    let warnings: [String]
    /// What the last import did.
    let done: String?
    let counts: [Count]

    static func form(_ req: Request) async throws -> Response {
        try await render(req, replace: false, status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        let s = Texts(Lang.of(req))
        let replace = upload.replace != nil
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await render(
                req, replace: replace, refused: s[.dialogueImportNoFile], status: .unprocessableEntity)
        }
        let name = HeaderValue.cleanFilename(file.filename)
        do {
            let outcome = try await DialogueImport.run(
                Data(buffer: file.data), replace: replace, as: req.principal, by: req.auditActor,
                index: try await req.catalogue().index, on: req.db)
            req.application.catalogue.invalidate()
            return try await render(
                req, replace: replace, warnings: outcome.warnings.map { s.describe($0) },
                done: Strings.fill(s[.dialogueImportDone], name), outcome: outcome, status: .ok)
        } catch let error as DialogueImportProblems {
            return try await render(
                req, replace: replace,
                refused: Strings.fill(s[.dialogueImportRefused], name, String(error.problems.count)),
                problems: error.problems.map { s.describe($0) }, warnings: error.warnings.map { s.describe($0) },
                status: .unprocessableEntity)
        } catch let error as CSVError {
            return try await render(
                req, replace: replace, refused: Strings.fill(s[.dialogueImportRefused], name, "1"),
                problems: [s.description(error)], status: .unprocessableEntity)
        }
    }

    static func render(
        _ req: Request, replace: Bool, refused: String? = nil, problems: [String] = [], warnings: [String] = [],
        done: String? = nil, outcome: DialogueImport.Outcome? = nil, status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        func choices<Choice: RawRepresentable & CaseIterable>(_ label: (Choice) -> String) -> String
        where Choice.RawValue == String {
            Choice.allCases.map { "\($0.rawValue) (\(label($0)))" }.joined(separator: ", ")
        }
        let texts: [DialogueCSV.Column: String] = [
            .id: s[.dialogueImportColumnId], .title: s[.dialogueImportColumnTitle],
            .purpose: s[.dialogueImportColumnPurpose], .question: s[.dialogueImportColumnQuestion],
            .method: Strings.fill(s[.dialogueImportColumnMethod], choices(s.label as (DialogueMethod) -> String)),
            .status: Strings.fill(s[.dialogueImportColumnStatus], choices(s.label as (DialogueStatus) -> String)),
            .level: Strings.fill(s[.dialogueImportColumnLevel], choices(s.label as (ParticipationLevel) -> String)),
            .organiser: s[.dialogueImportColumnOrganiser], .areas: s[.dialogueImportColumnAreas],
            .digital: s[.dialogueImportColumnDigital], .measures: s[.dialogueImportColumnMeasures],
            .tags: s[.dialogueImportColumnTags], .start: s[.dialogueImportColumnStart],
            .end: s[.dialogueImportColumnEnd], .place: s[.dialogueImportColumnPlace],
            .address: s[.dialogueImportColumnAddress], .latitude: s[.dialogueImportColumnLatitude],
            .longitude: s[.dialogueImportColumnLongitude], .participants: s[.dialogueImportColumnParticipants],
            .contributions: s[.dialogueImportColumnContributions],
            .feedbackDate: s[.dialogueImportColumnFeedbackDate],
            .feedbackChannel: s[.dialogueImportColumnFeedbackChannel],
            .feedbackText: s[.dialogueImportColumnFeedbackText],
        ]
        let counts: [Count] =
            outcome.map { done in
                [
                    (s[.dialogueImportCreated], done.created), (s[.dialogueImportReplaced], done.replaced),
                    (s[.dialogueImportSessions], done.sessions),
                ].map { Count(label: $0.0, value: NumberText.plain(Double($0.1), decimals: 0, lang)) }
            } ?? []
        let url = SiteURL.DialogueTransfer.self
        let page = DialogueImportPage(
            action: url.importDialogues.link(lang), csrf: CSRF.token(for: req), exportLink: url.csv.link(lang),
            exportExcelLink: url.csv.link(lang, query: [("variant", "excel")]),
            columns: DialogueCSV.Column.allCases.map {
                Column(name: $0.rawValue, swedish: $0.swedish, text: texts[$0] ?? "")
            }, replace: replace, refused: refused, problems: problems, warnings: warnings, done: done, counts: counts)
        let title = s[.dialogueImportTitle]
        let meta = PageMeta.make(
            lang, title: title, description: s[.dialogueImportIntro], section: SiteURL.Dialogues.list,
            route: url.importDialogues, crumbs: [(s[.dialogues], SiteURL.Dialogues.list)])
        return try await AccountController.render(
            req, "Dialogues/import", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
