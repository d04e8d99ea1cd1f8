import Vapor

/// Dialogues in and out as CSV: the import of an existing list, and the export (being written).
enum DialogueTransfer {
    static func register(_ app: Application) {}
}
