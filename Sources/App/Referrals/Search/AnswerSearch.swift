import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// Full-text search over answers and the statements they were drafted from, through each
/// database's own engine: SQLite's FTS5 over the stems `SwedishStemmer` made, PostgreSQL's
/// `plainto_tsquery('swedish', …)` over `to_tsvector('swedish', …)`. Both find a paragraph that
/// has every word of the query in some inflection, so they give the same hits.
enum AnswerSearch {
    static let maxHits = 50

    struct Hit: Sendable, Equatable {
        let round: String
        let roundTitle: String
        let body: String
        let status: String
        let submittedOn: String?
        let kind: AnswerTexts.Kind
        let measure: String?
        /// The paragraph the words are in.
        let text: String
    }

    /// Paragraphs with every word of `query`, the most recently saved first; answers that are not public
    /// records (drafts, decided) only when `drafts`.
    static func find(_ query: String, drafts: Bool, on db: any Database) async throws -> [Hit] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let stems = SwedishStemmer.lexemes(query)
        guard !stems.isEmpty else { return [] }
        let statuses =
            drafts ? AnswerStatus.allCases.map(\.rawValue) : [AnswerStatus.submitted, .declined].map(\.rawValue)
        let select = """
            SELECT r.slug AS slug, r.title AS title, a.body AS body, a.status AS status, a.submitted_on AS submitted_on,
                   t.kind AS kind, t.measure AS measure, t.text AS text
            """
        // The most recently written paragraphs first: an order the full-text index itself keeps
        // (its row ids), so the first hits are read without sorting every paragraph that matches.
        let order = "ORDER BY t.row DESC LIMIT \(maxHits)"
        let rows: [any SQLRow]
        if sql.dialect.name == "sqlite" {
            // Each stem a quoted term; terms side by side must all be there (FTS5's AND).
            let match = Set(stems).sorted().map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " ")
            rows = try await sql.raw(
                """
                \(unsafeRaw: select)
                FROM answer_texts_index f CROSS JOIN answer_texts t ON t.row = f.rowid
                CROSS JOIN referral_answers a ON a.id = t.answer_id CROSS JOIN referral_rounds r ON r.id = a.round_id
                WHERE answer_texts_index MATCH \(bind: match) AND a.status IN (\(binds: statuses))
                ORDER BY f.rowid DESC LIMIT \(unsafeRaw: "\(maxHits)")
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                \(unsafeRaw: select)
                FROM answer_texts t
                JOIN referral_answers a ON a.id = t.answer_id JOIN referral_rounds r ON r.id = a.round_id
                WHERE t.words @@ plainto_tsquery('swedish', \(bind: query)) AND a.status IN (\(binds: statuses))
                \(unsafeRaw: order)
                """
            ).all()
        }
        return try rows.map { row in
            Hit(
                round: try row.decode(column: "slug", as: String.self),
                roundTitle: try row.decode(column: "title", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                submittedOn: try row.decode(column: "submitted_on", as: String?.self),
                kind: AnswerTexts.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .summary,
                measure: try row.decode(column: "measure", as: String?.self),
                text: try row.decode(column: "text", as: String.self))
        }
    }

    /// The sentence of `text` that has the most of the query's words, cut into pieces with the
    /// words marked: what a hit shows.
    static func sentence(_ text: String, query: String) -> [(text: String, marked: Bool)] {
        let wanted = Set(SwedishStemmer.lexemes(query))
        let sentences = StatementSentences.ranges(text).map { String(text[$0]) }
        let best =
            sentences.max { left, right in
                Set(SwedishStemmer.lexemes(left)).intersection(wanted).count
                    < Set(SwedishStemmer.lexemes(right)).intersection(wanted).count
            } ?? text
        var pieces: [(text: String, marked: Bool)] = []
        var current = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if wanted.contains(SwedishStemmer.stem(word.lowercased())) {
                if !current.isEmpty { pieces.append((current, false)) }
                pieces.append((word, true))
                current = ""
            } else {
                current += word
            }
            word = ""
        }
        for character in best {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flushWord()
                current.append(character)
            }
        }
        flushWord()
        if !current.isEmpty { pieces.append((current, false)) }
        return pieces
    }
}
