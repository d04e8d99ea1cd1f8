import Foundation

/// What one body on a round's distribution list is asked (remissinstans): whole reports to comment
/// on, measures it must answer and measures it may answer.
public struct RecipientScope: Codable, Sendable, Equatable {
    public var body: String
    public var commentReports: [String]
    public var required: [String]
    public var invited: [String]

    public init(body: String, commentReports: [String] = [], required: [String] = [], invited: [String] = []) {
        self.body = body
        self.commentReports = commentReports
        self.required = required
        self.invited = invited
    }

    /// Every measure the body may take a position on: the required and invited ones, and all
    /// measures of the reports it comments on as a whole. `measuresOfReport` gives a report's measure ids.
    public func measures(_ measuresOfReport: (String) -> [String]) -> Set<String> {
        Set(required).union(invited).union(commentReports.flatMap(measuresOfReport))
    }
}
