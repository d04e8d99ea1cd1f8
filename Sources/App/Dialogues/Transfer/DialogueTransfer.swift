import Vapor

/// Dialogues in and out as CSV: the import of an existing list (the page for officials and
/// `skillnad dialogues import`), and the export of every dialogue in the same columns.
enum DialogueTransfer {
    /// A list of dialogues: 20,000 dialogues with their sessions are a few MB.
    static let fileLimit: ByteCount = "20mb"

    static func register(_ app: Application) {
        let url = SiteURL.DialogueTransfer.self
        app.get(url.csv, use: DialogueExport.response)
        app.on(.GET, url.importDialogues.pathComponents, rule: .editor, use: DialogueImportPage.form)
        app.on(
            .POST, url.importDialogues.pathComponents, rule: .editor, body: .collect(maxSize: fileLimit),
            use: DialogueImportPage.upload)
        app.asyncCommands.use(DialogueCommand(), as: "dialogues")
    }
}
