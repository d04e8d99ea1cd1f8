import Foundation

/// One object that an edit or an import created, changed or deleted, with its values before and
/// after as JSON: what the audit trail records.
public struct CatalogueChange: Sendable, Equatable {
    public enum Action: String, Sendable { case create, update, delete }

    /// `body`, `area`, `commissionArea`, `report`, `measure`, `roadmap`.
    public let objectType: String
    /// The object's public id (for a measure its public id, e.g. `dold-potential-a-2-3-1`).
    public let objectID: String
    public let action: Action
    public let before: String?
    public let after: String?
}

/// Compares two catalogues object by object, by id.
public enum CatalogueDiff {
    public static func changes(from old: CatalogueDocument, to new: CatalogueDocument) -> [CatalogueChange] {
        var out: [CatalogueChange] = []
        out += diff("body", old.bodies, new.bodies, id: \.id)
        out += diff("area", old.areas, new.areas, id: \.id)
        out += diff("commissionArea", old.commissionAreas, new.commissionAreas, id: \.id)
        out += diff("report", old.reports, new.reports, id: \.id)
        out += diff("measure", old.measures, new.measures, id: \.publicID)
        out += diff("roadmap", old.roadmap.map { [$0] } ?? [], new.roadmap.map { [$0] } ?? [], id: { _ in "roadmap" })
        return out
    }

    static func diff<T: Encodable & Equatable>(_ type: String, _ old: [T], _ new: [T], id: (T) -> String)
        -> [CatalogueChange]
    {
        let before = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [CatalogueChange] = []
        for item in new {
            let key = id(item)
            if let b = before[key] {
                if b != item {
                    out.append(
                        CatalogueChange(
                            objectType: type, objectID: key, action: .update, before: json(b), after: json(item)))
                }
            } else {
                out.append(
                    CatalogueChange(objectType: type, objectID: key, action: .create, before: nil, after: json(item)))
            }
        }
        for item in old where after[id(item)] == nil {
            out.append(
                CatalogueChange(objectType: type, objectID: id(item), action: .delete, before: json(item), after: nil))
        }
        return out
    }

    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
