@testable import App
import Vapor

extension Request {
    /// A request that was never sent, to test functions of a request.
    static func fake(_ app: Application, _ url: String) throws -> Request {
        Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.any())
    }
}
