import Foundation
import SkillnadCore
import Vapor

/// The handlers' queue (handläggarkön): their bodies' applications that are sent and not closed,
/// the nearest deadline first; and one meeting's decisions on many of them at once, under the
/// meeting's diary number, all or none.
struct GrantQueue: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let id: String
        let version: Int
        let association: String
        let href: String
        let scheme: String
        let status: String
        let asked: String
        let askedKronor: Int
        let late: Bool
        let deadline: String
        let overdue: Bool
        /// Awaiting a decision: a row of the meeting's form.
        let decidable: Bool
        /// The options with the one chosen marked, only in a form sent back with a choice on this row;
        /// otherwise the row shows the page's options, shared by every row, which Leaf renders far
        /// faster than a comparison per option.
        let outcome: [FormOption]?
        let amount: String
        let rule: [FormOption]?
        let reason: String
    }

    let action: String
    let csrf: String
    let awaiting: [Row]
    let others: [Row]
    let total: Int
    let shown: Int
    let showing: String
    let schemes: [FormOption]
    let outcomes: [FormOption]
    let rules: [FormOption]
    let diaryNumber: String
    let meeting: String
    let message: String?
    let errors: [String]

    /// Whose applications a reader handles: every body's for an administrator, its own bodies'
    /// for an editor; nil for anyone else.
    struct Handler: Sendable {
        let bodies: Set<String>?

        func handles(_ body: String) -> Bool { bodies?.contains(body) ?? true }
    }

    static func handledBodies(_ principal: Principal?) -> Handler? {
        guard let principal else { return nil }
        if principal.isAdmin { return Handler(bodies: nil) }
        guard principal.role == .editor, !principal.bodies.isEmpty else { return nil }
        return Handler(bodies: principal.bodies)
    }

    static let limit = 50

    static func register(_ app: Application) {
        let url = SiteURL.Grants.queue.pathComponents
        app.on(.GET, url, rule: .editor, use: show)
        app.on(.POST, url, rule: .editor, use: decide)
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, fields: Fields(), message: nil, errors: [], status: .ok)
    }

    struct DecisionRow: Content, Sendable {
        /// The application's version when the queue was shown.
        var version: String?
        var outcome: String?
        var amount: String?
        var rule: String?
        var reason: String?
    }

    struct Fields: Content, Sendable {
        var diaryNumber: String?
        var meeting: String?
        /// Keyed by application id; a row whose outcome is left blank is not decided now.
        var d: [String: DecisionRow]?
    }

    static func decide(_ req: Request) async throws -> Response {
        guard let handler = handledBodies(req.principal) else {
            throw Abort(.forbidden, reason: "Only the officials of a body that has grant schemes decide on them.")
        }
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(Fields.self)
        var problems: [String] = []
        let (diary, diaryProblems) = GrantDecision.diaryNumber(fields.diaryNumber ?? "")
        problems += diaryProblems.map { s.describe($0) }
        let meetingText = (fields.meeting ?? "").trimmingCharacters(in: .whitespaces)
        let meeting = Day(meetingText)
        if meeting == nil {
            problems.append(s.describe(GrantProblem("meeting", meetingText.isEmpty ? .missing : .notADay)))
        }
        var decisions: [GrantStore.BatchItem] = []
        let chosen = (fields.d ?? [:]).filter { !($0.value.outcome ?? "").isEmpty }.sorted { $0.key < $1.key }
        if chosen.isEmpty { problems.append(s[.grNoDecisions]) }
        for (key, row) in chosen.prefix(1_000) {
            guard let id = UUID(uuidString: key), let application = try await GrantStore.application(id, on: req.db),
                application.status.isSent,
                let scheme = try await GrantStore.scheme(id: application.schemeID, on: req.db),
                handler.handles(scheme.scheme.body)
            else { throw Abort(.notFound) }
            let name = try await AssociationStore.load(ids: [application.associationID], on: req.db).first?.entry.name
            let (decision, rowProblems) = GrantDecision.read(
                outcome: row.outcome ?? "", amount: row.amount ?? "", rule: row.rule ?? "", reason: row.reason ?? "",
                requested: application.request.amount ?? 0, field: "")
            problems += rowProblems.map { "\(name ?? key): \(s.describe($0))" }
            if let decision {
                let version = row.version.flatMap { Int($0) } ?? 0
                decisions.append(GrantStore.BatchItem(application: id, version: version, decision: decision))
            }
        }
        guard problems.isEmpty, let diary, let meeting else {
            return try await page(req, fields: fields, message: nil, errors: problems, status: .unprocessableEntity)
        }
        do {
            try await GrantStore.decide(
                decisions, diaryNumber: diary, meeting: meeting, bodies: handler.bodies, by: req.auditActor,
                on: req.db)
            // "Where the support goes" is a cached page that counts awarded grants.
            req.application.catalogue.invalidate()
        } catch let refused as GrantStore.Problems {
            return try await page(
                req, fields: fields, message: nil, errors: refused.problems.map { s.describe($0) }, status: .conflict)
        }
        return try await page(
            req, fields: Fields(), message: Strings.fill(s[.grDecided], String(decisions.count), diary), errors: [],
            status: .ok)
    }

    static func page(_ req: Request, fields: Fields, message: String?, errors: [String], status: HTTPResponseStatus)
        async throws -> Response
    {
        guard let handler = handledBodies(req.principal) else {
            throw Abort(
                .forbidden, reason: "Only the officials of a body that has grant schemes handle its applications.")
        }
        let lang = Lang.of(req)
        let s = Texts(lang)
        let day = today()
        let schemeFilter: String? = (req.query["scheme"] as String?).flatMap { $0.isEmpty || $0.count > 120 ? nil : $0 }
        let schemes = try await GrantStore.allSchemes(on: req.db).filter { handler.handles($0.scheme.body) }
        let nameBySlug = Dictionary(
            schemes.map { ($0.scheme.id, lang.pick($0.scheme.name, $0.scheme.nameEn).text) },
            uniquingKeysWith: { first, _ in first })
        let awaiting = try await GrantStore.queue(
            bodies: handler.bodies, statuses: [.received, .inReview], scheme: schemeFilter, limit: limit, on: req.db)
        let later = try await GrantStore.queue(
            bodies: handler.bodies, statuses: GrantStore.laterStatuses, scheme: schemeFilter, limit: limit, on: req.db)
        let total = awaiting.total + later.total
        let outcomes =
            [FormOption(value: "", label: s[.grNotNow], selected: false)]
            + GrantDecision.Outcome.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0.status), selected: false)
            }
        let rules =
            [FormOption(value: "", label: s[.grNoRule], selected: false)]
            + GrantDecision.Rule.allCases.map { FormOption(value: $0.rawValue, label: s.label($0), selected: false) }
        let built = (awaiting.rows + later.rows).map { row -> Row in
            let status = GrantStatus(rawValue: row.status) ?? .received
            let field = fields.d?[row.id.uuidString]
            let deadline = row.deadline.flatMap(Day.init)
            return Row(
                id: row.id.uuidString, version: row.version, association: row.association_name,
                href: SiteURL.Grants.application(.value(row.id.uuidString)).link(lang),
                scheme: nameBySlug[row.scheme_slug] ?? row.scheme_slug, status: s.label(status),
                asked: row.amount_requested.map { SchemePages.kronor($0, lang) } ?? "–",
                askedKronor: row.amount_requested ?? 0, late: row.late, deadline: row.deadline ?? "–",
                overdue: deadline.map { $0 < day } ?? false, decidable: status.awaitsDecision,
                outcome: field?.outcome.flatMap { chosen in
                    outcomes.map { FormOption(value: $0.value, label: $0.label, selected: $0.value == chosen) }
                },
                amount: field?.amount ?? "",
                rule: field?.rule.flatMap { chosen in
                    rules.map { FormOption(value: $0.value, label: $0.label, selected: $0.value == chosen) }
                },
                reason: field?.reason ?? "")
        }
        let page = GrantQueue(
            action: SiteURL.Grants.queue.link(lang), csrf: CSRF.token(for: req),
            awaiting: built.filter(\.decidable), others: built.filter { !$0.decidable }, total: total,
            shown: built.count, showing: Strings.fill(s[.grShowingOf], String(built.count), String(total)),
            schemes: [FormOption(value: "", label: s[.grAllSchemes], selected: schemeFilter == nil)]
                + schemes.map {
                    FormOption(
                        value: $0.scheme.id, label: nameBySlug[$0.scheme.id] ?? $0.scheme.id,
                        selected: $0.scheme.id == schemeFilter)
                },
            outcomes: outcomes, rules: rules,
            diaryNumber: fields.diaryNumber ?? "", meeting: fields.meeting ?? day.description, message: message,
            errors: errors)
        let meta = PageMeta.make(
            lang, title: s[.grQueue], description: s[.grDescription], section: SiteURL.Grants.list,
            route: SiteURL.Grants.queue, crumbs: [(s[.grants], SiteURL.Grants.list)])
        return try await AccountController.render(
            req, "Grants/queue", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
