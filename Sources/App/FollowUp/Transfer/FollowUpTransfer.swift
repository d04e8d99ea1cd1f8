import Vapor

/// The follow-up's CSV export and import and its JSON API.
enum FollowUpTransfer {
    static func register(_ app: Application) throws {
    }
}
