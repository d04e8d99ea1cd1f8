import Fluent
import Foundation
import SkillnadCore
import Vapor

/// An association's entry as its administrator writes it (registrera förening, ändra uppgifter):
/// the association, the districts whose registers it asks to be in, members counted by age band
/// and sex, the board, the contact person, the account for grants, the annual meeting and the
/// activities. Every problem is shown at once beside what was written; nothing is saved until
/// all of it reads.
struct EntryForm: Encodable, Sendable {
    /// The form as posted: rows keyed by their number (`board[2][name]`), members by
    /// `band/sex` (`members[7-12/women]`).
    struct Fields: Content, Sendable {
        var name: String?
        var organisationNumber: String?
        var legalForm: String?
        var founded: String?
        var purpose: String?
        var districts: [String]?
        var members: [String: String]?
        var board: [String: BoardFields]?
        var contactName: String?
        var contactEmail: String?
        var contactPhone: String?
        var contactPublic: String?
        var website: String?
        var giroKind: String?
        var giroNumber: String?
        var annualMeeting: String?
        var democracyConditions: String?
        var activities: [String: ActivityFields]?
        var version: String?

        struct BoardFields: Content, Sendable {
            var name: String?
            var role: String?
        }

        struct ActivityFields: Content, Sendable {
            var name: String?
            var description: String?
            var audience: String?
            var minimumAge: String?
            var maximumAge: String?
            var languages: String?
            var area: String?
            var place: String?
            var address: String?
            var latitude: String?
            var longitude: String?
            var schedule: String?
        }

        /// Rows in their numbers' order; numbers that are not numbers are left out.
        static func ordered<T>(_ rows: [String: T]?) -> [T] {
            (rows ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }
                .prefix(100).map(\.1)
        }

        var draft: AssociationDraft {
            var draft = AssociationDraft()
            draft.name = name ?? ""
            draft.organisationNumber = organisationNumber ?? ""
            draft.legalForm = legalForm ?? ""
            draft.founded = founded ?? ""
            draft.purpose = purpose ?? ""
            draft.districts = Array((districts ?? []).prefix(100))
            draft.members = (members ?? [:]).filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            draft.board = Self.ordered(board).map { .init(name: $0.name ?? "", role: $0.role ?? "") }
            draft.contactName = contactName ?? ""
            draft.contactEmail = contactEmail ?? ""
            draft.contactPhone = contactPhone ?? ""
            draft.contactPublic = contactPublic == "on" || contactPublic == "true"
            draft.website = website ?? ""
            draft.giroKind = giroKind ?? ""
            draft.giroNumber = giroNumber ?? ""
            draft.annualMeeting = annualMeeting ?? ""
            draft.democracyConditions = democracyConditions == "on" || democracyConditions == "true"
            draft.activities = Self.ordered(activities).map {
                .init(
                    name: $0.name ?? "", description: $0.description ?? "", audience: $0.audience ?? "",
                    minimumAge: $0.minimumAge ?? "", maximumAge: $0.maximumAge ?? "", languages: $0.languages ?? "",
                    area: $0.area ?? "", place: $0.place ?? "", address: $0.address ?? "",
                    latitude: $0.latitude ?? "", longitude: $0.longitude ?? "", schedule: $0.schedule ?? "")
            }
            return draft
        }
    }

    struct MemberRow: Encodable, Sendable {
        let band: String
        let cells: [MemberCell]
    }

    struct MemberCell: Encodable, Sendable {
        let name: String
        let id: String
        let label: String
        let value: String
    }

    struct BoardRow: Encodable, Sendable {
        let index: String
        let label: String
        let name: String
        let roles: [FormOption]
    }

    struct ActivityRow: Encodable, Sendable {
        let index: String
        let label: String
        let row: AssociationDraft.ActivityRow
        let areas: [FormOption]
    }

    let action: String
    let csrf: String
    let title: String
    let isNew: Bool
    let errors: [ErrorItem]
    let draft: AssociationDraft
    let version: String
    let legalForms: [FormOption]
    let districts: [FormOption]
    let sexes: [String]
    let members: [MemberRow]
    let board: [BoardRow]
    let giroKinds: [FormOption]
    let activities: [ActivityRow]
    let boardHint: String
    let cancelHref: String

    static func register(_ app: Application) {
        let url = SiteURL.Associations.self
        app.on(.GET, url.new.pathComponents, rule: .association, use: showNew)
        app.on(.POST, url.new.pathComponents, rule: .association, use: saveNew)
        app.on(.GET, url.edit(.key).pathComponents, rule: .association, use: showEdit)
        app.on(.POST, url.edit(.key).pathComponents, rule: .association, use: saveEdit)
    }

    /// The association in the address, when the signed-in person keeps it; 404 otherwise, so an
    /// id that is someone else's looks like one that does not exist.
    static func own(_ req: Request) async throws -> AssociationStore.Stored {
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 120, let stored = try await AssociationStore.find(slug, on: req.db),
            try await RegisterPages.mayAdminister(req.principal, stored, on: req.db)
        else { throw Abort(.notFound) }
        return stored
    }

    static func showNew(_ req: Request) async throws -> Response {
        var draft = AssociationDraft()
        draft.democracyConditions = false
        return try await page(req, draft: draft, stored: nil, errors: [], status: .ok)
    }

    static func showEdit(_ req: Request) async throws -> Response {
        let stored = try await own(req)
        return try await page(req, draft: AssociationDraft(stored.entry), stored: stored, errors: [], status: .ok)
    }

    static func saveNew(_ req: Request) async throws -> Response {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let fields = try req.content.decode(Fields.self)
        let draft = fields.draft
        let index = try await req.catalogue().index
        do {
            let entry = try read(draft, index: index)
            let slug = try await AssociationStore.register(
                entry, for: principal.userID, by: req.auditActor, now: Date(), on: req.db)
            return req.redirect(to: SiteURL.Associations.association(.value(slug)).link(Lang.of(req)))
        } catch let problems as AssociationStore.Problems {
            return try await page(
                req, draft: draft, stored: nil, errors: describe(problems.problems, req), status: .unprocessableEntity)
        }
    }

    static func saveEdit(_ req: Request) async throws -> Response {
        let stored = try await own(req)
        let fields = try req.content.decode(Fields.self)
        let draft = fields.draft
        let index = try await req.catalogue().index
        do {
            guard let version = fields.version.flatMap({ Int($0) }) else {
                throw AssociationStore.Problems(problems: [.init("version", .missing)])
            }
            let entry = try read(draft, index: index)
            try await AssociationStore.update(
                stored, with: entry, version: version, by: req.auditActor, now: Date(), on: req.db)
            return req.redirect(to: SiteURL.Associations.association(.value(stored.slug)).link(Lang.of(req)))
        } catch let problems as AssociationStore.Problems {
            let status: HTTPResponseStatus =
                problems.problems.contains {
                    if case .changedSince = $0.kind { return true }
                    return false
                } ? .conflict : .unprocessableEntity
            return try await page(
                req, draft: draft, stored: stored, errors: describe(problems.problems, req), status: status)
        }
    }

    /// The entry the draft reads as against the catalogue's districts and areas.
    static func read(_ draft: AssociationDraft, index: CatalogueIndex) throws -> AssociationEntry {
        let districts = Set(index.document.currentDistrictAreas.map(\.id))
        do {
            return try draft.entry(districts: districts, areas: Set(activityAreas(index).map(\.id)), today: today())
        } catch {
            throw AssociationStore.Problems(problems: error.problems)
        }
    }

    static func describe(_ problems: [AssociationDraft.Problem], _ req: Request) -> [ErrorItem] {
        let s = Texts(Lang.of(req))
        return problems.map { ErrorItem(text: s.describe($0), href: fieldID($0.field).map { "#" + $0 }) }
    }

    /// The id of the form control a problem's field (`AssociationDraft.Problem.field`) is written
    /// in: a group's first control for the group as a whole; nil for what has no control.
    static func fieldID(_ field: String) -> String? {
        let band = AssociationEntry.AgeBand.allCases.first?.rawValue ?? ""
        let sex = AssociationEntry.Sex.allCases.first?.rawValue ?? ""
        let single = [
            "name": "e-name", "organisationNumber": "e-orgnr", "legalForm": "e-form", "founded": "e-founded",
            "purpose": "e-purpose", "website": "e-website", "districts": "e-districts",
            "members": "m-\(band)-\(sex)",
            "board": "e-b-0-name", "contactName": "e-c-name", "contactEmail": "e-c-email", "contactPhone": "e-c-phone",
            "giroKind": "e-giro-kind", "giroNumber": "e-giro", "annualMeeting": "e-meeting",
            "democracyConditions": "e-democracy", "activities": "e-a-0-name",
        ]
        if let id = single[field] { return id }
        if field.hasPrefix("members.") {
            return "m-" + field.dropFirst("members.".count).replacingOccurrences(of: "/", with: "-")
        }
        // "board[2].role", "activities[0].minimumAge": the row's index and the part of it.
        let parts = field.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let open = parts[0].firstIndex(of: "["), parts[0].last == "]",
            let row = Int(parts[0][parts[0].index(after: open)..<parts[0].index(before: parts[0].endIndex)])
        else { return nil }
        let part = String(parts[1])
        switch parts[0][..<open] {
        case "board" where ["name", "role"].contains(part):
            return "e-b-\(row)-\(part)"
        case "activities":
            let short = ["minimumAge": "min", "maximumAge": "max", "latitude": "lat", "longitude": "lon"]
            let known = ["name", "description", "audience", "languages", "area", "place", "address", "schedule"]
            guard let suffix = short[part] ?? (known.contains(part) ? part : nil) else { return nil }
            return "e-a-\(row)-\(suffix)"
        default:
            return nil
        }
    }

    /// Where an activity may be: the current district areas and the districts in them.
    static func activityAreas(_ index: CatalogueIndex) -> [AreaRecord] {
        index.document.areas.filter { ($0.kind == .districtArea || $0.kind == .district) && $0.validTo == nil }
    }

    static func page(
        _ req: Request, draft: AssociationDraft, stored: AssociationStore.Stored?, errors: [ErrorItem],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let districts = RegisterPages.districts(index, lang: lang)
        let chosen = Set(draft.districts)
        let areas = activityAreas(index).sorted {
            lang.pick($0.name, $0.nameEn).text < lang.pick($1.name, $1.nameEn).text
        }
        func areaOptions(_ selected: String) -> [FormOption] {
            [FormOption(value: "", label: s[.asChoose], selected: selected.isEmpty)]
                + areas.map {
                    let name = lang.pick($0.name, $0.nameEn)
                    return FormOption(value: $0.id, label: name.text, selected: $0.id == selected, lang: name.lang)
                }
        }
        let members = AssociationEntry.AgeBand.allCases.map { band in
            MemberRow(
                band: band.rawValue,
                cells: AssociationEntry.Sex.allCases.map { sex in
                    let key = "\(band.rawValue)/\(sex.rawValue)"
                    return MemberCell(
                        name: "members[\(key)]", id: "m-\(band.rawValue)-\(sex.rawValue)",
                        label: Strings.fill(s[.asMembersCell], s.label(sex), band.rawValue),
                        value: draft.members[key] ?? "")
                })
        }
        // Room for a board of five and two new activities beyond what is written.
        let boardRows = draft.board + Array(repeating: .init(), count: max(5 - draft.board.count, 1))
        let board = boardRows.enumerated().map { index, row in
            BoardRow(
                index: String(index), label: Strings.fill(s[.asBoardMember], String(index + 1)), name: row.name,
                roles: [FormOption(value: "", label: s[.asChoose], selected: row.role.isEmpty)]
                    + AssociationEntry.BoardRole.allCases.map {
                        FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == row.role)
                    })
        }
        let activityRows = draft.activities + [.init(), .init()]
        let activities = activityRows.enumerated().map { index, row in
            ActivityRow(
                index: String(index), label: Strings.fill(s[.asActivity], String(index + 1)), row: row,
                areas: areaOptions(row.area))
        }
        let isNew = stored == nil
        let action =
            stored.map { SiteURL.Associations.edit(.value($0.slug)).link(lang) } ?? SiteURL.Associations.new.link(lang)
        let form = EntryForm(
            action: action, csrf: CSRF.token(for: req), title: isNew ? s[.asRegisterNew] : stored?.entry.name ?? "",
            isNew: isNew, errors: errors, draft: draft, version: stored.map { String($0.version) } ?? "",
            legalForms: AssociationEntry.LegalForm.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == draft.legalForm)
            },
            districts: districts.map {
                let name = lang.pick($0.name, $0.nameEn)
                return FormOption(value: $0.id, label: name.text, selected: chosen.contains($0.id), lang: name.lang)
            },
            sexes: AssociationEntry.Sex.allCases.map { s.label($0) }, members: members, board: board,
            giroKinds: GiroNumber.Kind.allCases.map {
                FormOption(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == draft.giroKind)
            },
            activities: activities,
            boardHint: Strings.fill(s[.asBoardHint], String(AssociationEntry.minimumBoard)),
            cancelHref: stored.map { SiteURL.Associations.association(.value($0.slug)).link(lang) }
                ?? SiteURL.Associations.mine.link(lang))
        let route: any SiteRoute =
            stored.map { SiteURL.Associations.edit(.value($0.slug)) } ?? SiteURL.Associations.new
        let meta = PageMeta.make(
            lang, title: form.title, description: s[.asDescription], section: SiteURL.Associations.list,
            route: route,
            crumbs: [(s[.associations], SiteURL.Associations.list), (s[.asMine], SiteURL.Associations.mine)])
        return try await AccountController.render(
            req, "CivilSociety/entry", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
