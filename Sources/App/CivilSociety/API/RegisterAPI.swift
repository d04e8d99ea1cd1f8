import Foundation
import SkillnadCore
import Vapor

/// The register as open data in the JSON API: HSDS 3.0 organizations, each association's
/// activities as its services. Only associations registered in some district are published, and
/// only what the register publishes of them. Answers change with every entry, so none is cached.
enum RegisterAPI {
    static func register(_ app: Application) {
        app.get(APIURL.Associations.list, use: list)
        app.get(APIURL.Associations.association(.key), use: association)
    }

    /// The city the addresses lie in.
    static let city = "Stockholm"

    struct List: Encodable {
        let total: Int
        let organizations: [HSDSRegister.Organization]
    }

    static func list(_ req: Request) async throws -> Response {
        try req.chargeUncachedWork()
        let index = try await req.catalogue().index
        let filter = try RegisterPages.Filter.read(req, index: index)
        let limit = try Paging.int(req, "limit", default: 100, range: 1...500)
        let offset = try Paging.int(req, "offset", default: 0, range: 0...Int(Int32.max))
        let day = today()
        let ids = try await filter.ids(today: day, on: req.db)
        let stored = try await AssociationStore.load(ids: Array(ids.dropFirst(offset).prefix(limit)), on: req.db)
        let organizations = stored.map {
            HSDSRegister.organization(RegisterPages.published($0, index: index, today: day), city: city)
        }
        return try json(List(total: ids.count, organizations: organizations))
    }

    static func association(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require(APIURL.idKey)
        let day = today()
        guard slug.count <= 120, let stored = try await AssociationStore.find(slug, on: req.db),
            stored.isPublic(today: day)
        else { throw Abort(.notFound, reason: "No association in the register has the id \(slug.prefix(120)).") }
        let index = try await req.catalogue().index
        let item = RegisterPages.published(stored, index: index, today: day)
        return try json(HSDSRegister.organization(item, city: city))
    }

    /// The HSDS shapes live in Core, which knows no Vapor, so they are encoded here.
    static func json(_ value: some Encodable) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(value)))
    }
}
