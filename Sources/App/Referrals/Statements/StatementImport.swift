import Fluent
import Foundation
import SkillnadCore

/// Reads a folder of statements into a round (`skillnad statements import`): each file matched to
/// the body that wrote it, read and drafted as the review page drafts it, and reported; with
/// `saveDrafts` each saved as that body's draft answer, one transaction per file.
enum StatementImport {
    /// One file's line in the report.
    struct Row: Sendable, Equatable {
        var file: String
        var body: String?
        var diaryNumber: String?
        /// Every measure found, as `A.2.3.1`.
        var measures: [String]
        /// The suggested positions of the measures in the body's scope, as `A.2.3.1 supports`.
        var positions: [String]
        /// Measures found outside the body's scope.
        var outOfScope: [String]
        var problems: [String]
        var saved: Bool
    }

    /// The kinds of file read; others in the folder are reported as skipped.
    static let extensions: Set<String> = ["docx", "odt", "pdf"]

    static func run(
        folder: URL, round data: LoadedRound, saveDrafts: Bool, index: CatalogueIndex, by actor: AuditActor,
        on db: any Database
    ) async throws -> [Row] {
        try await TimedWork.import.run("statements") {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".") }.sorted()
            // Reading (a PDF runs a program) goes on in parallel; saving goes one file at a time.
            let reads = try await withThrowingTaskGroup(of: (Int, Row, StatementStore.Read?).self) { group in
                var results: [(Int, Row, StatementStore.Read?)] = []
                let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
                for (number, name) in names.enumerated() {
                    if number >= width, let done = try await group.next() { results.append(done) }
                    group.addTask {
                        let (row, read) = StatementImport.read(
                            folder.appendingPathComponent(name), round: data.round, index: index)
                        return (number, row, read)
                    }
                }
                for try await done in group { results.append(done) }
                return results.sorted { $0.0 < $1.0 }
            }
            var rows: [Row] = []
            for (_, row, read) in reads {
                var row = row
                if saveDrafts, let read, let body = row.body {
                    row.problems += await save(read, body: body, round: data, index: index, by: actor, on: db)
                    row.saved = row.problems.isEmpty
                }
                rows.append(row)
            }
            return rows
        }
    }

    /// Reads one file; the row says what was found, or why nothing was.
    static func read(_ url: URL, round: ReferralDocument.Round, index: CatalogueIndex) -> (Row, StatementStore.Read?) {
        let texts = Texts(.en)
        var row = Row(
            file: url.lastPathComponent, body: nil, diaryNumber: nil, measures: [], positions: [], outOfScope: [],
            problems: [], saved: false)
        guard extensions.contains(url.pathExtension.lowercased()) else {
            row.problems.append("skipped: not a DOCX, ODT or PDF file")
            return (row, nil)
        }
        do {
            let data = try Data(contentsOf: url)
            let (contentType, text) = try StatementStore.document(filename: url.lastPathComponent, data: data)
            let recipients = Set(round.recipients.map(\.body))
            let responder = StatementFacts.responder(
                in: text, bodies: index.document.bodies.filter { recipients.contains($0.id) }, on: round.sentOn)
            guard let body = responder?.bodyID else {
                row.problems.append("no body on the round's distribution list is named as the one answering")
                return (row, nil)
            }
            row.body = body
            let read = try StatementStore.drafted(
                text, contentType: contentType, filename: url.lastPathComponent, data: data, round: round, body: body,
                index: index)
            let draft = read.draft
            row.diaryNumber = draft.answer.diaryNumber
            row.measures = draft.measures.map(\.code)
            row.positions = draft.inScope.compactMap { measure in
                measure.suggestion.map { "\(measure.code) \($0.position.rawValue)" }
            }
            row.outOfScope = draft.outOfScope.map(\.code)
            row.problems += draft.unresolved.map { "\"\($0.written)\" names no single measure" }
            return (row, read)
        } catch let problem as StatementProblem {
            row.problems.append(problem.text(texts))
        } catch {
            row.problems.append("cannot read the file: \(error.localizedDescription)")
        }
        return (row, nil)
    }

    /// Saves one statement as its body's draft, merged into a draft already there, through the
    /// one write path for answers; returns the problems that kept it from being saved.
    static func save(
        _ read: StatementStore.Read, body: String, round data: LoadedRound, index: CatalogueIndex,
        by actor: AuditActor, on db: any Database
    ) async -> [String] {
        let texts = Texts(.en)
        let stored = data.answer(of: body)
        if stored?.answer.status.isFinal == true { return [AnswerProblem.locked.text(texts)] }
        var answer = StatementController.merge(stored?.answer, read.draft.answer)
        answer.status = stored?.answer.status ?? .draft
        do {
            _ = try await AnswerStore.save(
                answer, action: .save, version: stored?.version ?? 0, attachment: nil, statement: .read(read),
                index: index, by: actor, on: db)
            return []
        } catch let refused as AnswerStore.Refused {
            return refused.problems.map { $0.text(texts) }
        } catch let conflict as AnswerStore.Conflict {
            return [conflict.problem.text(texts)]
        } catch {
            return ["not saved: \(error)"]
        }
    }

    static let header = ["file", "body", "diary_number", "measures", "positions", "out_of_scope", "saved", "problems"]

    static func csv(_ rows: [Row], variant: CSVWriter.Variant = .rfc4180) -> String {
        var writer = CSVWriter(variant)
        writer.row(header)
        for row in rows {
            writer.row([
                row.file, row.body ?? "", row.diaryNumber ?? "", row.measures.joined(separator: " "),
                row.positions.joined(separator: "; "), row.outOfScope.joined(separator: " "), row.saved ? "yes" : "no",
                row.problems.joined(separator: "; "),
            ])
        }
        return writer.text()
    }

    /// The report for a person: a paragraph per file, then the totals.
    static func text(_ rows: [Row], saveDrafts: Bool) -> String {
        var lines: [String] = []
        for row in rows {
            lines.append("\(row.file): \(row.body ?? "no body")" + (row.diaryNumber.map { ", Dnr \($0)" } ?? ""))
            if !row.positions.isEmpty { lines.append("  positions: " + row.positions.joined(separator: ", ")) }
            let unsuggested = row.measures.filter { code in
                !row.positions.contains { $0.hasPrefix(code + " ") } && !row.outOfScope.contains(code)
            }
            if !unsuggested.isEmpty { lines.append("  no position read: " + unsuggested.joined(separator: ", ")) }
            if !row.outOfScope.isEmpty {
                lines.append("  outside the body's scope: " + row.outOfScope.joined(separator: ", "))
            }
            for problem in row.problems { lines.append("  problem: \(problem)") }
            if row.saved { lines.append("  saved as a draft") }
        }
        let read = rows.filter { $0.body != nil && $0.problems.isEmpty || $0.saved }.count
        let saved = rows.filter(\.saved).count
        lines.append(
            "\(rows.count) file(s): \(read) read without problems"
                + (saveDrafts ? ", \(saved) saved as drafts." : "; nothing saved (--save-drafts saves them)."))
        return lines.joined(separator: "\n") + "\n"
    }
}
