import Vapor

/// Serves the OpenAPI 3.1 document that describes the API (`/api/v1/openapi.json`). It is a
/// resource file; a test checks that it names exactly the routes the server registers and that
/// responses match its schemas.
enum OpenAPIController {
    static let document: ByteBuffer = {
        let url = StaticFiles.resources.appendingPathComponent("API/openapi.json")
        let data = (try? Data(contentsOf: url)) ?? Data("{}".utf8)
        return ByteBuffer(data: data)
    }()

    static func document(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: document))
    }
}
