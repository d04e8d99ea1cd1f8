import Fluent
import SkillnadCore
import Vapor

/// Writes to the catalogue through the API: create (POST), replace (PUT), change some fields
/// (PATCH) and delete (DELETE) bodies, areas, reports and measures. Every change must name the
/// version it was based on (`If-Match` or a `version` field); an older one is a 409.
enum CatalogueWriteAPIController {
    static func create(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            var object = try body(req)
            // A new object has no version to be based on; one sent anyway must still be well-formed.
            _ = try bodyVersion(object)
            object.removeValue(forKey: "version")
            let edit = try record(kind, from: .object(object))
            let id = try await CatalogueEditor.save(kind, .create, by: req.auditActor, on: req.db) { doc in
                try edit(&doc, nil)
            }
            return try await respond(kind, id: id, status: .created, req)
        }
    }

    static func replace(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(APIURL.idKey)
            var object = try body(req)
            let version = try expectedVersion(req, object)
            object.removeValue(forKey: "version")
            let edit = try record(kind, from: .object(object))
            try await CatalogueEditor.save(kind, .update(id: id, version: version), by: req.auditActor, on: req.db) {
                doc in
                try edit(&doc, id)
            }
            return try await respond(kind, id: id, status: .ok, req)
        }
    }

    /// Fields present replace the stored ones; `null` clears an optional field.
    static func patch(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(APIURL.idKey)
            var changes = try body(req)
            let version = try expectedVersion(req, changes)
            changes.removeValue(forKey: "version")
            let snapshot = try await req.catalogue()
            guard case .object(var current)? = kind.json(of: id, in: snapshot.index.document) else {
                throw Abort(.notFound, reason: "No \(kind.rawValue) has the id '\(id)'.")
            }
            for (k, v) in changes {
                if case .null = v { current.removeValue(forKey: k) } else { current[k] = v }
            }
            let edit = try record(kind, from: .object(current))
            try await CatalogueEditor.save(kind, .update(id: id, version: version), by: req.auditActor, on: req.db) {
                doc in
                try edit(&doc, id)
            }
            return try await respond(kind, id: id, status: .ok, req)
        }
    }

    static func delete(_ kind: EditKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let id = try req.parameters.require(APIURL.idKey)
            let version = try expectedVersion(req, [:])
            let refs = References.of(kind, id: id, in: try await req.catalogue().index, lang: .en)
            guard refs.isEmpty else {
                throw Abort(
                    .conflict,
                    reason:
                        "\(kind.rawValue) '\(id)' cannot be deleted while others refer to it: \(refs.joined(separator: "; "))."
                )
            }
            try await CatalogueEditor.save(kind, .delete(id: id, version: version), by: req.auditActor, on: req.db) {
                doc in
                try remove(kind, id: id, from: &doc)
                return id
            }
            req.application.catalogue.invalidate()
            return Response(status: .noContent)
        }
    }

    // MARK: - Parts

    static func body(_ req: Request) throws -> [String: JSONValue] {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The request has no JSON body.")
        }
        guard case .object(let o)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        else {
            throw Abort(.badRequest, reason: "The body must be a JSON object.")
        }
        return o
    }

    /// From `If-Match: "3"` (or `W/"3"`), or else from the body's `version`, or `?version=`.
    static func expectedVersion(_ req: Request, _ object: [String: JSONValue]) throws -> Int {
        // Checked even when If-Match decides, so a malformed field is never silently dropped.
        let fromBody = try bodyVersion(object)
        if let header = req.headers.first(name: .ifMatch) {
            // As the API document says: `3`, `"3"` or `W/"3"`, one to nine digits and nothing else
            // (`Int` alone would take `+3`).
            var digits = Substring(header)
            if digits.hasPrefix("W/") { digits = digits.dropFirst(2) }
            if digits.hasPrefix("\"") { digits = digits.dropFirst() }
            if digits.hasSuffix("\"") { digits = digits.dropLast() }
            guard (1...9).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }), let v = Int(digits)
            else {
                throw ParameterError(parameter: "If-Match", message: "expected the object's version, e.g. \"3\"")
            }
            return v
        }
        if let fromBody { return fromBody }
        if let q = req.query[String.self, at: "version"] {
            guard let v = Int(q) else { throw ParameterError(parameter: "version", message: "expected a whole number") }
            return v
        }
        throw Abort(
            .preconditionRequired,
            reason:
                "Send the version the change is based on, as If-Match or a 'version' field, so a newer save is not overwritten."
        )
    }

    /// The body's `version` field: nil when absent, a 400 when it is not a whole number.
    static func bodyVersion(_ object: [String: JSONValue]) throws -> Int? {
        guard let value = object["version"] else { return nil }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
            throw ParameterError(parameter: "version", message: "expected a whole number")
        }
        return Int(number)
    }

    /// Checks one object's fields and returns the edit that puts it into a catalogue, replacing
    /// the object with id `replacing` (nil: adding it). The edit returns the object's id.
    static func record(_ kind: EditKind, from object: JSONValue) throws
        -> @Sendable (inout CatalogueDocument, String?) throws -> String
    {
        let doc: CatalogueDocument
        switch CatalogueReader.readObject(object, list: kind.plural) {
        case .success(let d): doc = d
        case .failure(let p): throw EditProblems(problems: p.problems)
        }
        func put<R: Sendable>(
            _ r: R, _ list: WritableKeyPath<CatalogueDocument, [R]>, _ id: @escaping @Sendable (R) -> String
        )
            -> @Sendable (inout CatalogueDocument, String?) throws -> String
        {
            { doc, replacing in
                let newID = id(r)
                if let replacing {
                    guard let i = doc[keyPath: list].firstIndex(where: { id($0) == replacing }) else {
                        throw Abort(.notFound, reason: "No \(kind.rawValue) has the id '\(replacing)'.")
                    }
                    guard newID == replacing else {
                        throw EditProblems(problems: [
                            CatalogueProblem(
                                path: kind == .measure ? "code" : "id",
                                .idCannotChange(kind: kind.rawValue))
                        ])
                    }
                    doc[keyPath: list][i] = r
                } else {
                    doc[keyPath: list].append(r)
                }
                return newID
            }
        }
        switch kind {
        case .body: return put(doc.bodies[0], \.bodies, \.id)
        case .area: return put(doc.areas[0], \.areas, \.id)
        case .report: return put(doc.reports[0], \.reports, \.id)
        case .measure:
            // The code is stored canonical: the same spelling rule as a catalogue file.
            var m = doc.measures[0]
            if let code = MeasureCode.parse(m.code) { m.code = code.canonical }
            return put(m, \.measures, \.publicID)
        }
    }

    static func remove(_ kind: EditKind, id: String, from doc: inout CatalogueDocument) throws {
        let before = kind.ids(in: doc).count
        switch kind {
        case .body: doc.bodies.removeAll { $0.id == id }
        case .area: doc.areas.removeAll { $0.id == id }
        case .report: doc.reports.removeAll { $0.id == id }
        case .measure: doc.measures.removeAll { $0.publicID == id }
        }
        if kind.ids(in: doc).count == before {
            throw Abort(.notFound, reason: "No \(kind.rawValue) has the id '\(id)'.")
        }
    }

    static func respond(_ kind: EditKind, id: String, status: HTTPResponseStatus, _ req: Request) async throws
        -> Response
    {
        req.application.catalogue.invalidate()
        let snap = try await req.catalogue()
        let index = snap.index
        let version = snap.version(kind, id)
        // Another request may have deleted the object since this one saved it.
        let gone = Abort(
            .conflict,
            reason:
                "The \(kind.rawValue) '\(id)' was saved, then changed or deleted by another request at once; reload it."
        )
        let res: Response
        switch kind {
        case .body:
            guard let b = index.bodyByID[id] else { throw gone }
            res = try await API.Body(b, version: version).encodeResponse(status: status, for: req)
        case .area:
            guard let a = index.areaByID[id] else { throw gone }
            res = try await API.Area(a, withGeometry: true, version: version).encodeResponse(status: status, for: req)
        case .report:
            guard let r = index.reportByID[id] else { throw gone }
            res = try await API.Report(r, index: index, version: version).encodeResponse(status: status, for: req)
        case .measure:
            guard let m = index.document.measures.first(where: { $0.publicID == id }) else { throw gone }
            res = try await API.Measure(m, index: index, version: version).encodeResponse(status: status, for: req)
        }
        res.headers.replaceOrAdd(name: .eTag, value: "\"\(version)\"")
        if status == .created { res.headers.replaceOrAdd(name: .location, value: "/api/v1/\(kind.plural)/\(id)") }
        return res
    }
}
