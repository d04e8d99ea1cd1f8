import Foundation
import SkillnadCore
import Vapor

/// The public pages of grants: every scheme with the city-wide rules it inherits, and one
/// scheme in full with the way to apply.
enum SchemePages {
    static func register(_ app: Application) {
        let url = SiteURL.Grants.self
        app.on(.GET, url.list.pathComponents, rule: .anyone, use: list)
        app.on(.GET, url.scheme(.key).pathComponents, rule: .anyone, use: show)
    }

    /// A scheme as a row of the list.
    struct Row: Encodable, Sendable {
        let name: String
        let lang: String
        let href: String
        let body: String
        let areas: String
        let amounts: String
        let period: String
        let state: String
    }

    struct Group: Encodable, Sendable {
        let id: String
        let title: String
        let rows: [Row]
    }

    struct ListPage: Encodable, Sendable {
        let groups: [Group]
        let cityRules: [String]
        let supportHref: String
        let entryHref: String?
        let queueHref: String?
        let newHref: String?
    }

    static func row(_ scheme: GrantScheme, index: CatalogueIndex, lang: Lang, today day: Day) -> Row {
        let s = Texts(lang)
        let name = lang.pick(scheme.name, scheme.nameEn)
        let state =
            scheme.isOpen(on: day)
            ? (scheme.isLate(on: day) ? s[.grLateOpen] : s[.grOpen])
            : (day < scheme.opens ? s[.grUpcoming] : s[.grClosed])
        return Row(
            name: name.text, lang: name.lang, href: SiteURL.Grants.scheme(.value(scheme.id)).link(lang),
            body: bodyName(scheme.body, index: index, lang: lang),
            areas: areaNames(scheme.areas, index: index, lang: lang),
            amounts: Strings.fill(
                s[.grAmountRange], kronor(scheme.minimumAmount, lang), kronor(scheme.maximumAmount, lang)),
            period: Strings.fill(s[.grPeriod], scheme.opens.description, scheme.closes.description), state: state)
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let day = today()
        let schemes = try await GrantStore.allSchemes(on: req.db).map(\.scheme)
        func rows(_ keep: (GrantScheme) -> Bool) -> [Row] {
            schemes.filter(keep).sorted { ($0.closes, $0.name) < ($1.closes, $1.name) }
                .map { row($0, index: index, lang: lang, today: day) }
        }
        let principal = req.principal
        let page = ListPage(
            groups: [
                Group(id: "gr-open", title: s[.grOpenTitle], rows: rows { $0.isOpen(on: day) }),
                Group(id: "gr-upcoming", title: s[.grUpcomingTitle], rows: rows { day < $0.opens }),
                Group(id: "gr-closed", title: s[.grClosedTitle], rows: rows { day > $0.lastDay }.reversed()),
            ],
            cityRules: s.cityRules(.standard),
            supportHref: SiteURL.Grants.support.link(lang),
            entryHref: principal?.role == .association ? SiteURL.Associations.mine.link(lang) : nil,
            queueHref: GrantQueue.handledBodies(principal).map { _ in SiteURL.Grants.queue.link(lang) },
            newHref: GrantQueue.handledBodies(principal).map { _ in SiteURL.Grants.new.link(lang) })
        let meta = PageMeta.make(
            lang, title: s[.grants], description: s[.grDescription], section: SiteURL.Grants.list,
            route: SiteURL.Grants.list)
        return try await AccountController.render(req, "Grants/list", PageContext(meta: meta, t: s, page: page))
    }

    struct SchemePage: Encodable, Sendable {
        struct Apply: Encodable, Sendable {
            let name: String
            let href: String
        }

        let name: String
        let lang: String
        let purpose: String
        let audience: String
        let facts: [Fact]
        let rules: [String]
        let attachments: [String]
        let apply: [Apply]
        let signInHref: String?
        let editHref: String?
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    static func show(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 120, let stored = try await GrantStore.scheme(slug, on: req.db) else {
            throw Abort(.notFound)
        }
        let scheme = stored.scheme
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let day = today()
        let summary = row(scheme, index: index, lang: lang, today: day)
        var apply: [SchemePage.Apply] = []
        if let principal = req.principal, principal.role == .association, scheme.isOpen(on: day) {
            apply = try await AssociationStore.administered(by: principal.userID, on: req.db).map {
                .init(name: $0.entry.name, href: SiteURL.Grants.apply(.value($0.slug), .value(scheme.id)).link(lang))
            }
        }
        let name = lang.pick(scheme.name, scheme.nameEn)
        let page = SchemePage(
            name: name.text, lang: name.lang, purpose: scheme.purpose, audience: scheme.audience,
            facts: [
                Fact(label: s[.grBody], value: summary.body),
                Fact(label: s[.grAreas], value: summary.areas),
                Fact(label: s[.grAmounts], value: summary.amounts),
                Fact(label: s[.grApplicationPeriod], value: summary.period),
                Fact(label: s[.grState], value: summary.state),
                Fact(
                    label: s[.grLateRule],
                    value: scheme.lateDays == 0
                        ? s[.grLateRefused] : Strings.fill(s[.grLateAccepted], String(scheme.lateDays))),
                Fact(label: s[.grDecides], value: scheme.decides.description),
                Fact(label: s[.grReportDue], value: scheme.reportDue.description),
            ],
            rules: s.ruleLines(scheme.rules),
            attachments: scheme.requiredAttachments(.standard).map { s.label($0) }, apply: apply,
            signInHref: req.principal == nil && scheme.isOpen(on: day)
                ? SiteURL.Associations.join.link(lang) : nil,
            editHref: (GrantQueue.handledBodies(req.principal)?.handles(scheme.body) ?? false)
                ? SiteURL.Grants.edit(.value(scheme.id)).link(lang) : nil)
        let meta = PageMeta.make(
            lang, title: name.text, description: s[.grDescription], section: SiteURL.Grants.list,
            route: SiteURL.Grants.scheme(.value(slug)), crumbs: [(s[.grants], SiteURL.Grants.list)])
        return try await AccountController.render(req, "Grants/scheme", PageContext(meta: meta, t: s, page: page))
    }

    // MARK: - Shared words

    static func kronor(_ amount: Int, _ lang: Lang) -> String {
        NumberText.plain(Double(amount), decimals: 0, lang) + " kr"
    }

    static func bodyName(_ id: String, index: CatalogueIndex, lang: Lang) -> String {
        index.bodyByID[id].map { lang.pick($0.name, $0.nameEn).text } ?? id
    }

    /// The scheme's areas by name; the whole city when it names none.
    static func areaNames(_ areas: [String], index: CatalogueIndex, lang: Lang) -> String {
        guard !areas.isEmpty else { return Texts(lang)[.grWholeCity] }
        return areas.map { id in index.areaByID[id].map { lang.pick($0.name, $0.nameEn).text } ?? id }
            .joined(separator: ", ")
    }
}
