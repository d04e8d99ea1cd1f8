import Fluent
import Vapor

/// The administrators' list of users, with a form to add one and a form per user.
struct AdminUsersPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Row: Encodable, Sendable {
        let id: String
        let email: String
        let name: String
        let active: Bool
        let version: Int
        let roles: [Option]
        let bodies: [Option]
        let updateAction: String
        let passwordAction: String
        let bodiesText: String
    }

    let csrf: String
    let message: String?
    let errors: [String: String]
    let users: [Row]
    let newEmail: String
    let newName: String
    let roles: [Option]
    let bodies: [Option]
    let createAction: String
    /// Accounts and addresses with failed sign-ins in the throttle's window, each with a clear button.
    let throttles: [Throttle]
    let clearThrottleAction: String

    struct Throttle: Encodable, Sendable {
        let kind: String
        let kindLabel: String
        let value: String
        let failures: String
        let state: String
    }

    /// What the page shows, as `AdminUsersPage.load` reads it.
    struct Query {
        let users: [User]
        let links: [UserBody]
        let bodies: [Body]
        let throttles: [SignInThrottle.Entry]
    }

    static func build(
        _ req: Request, query: Query, message: String?, errors: [String: String],
        typed: AdminUsersController.UserForm?
    ) throws -> PageContext<AdminUsersPage> {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let users = query.users
        let links = query.links
        let allBodies = query.bodies
        let byUser = Dictionary(grouping: links, by: { $0.$user.id })
        func roleOptions(_ selected: String?) -> [Option] {
            User.Role.allCases.map { Option(value: $0.rawValue, label: s.label($0), selected: $0.rawValue == selected) }
        }
        func bodyOptions(_ selected: Set<String>) -> [Option] {
            allBodies.map { Option(value: $0.slug, label: $0.name, selected: selected.contains($0.slug)) }
        }
        let rows = try users.map { u -> Row in
            let id = try u.requireID()
            let mine = Set((byUser[id] ?? []).map(\.body.slug))
            return Row(
                id: id.uuidString, email: u.email, name: u.name, active: u.active, version: u.version,
                roles: roleOptions(u.role), bodies: bodyOptions(mine),
                updateAction: SiteURL.Accounts.user(.value(id.uuidString)).link(lang),
                passwordAction: SiteURL.Accounts.userPassword(.value(id.uuidString)).link(lang),
                bodiesText: (byUser[id] ?? []).map(\.body.name).sorted().joined(separator: ", "))
        }
        let throttles = query.throttles.map { entry in
            Throttle(
                kind: entry.kind, kindLabel: Texts(lang).throttleKind(entry.kind), value: entry.value,
                failures: String(entry.failures),
                state: (entry.refused ? Texts(lang)[.throttleRefused] : Texts(lang)[.throttleDelayed]))
        }
        let page = AdminUsersPage(
            csrf: CSRF.token(for: req), message: message, errors: errors, users: rows,
            newEmail: typed?.email ?? "", newName: typed?.name ?? "", roles: roleOptions(typed?.role ?? "editor"),
            bodies: bodyOptions(Set(typed?.bodies ?? [])), createAction: SiteURL.Accounts.users.link(lang),
            throttles: Array(throttles), clearThrottleAction: SiteURL.Accounts.throttles.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.adminUsers], description: s[.adminUsers], section: nil, route: SiteURL.Accounts.users)
        return PageContext(meta: meta, t: s, page: page)
    }
}
