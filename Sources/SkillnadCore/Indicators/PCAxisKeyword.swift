/// One keyword of a PC-Axis file's header (nyckelord) as the file writes it,
/// `VALUES[en]("region")="Stockholm","Uppsala";`: its name, language, subkeys and the tokens of
/// its value. Texts stay bytes until the file's code page is known (`CODEPAGE` is itself a keyword).
struct PCAxisKeyword {
    /// A piece of a keyword's value.
    enum Token: Equatable {
        /// A quoted text, without its quotes; texts split over lines (`"abc"` `"def"`) already joined.
        case text([UInt8])
        /// Anything unquoted: a number, `YES`, `TLIST`, `A1`, the `-` of a time range.
        case word([UInt8])
        case comma
        case open
        case close
    }

    /// In capitals (`VALUES`), as keywords are compared.
    var name: String
    /// The `en` of `VALUES[en]`; nil for the file's default language.
    var language: [UInt8]?
    /// The `"region"` of `VALUES("region")`.
    var subkeys: [[UInt8]] = []
    var tokens: [Token] = []
    /// The file line the keyword starts on (1-based).
    var line: Int

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// How a keyword is written, for messages: `VALUES[en]("region")`.
    static func display(_ name: String, language: String?, subkeys: [String]) -> String {
        var text = name
        if let language { text += "[\(language)]" }
        if !subkeys.isEmpty { text += "(" + subkeys.map { "\"\($0)\"" }.joined(separator: ",") + ")" }
        return text
    }
}
