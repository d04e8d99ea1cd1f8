import SkillnadCore

/// The fixed texts in one language. Swift code reads them by key (`texts[.answer]`; each
/// capability adds the subscript for its key enum), templates as `t.answer`.
struct Texts: Sendable {
    let lang: Lang

    init(_ lang: Lang) {
        self.lang = lang
    }

    /// Every text by key in this language, for the templates.
    var table: [String: String] { Strings.table(lang) }

    subscript<Key: TextKey>(typed key: Key) -> String {
        lang == .sv ? key.text.sv : key.text.en
    }

    /// The text of a key made from data (a unit, a dimension of a statistics file), or nil when
    /// the interface has no text for it; enums have label methods instead.
    func optional(raw key: String) -> String? {
        table[key]
    }
}
