/// Which role and bodies the groups of a municipality's identity provider give (behörighetstabell):
/// a table the municipality's IT keeps, one group a line, `group;role;bodies`.
///
/// ```
/// # group;role;bodies (body ids, comma-separated)
/// Skillnad-Admin;admin;
/// Skillnad-Skarpnack;editor;skarpnacks-stadsdelsnamnd
/// ```
///
/// A person in several groups gets the strongest role and every body of every group.
public struct GroupRoleMap: Sendable, Equatable {
    /// The roles a group can give. Association administrators sign up on the site; no group gives that.
    public enum Role: String, Sendable, CaseIterable, Comparable {
        case reader
        case editor
        case admin

        private var rank: Int {
            switch self {
            case .reader: 0
            case .editor: 1
            case .admin: 2
            }
        }

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Entry: Sendable, Equatable {
        public let group: String
        public let role: Role
        public let bodies: [String]
    }

    /// What a person's groups give.
    public struct Grant: Sendable, Equatable {
        public let role: Role
        public let bodies: [String]

        public init(role: Role, bodies: [String]) {
            self.role = role
            self.bodies = bodies
        }
    }

    /// A line that cannot be read, with its number (from 1).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String

        public var description: String { "line \(line): \(message)" }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads the table. Blank lines and lines starting with `#` are skipped.
    /// - Throws: every `Problem` of the table at once, as `[Problem]` in `Problems`.
    public static func read(_ text: String) throws(Problems) -> GroupRoleMap {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 3 else {
                problems.append(
                    .init(line: number, message: "expected group;role;bodies, found \(fields.count) fields"))
                continue
            }
            let group = fields[0]
            guard !group.isEmpty else {
                problems.append(.init(line: number, message: "the group is empty"))
                continue
            }
            guard let role = Role(rawValue: fields[1]) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(.init(line: number, message: "role '\(fields[1])' is not one of \(known)"))
                continue
            }
            if let earlier = seen[group] {
                problems.append(.init(line: number, message: "group '\(group)' is already on line \(earlier)"))
                continue
            }
            seen[group] = number
            let bodies = fields[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if role == .editor && bodies.isEmpty {
                problems.append(.init(line: number, message: "an editor group needs at least one body"))
                continue
            }
            entries.append(Entry(group: group, role: role, bodies: bodies))
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        return GroupRoleMap(entries: entries)
    }

    public struct Problems: Error, Sendable, Equatable {
        public let problems: [Problem]
    }

    /// What `groups` give, or nil when none of them is in the table.
    public func grant(for groups: [String]) -> Grant? {
        let member = Set(groups)
        let matched = entries.filter { member.contains($0.group) }
        guard let role = matched.map(\.role).max() else { return nil }
        let bodies = Set(matched.flatMap(\.bodies)).sorted()
        return Grant(role: role, bodies: bodies)
    }
}
