import Foundation
import SkillnadCore
import Vapor

/// `skillnad areas link FILE`: places areas in their parents from a key table (`AreaLinker`),
/// e.g. Stockholm's DeSO areas in their RegSO areas and those in the city:
///
///     skillnad areas link ../shared/data/scb/koppling-deso2018-regso2020.csv --where Kommun=0180 \
///       --child-code DeSO_2018 --child-kind deso \
///       --parent-code RegSOkod_2020 --parent-name RegSO_2020 --parent-kind regso --create --top stockholm
///
/// and then the RegSO areas in the districts of the same name, listing which matched:
///
///     skillnad areas link ../shared/data/scb/koppling-deso2018-regso2020.csv --where Kommun=0180 \
///       --child-code RegSOkod_2020 --child-name RegSO_2020 --child-kind regso --parent-by-name district
struct AreasLinkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The key table: CSV with any delimiter, with or without a byte-order mark.")
        var file: String
        @Option(name: "child-code", help: "The column with the child area's code, e.g. DeSO_2018 (or #3).")
        var childCode: String?
        @Option(name: "child-name", help: "The column with the child area's name, when the file has one.")
        var childName: String?
        @Option(name: "child-kind", help: "The child areas' kind: \(AreasLinkCommand.kinds).")
        var childKind: String?
        @Option(name: "parent-code", help: "The column with the parent area's code, e.g. RegSOkod_2020.")
        var parentCode: String?
        @Option(
            name: "parent-name",
            help:
                "The column with the parent area's name: the name of a created parent, or the key without --parent-code."
        )
        var parentName: String?
        @Option(name: "parent-kind", help: "The parent areas' kind: \(AreasLinkCommand.kinds).")
        var parentKind: String?
        @Option(
            name: "parent-by-name",
            help:
                "Instead of parent columns: place each child in the area of this kind that has its name (case and Swedish letters folded), e.g. district; lists which matched and which did not."
        )
        var parentByName: String?
        @Option(
            name: "where",
            help:
                "Only rows where COLUMN=VALUE (a code of digits compares without leading zeros: Kommun=180 keeps 0180) or COLUMN^=VALUE (starts with); several separated by commas."
        )
        var filter: String?
        @Flag(
            name: "create",
            help:
                "Create the child and parent areas the catalogue does not have (else they are listed and nothing is written)."
        )
        var create: Bool
        @Option(name: "top", help: "The id of the area that created parents lie in, e.g. stockholm.")
        var top: String?
        @Flag(name: "dry-run", help: "Only check the file and say what would change; write nothing.")
        var dryRun: Bool
    }

    static var kinds: String { AreaKind.allCases.map(\.rawValue).joined(separator: ", ") }

    var help: String {
        "Places areas in their parents from a key table such as Statistics Sweden's DeSO–RegSO table, creating the missing ones with --create. One transaction: an unknown area, a child given two parents or a missing column refuses the whole file with its line. Indicators whose values are added up the area tree are added up again."
    }

    static func kind(_ value: String?, _ option: String) throws -> AreaKind? {
        guard let value else { return nil }
        guard let kind = AreaKind(rawValue: value) else {
            throw CatalogueCommandError("--\(option) must be one of \(kinds), got \"\(value)\"")
        }
        return kind
    }

    /// The options as the linker takes them.
    static func options(_ s: Signature) throws -> AreaLinker.Options {
        guard let childCode = s.childCode else { throw CatalogueCommandError("--child-code is required") }
        guard let childKind = try kind(s.childKind, "child-kind") else {
            throw CatalogueCommandError("--child-kind is required: one of \(kinds)")
        }
        var filters: [AreaLinker.Filter] = []
        if let text = s.filter {
            let (equals, prefixes) = try CatalogueCommand.whereOption(text)
            filters = AreaLinker.Filter.all(equals: equals, prefixes: prefixes)
        }
        return AreaLinker.Options(
            childCode: childCode, childName: s.childName, childKind: childKind, parentCode: s.parentCode,
            parentName: s.parentName, parentKind: try kind(s.parentKind, "parent-kind"),
            parentByName: try kind(s.parentByName, "parent-by-name"), filters: filters, create: s.create, top: s.top)
    }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let options = try Self.options(s)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: s.file)) } catch {
            throw CatalogueCommandError("Cannot read \(s.file): \(error.localizedDescription)")
        }
        try await context.application.autoMigrate()
        let outcome: AreaLinker.Outcome
        do {
            outcome = try await AreaLinker.run(
                data, options, dryRun: s.dryRun, by: .system("cli"), on: context.application.db)
        } catch let e as ObservationProblems {
            for p in e.problems.prefix(200) { context.console.error("\(s.file): \(p)") }
            if e.problems.count > 200 { context.console.error("… and \(e.problems.count - 200) more") }
            throw CatalogueCommandError("\(e.problems.count) problem(s) in \(s.file); nothing was written.")
        }
        for line in Self.report(outcome, file: s.file, dryRun: s.dryRun, byName: options.parentByName) {
            context.console.print(line)
        }
    }

    /// What the command prints: counts, then by-name matches and misses, then indicators added up again.
    static func report(_ outcome: AreaLinker.Outcome, file: String, dryRun: Bool, byName: AreaKind?) -> [String] {
        let texts = Texts(.en)
        let created = outcome.created.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { texts.count($0.value, of: $0.key).replacingOccurrences(of: "\u{00A0}", with: " ") }
        var lines = [
            (dryRun ? "Dry run, nothing was written. \(file) would give: " : "\(file): ")
                + "\(outcome.createdCount) created\(created.isEmpty ? "" : " (\(created.joined(separator: ", ")))"), "
                + "\(outcome.reparented) re-parented, \(outcome.unchanged) unchanged."
        ]
        if let byName {
            let kind = texts.label(byName)
            lines.append("Placed by name in a \(kind) (\(outcome.matchedByName.count)):")
            lines += outcome.matchedByName.map { "  \($0.child) → \($0.parent)" }
            lines.append("No \(kind) of that name, left where they were (\(outcome.unmatchedByName.count)):")
            lines += outcome.unmatchedByName.map { miss in
                "  \(miss.child)"
                    + (miss.suggestions.isEmpty ? "" : " (did you mean: \(miss.suggestions.joined(separator: ", "))?)")
            }
        }
        for indicator in outcome.refreshed {
            lines.append("Added up again: \(indicator.code), \(indicator.written) values.")
        }
        return lines
    }
}
