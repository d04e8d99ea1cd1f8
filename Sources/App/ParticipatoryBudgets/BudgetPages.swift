import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The budgets' public pages: the list, a budget with its proposals, a proposal, the results
/// (page and CSV) and the ballot trail. Rendered anew for every request: votes and proposals
/// change without the catalogue changing.
enum BudgetPages {
    static func register(_ app: Application) {
        let url = SiteURL.Budgets.self
        app.get(url.list.pathComponents, use: list)
        app.get(url.budget(.key).pathComponents, use: budget)
        app.get(url.proposal(.key, .key).pathComponents, use: proposal)
        app.get(url.results(.key).pathComponents, use: results)
        app.get(url.resultsCSV(.key).pathComponents, use: resultsCSV)
        app.get(url.trail(.key).pathComponents, use: trail)
        app.get(url.photo(.key, .key).pathComponents, use: BudgetPhotos.serve)
    }

    /// A budget with what every page of it shows.
    struct Loaded: Sendable {
        let budget: ParticipatoryBudget
        let headings: [BudgetHeadingRow]
        let proposals: [BudgetProposal]
        let index: CatalogueIndex
        let lang: Lang
        let today: Day

        var phase: BudgetPhase { budget.phase(on: today) }
        var title: LocalText { lang.pick(budget.title, budget.title_en) }

        func areaName(_ heading: BudgetHeadingRow) -> LocalText {
            guard let area = index.areaByID[heading.area] else { return LocalText(text: heading.area, lang: "sv") }
            return lang.pick(area.name, area.nameEn)
        }

        func heading(_ id: UUID) -> BudgetHeadingRow? { headings.first { $0.id == id } }

        /// The areas as a form's choices, by their names in the page's language.
        func headingOptions(selected: String?) -> [FormOption] {
            headings.map {
                let name = areaName($0)
                return FormOption(value: $0.slug, label: name.text, selected: $0.slug == selected, lang: name.lang)
            }
        }

        /// Officials of the owning body (and administrators) review, moderate, issue codes and
        /// enter paper ballots.
        func mayManage(_ principal: Principal?) -> Bool {
            guard let principal else { return false }
            return principal.isAdmin || (principal.role == .editor && principal.bodies.contains(budget.owner))
        }

        func crumbs() -> [(String, any SiteRoute)] {
            [
                (Texts(lang)[.budgets], SiteURL.Budgets.list),
                (title.text, SiteURL.Budgets.budget(.value(budget.slug))),
            ]
        }
    }

    static func load(_ req: Request) async throws -> Loaded {
        let slug = try req.parameters.require(SiteURL.idKey)
        guard slug.count <= 100, let budget = try await BudgetStore.budget(slug, on: req.db) else {
            throw Abort(.notFound)
        }
        return Loaded(
            budget: budget, headings: try await BudgetStore.headings(budget.id, on: req.db),
            proposals: try await BudgetStore.proposals(budget.id, on: req.db), index: try await req.catalogue().index,
            lang: Lang.of(req), today: today())
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let budgets = try await BudgetStore.budgets(on: req.db)
        let index = try await req.catalogue().index
        let day = today()
        var rows: [BudgetListPage.Row] = []
        for budget in budgets {
            let headings = try await BudgetStore.headings(budget.id, on: req.db)
            rows.append(
                BudgetListPage.Row(
                    title: lang.pick(budget.title, budget.title_en),
                    href: SiteURL.Budgets.budget(.value(budget.slug)).link(lang),
                    owner: index.bodyByID[budget.owner]?.name ?? budget.owner, phase: s.label(budget.phase(on: day)),
                    amount: s.kronor(headings.reduce(0) { $0 + $1.amount }),
                    votingFrom: budget.voting_from, votingUntil: budget.voting_until, example: budget.example))
        }
        let meta = PageMeta.make(
            lang, title: s[.budgets], description: s[.pbDescription], section: SiteURL.Budgets.list,
            route: SiteURL.Budgets.list)
        return try await AccountController.render(
            req, "Budgets/list", PageContext(meta: meta, t: s, page: BudgetListPage(rows: rows)))
    }

    static func budget(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(loaded.lang)
        let page = try await BudgetPage.build(loaded, principal: req.principal, on: req.db)
        let meta = PageMeta.make(
            loaded.lang, title: loaded.title.text, description: s[.pbDescription], section: SiteURL.Budgets.list,
            route: SiteURL.Budgets.budget(.value(loaded.budget.slug)), crumbs: [(s[.budgets], SiteURL.Budgets.list)])
        return try await AccountController.render(req, "Budgets/budget", PageContext(meta: meta, t: s, page: page))
    }

    static func proposal(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(loaded.lang)
        guard let number = Int(try req.parameters.require(SiteURL.Budgets.numberKey)),
            let proposal = loaded.proposals.first(where: { $0.number == number })
        else { throw Abort(.notFound) }
        let milestones = try await BudgetStore.milestones(loaded.budget.id, on: req.db)[proposal.id] ?? []
        let photos = try await BudgetPhotos.photos(loaded.budget.id, on: req.db)[proposal.id] ?? []
        let page = ProposalPage.build(
            proposal, loaded, milestones: milestones, photos: photos, principal: req.principal)
        let meta = PageMeta.make(
            loaded.lang, title: page.title, description: s[.pbDescription], section: SiteURL.Budgets.list,
            route: SiteURL.Budgets.proposal(.value(loaded.budget.slug), .value(String(number))),
            crumbs: loaded.crumbs())
        return try await AccountController.render(req, "Budgets/proposal", PageContext(meta: meta, t: s, page: page))
    }

    static func results(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(loaded.lang)
        try req.refuseListParameter("indicator")
        let tally = try await BallotBox.tally(loaded.budget, on: req.db)
        let reach =
            loaded.phase >= .results
            ? try await BudgetReachQuery.compute(
                loaded, tally: tally, indicatorCode: req.query[String.self, at: "indicator"], on: req.db) : nil
        let page = BudgetResultsPage.build(loaded, tally: tally, reach: reach)
        let meta = PageMeta.make(
            loaded.lang, title: "\(s[.pbResults]): \(loaded.title.text)", description: s[.pbDescription],
            section: SiteURL.Budgets.list, route: SiteURL.Budgets.results(.value(loaded.budget.slug)),
            crumbs: loaded.crumbs())
        return try await AccountController.render(req, "Budgets/results", PageContext(meta: meta, t: s, page: page))
    }

    static func resultsCSV(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        guard loaded.phase >= .results else {
            throw Abort(
                .notFound, reason: "The results are published when voting closes on \(loaded.budget.voting_until).")
        }
        let tally = try await BallotBox.tally(loaded.budget, on: req.db)
        let csv = BudgetResultsPage.csv(loaded, tally: tally)
        return CSVDownload.response(csv, filename: "\(loaded.budget.slug)-results.csv")
    }

    static func trail(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let s = Texts(loaded.lang)
        let limit = try Paging.int(req, "limit", default: 100, range: 1...Paging.maxLimit)
        let offset = try Paging.int(req, "offset", default: 0, range: 0...Int(Int32.max))
        let events = try await BallotBox.events(loaded.budget, limit: limit + 1, offset: offset, on: req.db)
        let page = BallotTrailPage(
            intro: s[.pbTrailIntro], title: loaded.title,
            budgetHref: SiteURL.Budgets.budget(.value(loaded.budget.slug)).link(loaded.lang),
            rows: events.prefix(limit).map {
                BallotTrailPage.Row(
                    at: $0.at, action: s.ballotAction($0.action),
                    channel: BallotChannel(rawValue: $0.channel).map(s.label) ?? $0.channel, heading: $0.heading)
            },
            next: events.count > limit
                ? SiteURL.Budgets.trail(.value(loaded.budget.slug)).link(
                    loaded.lang, query: [("offset", String(offset + limit)), ("limit", String(limit))]) : nil)
        let meta = PageMeta.make(
            loaded.lang, title: "\(s[.pbTrail]): \(loaded.title.text)", description: s[.pbTrailIntro],
            section: SiteURL.Budgets.list, route: SiteURL.Budgets.trail(.value(loaded.budget.slug)),
            crumbs: loaded.crumbs())
        return try await AccountController.render(req, "Budgets/trail", PageContext(meta: meta, t: s, page: page))
    }
}

struct BudgetListPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let title: LocalText
        let href: String
        let owner: String
        let phase: String
        let amount: String
        let votingFrom: String
        let votingUntil: String
        let example: Bool
    }
    let rows: [Row]
}

struct BallotTrailPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let at: String
        let action: String
        let channel: String
        let heading: String
    }
    let intro: String
    let title: LocalText
    let budgetHref: String
    let rows: [Row]
    let next: String?
}
