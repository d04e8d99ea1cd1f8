import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document that describes the API (`/api/v1/openapi.json`). It is
/// assembled from `Resources/API/openapi.json` (the info, the problem schema, the security) and
/// each capability's part (its paths and schemas); a test checks that it names exactly the routes
/// the server registers and that responses match its schemas.
enum OpenAPIController {
    /// A part names a path or a schema that another part already named.
    struct DuplicateEntry: Error, CustomStringConvertible {
        let part: String
        let name: String
        var description: String { "Resources/API/\(part): \(name) is already described by another part" }
    }

    static func document(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: req.application.openAPIDocument))
    }

    /// The base document with every part's paths and schemas added, in the order of the parts.
    static func assemble(parts: [String]) throws -> ByteBuffer {
        var document = try object(at: "openapi.json")
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        for part in parts {
            let object = try object(at: part)
            for (path, item) in object["paths"] as? [String: Any] ?? [:] {
                guard paths[path] == nil else { throw DuplicateEntry(part: part, name: path) }
                paths[path] = item
            }
            let partComponents = object["components"] as? [String: Any] ?? [:]
            for (name, schema) in partComponents["schemas"] as? [String: Any] ?? [:] {
                guard schemas[name] == nil else { throw DuplicateEntry(part: part, name: name) }
                schemas[name] = schema
            }
        }
        components["schemas"] = schemas
        document["paths"] = paths
        document["components"] = components
        let data = try JSONSerialization.data(
            withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return ByteBuffer(data: data)
    }

    private static func object(at name: String) throws -> [String: Any] {
        let url = StaticFiles.resources.appendingPathComponent("API").appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Abort(.internalServerError, reason: "Resources/API/\(name) is not a JSON object")
        }
        return object
    }
}

extension Application {
    private struct OpenAPIDocumentKey: StorageKey {
        typealias Value = ByteBuffer
    }

    /// The assembled OpenAPI document, made once when the capabilities register.
    var openAPIDocument: ByteBuffer {
        get { storage[OpenAPIDocumentKey.self] ?? ByteBuffer(string: "{}") }
        set { storage[OpenAPIDocumentKey.self] = newValue }
    }
}
