import Fluent
import Foundation
import SkillnadCore

/// The e-archive export (e-arkivleverans): every submitted or declined answer not yet archived,
/// or archived at an earlier revision, written as one FGS 2.0 package each into a new folder, and
/// recorded, all or nothing.
struct ArchiveExport {
    /// What to export and where.
    struct Order: Sendable {
        /// Only answers whose stated submission day (else decision day, else last change) is this
        /// day or later.
        var since: Day?
        /// Only this referral round's answers (its slug).
        var round: String?
        /// The folder to create; it must not exist.
        var out: URL
        /// Also the demo's example answers, which are not public records.
        var includeExamples = false
    }

    /// What an export wrote: each package's id and title, and how many example answers it left out.
    struct Outcome: Sendable {
        let packages: [(id: String, title: String)]
        let examplesLeftOut: Int
    }

    let settings: ArchiveSettings
    let index: CatalogueIndex

    /// Runs the export and writes its outcome, whatever it is, to the audit trail.
    func run(_ order: Order, by actor: AuditActor, on db: any Database, now: Date = Date()) async throws -> Outcome {
        do {
            return try await TimedWork.export.run("archive") {
                try await export(order, by: actor, on: db, now: now)
            }
        } catch {
            let refused = error is ArchiveFailure
            try await Audit.record(
                refused ? "archive-export-refused" : "archive-export-failed", objectType: "archive",
                objectID: order.out.path, after: ReferralStore.encode(["reason": String(describing: error)]),
                by: actor, on: db)
            throw error
        }
    }

    private func export(_ order: Order, by actor: AuditActor, on db: any Database, now: Date) async throws -> Outcome {
        let manager = FileManager.default
        let out = order.out.standardizedFileURL
        let parent = out.deletingLastPathComponent()
        try Self.checkFree(out)
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ArchiveFailure("\(parent.path) is not a folder: create it first, or name an --out inside one")
        }
        let (items, examples) = try await candidates(order, on: db)
        guard !items.isEmpty else {
            try await Audit.record(
                "archive-export", objectType: "archive", objectID: out.path,
                after: ReferralStore.encode(["packages": "0", "examplesLeftOut": String(examples)]), by: actor, on: db)
            return Outcome(packages: [], examplesLeftOut: examples)
        }
        let maker = SubmissionPackage.Maker(
            organisation: settings.organisation, software: ArchiveSettings.software,
            contentType: ArchiveSettings.contentType, schemas: try ArchiveSettings.schemas(),
            documentation: [
                ("beskrivning.txt", Texts(.sv)[.archiveDocumentation] + "\n" + Texts(.en)[.archiveDocumentation])
            ])

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
            var written: [(id: String, title: String, answerID: UUID, revision: Int)] = []
            for bare in items {
                // One answer's documents in memory at a time.
                var item = bare
                let files = try await ReferralAttachment.query(on: db).filter(\.$id ~~ item.attachmentIDs)
                    .sort(\.$addedAt).all()
                item.attachments = files.map { ($0.filename, $0.contentType, $0.data) }
                let package = AnswerPackage(item: item, index: index, organisation: settings.organisation)
                let id = "sip-\(UUID().uuidString.lowercased())"
                try maker.make(id: id, content: package.content(exportedAt: now), created: now).write(into: staging)
                written.append((id, package.title, item.answerID, item.revision))
            }
            // On disk before the records say so: a power cut must not leave recorded packages short.
            try SubmissionPackage.sync(staging)
            let records = written
            try await db.transaction { tx in
                for entry in records {
                    try await ArchiveRecord(
                        objectType: "answer", objectID: entry.answerID, revision: entry.revision,
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
                    let reason = String(cString: strerror(errno))
                    throw ArchiveFailure("the packages could not be moved into \(out.path) (\(reason))")
                }
                try SubmissionPackage.sync(parent, recursive: false)
            }
            return Outcome(packages: written.map { ($0.id, $0.title) }, examplesLeftOut: examples)
        } catch {
            if manager.fileExists(atPath: staging.path) {
                // Not moved: the claimed folder is still empty unless someone else wrote in it.
                try? manager.removeItem(at: staging)
                _ = rmdir(out.path)
            } else {
                // Moved, but the records were not kept: the packages go too.
                try? manager.removeItem(at: out)
            }
            if DatabaseFailure.isUniqueViolation(error) {
                throw ArchiveFailure(
                    "another export archived some of these answers at the same moment; nothing was written, "
                        + "run it again")
            }
            throw error
        }
    }

    /// Refuses a folder that exists, saying what an empty one or one left half-way means.
    static func checkFree(_ out: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: out.path) else { return }
        let leftovers = (try? manager.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)) ?? []
        let staging = leftovers.filter { $0.hasPrefix(".\(out.lastPathComponent).partial-") }
        if (try? manager.contentsOfDirectory(atPath: out.path))?.isEmpty == true {
            throw ArchiveFailure(
                "\(out.path) exists and is empty: an export that stopped before it finished leaves it so, "
                    + "with nothing recorded as archived"
                    + (staging.isEmpty ? "" : " (and the unfinished \(staging.joined(separator: ", ")) beside it)")
                    + "; remove it, or name another folder")
        }
        throw ArchiveFailure(
            "\(out.path) exists: an export writes a new folder and never adds to or replaces one; name another")
    }

    /// The answers to archive, in round and then answer order: each one's public record (itself
    /// once submitted or declined; while it is being corrected, the revision it corrects) when
    /// that revision has not been archived; and how many example answers were left out.
    func candidates(_ order: Order, on db: any Database) async throws -> ([AnswerPackage.Item], Int) {
        var rounds = try await ReferralStore.rounds(on: db).map(\.round)
        if let slug = order.round {
            rounds = rounds.filter { $0.id == slug }
            guard !rounds.isEmpty else {
                throw ArchiveFailure("--round \(slug): there is no referral round with that id")
            }
        }
        let archived = try await ArchiveRecord.query(on: db).filter(\.$objectType == "answer").all()
        var packages: [UUID: [(revision: Int, packageID: String)]] = [:]
        for record in archived {
            packages[record.objectID, default: []].append((record.revision, record.packageID))
        }

        var items: [AnswerPackage.Item] = []
        var examples = 0
        for round in rounds {
            guard let loaded = try await ReferralStore.round(round.id, on: db) else { continue }
            for stored in loaded.answers {
                guard let published = stored.published else { continue }
                let revision = stored.publishedRevision
                let done = packages[stored.id] ?? []
                guard !done.contains(where: { $0.revision == revision }) else { continue }
                let day = published.submittedOn ?? published.decidedOn ?? stockholmDay(stored.updatedAt)
                if let since = order.since, day < since { continue }
                if published.example == true && !order.includeExamples {
                    examples += 1
                    continue
                }
                let corrects =
                    revision > 1
                    ? AnswerPackage.Correction(
                        revision: revision - 1,
                        replacedAt: stored.revisions.first { $0.revision == revision - 1 }?.replacedAt
                            ?? stored.updatedAt,
                        archived: done.filter { $0.revision < revision }.max { $0.revision < $1.revision })
                    : nil
                items.append(
                    AnswerPackage.Item(
                        answerID: stored.id, revision: revision, round: loaded.round, answer: published,
                        attachmentIDs: stored.publishedAttachments.map(\.id), day: day, corrects: corrects))
            }
        }
        // When each answer was begun: the audit trail's first `create` of it.
        let keys = items.map { "\($0.round.id)/\($0.answer.body)" }
        let begun = try await AuditEvent.query(on: db).filter(\.$objectType == "answer")
            .filter(\.$action == "create").filter(\.$objectID ~~ keys).all()
        var first: [String: Date] = [:]
        for event in begun {
            guard let key = event.objectID else { continue }
            first[key] = min(first[key] ?? event.at, event.at)
        }
        for index in items.indices {
            items[index].begunAt = first["\(items[index].round.id)/\(items[index].answer.body)"]
        }
        return (items, examples)
    }
}
