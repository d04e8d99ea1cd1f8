import Vapor

/// The dialogue portal's JSON API under `/api/v1/dialogues` (being written).
enum DialogueAPI {
    static func register(_ app: Application) {}
}
