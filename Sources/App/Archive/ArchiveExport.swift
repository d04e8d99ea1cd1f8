import Fluent
import Foundation
import SkillnadCore

/// The e-archive export (e-arkivleverans): every submitted or declined answer not yet archived,
/// or archived at an earlier revision, written as one FGS 2.0 package each into a new folder, and
/// recorded, all or nothing.
struct ArchiveExport {
    /// What to export and where.
    struct Order: Sendable {
        /// Only answers submitted (else decided, else last changed) on or after this day.
        var since: Day?
        /// Only this referral round's answers (its slug).
        var round: String?
        /// The folder to create; it must not exist.
        var out: URL
    }

    /// What an export wrote: each package's id and title.
    struct Outcome: Sendable {
        let packages: [(id: String, title: String)]
    }

    let settings: ArchiveSettings
    let index: CatalogueIndex

    func run(_ order: Order, by actor: AuditActor, on db: any Database, now: Date = Date()) async throws -> Outcome {
        do {
            return try await TimedWork.export.run("archive") {
                try await export(order, by: actor, on: db, now: now)
            }
        } catch let failure as ArchiveFailure {
            try await Audit.record(
                "archive-export-refused", objectType: "archive", objectID: order.out.path,
                after: ReferralStore.encode(["reason": failure.description]), by: actor, on: db)
            throw failure
        }
    }

    private func export(_ order: Order, by actor: AuditActor, on db: any Database, now: Date) async throws -> Outcome {
        let manager = FileManager.default
        let out = order.out.standardizedFileURL
        let parent = out.deletingLastPathComponent()
        guard !manager.fileExists(atPath: out.path) else {
            throw ArchiveFailure(
                "\(out.path) exists: an export writes a new folder and never adds to or replaces one; name another")
        }
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ArchiveFailure("\(parent.path) is not a folder: create it first, or name an --out inside one")
        }
        let items = try await candidates(order, on: db)
        guard !items.isEmpty else { return Outcome(packages: []) }
        let maker = SubmissionPackage.Maker(
            creator: settings.creator, software: ArchiveSettings.software, contentType: ArchiveSettings.contentType,
            schemas: try ArchiveSettings.schemas(),
            documentation: [("beskrivning.txt", Texts(.sv)[.archiveDocumentation])])

        // The folder is claimed at once, so a second export to it is refused; the packages are
        // written beside it and moved in whole, so it is never seen half-written.
        do {
            try manager.createDirectory(at: out, withIntermediateDirectories: false)
        } catch {
            throw ArchiveFailure("\(out.path) could not be created (\(error.localizedDescription))")
        }
        let staging = parent.appendingPathComponent(".\(out.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var written: [(id: String, title: String, item: AnswerPackage.Item)] = []
            for (bare, until) in items {
                let item = try await withAttachments(bare, until: until, on: db)
                let package = AnswerPackage(item: item, index: index, creator: settings.creator)
                let id = "sip-\(UUID().uuidString.lowercased())"
                try maker.make(id: id, content: package.content(exportedAt: now), created: now).write(into: staging)
                written.append((id, package.title, item))
            }
            let records = written
            try await db.transaction { tx in
                for entry in records {
                    try await ArchiveRecord(
                        objectType: "answer", objectID: entry.item.answerID, revision: entry.item.revision,
                        packageID: entry.id, exportedAt: now
                    ).create(on: tx)
                }
                try await Audit.record(
                    "archive-export", objectType: "archive", objectID: out.path,
                    after: ReferralStore.encode(records.map { ["package": $0.id, "title": $0.title] }), by: actor,
                    on: tx)
                // Last, so that a failure to move rolls the records back; rename() replaces the
                // empty folder claimed above in one step.
                guard rename(staging.path, out.path) == 0 else {
                    throw ArchiveFailure(
                        "the packages could not be moved into \(out.path) (\(String(cString: strerror(errno))))")
                }
            }
            return Outcome(packages: written.map { ($0.id, $0.title) })
        } catch {
            // Moved or not, neither folder stays: the records were not kept.
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: out)
            if DatabaseFailure.isUniqueViolation(error) {
                throw ArchiveFailure(
                    "another export archived some of these answers at the same moment; nothing was written, run it again"
                )
            }
            throw error
        }
    }

    /// The answers to archive, in round and then answer order: each one's public record (itself
    /// once submitted or declined; while it is being corrected, the revision it corrects) when
    /// that revision has not been archived; with the time after which attachments belong to a
    /// correction under way. Attachments are read one answer at a time, as each is written.
    func candidates(_ order: Order, on db: any Database) async throws -> [(item: AnswerPackage.Item, until: Date?)] {
        var rounds = try await ReferralStore.rounds(on: db).map(\.round)
        if let slug = order.round {
            rounds = rounds.filter { $0.id == slug }
            guard !rounds.isEmpty else {
                throw ArchiveFailure("--round \(slug): there is no referral round with that id")
            }
        }
        let archived = try await ArchiveRecord.query(on: db).filter(\.$objectType == "answer").all()
        var packages: [UUID: [(revision: Int, package: String)]] = [:]
        for record in archived { packages[record.objectID, default: []].append((record.revision, record.packageID)) }

        var pending: [(item: AnswerPackage.Item, until: Date?)] = []
        for round in rounds {
            guard let loaded = try await ReferralStore.round(round.id, on: db) else { continue }
            for stored in loaded.answers {
                guard let published = stored.published else { continue }
                // While a correction is under way, the public record is the revision before it.
                let earlier = stored.answer.status.isFinal ? nil : stored.revisions.last(where: { $0.answer != nil })
                let revision = earlier?.revision ?? stored.revision
                let done = packages[stored.id] ?? []
                guard !done.contains(where: { $0.revision == revision }) else { continue }
                let day = published.submittedOn ?? published.decidedOn ?? stockholmDay(stored.updatedAt)
                if let since = order.since, day < since { continue }
                let corrects =
                    revision > 1
                    ? (
                        revision: revision - 1,
                        replacedAt: stored.revisions.first { $0.revision == revision - 1 }?.replacedAt
                            ?? stored.updatedAt,
                        packageID: done.filter { $0.revision < revision }.max { $0.revision < $1.revision }?.package
                    ) : nil
                let item = AnswerPackage.Item(
                    answerID: stored.id, revision: revision, round: loaded.round, answer: published, attachments: [],
                    day: day, corrects: corrects)
                pending.append((item, earlier?.replacedAt))
            }
        }
        // When each answer was begun: the audit trail's first `create` of it.
        let begun = try await AuditEvent.query(on: db).filter(\.$objectType == "answer").filter(\.$action == "create")
            .filter(\.$objectID ~~ pending.map { "\($0.item.round.id)/\($0.item.answer.body)" }).all()
        var first: [String: Date] = [:]
        for event in begun {
            guard let key = event.objectID else { continue }
            first[key] = min(first[key] ?? event.at, event.at)
        }
        return pending.map { entry in
            var item = entry.item
            item.begunAt = first["\(item.round.id)/\(item.answer.body)"]
            return (item, entry.until)
        }
    }

    /// The item with the documents attached to its revision: those added to a correction under
    /// way belong to the correction, not to the record.
    func withAttachments(_ item: AnswerPackage.Item, until: Date?, on db: any Database) async throws
        -> AnswerPackage.Item
    {
        var query = ReferralAttachment.query(on: db).filter(\.$answer.$id == item.answerID)
        if let until { query = query.filter(\.$addedAt <= until) }
        let own = try await query.sort(\.$addedAt).all()
        return AnswerPackage.Item(
            answerID: item.answerID, revision: item.revision, round: item.round, answer: item.answer,
            attachments: own.map { ($0.filename, $0.contentType, $0.data) }, day: item.day, corrects: item.corrects,
            begunAt: item.begunAt)
    }
}
