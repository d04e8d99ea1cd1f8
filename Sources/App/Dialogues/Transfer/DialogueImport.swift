import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Something wrong in a dialogue import file at its line and column: what `DialogueCSV` finds,
/// and what only the app can tell (an id taken, a body the importer does not edit for).
struct DialogueImportProblem: Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        /// Found by the reader, or a value the catalogue, the shapes or the checks refuse or warn of.
        case file(DialogueCSVProblem.Reason)
        /// A dialogue with the id is stored, and the import does not replace.
        case exists(String)
        /// The importer does not edit for this body (the file's organiser, or the stored one's).
        case notYours(String)
    }

    var line: Int
    var column: String
    var reason: Reason

    init(line: Int, column: String, _ reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    init(_ problem: DialogueCSVProblem) {
        self.init(line: problem.line, column: problem.column, .file(problem.reason))
    }

    /// A warning is shown and does not stop the import (a place outside the municipality).
    var isWarning: Bool {
        guard case .file(.value(let reason)) = reason else { return false }
        return DialogueProblem(field: "", reason).isWarning
    }

    var description: String { "line \(line), column \(column): \(reason)" }
}

/// Every problem that stopped an import, and the warnings found beside them.
struct DialogueImportProblems: Error, Sendable, CustomStringConvertible {
    var problems: [DialogueImportProblem]
    var warnings: [DialogueImportProblem]

    var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The import of a list of dialogues (`DialogueCSV`), all or nothing: every dialogue is checked
/// on its own, against the catalogue, the areas' shapes, the stored dialogues and the importer's
/// bodies, every problem placed on its line and column; only a file without any is written, in
/// one transaction.
///
/// A stored id is refused unless the import replaces; then the file's columns replace the stored
/// dialogue's, and what the format does not carry (English title, decision, target-group
/// analysis, counts by group, results, later feedback) is kept, so an export edited in a
/// spreadsheet and read back loses nothing.
enum DialogueImport {
    struct Outcome: Sendable, Equatable {
        var created = 0
        var replaced = 0
        var sessions = 0
        var warnings: [DialogueImportProblem] = []
        /// False for a dry run, which checks and counts without writing.
        var written = false
    }

    /// A file checked and ready to write.
    struct Checked: Sendable {
        var dialogues: [DialogueValues]
        /// The stored dialogues the file replaces, by id.
        var replaced: [String: Dialogue]
        var warnings: [DialogueImportProblem]
    }

    /// Reads, checks and (unless `dryRun`) writes the file. `principal` nil is the system (the
    /// command line), which writes for any body; a person writes only for the bodies they edit
    /// for, unless an administrator.
    /// - Throws: `CSVError` when the file is no table, `DialogueImportProblems` when anything is wrong.
    static func run(
        _ data: Data, replace: Bool, dryRun: Bool = false, as principal: Principal?, by actor: AuditActor,
        index: CatalogueIndex, on db: any Database
    ) async throws -> Outcome {
        let table = try CSVTable.parse(data)
        guard !dryRun else {
            let checked = try await check(table, replace: replace, as: principal, index: index, on: db).get()
            return outcome(checked, written: false)
        }
        // Checked inside the transaction, so a dialogue stored meanwhile is seen. The problems come
        // back as a value: the transaction reads some errors by their text, and a file's text is
        // the official's.
        let result = try await CatalogueEditor.transaction(on: db) {
            tx -> Result<Outcome, DialogueImportProblems> in
            let checked: Checked
            switch try await check(table, replace: replace, as: principal, index: index, on: tx) {
            case .failure(let problems): return .failure(problems)
            case .success(let found): checked = found
            }
            let now = ISO8601DateFormatter().string(from: Date())
            for values in checked.dialogues {
                try await DialogueStore.write(values, over: checked.replaced[values.id], now: now, by: actor, on: tx)
            }
            if !checked.dialogues.isEmpty { try await CatalogueState.advance(on: tx) }
            return .success(outcome(checked, written: true))
        }
        let written = try result.get()
        if written.created + written.replaced > 0 {
            try await db.analyse(["dialogues", "dialogue_areas", "dialogue_topics", "dialogue_sessions"])
        }
        return written
    }

    static func outcome(_ checked: Checked, written: Bool) -> Outcome {
        Outcome(
            created: checked.dialogues.count - checked.replaced.count, replaced: checked.replaced.count,
            sessions: checked.dialogues.reduce(0) { $0 + $1.sessions.count }, warnings: checked.warnings,
            written: written)
    }

    /// Every problem of the file, or its dialogues as they will be stored.
    static func check(
        _ table: CSVTable, replace: Bool, as principal: Principal?, index: CatalogueIndex, on db: any Database
    ) async throws -> Result<Checked, DialogueImportProblems> {
        var problems: [DialogueImportProblem] = []
        var warnings: [DialogueImportProblem] = []
        // The reader reports every problem of the file's own, but gives no dialogues then. Read
        // again without the lines it named, so the catalogue's problems of the other dialogues are
        // reported at once too, rather than after the first ones are mended. A dialogue that lost
        // a row may come out incomplete; only its catalogue problems are taken, and those are in
        // cells of the file.
        var read: [DialogueCSV.Dialogue] = []
        var remaining = table
        rounds: for round in 0..<4 {
            switch DialogueCSV.read(remaining) {
            case .success(let found):
                read = found
                break rounds
            case .failure(let found):
                if round == 0 { problems = found.problems.map(DialogueImportProblem.init) }
                let lines = Set(found.problems.map(\.line))
                if lines.contains(table.headerLine) { break rounds }
                remaining = remaining.without(lines)
            }
        }

        let stored = try await stored(read.map(\.values.id), on: db)
        let places = DialoguePlaces(index: index)
        var dialogues: [DialogueValues] = []
        var replaced: [String: Dialogue] = [:]
        for dialogue in read {
            var values = dialogue.values
            var found: [DialogueProblem] = []
            if let existing = stored[values.id] {
                let idColumn = column("id", of: dialogue)
                if !replace {
                    problems.append(DialogueImportProblem(line: dialogue.line, column: idColumn, .exists(values.id)))
                } else {
                    // The file's organiser is checked below; a stored one it takes over, here.
                    if existing.organiser != values.organiser, !mayWrite(principal, for: existing.organiser) {
                        problems.append(
                            DialogueImportProblem(line: dialogue.line, column: idColumn, .notYours(existing.organiser)))
                    }
                    if let kept = existing.values {
                        values = merged(values, over: kept)
                        // What is kept may now disagree with the file: counts by group above the
                        // file's participants, later feedback before the file's first session.
                        found += values.problems()
                    }
                    replaced[values.id] = existing
                }
            }
            found += DialogueStore.catalogueProblems(values, index: index)
            found += places.problems(values.sessions)
            if index.bodyByID[values.organiser] != nil, !mayWrite(principal, for: values.organiser) {
                problems.append(
                    DialogueImportProblem(
                        line: dialogue.line, column: column("organiser", of: dialogue), .notYours(values.organiser)))
            }
            for problem in found {
                let placed = DialogueImportProblem(dialogue.problem(placeable(problem)))
                if placed.isWarning {
                    warnings.append(placed)
                } else {
                    problems.append(placed)
                }
            }
            dialogues.append(values)
        }
        warnings = byLine(warnings)
        guard problems.isEmpty else {
            return .failure(DialogueImportProblems(problems: byLine(problems), warnings: warnings))
        }
        return .success(Checked(dialogues: dialogues, replaced: replaced, warnings: warnings))
    }

    /// Editors of the body and administrators; the system (nil) for every body.
    static func mayWrite(_ principal: Principal?, for body: String) -> Bool {
        principal.map { DialoguePages.mayEdit($0, organiser: body) } ?? true
    }

    /// The header of the field's column as the file writes it.
    static func column(_ field: String, of dialogue: DialogueCSV.Dialogue) -> String {
        dialogue.problem(DialogueProblem(field: field, .required)).column
    }

    /// The problem on a field the format carries: counts by group, which it does not, are told at
    /// the participants.
    static func placeable(_ problem: DialogueProblem) -> DialogueProblem {
        guard problem.field.hasPrefix("outcome.participantsByGroup") else { return problem }
        return DialogueProblem(field: "outcome.participants", problem.reason)
    }

    /// Sorted by line, in the order found within a line.
    static func byLine(_ problems: [DialogueImportProblem]) -> [DialogueImportProblem] {
        problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The file's values over a stored dialogue: every column the format carries from the file,
    /// the rest kept. The file's feedback is the first; later ones are kept after it.
    static func merged(_ file: DialogueValues, over stored: DialogueValues) -> DialogueValues {
        var values = stored
        values.id = file.id
        values.title = file.title
        values.purpose = file.purpose
        values.question = file.question
        values.method = file.method
        values.status = file.status
        values.level = file.level
        values.organiser = file.organiser
        values.areas = file.areas
        values.digital = file.digital
        values.measures = file.measures
        values.tags = file.tags
        values.sessions = file.sessions
        var outcome = stored.outcome ?? DialogueOutcome()
        outcome.participants = file.outcome?.participants
        outcome.contributions = file.outcome?.contributions
        values.outcome = outcome == DialogueOutcome() ? nil : outcome
        values.feedback = file.feedback + stored.feedback.dropFirst()
        return values
    }

    /// The stored dialogues of these ids, by id.
    static func stored(_ ids: [String], on db: any Database) async throws -> [String: Dialogue] {
        var found: [String: Dialogue] = [:]
        // In slices, within every database's limit of bound values.
        let unique = Array(Set(ids)).sorted()
        for start in stride(from: 0, to: unique.count, by: 500) {
            let slice = Array(unique[start..<min(start + 500, unique.count)])
            for dialogue in try await Dialogue.query(on: db).filter(\.$slug ~~ slice).all() {
                found[dialogue.slug] = dialogue
            }
        }
        return found
    }
}
