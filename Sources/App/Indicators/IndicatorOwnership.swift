import Fluent
import Foundation
import Vapor

/// Who may replace an indicator's values (and create areas with it): administrators, and the
/// editors of the body that owns it. A new indicator is owned by a body of the editor who
/// imports it.
enum IndicatorOwnership {
    /// Why a person may not import or restore an indicator's values.
    enum Refused: AbortError, WordedProblem {
        case unknownBody(String)
        case ownedByOther(code: String, owner: String?)
        case chooseOwnBody

        var status: HTTPResponseStatus { .forbidden }
        var reason: String { text(Texts(.en)) }

        func text(_ texts: Texts) -> String {
            switch self {
            case .unknownBody(let body): Strings.fill(texts[.problemOwnerUnknown], body)
            case .ownedByOther(let code, let owner):
                Strings.fill(texts[.problemOwnedByOther], code, owner ?? texts[.noBody])
            case .chooseOwnBody: texts[.problemChooseOwnBody]
            }
        }
    }

    /// The owner to record for an import of `code` by `principal`, or a refusal. An
    /// administrator may name any body (or none); an editor may import a new indicator for one
    /// of their bodies and replace the values of one that such a body owns.
    static func owner(for code: String, requested: String?, principal: Principal, on db: any Database) async throws
        -> String?
    {
        let existing = try await Indicator.query(on: db).filter(\.$code == code).first()
        if principal.isAdmin {
            if let requested, try await Body.query(on: db).filter(\.$slug == requested).first() == nil {
                throw Refused.unknownBody(String(requested.prefix(100)))
            }
            return requested
        }
        if let existing {
            guard let owner = existing.ownerBody, principal.bodies.contains(owner) else {
                throw Refused.ownedByOther(code: String(code.prefix(100)), owner: existing.ownerBody)
            }
            return nil
        }
        guard let owner = requested ?? principal.bodies.sorted().first, principal.bodies.contains(owner) else {
            throw Refused.chooseOwnBody
        }
        return owner
    }

    /// Whether `principal` may replace (or restore) the values of `code`.
    static func mayReplace(_ code: String, principal: Principal, on db: any Database) async throws -> Bool {
        do {
            _ = try await owner(for: code, requested: nil, principal: principal, on: db)
            return true
        } catch is Refused {
            return false
        }
    }

    /// The bodies a person may choose as owner: their own, or every body for an administrator.
    static func choices(for principal: Principal?, on db: any Database) async throws -> [(slug: String, name: String)] {
        guard let principal else { return [] }
        let bodies = try await Body.query(on: db).sort(\.$name).all()
        return bodies.filter { principal.isAdmin || principal.bodies.contains($0.slug) }.map { ($0.slug, $0.name) }
    }
}
