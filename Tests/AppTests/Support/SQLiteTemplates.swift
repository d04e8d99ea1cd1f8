@testable import App
import Foundation

/// The SQLite template files of this test process, one per kind of content, each made once
/// however many tests ask for it at the same time, and removed when the process ends.
enum SQLiteTemplates {
    private static let builds = BuildOnce<DatabaseContent, String>()

    /// A new file for one test, copied from the template.
    static func copy(of content: DatabaseContent) async throws -> TestDatabase {
        let template = try await template(content)
        let path = SQLiteFile.newPath("test")
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return TestDatabase(choice: .sqlite(path: path), remove: { SQLiteFile.remove(path) })
    }

    /// The template's path, made on first use.
    static func template(_ content: DatabaseContent) async throws -> String {
        try await builds.value(for: content) { try await build(content) }
    }

    /// Starts from a copy of the source template, so that each step runs once.
    private static func build(_ content: DatabaseContent) async throws -> String {
        let path = SQLiteFile.newPath("template-\(content.rawValue)")
        TemplateCleanup.removeFileAtExit(path)
        if let source = content.source {
            try FileManager.default.copyItem(atPath: try await template(source), toPath: path)
        }
        try await TestDatabase.fill(.sqlite(path: path), with: content)
        return path
    }
}
