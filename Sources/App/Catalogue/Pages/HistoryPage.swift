import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Who changed an object, when, and what: the audit trail of one object, newest first.
struct HistoryPage: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let at: String
        let actor: String
        let action: String
        let via: String
        let changes: [Change]
    }
    struct Change: Encodable, Sendable {
        let field: String
        let before: String
        let after: String
    }

    let heading: String
    let objectHref: String
    let entries: [Entry]

    /// - Parameter events: the object's audit events, newest first (`HistoryPage.load` reads them).
    static func build(_ lang: Lang, events: [AuditEvent], title: String, objectHref: String) -> PageContext<HistoryPage>
    {
        let s = Texts(lang)
        let entries = events.map { e in
            Entry(
                at: minute(e.at), actor: e.actor, action: s.auditAction(e.action), via: e.via,
                changes: fieldChanges(before: e.before, after: e.after))
        }
        let heading = "\(s[.history]): \(title)"
        let meta = PageMeta.make(lang, title: heading, description: heading, section: nil, route: SiteURL.home)
        return PageContext(
            meta: meta, t: s, page: HistoryPage(heading: heading, objectHref: objectHref, entries: entries))
    }

    /// Field by field: what was there before and after.
    static func fieldChanges(before: String?, after: String?) -> [Change] {
        func fields(_ s: String?) -> [String: JSONValue] {
            guard let s, case .object(let o)? = JSONValue.parse(s) else { return [:] }
            return o
        }
        let b = fields(before)
        let a = fields(after)
        return Set(b.keys).union(a.keys).sorted().compactMap { k in
            let x = b[k].map(show) ?? ""
            let y = a[k].map(show) ?? ""
            return x == y ? nil : Change(field: k, before: x, after: y)
        }
    }

    static func show(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .null: return ""
        case .number(let n): return n.rounded() == n ? String(Int(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .array(let a): return a.map(show).joined(separator: ", ")
        case .object: return v.jsonText
        }
    }
}
