import Fluent
import SQLKit

/// The register of associations (föreningsregistret): each association's entry as it keeps it,
/// its standing in each district's register, its activities where the map and the filters find
/// them, and the accounts that administer it.
struct CreateAssociationRegister: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateAssociationRegister" }

    func prepare(on db: any Database) async throws {
        try await db.schema("associations")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("organisation_number", .string, .required)
            // The whole entry as `AssociationEntry` encodes it; the columns beside it are what
            // queries filter and sort on.
            .field("entry", .string, .required)
            .field("member_total", .int, .required)
            // `SearchText.index` of the name, purpose and activities, for the public filter.
            .field("search", .string, .required)
            .field("annual_meeting", .string)
            .field("verified_on", .string)
            // The last day to renew when the annual meeting came after the last verification, else
            // NULL: the entry counts as registered while this is NULL or not yet past.
            .field("renewal_due", .string)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .field("version", .int, .required)
            .unique(on: "slug")
            .unique(on: "organisation_number")
            .create()
        try await db.schema("association_registers")
            .field("association_id", .uuid, .required, .references("associations", "id", onDelete: .cascade))
            .field("area", .string, .required)
            .field("decision", .string, .required)
            .field("reason", .string)
            .field("decided_by", .string)
            .field("decided_on", .string)
            .unique(on: "association_id", "area")
            .create()
        // The activities as the public register lists and maps them, beside the entry that holds them.
        try await db.schema("association_activities")
            .id()
            .field("association_id", .uuid, .required, .references("associations", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("area", .string, .required)
            .field("minimum_age", .int)
            .field("maximum_age", .int)
            .field("languages", .string, .required)
            .field("place", .string, .required)
            .field("address", .string, .required)
            .field("schedule", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .create()
        try await db.schema("association_admins")
            .field("association_id", .uuid, .required, .references("associations", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "association_id", "user_id")
            .create()
        for statement in [
            "CREATE INDEX association_registers_by_area ON association_registers (area, decision, association_id)",
            "CREATE INDEX association_activities_by_association ON association_activities (association_id, position)",
            "CREATE INDEX association_admins_by_user ON association_admins (user_id)",
        ] {
            try await db.sql().raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["association_admins", "association_activities", "association_registers", "associations"] {
            try await db.schema(table).delete()
        }
    }
}
