/// One thing wrong with a catalogue file, with where it is (a path into the JSON such as
/// `measures[12].leadBody`), so an administrator can fix every problem in one go.
public struct CatalogueProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) { self.path = path; self.message = message }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// All the problems found in a file; thrown as one error so nothing is written.
public struct CatalogueProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogueProblem]
    public init(_ problems: [CatalogueProblem]) { self.problems = problems }
    public var description: String {
        "\(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
