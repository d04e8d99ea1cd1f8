import Foundation

/// The group an observation is for (grupp): everyone (`T`, as Kolada writes the total), or one
/// value of one or more dimensions such as sex (`kon=K`), age band (`alder=16-24`) or born in or
/// outside Sweden (`fodd=utrikes`). Written as `dimension=value` pairs joined by `;`, dimensions
/// in alphabetical order, so one group always has one key.
public enum ObservationGroup {
    public static let total = "T"

    /// The key for a set of dimension values; empty values are left out, none at all is `T`.
    public static func key(_ dimensions: [(dimension: String, value: String)]) -> String {
        let pairs =
            dimensions
            .map { (clean($0.dimension), clean($0.value)) }
            .filter { !$0.0.isEmpty && !$0.1.isEmpty }
            .sorted { $0.0 < $1.0 }
        return pairs.isEmpty ? total : pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
    }

    /// The dimension values of a key, in key order; `T` has none.
    public static func dimensions(_ key: String) -> [(dimension: String, value: String)] {
        guard key != total else { return [] }
        return key.split(separator: ";").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return (kv[0], kv.count > 1 ? kv[1] : "")
        }
    }

    /// `=` and `;` would break the key apart; they become `-` and `,`.
    private static func clean(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "=", with: "-").replacingOccurrences(
            of: ";", with: ",")
    }
}
