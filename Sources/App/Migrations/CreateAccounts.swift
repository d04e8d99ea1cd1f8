import Fluent
import SQLKit

/// Users, their bodies, sessions, API tokens, the audit trail and sign-in failures.
struct CreateAccounts: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateAccounts" }

    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("email", .string, .required).unique(on: "email")
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await db.schema("user_bodies")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("body_id", .uuid, .required, .references("bodies", "id", onDelete: .restrict))
            .unique(on: "user_id", "body_id")
            .create()
        try await db.schema("sessions")
            .id()
            .field("token_hash", .string, .required).unique(on: "token_hash")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required).unique(on: "token_hash")
            .field("prefix", .string, .required)
            .field("scope", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .create()
        try await db.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string)
            .field("object_id", .string)
            .field("before", .string)
            .field("after", .string)
            .field("via", .string, .required)
            .field("address", .string)
            .create()
        try await db.schema("sign_in_failures")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await AppendOnly.protect(table: "audit_events", on: db)
    }

    func revert(on db: any Database) async throws {
        try await AppendOnly.unprotect(table: "audit_events", on: db)
        for table in ["sign_in_failures", "audit_events", "api_tokens", "sessions", "user_bodies", "users"] {
            try await db.schema(table).delete()
        }
    }
}

/// Makes a table refuse UPDATE and DELETE in the database itself, so no code path (and no
/// slip in a later change) can rewrite history. One implementation per database.
enum AppendOnly {
    static func protect(table: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for op in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: op.lowercased()) BEFORE \(unsafeRaw: op) ON \(ident: table)
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION skillnad_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(ident: table)
                FOR EACH ROW EXECUTE FUNCTION skillnad_append_only()
                """
            ).run()
        }
    }

    static func unprotect(table: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for op in ["update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_\(unsafeRaw: op)").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(ident: table)").run()
        }
    }
}
