import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Photos (foton) of proposals, added by the proposer, and of the milestones of what is built,
/// added by officials. A photo is one of the formats `PhotoFormat` recognises by its bytes, at
/// most 5 MB, and always has a text alternative; it is written in the same transaction as the
/// proposal or review it comes with. A hidden proposal's photos are not shown.
enum BudgetPhotos {
    static let maxBytes = 5_000_000
    static let altLimit = 200
    /// A proposal keeps at most this many photos, its milestones' included.
    static let perProposal = 12

    /// A photo as a form sent it, before it is checked.
    struct Upload: Sendable {
        let data: Data
        let alt: String
        /// The milestone it shows; nil for the proposal itself.
        let milestoneDay: String?

        /// The photo a form's file field and text alternative make; nil when no file was chosen
        /// (browsers send an empty part for an empty file field).
        init?(file: Vapor.File?, alt: String?, milestoneDay: String? = nil) {
            guard let file, file.data.readableBytes > 0 else { return nil }
            data = Data(buffer: file.data)
            self.alt = (alt ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let day = (milestoneDay ?? "").trimmingCharacters(in: .whitespaces)
            self.milestoneDay = day.isEmpty ? nil : day
        }
    }

    /// A stored photo, without its bytes.
    struct Photo: Decodable, Sendable {
        let id: UUID
        let proposal_id: UUID
        let milestone_day: String?
        let alt: String
    }

    /// What is wrong with an upload, by the form field it concerns.
    static func problems(_ upload: Upload?, milestones: [BudgetStore.Milestone]? = nil, stored: Int = 0)
        -> [BudgetStore.Problem]
    {
        guard let upload else { return [] }
        var problems: [BudgetStore.Problem] = []
        if upload.data.count > maxBytes {
            problems.append(.init(field: "photo", reason: .photoTooLarge(maxBytes / 1_000_000)))
        } else if PhotoFormat.sniff(upload.data) == nil {
            problems.append(.init(field: "photo", reason: .photoFormat))
        }
        if stored >= perProposal { problems.append(.init(field: "photo", reason: .photoTooMany(perProposal))) }
        if upload.alt.isEmpty {
            problems.append(.init(field: "photoAlt", reason: .required))
        } else if upload.alt.count > altLimit {
            problems.append(.init(field: "photoAlt", reason: .tooLong(altLimit)))
        } else if BudgetStore.hasMarkup(upload.alt) {
            problems.append(.init(field: "photoAlt", reason: .markup))
        }
        if let day = upload.milestoneDay, !(milestones ?? []).contains(where: { $0.day == day }) {
            problems.append(.init(field: "photoMilestone", reason: .photoMilestone))
        }
        return problems
    }

    /// Writes a checked upload, inside the caller's transaction.
    static func add(_ upload: Upload, budget: UUID, proposal: UUID, on sql: any SQLDatabase) async throws {
        let type = PhotoFormat.sniff(upload.data)?.rawValue ?? "application/octet-stream"
        try await sql.insert(into: "budget_photos")
            .columns(
                "id", "budget_id", "proposal_id", "milestone_day", "alt", "content_type", "size", "data", "added_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(budget), SQLBind(proposal), SQLBind(upload.milestoneDay), SQLBind(upload.alt),
                SQLBind(type), SQLBind(upload.data.count), SQLBind(upload.data), SQLBind(BallotBox.timestamp())
            )
            .run()
    }

    /// The photos of a budget's proposals, oldest first, by proposal.
    static func photos(_ budget: UUID, on db: any Database) async throws -> [UUID: [Photo]] {
        let rows = try await db.sql().select().columns("id", "proposal_id", "milestone_day", "alt")
            .from("budget_photos").where("budget_id", .equal, SQLBind(budget)).orderBy("added_at")
            .all(decoding: Photo.self)
        return Dictionary(grouping: rows, by: \.proposal_id)
    }

    static func count(proposal: UUID, on db: any Database) async throws -> Int {
        struct Row: Decodable { let n: Int }
        return try await db.sql().raw(
            "SELECT COUNT(*) AS n FROM budget_photos WHERE proposal_id = \(bind: proposal)"
        ).first(decoding: Row.self)?.n ?? 0
    }

    /// `GET /budgets/{id}/photos/{photo}`: the picture, unless its proposal is hidden.
    static func serve(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        guard let id = req.parameters.get(SiteURL.Budgets.photoKey, as: UUID.self) else { throw Abort(.notFound) }
        struct Row: Decodable {
            let proposal_id: UUID
            let content_type: String
            let data: Data
        }
        guard
            let row = try await req.db.sql().select().columns("proposal_id", "content_type", "data")
                .from("budget_photos").where("id", .equal, SQLBind(id))
                .where("budget_id", .equal, SQLBind(loaded.budget.id)).first(decoding: Row.self),
            let proposal = loaded.proposals.first(where: { $0.id == row.proposal_id }), proposal.hidden_reason == nil
        else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: HeaderValue.checked(row.content_type) ?? "image/jpeg")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: row.data))
    }
}
