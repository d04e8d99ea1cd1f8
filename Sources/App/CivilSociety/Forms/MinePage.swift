import Foundation
import SkillnadCore
import Vapor

/// The associations a signed-in administrator keeps (mina föreningar): each with where it stands
/// in every district's register, the renewal due after the annual meeting (the reminder), and the
/// yearly renewal itself.
struct MinePage: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        let name: String
        let href: String
        let editHref: String
        let renewAction: String
        let version: String
        let registers: [AssociationPage.RegisterRow]
        /// The reminder: renew by this day, or that the entry has lapsed.
        let reminder: String?
        let meeting: String
    }

    let csrf: String
    let items: [Item]
    let newHref: String
    let message: String?
    let errors: [String]

    static func register(_ app: Application) {
        let url = SiteURL.Associations.self
        app.on(.GET, url.mine.pathComponents, rule: .association, use: show)
        app.on(.POST, url.renew(.key).pathComponents, rule: .association, use: renew)
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, message: nil, errors: [], status: .ok)
    }

    struct RenewFields: Content, Sendable {
        var annualMeeting: String?
        var version: String?
    }

    /// The yearly renewal: the day of the annual meeting just held, which cannot be in the future
    /// nor before the one on record.
    static func renew(_ req: Request) async throws -> Response {
        let stored = try await EntryForm.own(req)
        let s = Texts(Lang.of(req))
        let fields = try req.content.decode(RenewFields.self)
        let day = today()
        var problems: [AssociationDraft.Problem] = []
        let meeting = Day((fields.annualMeeting ?? "").trimmingCharacters(in: .whitespaces))
        if let meeting {
            if meeting > day { problems.append(.init("annualMeeting", .inTheFuture)) }
            if let recorded = stored.entry.annualMeeting, meeting < recorded {
                problems.append(.init("annualMeeting", .before(recorded)))
            }
        } else {
            problems.append(.init("annualMeeting", (fields.annualMeeting ?? "").isEmpty ? .missing : .notADay))
        }
        guard let version = fields.version.flatMap({ Int($0) }) else {
            return try await page(
                req, message: nil, errors: [s.describe(AssociationDraft.Problem("version", .missing))],
                status: .unprocessableEntity)
        }
        guard problems.isEmpty, let meeting else {
            return try await page(
                req, message: nil, errors: problems.map { "\(stored.entry.name): \(s.describe($0))" },
                status: .unprocessableEntity)
        }
        do {
            try await AssociationStore.renew(
                stored, meeting: meeting, version: version, today: day, by: req.auditActor, on: req.db)
        } catch let problems as AssociationStore.Problems {
            return try await page(
                req, message: nil, errors: problems.problems.map { "\(stored.entry.name): \(s.describe($0))" },
                status: .conflict)
        }
        return try await page(
            req, message: Strings.fill(s[.asRenewed], stored.entry.name, day.description), errors: [], status: .ok)
    }

    static func page(_ req: Request, message: String?, errors: [String], status: HTTPResponseStatus) async throws
        -> Response
    {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let day = today()
        let stored = try await AssociationStore.administered(by: principal.userID, on: req.db)
        let items = stored.map { association -> Item in
            let registers = association.registers.map { register in
                let name = index.areaByID[register.area].map { lang.pick($0.name, $0.nameEn) }
                return AssociationPage.RegisterRow(
                    district: name?.text ?? register.area, lang: name?.lang ?? "sv",
                    standing: s.label(association.standing(register, today: day)), reason: register.reason)
            }
            let standings = association.registers.map { association.standing($0, today: day) }
            var reminder: String?
            if let last = RegisterStanding.lastDay(
                annualMeeting: association.entry.annualMeeting, verified: association.verifiedOn)
            {
                let due = last.description
                if standings.contains(.notRenewed) {
                    reminder = Strings.fill(s[.asReminderLapsed], due)
                } else if standings.contains(.renewalDue) {
                    reminder = Strings.fill(s[.asReminderDue], due)
                }
            }
            return Item(
                name: association.entry.name,
                href: SiteURL.Associations.association(.value(association.slug)).link(lang),
                editHref: SiteURL.Associations.edit(.value(association.slug)).link(lang),
                renewAction: SiteURL.Associations.renew(.value(association.slug)).link(lang),
                version: String(association.version), registers: registers, reminder: reminder,
                meeting: association.entry.annualMeeting?.description ?? "")
        }
        let page = MinePage(
            csrf: CSRF.token(for: req), items: items, newHref: SiteURL.Associations.new.link(lang), message: message,
            errors: errors)
        let meta = PageMeta.make(
            lang, title: s[.asMine], description: s[.asDescription], section: SiteURL.Associations.list,
            route: SiteURL.Associations.mine, crumbs: [(s[.associations], SiteURL.Associations.list)])
        return try await AccountController.render(
            req, "CivilSociety/mine", PageContext(meta: meta, t: s, page: page), status: status)
    }
}
