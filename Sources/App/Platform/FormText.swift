import Foundation

/// What someone typed into a form field: without surrounding spaces and line breaks, and nil
/// when nothing is left, so that an empty field and a missing one mean the same.
func formText(_ s: String?) -> String? {
    guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
    return t
}
