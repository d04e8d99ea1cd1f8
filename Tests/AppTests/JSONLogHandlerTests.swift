@testable import App
import Foundation
import Logging
import Testing

@Suite("Log lines as JSON")
struct JSONLogHandlerTests {
    @Test("One JSON object a line, with the request id and every metadata value, whatever the message holds")
    func oneObjectALine() throws {
        let lines = LockedBox<[String]>([])
        var logger = Logger(label: "codes.vapor.request") { label in
            JSONLogHandler(label: label, level: .info) { line in lines.update { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "2F1C-abc"
        logger.info(
            "GET /search?q=\"a\"\nb", metadata: ["status": .stringConvertible(200), "route": ["path": "/search"]])
        logger.debug("below the level")
        let written = lines.get()
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(!line.contains("\n"), "a message with a line break stays on one line")
        let fields = try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
        #expect(fields["request-id"] == "2F1C-abc")
        #expect(fields["message"] == "GET /search?q=\"a\"\nb")
        #expect(fields["level"] == "info")
        #expect(fields["logger"] == "codes.vapor.request")
        #expect(fields["status"] == "200")
        #expect(fields["route.path"] == "/search")
        #expect(fields["time"]?.hasPrefix("20") == true && fields["time"]?.hasSuffix("Z") == true)
    }
}
