import Fluent
import SkillnadCore
import Vapor

/// `skillnad catalogue export|import`: the whole catalogue as one JSON file.
struct CatalogueCommand: AsyncCommandGroup {
    var help: String { "Exports or imports the whole catalogue (bodies, areas, reports, measures, roadmap) as JSON." }
    var commands: [String: any AnyAsyncCommand] {
        ["export": CatalogueExportCommand(), "import": CatalogueImportCommand()]
    }
}

/// `skillnad catalogue export [FILE]`: writes the catalogue as JSON to FILE or standard output.
struct CatalogueExportCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Writes the whole catalogue as JSON to FILE, given as the one argument, or to standard output without one."
    }

    // The FILE argument is optional, which ConsoleKit's @Argument cannot express.
    func run(using context: inout CommandContext) async throws {
        _ = try Signature(from: &context.input)
        guard context.input.arguments.count <= 1 else {
            throw CommandError.unknownInput(context.input.arguments.dropFirst().joined(separator: " "))
        }
        let file = context.input.arguments.first
        context.input.arguments = []
        let doc = try await CatalogueLoader.load(from: context.application.db)
        let data = try Self.encode(doc)
        if let file {
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
            context.console.success(
                "Wrote \(doc.reports.count) reports, \(doc.measures.count) measures, \(doc.bodies.count) bodies, \(doc.areas.count) areas to \(file)"
            )
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {}

    static func encode(_ doc: CatalogueDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }
}

/// `skillnad catalogue import FILE`: checks the whole file, lists every problem with its place,
/// and writes nothing unless all is well; then makes the database match the file in one
/// transaction.
struct CatalogueImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The catalogue JSON file (as written by `skillnad catalogue export`).")
        var file: String
        @Flag(name: "dry-run", help: "Only check the file; write nothing.")
        var dryRun: Bool
    }

    var help: String {
        "Checks a catalogue JSON file and, if it has no problems, makes the database hold exactly its catalogue."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let url = URL(fileURLWithPath: signature.file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CatalogueCommandError("Cannot read \(signature.file): \(error.localizedDescription)")
        }
        switch CatalogueReader.read(data) {
        case .failure(let problems):
            for p in problems.problems { context.console.error("\(signature.file): \(p)") }
            throw CatalogueCommandError(
                "\(problems.problems.count) problem(s) in \(signature.file); nothing was written.")
        case .success(let doc):
            if signature.dryRun {
                context.console.success(
                    "\(signature.file) is valid: \(doc.reports.count) reports, \(doc.measures.count) measures, \(doc.bodies.count) bodies."
                )
                return
            }
            try await context.application.autoMigrate()
            do {
                let summary = try await CatalogueImporter.apply(doc, to: context.application.db)
                context.console.success("Imported \(signature.file):\n\(summary)")
            } catch {
                throw CatalogueCommandError("Import failed and nothing was written: \(String(reflecting: error))")
            }
        }
    }
}

extension CatalogueCommand {
    /// The `--where` option of the commands that read tables (`areas link`, `indicators import`):
    /// `COLUMN=VALUE` and `COLUMN^=PREFIX`, separated by commas; a part that is neither is refused.
    static func whereOption(_ text: String) throws -> (equals: [String: String], prefixes: [String: String]) {
        let (equals, prefixes, malformed) = ObservationMapping.filterPairs(text)
        if let part = malformed.first {
            throw CatalogueCommandError("--where takes COLUMN=VALUE or COLUMN^=PREFIX, got \"\(part)\"")
        }
        return (equals, prefixes)
    }
}

struct CatalogueCommandError: Error, CustomStringConvertible, LocalizedError {
    let description: String
    init(_ message: String) { description = message }
    var errorDescription: String? { description }
}
