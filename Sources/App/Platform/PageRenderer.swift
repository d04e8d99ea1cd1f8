import SkillnadCore
import Vapor

/// Renders a page from the catalogue snapshot through its Leaf template, and keeps the result
/// for the same address, language and catalogue generation. Pages are the same for everyone
/// (no personal content yet), so a rendered page can be reused until the catalogue changes.
enum PageRenderer {
    /// - Parameters:
    ///   - object: the catalogue object the page shows, for its edit and history links.
    ///   - create: the kind an administrator may add from this page.
    static func render<P: Encodable & Sendable>(
        _ req: Request, template: String, object: (EditKind, String)? = nil, create: EditKind? = nil,
        roadmap: Bool = false,
        build: @Sendable (CatalogueIndex, Lang) async throws -> PageContext<P>?
    ) async throws -> Response {
        let lang = Lang.of(req)
        let snapshot = try await req.catalogue()
        // Signed-in people see their name and the links their role allows: not cached.
        if let p = req.principal, p.session != nil {
            guard var context = try await build(snapshot.index, lang) else { throw Abort(.notFound) }
            context.meta.user = .signedIn(p, req, lang)
            if let (kind, id) = object, Rule.staff.allows(p) {
                context.meta.historyLink = SiteURL.Catalogue.history(kind, .value(id)).link(lang)
                if p.isAdmin { context.meta.editLink = SiteURL.Catalogue.editObject(kind, .value(id)).link(lang) }
            }
            if roadmap, Rule.staff.allows(p) {
                context.meta.historyLink = SiteURL.Catalogue.roadmapHistory.link(lang)
                if p.isAdmin { context.meta.editLink = SiteURL.Catalogue.roadmapEdit.link(lang) }
            }
            if let create, p.isAdmin {
                var link = SiteURL.Catalogue.newObject(create).link(lang)
                if create == .measure, let (k, id) = object, k == .report {
                    link += (link.contains("?") ? "&" : "?") + "report=" + SiteURL.encode(id)
                }
                context.meta.createLink = link
            }
            let view = try await req.view.render(template, context)
            let res = response(view.data, lang: lang, status: .ok)
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return res
        }
        let key = cacheKey(req).map { "\(lang.rawValue) \(stockholmDay()) \($0)" }
        if let key, let cached = req.application.catalogue.page(key, generation: snapshot.generation) {
            return response(cached.body, lang: lang, status: cached.status)
        }
        try req.chargeUncachedWork()
        guard let context = try await build(snapshot.index, lang) else { throw Abort(.notFound) }
        let view = try await req.view.render(template, context)
        if let key {
            req.application.catalogue.store(
                .init(generation: snapshot.generation, body: view.data, status: .ok), for: key)
        }
        return response(view.data, lang: lang, status: .ok)
    }

    /// The same reuse for the read API: a JSON answer depends only on the address and the
    /// catalogue generation, never on who asks.
    static func cachedJSON<T: AsyncResponseEncodable>(_ handler: @escaping @Sendable (Request) async throws -> T)
        -> @Sendable (Request) async throws -> Response
    {
        { req in
            let generation = try await req.catalogue().generation
            let key = cacheKey(req).map { "api \(stockholmDay()) \($0)" }
            if let key, let cached = req.application.catalogue.page(key, generation: generation) {
                var headers = HTTPHeaders()
                headers.contentType = .json
                return Response(status: cached.status, headers: headers, body: .init(buffer: cached.body))
            }
            try req.chargeUncachedWork()
            let res = try await handler(req).encodeResponse(for: req)
            if let key, res.status == .ok, let body = res.body.buffer {
                req.application.catalogue.store(.init(generation: generation, body: body, status: .ok), for: key)
            }
            return res
        }
    }

    /// Every query parameter that any page or API answer reads. The cache key holds only these,
    /// so `?x=1`, `?x=2`, … are one page, not endless ones (a test checks the list
    /// against the parameters the code reads). `lang` is in the key as the language itself.
    static let queryParameters: Set<String> = [
        "age", "area", "body", "commissionArea", "day", "district", "format", "from", "group", "id", "indicator",
        "kind",
        "language", "level", "limit",
        "measure", "method", "offset", "organiser", "parent", "period", "project", "q", "rankBy", "report", "role",
        "saved", "status", "strategy", "table", "tag", "target", "targetArea", "to", "topic", "validOn", "variant",
        "version", "year",
    ]

    /// The path and the query parameters that matter; nil when the query cannot be parsed
    /// (then every parameter reads as absent, and the page must not be kept under a key that
    /// names some of them).
    static func cacheKey(_ req: Request) -> String? {
        guard let query = req.url.query, !query.isEmpty else { return req.url.path }
        guard (try? req.query.decode([String: String].self)) != nil else { return nil }
        let kept = query.split(separator: "&").filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return queryParameters.contains(name.removingPercentEncoding ?? name)
        }
        return kept.isEmpty ? req.url.path : req.url.path + "?" + kept.joined(separator: "&")
    }

    /// The day in Stockholm as a number, part of every cache key: pages say what is late by
    /// today's date, so a page kept from yesterday must not be served when nothing was written since.
    static func stockholmDay(_ now: Date = Date()) -> Int {
        let offset = stockholm?.secondsFromGMT(for: now) ?? 0
        return Int((now.timeIntervalSince1970 + Double(offset)) / 86_400)
    }

    private static let stockholm = TimeZone(identifier: "Europe/Stockholm")

    static func response(_ body: ByteBuffer, lang: Lang, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: "Content-Language", value: lang.rawValue)
        headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }
}
