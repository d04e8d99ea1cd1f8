import SkillnadCore

/// Every fixed text of the interface, in Swedish and English, gathered from the capabilities'
/// key enums. Templates read them as `t.key`, so a page never mixes languages by accident.
enum Strings {
    static func table(_ lang: Lang) -> [String: String] {
        lang == .sv ? sv : en
    }

    /// A text with `%1`, `%2`, … replaced by the values, in order (the one placeholder style).
    static func fill(_ template: String, _ values: String...) -> String {
        fill(template, values)
    }

    static func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        for (index, value) in values.enumerated().reversed() {
            text = text.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return text
    }

    static let entries: [(key: String, sv: String, en: String)] = Capabilities.all.flatMap { $0.texts }
    static let sv: [String: String] = Dictionary(
        entries.map { ($0.key, $0.sv) }, uniquingKeysWith: { first, _ in first })
    static let en: [String: String] = Dictionary(
        entries.map { ($0.key, $0.en) }, uniquingKeysWith: { first, _ in first })
}
