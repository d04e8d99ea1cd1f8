import Vapor

/// The follow-up's forms: budget years, decisions, periods, reports, the fund.
enum FollowUpForms {
    static func register(_ app: Application) throws {
    }
}
