@testable import App
import Foundation
import SkillnadCore
import Testing

/// Every text a page or the code names exists in Swedish and in English. Swift code looks texts up
/// by typed key, so the compiler checks it; templates name keys as `t.key`, which these tests check.
@Suite("Texts")
struct TextKeyTests {
    static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/App/Resources/Views")

    /// Every `t.key` in every template, with the template's path.
    static func templateKeys() throws -> [(template: String, key: String)] {
        let files =
            FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        #expect(files.count > 20, "templates not found at \(views.path)")
        let pattern = try NSRegularExpression(pattern: #"\bt\.([A-Za-z0-9_]+)"#)
        var found: [(String, String)] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let keyRange = Range(match.range(at: 1), in: text) else { continue }
                found.append((file.path.replacingOccurrences(of: views.path + "/", with: ""), String(text[keyRange])))
            }
        }
        return found
    }

    @Test("Every key a template uses has a text in Swedish and in English")
    func templatesUseKnownKeys() throws {
        let used = try Self.templateKeys()
        #expect(used.count > 100)
        let missing = used.filter { Strings.sv[$0.key] == nil || Strings.en[$0.key] == nil }
        #expect(missing.isEmpty, "keys without a text: \(missing.map { "\($0.template): t.\($0.key)" })")
    }

    @Test("Every key has a text in both languages, and no key is declared by two capabilities")
    func everyKeyHasBothLanguages() {
        let entries = Strings.entries
        #expect(entries.count > 400)
        let empty = entries.filter { $0.sv.isEmpty || $0.en.isEmpty }.map(\.key)
        #expect(empty.isEmpty, "keys with an empty text: \(empty)")
        let keys = entries.map(\.key)
        let twice = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(twice.isEmpty, "keys declared twice: \(twice)")
    }

    @Test("One placeholder style: %1, %2, … and the same ones in Swedish and English")
    func placeholdersMatch() throws {
        let numbered = try NSRegularExpression(pattern: #"%[0-9]"#)
        let other = try NSRegularExpression(pattern: #"%@|%s|%d|\{[0-9a-z]+\}"#)
        func placeholders(_ text: String) -> [String] {
            numbered.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range, in: text).map { String(text[$0]) } }.sorted()
        }
        for entry in Strings.entries {
            #expect(placeholders(entry.sv) == placeholders(entry.en), "\(entry.key): placeholders differ")
            for text in [entry.sv, entry.en] {
                let count = other.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
                #expect(count == 0, "\(entry.key): another placeholder style in \"\(text)\"")
            }
        }
    }

    @Test("Every label of an enum is a word, not its key")
    func enumLabels() {
        for lang in Lang.allCases {
            let texts = Texts(lang)
            for kind in PositionKind.allCases { #expect(!texts.label(kind).isEmpty) }
            for status in AnswerStatus.allCases { #expect(!texts.label(status).isEmpty) }
            for kind in BodyKind.allCases { #expect(!texts.label(kind).isEmpty && !texts.plural(kind).isEmpty) }
            for kind in AreaKind.allCases { #expect(texts.areaKind(kind.rawValue) == texts.label(kind)) }
            for role in User.Role.allCases { #expect(!texts.label(role).isEmpty) }
            for status in MilestoneStatus.allCases { #expect(!texts.label(status).isEmpty) }
        }
        #expect(Texts(.sv).label(User.Role.reader) != "reader")
        #expect(Texts(.sv).label(PositionKind.opposes) == "avstyrker")
        #expect(Texts(.en).label(PositionKind.opposes) == "opposes")
    }
}
