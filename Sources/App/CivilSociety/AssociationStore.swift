import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Vapor

/// Reads and writes the register of associations. An entry is written whole in one transaction
/// with its district registers, its activities and an audit event; a change from an older
/// version than the stored one is refused, never written over.
enum AssociationStore {
    /// An association as stored: its entry and what the register knows of it.
    struct Stored: Sendable {
        let id: UUID
        let slug: String
        let entry: AssociationEntry
        let verifiedOn: Day?
        let version: Int
        /// When the entry was last changed (ISO 8601).
        let updatedAt: String
        /// Each district's register it is in or has asked to be in, with the decision.
        var registers: [Register]

        func standing(in area: String, today: Day) -> RegisterStanding? {
            registers.first { $0.area == area }.map { standing($0, today: today) }
        }

        func standing(_ register: Register, today: Day) -> RegisterStanding {
            RegisterStanding.of(
                decision: register.decision, verified: verifiedOn, annualMeeting: entry.annualMeeting, today: today)
        }

        /// Registered in some district's register: shown to the public.
        func isPublic(today: Day) -> Bool { registers.contains { standing($0, today: today).isRegistered } }
    }

    struct Register: Sendable {
        let area: String
        let decision: RegisterDecision
        let reason: String?
        let decidedOn: String?
    }

    /// What refuses a write, each with its field.
    struct Problems: Error, Sendable {
        let problems: [AssociationDraft.Problem]
    }

    /// Ids that are addresses of the register's own pages.
    static let reservedSlugs: Set<String> = ["join", "mine", "new", "queue"]

    private struct Row: Decodable {
        let id: UUID
        let slug: String
        let entry: String
        let verified_on: String?
        let version: Int
        let updated_at: String
    }

    private struct RegisterRow: Decodable {
        let association_id: UUID
        let area: String
        let decision: String
        let reason: String?
        let decided_on: String?
    }

    // MARK: - Reading

    /// Associations by their ids in the database, with their registers, in `ids`' order.
    static func load(ids: [UUID], on db: any Database) async throws -> [Stored] {
        guard !ids.isEmpty else { return [] }
        let list: [any Encodable & Sendable] = ids
        let rows = try await db.sql().raw(
            "SELECT id, slug, entry, verified_on, version, updated_at FROM associations WHERE id IN (\(binds: list))"
        ).all(decoding: Row.self)
        let registers = try await db.sql().raw(
            """
            SELECT association_id, area, decision, reason, decided_on FROM association_registers
            WHERE association_id IN (\(binds: list)) ORDER BY area
            """
        ).all(decoding: RegisterRow.self)
        let byAssociation = Dictionary(grouping: registers, by: \.association_id)
        let decoder = JSONDecoder()
        var stored: [UUID: Stored] = [:]
        for row in rows {
            // An entry that no longer decodes is skipped rather than failing the whole page.
            guard let entry = try? decoder.decode(AssociationEntry.self, from: Data(row.entry.utf8)) else { continue }
            stored[row.id] = Stored(
                id: row.id, slug: row.slug, entry: entry, verifiedOn: row.verified_on.flatMap(Day.init),
                version: row.version, updatedAt: row.updated_at,
                registers: (byAssociation[row.id] ?? []).map {
                    Register(
                        area: $0.area, decision: RegisterDecision(rawValue: $0.decision) ?? .pending,
                        reason: $0.reason, decidedOn: $0.decided_on)
                })
        }
        return ids.compactMap { stored[$0] }
    }

    static func find(_ slug: String, on db: any Database) async throws -> Stored? {
        struct Id: Decodable { let id: UUID }
        guard
            let id = try await db.sql().select().column("id").from("associations").where("slug", .equal, slug)
                .first(decoding: Id.self)
        else { return nil }
        return try await load(ids: [id.id], on: db).first
    }

    /// The associations `user` administers, by name.
    static func administered(by user: UUID, on db: any Database) async throws -> [Stored] {
        struct Id: Decodable { let id: UUID }
        let ids = try await db.sql().raw(
            """
            SELECT a.id FROM associations a JOIN association_admins m ON m.association_id = a.id
            WHERE m.user_id = \(bind: user) ORDER BY a.name, a.slug
            """
        ).all(decoding: Id.self)
        return try await load(ids: ids.map(\.id), on: db)
    }

    static func administers(_ user: UUID, _ association: UUID, on db: any Database) async throws -> Bool {
        struct Count: Decodable { let n: Int }
        let count = try await db.sql().raw(
            """
            SELECT COUNT(*) AS n FROM association_admins
            WHERE user_id = \(bind: user) AND association_id = \(bind: association)
            """
        ).first(decoding: Count.self)
        return (count?.n ?? 0) > 0
    }

    /// The condition on `associations a` and `association_registers r` of an entry counted as
    /// registered on `today`: approved, and not past its renewal (`RegisterStanding.isRegistered`).
    static func registered(on today: Day) -> SQLQueryString {
        "r.decision = 'approved' AND (a.renewal_due IS NULL OR a.renewal_due >= \(bind: today.description))"
    }

    /// The ids of the associations registered on `today` in `district`'s register (in any when
    /// nil) whose name, purpose or activities hold every one of `terms` (`SearchText.terms`) and,
    /// when asked, that have an activity for `age` in `language` (the same activity for both), by
    /// name.
    static func registeredIDs(
        in district: String?, terms: [String], age: Int? = nil, language: String? = nil, today: Day,
        on db: any Database
    ) async throws -> [UUID] {
        struct Id: Decodable { let id: UUID }
        var conditions: [SQLQueryString] = [registered(on: today)]
        if let district { conditions.append("r.area = \(bind: district)") }
        for term in terms.prefix(8) { conditions.append("a.search LIKE \(bind: "% \(term)%")") }
        if age != nil || language != nil {
            var activity: [SQLQueryString] = ["t.association_id = a.id"]
            if let age {
                activity.append("(t.minimum_age IS NULL OR t.minimum_age <= \(bind: age))")
                activity.append("(t.maximum_age IS NULL OR t.maximum_age >= \(bind: age))")
            }
            // Codes are two letters (`RegisterPages.Filter`), so they need no escaping in LIKE.
            if let language { activity.append("' ' || t.languages || ' ' LIKE \(bind: "% \(language) %")") }
            conditions.append(
                "EXISTS (SELECT 1 FROM association_activities t WHERE \(SQLList(activity, separator: SQLRaw(" AND "))))"
            )
        }
        let rows = try await db.sql().raw(
            """
            SELECT DISTINCT a.id, a.name, a.slug FROM associations a
            JOIN association_registers r ON r.association_id = a.id
            WHERE \(SQLList(conditions, separator: SQLRaw(" AND "))) ORDER BY a.name, a.slug
            """
        ).all(decoding: Id.self)
        return rows.map(\.id)
    }

    /// An association as the public list shows it: its name and its activities, read from the
    /// activities' table without the entry.
    struct Listed: Sendable {
        let slug: String
        let name: String
        var activities: [AssociationEntry.Activity]
    }

    /// The associations `ids` as the public list shows them, in `ids`' order.
    static func listed(_ ids: [UUID], on db: any Database) async throws -> [Listed] {
        guard !ids.isEmpty else { return [] }
        struct Row: Decodable {
            let id: UUID
            let slug: String
            let name: String
            let activity: String?
            let minimum_age: Int?
            let maximum_age: Int?
            let languages: String?
            let area: String?
            let place: String?
            let address: String?
            let schedule: String?
            let latitude: Double?
            let longitude: Double?
        }
        let list: [any Encodable & Sendable] = ids
        let rows = try await db.sql().raw(
            """
            SELECT a.id, a.slug, a.name, t.name AS activity, t.minimum_age, t.maximum_age, t.languages, t.area,
                t.place, t.address, t.schedule, t.latitude, t.longitude
            FROM associations a LEFT JOIN association_activities t ON t.association_id = a.id
            WHERE a.id IN (\(binds: list)) ORDER BY a.id, t.position
            """
        ).all(decoding: Row.self)
        var byID: [UUID: Listed] = [:]
        for row in rows {
            var listed = byID[row.id] ?? Listed(slug: row.slug, name: row.name, activities: [])
            if let name = row.activity {
                listed.activities.append(
                    AssociationEntry.Activity(
                        name: name, minimumAge: row.minimum_age, maximumAge: row.maximum_age,
                        languages: (row.languages ?? "").split(separator: " ").map(String.init), area: row.area ?? "",
                        place: row.place ?? "", address: row.address ?? "", latitude: row.latitude,
                        longitude: row.longitude, schedule: row.schedule ?? ""))
            }
            byID[row.id] = listed
        }
        return ids.compactMap { byID[$0] }
    }

    /// How many associations each district's register counts as registered on `today`, and how
    /// many associations that is in all (one in several registers counts once).
    static func registeredCounts(today: Day, on db: any Database) async throws -> (byArea: [String: Int], total: Int) {
        struct Count: Decodable {
            let area: String
            let n: Int
        }
        let rows = try await db.sql().raw(
            """
            SELECT r.area, COUNT(*) AS n FROM association_registers r
            JOIN associations a ON a.id = r.association_id WHERE \(registered(on: today)) GROUP BY r.area
            """
        ).all(decoding: Count.self)
        struct Total: Decodable { let n: Int }
        let total = try await db.sql().raw(
            """
            SELECT COUNT(DISTINCT a.id) AS n FROM association_registers r
            JOIN associations a ON a.id = r.association_id WHERE \(registered(on: today))
            """
        ).first(decoding: Total.self)
        return (Dictionary(rows.map { ($0.area, $0.n) }, uniquingKeysWith: +), total?.n ?? 0)
    }

    /// The languages (ISO 639-1) of the activities of the associations registered in
    /// `district` on `today`, for the filter's choices.
    static func languages(in district: String, today: Day, on db: any Database) async throws -> [String] {
        struct Row: Decodable { let languages: String }
        let rows = try await db.sql().raw(
            """
            SELECT DISTINCT t.languages FROM association_activities t
            JOIN associations a ON a.id = t.association_id
            JOIN association_registers r ON r.association_id = a.id
            WHERE r.area = \(bind: district) AND \(registered(on: today))
            """
        ).all(decoding: Row.self)
        return Set(rows.flatMap { $0.languages.split(separator: " ").map(String.init) }).sorted()
    }

    /// The entries waiting for a decision in any of `districts` (every district when nil), the
    /// longest waiting first.
    static func pending(in districts: Set<String>?, on db: any Database) async throws -> [Stored] {
        struct Pending: Decodable {
            let id: UUID
            let area: String
        }
        let rows = try await db.sql().raw(
            """
            SELECT a.id, r.area FROM associations a JOIN association_registers r ON r.association_id = a.id
            WHERE r.decision = 'pending' ORDER BY a.updated_at, a.slug
            """
        ).all(decoding: Pending.self)
        var seen: Set<UUID> = []
        let ids = rows.filter { districts?.contains($0.area) ?? true }.map(\.id).filter { seen.insert($0).inserted }
        return try await load(ids: ids, on: db)
    }

    // MARK: - Writing

    /// Registers a new association for `user` (none for the demo's), waiting for the districts'
    /// approval.
    /// - Returns: its id in addresses.
    static func register(
        _ entry: AssociationEntry, for user: UUID?, by actor: AuditActor, now: Date, on db: any Database
    ) async throws -> String {
        try await CatalogueEditor.transaction(on: db) { tx -> String in
            // "Where the support goes" counts registered associations where they are active, and is
            // cached per generation in every server process.
            try await CatalogueState.advance(on: tx)
            if try await numberTaken(entry.organisationNumber, except: nil, on: tx) {
                throw Problems(problems: [.init("organisationNumber", .alreadyRegistered)])
            }
            let slug = try await freeSlug(for: entry.name, on: tx)
            let id = UUID()
            let stamp = ISO8601DateFormatter().string(from: now)
            try await tx.sql().insert(into: "associations")
                .columns(
                    "id", "slug", "name", "organisation_number", "entry", "member_total", "search", "annual_meeting",
                    "verified_on", "renewal_due", "created_at", "updated_at", "version"
                )
                .values(
                    SQLBind(id), SQLBind(slug), SQLBind(entry.name), SQLBind(entry.organisationNumber.digits),
                    SQLBind(try encoded(entry)), SQLBind(entry.members.total), SQLBind(searchText(entry)),
                    SQLBind(entry.annualMeeting?.description), SQLBind(String?.none),
                    SQLBind(renewalDue(meeting: entry.annualMeeting, verified: nil)), SQLBind(stamp), SQLBind(stamp),
                    SQLBind(1)
                ).run()
            if let user {
                try await tx.sql().insert(into: "association_admins").columns("association_id", "user_id")
                    .values(SQLBind(id), SQLBind(user)).run()
            }
            try await writeRegisters(id, districts: entry.districts, keeping: [], on: tx)
            try await writeActivities(id, entry.activities, on: tx)
            try await Audit.record(
                "create", objectType: "association", objectID: slug, after: entry.name, by: actor, on: tx)
            return slug
        }
    }

    /// Replaces an entry from the version its administrator opened. Districts newly chosen wait
    /// for approval; those kept keep their decision.
    static func update(
        _ stored: Stored, with entry: AssociationEntry, version: Int, by actor: AuditActor, now: Date,
        on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            try await CatalogueState.advance(on: tx)
            try await checkVersion(stored, version, on: tx)
            // Only a renewal moves the annual meeting back in time: here it may only move on.
            if let recorded = stored.entry.annualMeeting, let meeting = entry.annualMeeting, meeting < recorded {
                throw Problems(problems: [.init("annualMeeting", .before(recorded))])
            }
            if try await numberTaken(entry.organisationNumber, except: stored.id, on: tx) {
                throw Problems(problems: [.init("organisationNumber", .alreadyRegistered)])
            }
            try await tx.sql().update("associations")
                .set("name", to: SQLBind(entry.name))
                .set("organisation_number", to: SQLBind(entry.organisationNumber.digits))
                .set("entry", to: SQLBind(try encoded(entry)))
                .set("member_total", to: SQLBind(entry.members.total))
                .set("search", to: SQLBind(searchText(entry)))
                .set("annual_meeting", to: SQLBind(entry.annualMeeting?.description))
                .set("renewal_due", to: SQLBind(renewalDue(meeting: entry.annualMeeting, verified: stored.verifiedOn)))
                .set("updated_at", to: SQLBind(ISO8601DateFormatter().string(from: now)))
                .set("version", to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(stored.id)).run()
            try await writeRegisters(stored.id, districts: entry.districts, keeping: stored.registers, on: tx)
            // Another name or number is another association to the officials: approved again.
            if entry.name != stored.entry.name || entry.organisationNumber != stored.entry.organisationNumber {
                try await tx.sql().update("association_registers")
                    .set("decision", to: SQLBind(RegisterDecision.pending.rawValue))
                    .set("reason", to: SQLBind(String?.none))
                    .where("association_id", .equal, SQLBind(stored.id)).run()
            }
            try await writeActivities(stored.id, entry.activities, on: tx)
            try await Audit.record(
                "update", objectType: "association", objectID: stored.slug, before: stored.entry.name,
                after: entry.name, by: actor, on: tx)
        }
    }

    /// The yearly renewal: the association confirms its entry after the annual meeting on
    /// `meeting`, which is verified as of `today`.
    static func renew(
        _ stored: Stored, meeting: Day, version: Int, today: Day, by actor: AuditActor, on db: any Database
    ) async throws {
        var renewed = stored.entry
        renewed.annualMeeting = meeting
        let entry = renewed
        try await CatalogueEditor.transaction(on: db) { tx in
            try await CatalogueState.advance(on: tx)
            try await checkVersion(stored, version, on: tx)
            try await tx.sql().update("associations")
                .set("entry", to: SQLBind(try encoded(entry)))
                .set("annual_meeting", to: SQLBind(meeting.description))
                .set("verified_on", to: SQLBind(today.description))
                .set("renewal_due", to: SQLBind(renewalDue(meeting: meeting, verified: today)))
                .set("version", to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(stored.id)).run()
            try await Audit.record(
                "renew", objectType: "association", objectID: stored.slug, after: meeting.description, by: actor,
                on: tx)
        }
    }

    /// An official's decisions on the entry, district by district, in one transaction; an
    /// approval verifies the entry as of `today`.
    static func decide(
        _ stored: Stored, decisions: [(area: String, decision: RegisterDecision, reason: String?)], today: Day,
        by actor: AuditActor, on db: any Database
    ) async throws {
        guard !decisions.isEmpty else { return }
        try await CatalogueEditor.transaction(on: db) { tx in
            try await CatalogueState.advance(on: tx)
            for item in decisions {
                try await tx.sql().update("association_registers")
                    .set("decision", to: SQLBind(item.decision.rawValue))
                    .set("reason", to: SQLBind(item.reason))
                    .set("decided_by", to: SQLBind(actor.label))
                    .set("decided_on", to: SQLBind(today.description))
                    .where("association_id", .equal, SQLBind(stored.id)).where("area", .equal, SQLBind(item.area))
                    .run()
                try await Audit.record(
                    "register-\(item.decision.rawValue)", objectType: "association", objectID: stored.slug,
                    after: [item.area, item.reason].compactMap { $0 }.joined(separator: ": "), by: actor, on: tx)
            }
            if decisions.contains(where: { $0.decision == .approved }) {
                try await tx.sql().update("associations").set("verified_on", to: SQLBind(today.description))
                    .set(
                        "renewal_due",
                        to: SQLBind(renewalDue(meeting: stored.entry.annualMeeting, verified: today))
                    )
                    .where("id", .equal, SQLBind(stored.id)).run()
            }
        }
    }

    // MARK: - Helpers

    /// Refuses a change made from another version than the stored one.
    private static func checkVersion(_ stored: Stored, _ version: Int, on db: any Database) async throws {
        struct Version: Decodable { let version: Int }
        let current = try await db.sql().select().column("version").from("associations")
            .where("id", .equal, SQLBind(stored.id)).first(decoding: Version.self)
        guard let current else { throw Abort(.notFound) }
        guard current.version == version else {
            throw Problems(problems: [.init("version", .changedSince(stored: current.version, given: version))])
        }
    }

    /// What the public filter's words are matched against.
    static func searchText(_ entry: AssociationEntry) -> String {
        SearchText.index(
            ([entry.name, entry.purpose] + entry.activities.flatMap { [$0.name, $0.description, $0.audience] })
                .joined(separator: " "))
    }

    /// The `renewal_due` column: the last day the entry counts as registered without a renewal
    /// (`RegisterStanding.lastDay`, kept where SQL can filter on it).
    static func renewalDue(meeting: Day?, verified: Day?) -> String? {
        RegisterStanding.lastDay(annualMeeting: meeting, verified: verified)?.description
    }

    static func encoded(_ entry: AssociationEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(entry), as: UTF8.self)
    }

    private static func numberTaken(_ number: OrganisationNumber, except: UUID?, on db: any Database) async throws
        -> Bool
    {
        struct Id: Decodable { let id: UUID }
        let found = try await db.sql().select().column("id").from("associations")
            .where("organisation_number", .equal, SQLBind(number.digits)).all(decoding: Id.self)
        return found.contains { $0.id != except }
    }

    /// An id from the name, unique and not one of the register's own addresses.
    private static func freeSlug(for name: String, on db: any Database) async throws -> String {
        let base = Slug.make(name).isEmpty ? "forening" : Slug.make(name)
        struct Taken: Decodable { let slug: String }
        let taken = Set(
            try await db.sql().raw(
                "SELECT slug FROM associations WHERE slug = \(bind: base) OR slug LIKE \(bind: base + "-%")"
            ).all(decoding: Taken.self).map(\.slug))
        var candidate = base
        var number = 2
        while taken.contains(candidate) || reservedSlugs.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    private static func writeRegisters(
        _ id: UUID, districts: [String], keeping existing: [Register], on db: any Database
    ) async throws {
        let kept = Set(existing.map(\.area))
        let wanted = Set(districts)
        for gone in kept.subtracting(wanted).sorted() {
            try await db.sql().delete(from: "association_registers").where("association_id", .equal, SQLBind(id))
                .where("area", .equal, SQLBind(gone)).run()
        }
        for added in wanted.subtracting(kept).sorted() {
            try await db.sql().insert(into: "association_registers").columns("association_id", "area", "decision")
                .values(SQLBind(id), SQLBind(added), SQLBind(RegisterDecision.pending.rawValue)).run()
        }
    }

    private static func writeActivities(_ id: UUID, _ activities: [AssociationEntry.Activity], on db: any Database)
        async throws
    {
        try await db.sql().delete(from: "association_activities").where("association_id", .equal, SQLBind(id)).run()
        for (position, activity) in activities.enumerated() {
            try await db.sql().insert(into: "association_activities")
                .columns(
                    "id", "association_id", "position", "name", "area", "minimum_age", "maximum_age", "languages",
                    "place", "address", "schedule", "latitude", "longitude"
                )
                .values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(position), SQLBind(activity.name), SQLBind(activity.area),
                    SQLBind(activity.minimumAge), SQLBind(activity.maximumAge),
                    SQLBind(activity.languages.joined(separator: " ")), SQLBind(activity.place),
                    SQLBind(activity.address), SQLBind(activity.schedule), SQLBind(activity.latitude),
                    SQLBind(activity.longitude)
                ).run()
        }
    }
}
