import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Writes dialogues: checked on their own and against the catalogue (areas, bodies, measures,
/// the roadmap's strategies and target areas), then the record, its areas, topics and sessions
/// in one transaction, with an audit event. A save from an older version than the stored one is
/// refused, never silently overwritten.
enum DialogueStore {
    /// What the catalogue says about a dialogue's names, every problem at once.
    static func catalogueProblems(_ values: DialogueValues, index: CatalogueIndex) -> [DialogueProblem] {
        var problems: [DialogueProblem] = []
        let targetAreas = Set(index.document.roadmap?.targetAreas.map(\.id) ?? [])
        if !values.organiser.isEmpty, index.bodyByID[values.organiser] == nil {
            problems.append(DialogueProblem(field: "organiser", .unknownBody(values.organiser)))
        }
        for body in values.coOrganisers where index.bodyByID[body] == nil {
            problems.append(DialogueProblem(field: "coOrganisers", .unknownBody(body)))
        }
        if let body = values.decidingBody, index.bodyByID[body] == nil {
            problems.append(DialogueProblem(field: "decidingBody", .unknownBody(body)))
        }
        for area in values.areas where index.areaByID[area] == nil {
            problems.append(DialogueProblem(field: "areas", .unknownArea(area)))
        }
        for measure in values.measures where index.measureByPublicID[measure] == nil {
            problems.append(DialogueProblem(field: "measures", .unknownMeasure(measure)))
        }
        for (position, result) in (values.outcome?.ledTo ?? []).enumerated() where result.kind == .measure {
            if let target = result.target, !target.isEmpty, index.measureByPublicID[target] == nil {
                problems.append(DialogueProblem(field: "outcome.ledTo[\(position)]", .unknownMeasure(target)))
            }
        }
        for strategy in values.strategies where index.strategyByID[strategy] == nil {
            problems.append(DialogueProblem(field: "strategies", .unknownStrategy(strategy)))
        }
        for target in values.targetAreas where !targetAreas.contains(target) {
            problems.append(DialogueProblem(field: "targetAreas", .unknownTargetArea(target)))
        }
        return problems
    }

    /// Measures as officials write them (`D.2.3.1`, `4.4.1` with its report's letter) become their
    /// ids in Skillnad; what does not resolve stays as written, for `catalogueProblems` to name.
    static func resolvingMeasures(_ values: DialogueValues, index: CatalogueIndex) -> DialogueValues {
        let resolver = index.resolver
        func resolve(_ text: String) -> String {
            if index.measureByPublicID[text] != nil { return text }
            guard case .found(let report, let code) = resolver.resolve(text) else { return text }
            return MeasureRecord.publicID(report: report, code: code.canonical)
        }
        var resolved = values
        resolved.measures = values.measures.map(resolve)
        if var outcome = resolved.outcome {
            outcome.ledTo = outcome.ledTo.map { result in
                guard result.kind == .measure, let target = result.target else { return result }
                return DialogueResult(kind: .measure, target: resolve(target), text: result.text)
            }
            resolved.outcome = outcome
        }
        return resolved
    }

    /// Every problem of the dialogue that refuses it (warnings apart).
    static func problems(_ values: DialogueValues, index: CatalogueIndex) -> [DialogueProblem] {
        (values.problems() + catalogueProblems(values, index: index) + DialoguePlaces.problems(values, index: index))
            .filter { !$0.isWarning }
    }

    /// Creates the dialogue (`version` nil) or replaces it (the version the editor opened).
    /// - Returns: the stored version.
    @discardableResult
    static func save(
        _ values: DialogueValues, version: Int?, index: CatalogueIndex, by actor: AuditActor, on db: any Database
    ) async throws -> Int {
        let problems = problems(values, index: index)
        if !problems.isEmpty { throw DialogueProblems(problems) }
        return try await CatalogueEditor.transaction(on: db) { tx -> Int in
            let existing = try await Dialogue.query(on: tx).filter(\.$slug == values.id).first()
            if let existing {
                guard let version else { throw DialogueProblems([DialogueProblem(field: "id", .idTaken(values.id))]) }
                guard existing.version == version else {
                    throw DialogueProblems([
                        DialogueProblem(field: "version", .changedSince(stored: existing.version, given: version))
                    ])
                }
            }
            let stored = try await write(
                values, over: existing, now: ISO8601DateFormatter().string(from: Date()), by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
            return stored
        }
    }

    /// Writes a checked dialogue inside the caller's transaction: new, or over the stored one
    /// (whose version the caller has compared), its links and an audit event.
    /// - Returns: the stored version.
    @discardableResult
    static func write(
        _ values: DialogueValues, over existing: Dialogue?, now: String, by actor: AuditActor, on tx: any Database
    ) async throws -> Int {
        let record = String(decoding: try CatalogueImporter.sortedEncoder.encode(values), as: UTF8.self)
        let dialogue = existing ?? Dialogue()
        let before = existing?.record
        if existing == nil {
            dialogue.version = 1
            dialogue.createdAt = now
        } else {
            dialogue.version += 1
        }
        fill(dialogue, values, record: record, now: now)
        try await dialogue.save(on: tx)
        try await writeLinks(values, id: try dialogue.requireID(), on: tx)
        try await Audit.record(
            existing == nil ? "create" : "update", objectType: "dialogue", objectID: values.id, before: before,
            after: record, by: actor, on: tx)
        return dialogue.version
    }

    static func fill(_ dialogue: Dialogue, _ values: DialogueValues, record: String, now: String) {
        dialogue.slug = values.id
        dialogue.title = values.title
        dialogue.titleEn = values.titleEn
        dialogue.organiser = values.organiser
        dialogue.method = values.method.rawValue
        dialogue.level = values.level.rawValue
        dialogue.status = values.status.rawValue
        dialogue.digital = values.digital
        dialogue.startsOn = values.starts?.day.description
        dialogue.endsOn = values.ends?.day.description
        dialogue.feedbackOn = values.feedback.map(\.date).min()?.description
        dialogue.participants = values.outcome?.participants
        dialogue.record = record
        dialogue.search = SearchText.index(
            ([values.title, values.titleEn, values.purpose, values.question, values.easyRead].compactMap { $0 }
                + values.tags + values.partners).joined(separator: " "))
        dialogue.example = values.example
        dialogue.updatedAt = now
    }

    /// The dialogue's areas, topics and sessions, written anew.
    static func writeLinks(_ values: DialogueValues, id: UUID, on db: any Database) async throws {
        let sql = try db.sql()
        for table in ["dialogue_areas", "dialogue_topics", "dialogue_sessions"] {
            try await sql.delete(from: table).where("dialogue_id", .equal, SQLBind(id)).run()
        }
        // Each link carries what whom-the-dialogues-reach counts (`AddDialogueReachColumns`) and
        // what the fatigue check reads (`AddDialogueFatigueColumns`).
        let areas = Set(values.areas).sorted()
        let lastDay = (values.ends ?? values.starts)?.day.description
        let feedbackDay = values.feedback.map(\.date).min()?.description
        for area in areas {
            try await sql.insert(into: "dialogue_areas")
                .columns(
                    "dialogue_id", "area", "starts_on", "status", "participants", "spread", "slug", "last_on",
                    "feedback_on"
                )
                .values(
                    SQLBind(id), SQLBind(area), SQLBind(values.starts?.day.description),
                    SQLBind(values.status.rawValue),
                    SQLBind(values.outcome?.participants), SQLBind(areas.count), SQLBind(values.id), SQLBind(lastDay),
                    SQLBind(feedbackDay)
                ).run()
        }
        // A tag's key is folded (`trygghet` and `Trygghet` are one topic); its label keeps the
        // spelling the dialogue gave.
        var labels: [String: String] = [:]
        for tag in values.tags {
            if let key = DialogueFatigue.tagKey(tag), labels[key] == nil {
                labels[key] = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        for topic in DialogueFatigue.topicKeys(values).sorted() {
            let label = labels[topic] ?? String(topic.split(separator: ":", maxSplits: 1).last ?? "")
            try await sql.insert(into: "dialogue_topics").columns("dialogue_id", "topic", "label")
                .values(SQLBind(id), SQLBind(topic), SQLBind(label)).run()
        }
        for (position, session) in values.sessions.enumerated() {
            try await sql.insert(into: "dialogue_sessions")
                .columns("dialogue_id", "position", "starts", "ends", "place", "latitude", "longitude")
                .values(
                    SQLBind(id), SQLBind(position), SQLBind(session.start.description),
                    SQLBind(session.end?.description), SQLBind(session.place?.name), SQLBind(session.place?.latitude),
                    SQLBind(session.place?.longitude)
                ).run()
        }
    }
}
