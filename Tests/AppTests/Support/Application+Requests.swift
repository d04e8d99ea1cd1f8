@testable import App
import Foundation
import Vapor
import VaporTesting

/// Requests as a browser or an API client sends them, through Vapor's in-memory client.
extension Application {
    /// GET a path and return status, headers and body text.
    func get(
        _ path: String,
        headers: HTTPHeaders = [:]
    ) async throws -> (status: HTTPStatus, headers: HTTPHeaders, body: String) {
        var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
        try await testing().test(.GET, path, headers: headers) { res in
            result = (res.status, res.headers, res.body.string)
        }
        return result
    }

    /// GET a path as a signed-in browser.
    func get(_ path: String, as browser: Browser) async throws -> (status: HTTPStatus, body: String) {
        let response = try await get(path, headers: ["Cookie": browser.sessionCookie])
        return (response.status, response.body)
    }

    /// GET a path and read the body as a JSON object (empty when it is none).
    func getJSON(_ path: String) async throws -> (status: HTTPStatus, json: [String: Any]) {
        let response = try await get(path)
        return (response.status, Self.jsonObject(response.body))
    }

    /// POSTs a form as a signed-in browser (or anonymously), with the CSRF token unless told
    /// otherwise.
    func post(
        _ path: String,
        _ fields: [String: String],
        as browser: Browser?,
        csrf: Bool = true
    ) async throws -> (status: HTTPStatus, body: String, location: String?) {
        var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
        var form = fields
        if csrf, let browser {
            form["_csrf"] = browser.csrf
        }
        try await testing().test(
            .POST, path,
            beforeRequest: { req in
                if let browser {
                    req.headers.replaceOrAdd(name: .cookie, value: browser.sessionCookie)
                }
                try req.content.encode(form, as: .urlEncodedForm)
            },
            afterResponse: { res in
                result = (res.status, res.body.string, res.headers.first(name: .location))
            })
        return result
    }

    /// POSTs a multipart form, with the CSRF token first, as a signed-in browser; returns status,
    /// body and Location.
    func postMultipart(
        _ path: String,
        _ fields: [(String, String)],
        file: (name: String, filename: String, data: Data)? = nil,
        files: [(name: String, filename: String, data: Data)] = [],
        as browser: Browser
    ) async throws -> (status: HTTPStatus, body: String, location: String?) {
        var form = MultipartForm()
        for (name, value) in [("_csrf", browser.csrf)] + fields {
            form.add(name, value)
        }
        for file in (file.map { [$0] } ?? []) + files {
            form.addFile(file.name, filename: file.filename, contentType: "application/octet-stream", data: file.data)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: browser.sessionCookie)
        headers.contentType = form.contentType
        var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
        try await testing().test(.POST, path, headers: headers, body: form.body) { res in
            result = (res.status, res.body.string, res.headers.first(name: .location))
        }
        return result
    }

    /// Sends JSON with a bearer token.
    func api(
        _ method: HTTPMethod,
        _ path: String,
        token: String?,
        json: String? = nil,
        headers: HTTPHeaders = [:]
    ) async throws -> (status: HTTPStatus, body: String, json: [String: Any]) {
        var result: (HTTPStatus, String, [String: Any]) = (.internalServerError, "", [:])
        var sent = headers
        if let token {
            sent.bearerAuthorization = .init(token: token)
        }
        if json != nil {
            sent.contentType = .json
        }
        try await testing().test(method, path, headers: sent, body: json.map { ByteBuffer(string: $0) }) { res in
            let body = res.body.string
            result = (res.status, body, Self.jsonObject(body))
        }
        return result
    }

    private static func jsonObject(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
