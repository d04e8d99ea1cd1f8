extension String {
    /// The text between the first `start` and the next `end` after it.
    func slice(_ start: String, _ end: String) -> String? {
        guard let a = range(of: start), let b = self[a.upperBound...].range(of: end) else { return nil }
        return String(self[a.upperBound..<b.lowerBound])
    }
}
