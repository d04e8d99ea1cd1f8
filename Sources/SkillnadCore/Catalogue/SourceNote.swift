/// A measure's editorial note on its source (källanmärkning): which document the measure comes
/// from and what it leaves out. It is written as the description's last paragraph, after a blank
/// line, starting with "Källa:", so the catalogue file needs no field of its own; pages show it
/// folded under the measure, apart from what the measure is about.
public enum SourceNote {
    public static let marker = "Källa:"

    /// The description without its source note, and the note without its marker; either is nil
    /// when empty.
    public static func split(_ description: String?) -> (text: String?, note: String?) {
        guard let description else { return (nil, nil) }
        var paragraphs = description.components(separatedBy: "\n\n").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var notes: [String] = []
        while let last = paragraphs.last, last.hasPrefix(marker) {
            notes.insert(String(last.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces), at: 0)
            paragraphs.removeLast()
        }
        let text = paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
        let note = notes.filter { !$0.isEmpty }.joined(separator: " ")
        return (text.isEmpty ? nil : text, note.isEmpty ? nil : note)
    }
}
