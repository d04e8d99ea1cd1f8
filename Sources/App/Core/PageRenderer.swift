import SkillnadCore
import Vapor

/// Renders a page from the catalogue snapshot through its Leaf template, and keeps the result
/// for the same address, language and catalogue generation. Pages are the same for everyone
/// (no personal content yet), so a rendered page can be reused until the catalogue changes.
enum PageRenderer {
    static func render<P: Encodable & Sendable>(
        _ req: Request, template: String,
        build: @Sendable (CatalogueIndex, Lang) throws -> PageContext<P>?
    ) async throws -> Response {
        let lang = Lang.of(req)
        let snapshot = try await req.catalogue()
        let key = "\(lang.rawValue) \(req.url.string)"
        if let cached = req.application.catalogue.page(key, generation: snapshot.generation) {
            return response(cached.body, lang: lang, status: cached.status)
        }
        guard let context = try build(snapshot.index, lang) else { throw Abort(.notFound) }
        let view = try await req.view.render(template, context)
        req.application.catalogue.store(.init(generation: snapshot.generation, body: view.data, status: .ok), for: key)
        return response(view.data, lang: lang, status: .ok)
    }

    static func response(_ body: ByteBuffer, lang: Lang, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: "Content-Language", value: lang.rawValue)
        headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }
}
