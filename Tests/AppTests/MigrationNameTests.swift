@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Fluent records each migration by name; a moved or renamed migration type must keep the name it
/// shipped with, or an existing database would run it again. The fixture is a demo database made
/// by the code before the capability layout (commit 346e5e3, `skillnad demo` without public data).
@Suite("Migrations keep their names")
struct MigrationNameTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/database-before-layout.sqlite")

    /// Migrations added after the fixture was made: these, and only these, run on it.
    static let addedSince = [
        "App.AddIndicatorKind", "App.CreateFollowUp", "App.AddObservationAggregation", "App.CreateDialogues",
        "App.IndexDialogueFilters", "App.AddDialogueReachColumns", "App.CreateReferralStatements",
        "App.CreateAnswerTexts", "App.AddDialogueFatigueColumns", "App.CreateParticipatoryBudgets",
        "App.AddBudgetPhotos",
        "App.CreateAssociationRegister", "App.CreateGrants", "App.CreateExternalSignIn", "App.CreateArchiveRecords",
    ]

    @Test("A database made before the layout change runs only the migrations added since, then reads")
    func olderDatabaseMigratesWithNothingToDo() async throws {
        let path = SQLiteFile.newPath("fixture")
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        defer { SQLiteFile.remove(path) }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqlite(path: path))
            try await app.asyncBoot()
            let pending = try await app.migrator.previewPrepareBatch().get().map { $0.0.name }
            #expect(pending == Self.addedSince, "migrations that would run again: \(pending)")
            try await app.autoMigrate()
            let page = try await app.get("/reports")
            #expect(page.status == .ok)
            #expect(page.body.contains("Stad i samverkan"))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
