/// The areas as a tree by id, both ways (områdesträdet): each area's parent and each area's
/// children. Built once per catalogue, so walks up and down it invert nothing per request.
public struct AreaTree: Sendable {
    /// Child id → parent id; areas without a parent are left out.
    public let parentOf: [String: String]
    /// Parent id → child ids.
    public let childrenOf: [String: [String]]

    public init(parentOf: [String: String]) {
        self.parentOf = parentOf
        var children: [String: [String]] = [:]
        children.reserveCapacity(parentOf.count)
        for (child, parent) in parentOf.sorted(by: { $0.key < $1.key }) {
            children[parent, default: []].append(child)
        }
        childrenOf = children
    }
}
