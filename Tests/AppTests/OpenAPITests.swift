@testable import App
import Foundation
import Testing
import Vapor

/// The OpenAPI document must describe exactly what the server does: the same routes, and
/// responses that validate against its schemas.
@Suite("OpenAPI document")
struct OpenAPITests {
    static func document(_ app: Application) async throws -> [String: Any] {
        let r = try await app.get("/api/v1/openapi.json")
        #expect(r.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any])
    }

    @Test("It is OpenAPI 3.1 and names exactly the API routes the server registers")
    func routesMatch() async throws {
        try await withTestApp(demo: false) { app in
            let doc = try await Self.document(app)
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, ops) in paths { for method in ops.keys { documented.insert("\(method.uppercased()) \(path)") } }
            let registered = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { c -> String in
                            if case .parameter(let name) = c { return "{\(name)}" }
                            return c.description
                        }.joined(separator: "/")
                    return path.hasPrefix("/api/") ? "\(route.method.rawValue) \(path)" : nil
                })
            #expect(
                documented == registered,
                "documented but not served: \(documented.subtracting(registered)); served but not documented: \(registered.subtracting(documented))"
            )
        }
    }

    @Test(
        "Responses validate against the document's schemas",
        arguments: [
            ("/api/v1/reports", "ReportList"), ("/api/v1/reports/dold-potential", "Report"),
            ("/api/v1/reports/dold-potential/measures/A.2.3.1", "Measure"),
            ("/api/v1/measures?limit=500", "MeasureList"),
            ("/api/v1/measures/stad-i-samverkan-4-1-1", "Measure"), ("/api/v1/bodies?limit=500", "BodyList"),
            ("/api/v1/bodies/kommunstyrelsen", "Body"), ("/api/v1/areas", "AreaList"),
            ("/api/v1/areas/stockholm", "Area"),
            ("/api/v1/commission-areas", "CommissionAreaList"), ("/api/v1/roadmap", "Roadmap"),
            ("/api/v1/search?q=skola", "SearchResult"), ("/api/v1/measures?limit=x", "Problem"),
            ("/api/v1/reports/nope", "Problem"),
        ])
    func responsesValidate(path: String, schema: String) async throws {
        try await withTestApp { app in
            let doc = try await Self.document(app)
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let r = try await app.get(path)
            let body = try JSONSerialization.jsonObject(with: Data(r.body.utf8), options: [.fragmentsAllowed])
            var errors: [String] = []
            SchemaCheck(schemas: schemas).check(
                body, against: ["$ref": "#/components/schemas/\(schema)"], at: "$", &errors)
            #expect(errors.isEmpty, "\(path): \(errors.prefix(10))")
        }
    }

    @Test("The checker itself catches an undocumented field and a wrong type")
    func checkerCanFail() throws {
        let schemas: [String: Any] = [
            "X": [
                "type": "object", "properties": ["a": ["type": "string"]], "required": ["a"],
                "additionalProperties": false,
            ]
        ]
        var errors: [String] = []
        SchemaCheck(schemas: schemas).check(
            ["a": 1, "b": true] as [String: Any], against: ["$ref": "#/components/schemas/X"], at: "$", &errors)
        #expect(errors.count == 2)
    }
}
