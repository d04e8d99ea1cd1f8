import Fluent
import Vapor

extension HistoryPage {
    /// Reads the last 500 audit events of one object, then builds the page.
    static func load(
        _ req: Request, objectType: String, objectID: String, title: String,
        objectHref: String
    ) async throws -> PageContext<HistoryPage> {
        let events = try await AuditEvent.query(on: req.db)
            .filter(\.$objectType == objectType)
            .filter(\.$objectID == objectID)
            .sort(\.$at, .descending)
            .limit(500)
            .all()
        return build(Lang.of(req), events: events, title: title, objectHref: objectHref)
    }
}
