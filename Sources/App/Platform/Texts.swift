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

extension Texts {
    /// A count with its noun in the right number: "1 träff", "2 träffar"; "1 result", "2 results".
    func count<Key: TextKey>(_ number: Int, _ one: Key, _ many: Key) -> String {
        NumberText.plain(Double(number), decimals: 0, lang) + "\u{00A0}" + self[typed: number == 1 ? one : many]
    }
}
