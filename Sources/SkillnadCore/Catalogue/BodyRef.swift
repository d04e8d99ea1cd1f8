/// A reference to a body in the catalogue file: a body's id, or a group.
public enum BodyRef: Hashable, Sendable {
    case body(String)
    case group(BodyGroup)

    /// nil when the text names a group that does not exist.
    public init?(_ text: String) {
        if text.hasPrefix(BodyGroup.prefix) {
            guard let g = BodyGroup(rawValue: String(text.dropFirst(BodyGroup.prefix.count))) else { return nil }
            self = .group(g)
        } else {
            self = .body(text)
        }
    }

    public var text: String {
        switch self {
        case .body(let id): return id
        case .group(let g): return BodyGroup.prefix + g.rawValue
        }
    }
}
