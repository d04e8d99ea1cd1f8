import SkillnadCore

/// An import file's problems in the reader's language: `Rad 3, kolumn områden: det finns inget
/// område med id ”x”`, with the column as the file names it.
extension Texts {
    func describe(_ problem: DialogueImportProblem) -> String {
        let place = Strings.fill(self[.dialogueImportAt], String(problem.line), problem.column)
        switch problem.reason {
        case .file(.value(let reason)):
            // The form's sentence, with the place where the form puts its field's label. The
            // marker is a private-use character, which no field label holds.
            let marker = "\u{E000}"
            return describe(DialogueProblem(field: marker, reason)).replacingOccurrences(of: marker, with: place)
        case .file(.differsFrom(let line, let value)):
            return Strings.fill(self[.dialogueImportDiffers], place, String(line), value)
        case .file(.columnTwice(let other)): return Strings.fill(self[.dialogueImportColumnTwice], place, other)
        case .exists(let id): return Strings.fill(self[.dialogueImportExists], place, id)
        case .notYours(let body): return Strings.fill(self[.dialogueImportNotYours], place, body)
        }
    }
}
