import Fluent
import SQLKit

/// The answers' texts for full-text search, a row per paragraph (of a summary, a question's
/// answer, a position's comment, a statement, …), searched through each database's own engine:
/// on SQLite an FTS5 index of the words' stems (made in Swift by `SwedishStemmer`, as PostgreSQL
/// makes them), on PostgreSQL `to_tsvector('swedish', …)` with a GIN index.
struct CreateAnswerTexts: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateAnswerTexts" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE TABLE answer_texts (
                    row INTEGER PRIMARY KEY,
                    answer_id BLOB NOT NULL REFERENCES referral_answers(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, measure TEXT, text TEXT NOT NULL, stems TEXT NOT NULL)
                """
            ).run()
            // External content: the index holds only the stems' postings, the table the text.
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE answer_texts_index USING fts5(
                    stems, content='answer_texts', content_rowid='row', tokenize='unicode61 remove_diacritics 0')
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER answer_texts_added AFTER INSERT ON answer_texts BEGIN
                    INSERT INTO answer_texts_index(rowid, stems) VALUES (new.row, new.stems);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER answer_texts_removed AFTER DELETE ON answer_texts BEGIN
                    INSERT INTO answer_texts_index(answer_texts_index, rowid, stems)
                    VALUES ('delete', old.row, old.stems);
                END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE answer_texts (
                    row BIGSERIAL PRIMARY KEY,
                    answer_id UUID NOT NULL REFERENCES referral_answers(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, measure TEXT, text TEXT NOT NULL, stems TEXT NOT NULL,
                    words TSVECTOR GENERATED ALWAYS AS (to_tsvector('swedish', text)) STORED)
                """
            ).run()
            try await sql.raw("CREATE INDEX answer_texts_by_words ON answer_texts USING GIN (words)").run()
        }
        try await sql.raw("CREATE INDEX answer_texts_by_answer ON answer_texts (answer_id)").run()
        // The answers stored before the index existed.
        try await AnswerTexts.rebuild(on: db)
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TABLE answer_texts_index").run()
        }
        try await sql.raw("DROP TABLE answer_texts").run()
    }
}
