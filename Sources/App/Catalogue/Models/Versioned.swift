/// An object edited as a whole that carries a version for optimistic concurrency: a save based on
/// an older version is refused, never silently overwritten.
protocol Versioned: AnyObject {
    var version: Int { get set }
}

extension Body: Versioned {}
extension Area: Versioned {}
extension Report: Versioned {}
extension Measure: Versioned {}
