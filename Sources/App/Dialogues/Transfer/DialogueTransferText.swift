/// A key of the texts of the dialogues' import and export (see `TextKey`).
enum DialogueTransferText: String, TextKey {
    case dialogueImportTitle

    var text: (sv: String, en: String) {
        switch self {
        case .dialogueImportTitle: ("Läs in dialoger", "Import dialogues")
        }
    }
}

extension Texts {
    subscript(_ key: DialogueTransferText) -> String { self[typed: key] }
}
