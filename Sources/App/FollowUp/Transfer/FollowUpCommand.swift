import Fluent
import Foundation
import SkillnadCore
import Vapor

/// `skillnad follow-up import|export`: follow-up reports in the one CSV format, as the import page
/// and the API read and write them.
struct FollowUpCommand: AsyncCommandGroup {
    var help: String { "Imports or exports follow-up reports as CSV (the same columns both ways)." }
    var commands: [String: any AnyAsyncCommand] {
        ["import": FollowUpImportCommand(), "export": FollowUpExportCommand()]
    }
}

/// `skillnad follow-up import FILE [--as EMAIL]`: all or nothing, every problem by line and column.
struct FollowUpImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV file, as the export writes it (RFC 4180 or Swedish Excel).")
        var file: String
        @Option(
            name: "as",
            help:
                "Import as this user (e-mail): only their bodies' reports, and publishing only if an administrator. Without: as the system, with every right."
        )
        var user: String?
    }

    var help: String {
        "Imports follow-up reports from a CSV file: every row is checked first, and nothing is written if any row has a problem."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: signature.file)) } catch {
            throw CatalogueCommandError("Cannot read \(signature.file): \(error.localizedDescription)")
        }
        try await app.autoMigrate()
        let reporter = try await Self.reporter(signature.user, on: app.db)
        let index = try await app.catalogue.snapshot(on: app.db).index
        let texts = Texts(.en)
        do {
            let out = try await FollowUpImport.run(data, reporter: reporter, index: index, on: app.db)
            app.catalogue.invalidate()
            context.console.success(
                "Imported \(signature.file): \(out.created) created, \(out.updated) updated (\(out.published) published), \(out.unchanged) unchanged, \(out.blank) empty rows skipped."
            )
        } catch let e as FollowUpProblems {
            for p in e.problems { context.console.error("\(signature.file): \(texts.describe(p))") }
            throw CatalogueCommandError("\(e.problems.count) problem(s) in \(signature.file); nothing was written.")
        } catch let e as CSVError {
            throw CatalogueCommandError("\(signature.file): \(e); nothing was written.")
        }
    }

    /// The user the import acts as, with their bodies; the system when none is named.
    static func reporter(_ email: String?, on db: any Database) async throws -> FollowUpStore.Reporter {
        guard let email else { return .system("cli") }
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let user = try await User.query(on: db).filter(\.$email == address).first() else {
            throw CatalogueCommandError("No user has the e-mail address \(email).")
        }
        guard user.active else { throw CatalogueCommandError("The user \(email) is disabled.") }
        let p = try await Principal.load(user, session: nil, token: nil, on: db)
        return FollowUpStore.Reporter(
            actor: .user(p, address: nil), isAdmin: p.isAdmin, bodies: p.role == .editor ? p.bodies : [])
    }
}

/// `skillnad follow-up export [--variant excel] [--period P] [--body B] [--published]`.
struct FollowUpExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "variant", help: "excel for Swedish Excel (semicolon, decimal comma); default RFC 4180.")
        var variant: String?
        @Option(name: "period", help: "Only this follow-up period, e.g. 2018-t1.")
        var period: String?
        @Option(name: "body", help: "Only this body's reports.")
        var body: String?
        @Option(name: "output", help: "Write to this file instead of standard output.")
        var output: String?
        @Flag(
            name: "published",
            help:
                "What the public downloads (the published revisions) instead of every working copy with empty rows to fill in."
        )
        var published: Bool
    }

    var help: String { "Writes follow-up reports as CSV, in the columns the import reads." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let variant: CSVWriter.Variant
        switch signature.variant {
        case nil, "", "rfc4180": variant = .rfc4180
        case "excel": variant = .excel
        case let other?: throw CatalogueCommandError("--variant: expected excel or nothing, got '\(other)'.")
        }
        if let period = signature.period,
            try await FollowUpPeriod.query(on: app.db).filter(\.$slug == period).first() == nil
        {
            throw CatalogueCommandError("--period: no follow-up period has the id '\(period)'.")
        }
        let scope: FollowUpExport.Scope = signature.published ? .published : .workingCopies(bodies: nil)
        var bytes: [UInt8] = []
        try await FollowUpExport.write(
            scope, filter: .init(period: signature.period, body: signature.body), variant: variant, on: app.db
        ) { bytes += $0 }
        if let output = signature.output {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            context.console.success("Wrote \(output).")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
