import Vapor

/// The follow-up's public pages.
enum FollowUpPages {
    static func register(_ app: Application) throws {
    }
}
