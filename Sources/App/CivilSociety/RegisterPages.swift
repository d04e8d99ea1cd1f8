import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The register's public side: the districts' registers, one district's associations as a list
/// and a map of their activities, an association's page, and the register as open data (CSV
/// here, HSDS JSON in `RegisterAPI`). Rendered anew for every request: entries change without
/// the catalogue changing.
enum RegisterPages {
    static func register(_ app: Application) {
        let url = SiteURL.Associations.self
        app.get(url.list.pathComponents, use: list)
        app.get(url.csv.pathComponents, use: csv)
        app.get(url.association(.key).pathComponents, use: association)
    }

    /// The public register's filters, as the address gives them.
    struct Filter: Sendable {
        var district: String?
        var age: Int?
        var language: String?
        /// The words as typed, and as `SearchText.terms` makes them for SQL.
        var words = ""
        var terms: [String] = []

        static func read(_ req: Request, index: CatalogueIndex) throws -> Filter {
            var filter = Filter()
            for name in ["district", "language", "q"] { try req.refuseListParameter(name) }
            let district = (req.query[String.self, at: "district"] ?? "").trimmingCharacters(in: .whitespaces)
            if !district.isEmpty {
                guard index.areaByID[district]?.kind == .districtArea else {
                    throw ParameterError(
                        parameter: "district", message: "no district area has the id '\(district.prefix(60))'",
                        status: .notFound)
                }
                filter.district = district
            }
            if let age = req.query[String.self, at: "age"], !age.trimmingCharacters(in: .whitespaces).isEmpty {
                filter.age = try Paging.int(req, "age", default: 0, range: 0...130)
            }
            if let language = req.query[String.self, at: "language"]?.lowercased(), !language.isEmpty {
                guard language.count == 2, language.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw ParameterError(
                        parameter: "language", message: "a two-letter ISO 639-1 code such as sv or so")
                }
                filter.language = language
            }
            let query = req.query[String.self, at: "q"] ?? ""
            guard query.count <= 200 else {
                throw ParameterError(parameter: "q", message: "at most 200 characters")
            }
            filter.words = query
            filter.terms = SearchText.terms(query)
            return filter
        }

        /// The activities this filter keeps; all of them when it asks nothing of them.
        func activities(_ activities: [AssociationEntry.Activity]) -> [AssociationEntry.Activity] {
            activities.filter { activity in
                if let age, age < (activity.minimumAge ?? 0) || age > (activity.maximumAge ?? 130) { return false }
                if let language, !activity.languages.contains(language) { return false }
                return true
            }
        }

        /// The registered associations this filter keeps, by name (`AssociationStore.registeredIDs`).
        func ids(today: Day, on db: any Database) async throws -> [UUID] {
            try await AssociationStore.registeredIDs(
                in: district, terms: terms, age: age, language: language, today: today, on: db)
        }
    }

    /// The current district areas, by name in `lang`.
    static func districts(_ index: CatalogueIndex, lang: Lang) -> [AreaRecord] {
        index.document.currentDistrictAreas
            .sorted { lang.pick($0.name, $0.nameEn).text < lang.pick($1.name, $1.nameEn).text }
    }

    static func list(_ req: Request) async throws -> Response {
        try req.chargeUncachedWork()
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let filter = try Filter.read(req, index: index)
        let day = today()
        let page: RegisterPage
        if let district = filter.district {
            let paging = try Paging(req)
            let ids = try await filter.ids(today: day, on: req.db)
            let shown = Array(ids.dropFirst(paging.offset).prefix(paging.limit))
            let listed = try await AssociationStore.listed(shown, on: req.db)
            let languages = try await AssociationStore.languages(in: district, today: day, on: req.db)
            page = RegisterPage.district(
                district, associations: listed, total: ids.count, languages: languages, paging: paging,
                filter: filter, index: index,
                base: try await PlaceMap.base(req), lang: lang, principal: req.principal)
        } else {
            let counts = try await AssociationStore.registeredCounts(today: day, on: req.db)
            page = RegisterPage.overview(
                counts: counts.byArea, total: counts.total, index: index, lang: lang, principal: req.principal)
        }
        var query: [(String, String)] = []
        if let district = filter.district { query.append(("district", district)) }
        let meta = PageMeta.make(
            lang, title: page.title, description: s[.asDescription], section: SiteURL.Associations.list,
            route: SiteURL.Associations.list, query: query,
            crumbs: filter.district == nil ? [] : [(s[.associations], SiteURL.Associations.list)])
        return try await AccountController.render(
            req, "CivilSociety/register", PageContext(meta: meta, t: s, page: page))
    }

    static func association(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 120, let stored = try await AssociationStore.find(slug, on: req.db) else {
            throw Abort(.notFound)
        }
        let index = try await req.catalogue().index
        let day = today()
        let administers = try await mayAdminister(req.principal, stored, on: req.db)
        // The officials of a district it asked to be in see it too, whatever its standing.
        let handles =
            officialDistricts(req.principal, index: index).map { !$0.isDisjoint(with: stored.registers.map(\.area)) }
            ?? false
        guard stored.isPublic(today: day) || administers || handles else { throw Abort(.notFound) }
        let page = AssociationPage.build(
            stored, index: index, lang: lang, today: day, administers: administers,
            reviews: handles && stored.registers.contains { $0.decision == .pending })
        let meta = PageMeta.make(
            lang, title: stored.entry.name, description: s[.asDescription], section: SiteURL.Associations.list,
            route: SiteURL.Associations.association(.value(slug)),
            crumbs: [(s[.associations], SiteURL.Associations.list)])
        return try await AccountController.render(
            req, "CivilSociety/association", PageContext(meta: meta, t: s, page: page))
    }

    /// The register as CSV, one row per activity (HSDS's columns), all districts or one.
    static func csv(_ req: Request) async throws -> Response {
        try req.chargeUncachedWork()
        let index = try await req.catalogue().index
        let filter = try Filter.read(req, index: index)
        let day = today()
        let variant = try CSVDownload.variant(req)
        let published = try await publishedEntries(filter: filter, index: index, today: day, on: req.db)
        let text = CSVText.table(
            header: HSDSRegister.csvColumns, rows: published.flatMap(HSDSRegister.csvRows), swedish: variant == .excel)
        let name = "foreningsregister" + (filter.district.map { "-" + $0 } ?? "") + ".csv"
        return CSVDownload.response(text, filename: name)
    }

    /// The associations registered in the filter's district (or any), as the open data shows them.
    static func publishedEntries(filter: Filter, index: CatalogueIndex, today: Day, on db: any Database)
        async throws -> [HSDSRegister.Published]
    {
        let stored = try await AssociationStore.load(ids: try await filter.ids(today: today, on: db), on: db)
        return stored.map { published($0, index: index, today: today) }
    }

    static func published(_ stored: AssociationStore.Stored, index: CatalogueIndex, today: Day)
        -> HSDSRegister.Published
    {
        let registers = stored.registers.filter { stored.standing($0, today: today).isRegistered }.map {
            (area: $0.area, name: index.areaByID[$0.area]?.name ?? $0.area)
        }
        var names: [String: String] = [:]
        for activity in stored.entry.activities { names[activity.area] = index.areaByID[activity.area]?.name }
        return HSDSRegister.Published(
            id: stored.slug, entry: stored.entry, registers: registers, areaNames: names, verified: stored.verifiedOn,
            address: SiteURL.Associations.association(.value(stored.slug)).link(.sv))
    }

    /// Whether `principal` keeps this association's entry: its own administrator, or an
    /// administrator of the site.
    static func mayAdminister(_ principal: Principal?, _ stored: AssociationStore.Stored, on db: any Database)
        async throws -> Bool
    {
        guard let principal else { return false }
        if principal.isAdmin { return true }
        guard principal.role == .association else { return false }
        return try await AssociationStore.administers(principal.userID, stored.id, on: db)
    }

    /// The district areas whose registers `principal` approves: those of the district councils
    /// it is editor for; every one for an administrator; nil for anyone else.
    static func officialDistricts(_ principal: Principal?, index: CatalogueIndex) -> Set<String>? {
        guard let principal else { return nil }
        let all = index.document.areas.filter { $0.kind == .districtArea }
        if principal.isAdmin { return Set(all.map(\.id)) }
        guard principal.role == .editor else { return nil }
        let handled = all.filter { area in
            DistrictCouncil.council(of: area, in: index).map { principal.bodies.contains($0.id) } ?? false
        }
        return handled.isEmpty ? nil : Set(handled.map(\.id))
    }
}
