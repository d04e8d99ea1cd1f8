/// The key of a fixed text. Each capability declares its keys as one enum whose `text` gives the
/// Swedish and the English, so a key cannot lack a language, and Swift code looks texts up by
/// case (`texts[.answer]`), never by a string that could be misspelt.
protocol TextKey: RawRepresentable<String>, CaseIterable, Sendable {
    /// The text in Swedish and in English.
    var text: (sv: String, en: String) { get }
}

extension TextKey {
    /// Every key with its texts, for the templates' table.
    static var entries: [(key: String, sv: String, en: String)] {
        allCases.map { ($0.rawValue, $0.text.sv, $0.text.en) }
    }
}
