import Foundation
import SkillnadCore

/// The results: per area the proposals by votes, which won within the money by the published
/// rule, the ballots per channel and the turnout against the area's population. Shown once
/// voting has closed; until then only how many ballots have been cast.
struct BudgetResultsPage: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let number: Int
        let title: String
        let href: String
        let cost: String
        let votes: String
        let won: Bool
        let left: String
    }

    struct Heading: Encodable, Sendable {
        let area: LocalText
        let caption: String
        let amount: String
        let spent: String
        let ballots: String
        let channels: [String]
        let population: String
        let per1000: String
        let lines: [Line]
    }

    let title: LocalText
    let published: Bool
    let pending: String?
    let awaiting: String?
    let headings: [Heading]
    let csvHref: String?
    let budgetHref: String
    let reach: ReachSection?

    /// Whom the budget reached: turnout per area against an indicator (`BudgetReach`). The table
    /// is the whole of it, so it needs no other text alternative.
    struct ReachSection: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            let area: LocalText
            let population: String
            let ballots: String
            let per1000: String
            let value: LocalText
        }

        let action: String
        let indicators: [FormOption]
        let indicatorName: LocalText?
        let caption: String
        let rows: [Row]
        let total: Row?
        let findings: [String]
        let notes: [String]
    }

    /// Core's greedy count over the ballot's projects.
    static func compute(_ loaded: BudgetPages.Loaded, tally: BallotBox.Tally) -> [BudgetResults.Heading] {
        let projects = BallotBox.ballotProjects(loaded.proposals, headings: loaded.headings)
        var votes: [String: Int] = [:]
        for proposal in loaded.proposals { votes[String(proposal.number)] = tally.votes[proposal.id] ?? 0 }
        return BudgetResults.compute(
            headings: loaded.headings.map(\.core),
            projects: projects.values.sorted { $0.proposedOrder < $1.proposedOrder },
            votes: votes)
    }

    static func winners(_ loaded: BudgetPages.Loaded, tally: BallotBox.Tally) -> Set<UUID> {
        let idOf = Dictionary(uniqueKeysWithValues: loaded.proposals.map { (String($0.number), $0.id) })
        return Set(compute(loaded, tally: tally).flatMap(\.lines).filter(\.won).compactMap { idOf[$0.project] })
    }

    static func build(
        _ loaded: BudgetPages.Loaded, tally: BallotBox.Tally, reach: BudgetReachQuery.Result?
    ) -> BudgetResultsPage {
        let lang = loaded.lang
        let s = Texts(lang)
        let slug = loaded.budget.slug
        let published = loaded.phase >= .results
        let cast = tally.ballots.values.flatMap(\.values).reduce(0, +)
        let byNumber = Dictionary(uniqueKeysWithValues: loaded.proposals.map { ($0.number, $0) })
        let results = published ? compute(loaded, tally: tally) : []
        let headings = zip(loaded.headings, results).map { heading, result in
            let channels = tally.ballots[heading.id] ?? [:]
            let ballots = channels.values.reduce(0, +)
            let per1000 = heading.population.flatMap { $0 > 0 ? Double(ballots) * 1000 / Double($0) : nil }
            return Heading(
                area: loaded.areaName(heading),
                caption: Strings.fill(s[.pbResultsTable], loaded.areaName(heading).text),
                amount: s.kronor(heading.amount), spent: s.kronor(result.spent),
                ballots: NumberText.plain(Double(ballots), decimals: 0, lang),
                channels: BallotChannel.allCases.compactMap { channel in
                    channels[channel].map { "\(s.label(channel)): \(NumberText.plain(Double($0), decimals: 0, lang))" }
                },
                population: heading.population.map { NumberText.plain(Double($0), decimals: 0, lang) } ?? "–",
                per1000: per1000.map { NumberText.plain($0, decimals: 1, lang) } ?? "–",
                lines: result.lines.compactMap { line in
                    guard let number = Int(line.project), let proposal = byNumber[number] else { return nil }
                    return Line(
                        number: number, title: proposal.title,
                        href: SiteURL.Budgets.proposal(.value(slug), .value(line.project)).link(lang),
                        cost: s.kronor(line.cost), votes: NumberText.plain(Double(line.votes), decimals: 0, lang),
                        won: line.won, left: s.kronor(line.left))
                })
        }
        return BudgetResultsPage(
            title: loaded.title, published: published,
            pending: published
                ? nil
                : Strings.fill(
                    s[.pbResultsLater], loaded.budget.voting_until, NumberText.plain(Double(cast), decimals: 0, lang)),
            awaiting: tally.awaitingConfirmation > 0
                ? Strings.fill(s[.pbAwaitingConfirmation], String(tally.awaitingConfirmation)) : nil,
            headings: headings, csvHref: published ? SiteURL.Budgets.resultsCSV(.value(slug)).link(lang) : nil,
            budgetHref: SiteURL.Budgets.budget(.value(slug)).link(lang),
            reach: published ? reach.map { reachSection(loaded, $0) } : nil)
    }

    static func reachSection(_ loaded: BudgetPages.Loaded, _ result: BudgetReachQuery.Result) -> ReachSection {
        let lang = loaded.lang
        let s = Texts(lang)
        let reach = result.reach
        let definition = result.indicator?.definition
        let indicatorName = definition.map { lang.pick($0.name, $0.nameEn) }
        func number(_ value: Double?, decimals: Int) -> String {
            value.map { NumberText.plain($0, decimals: decimals, lang) } ?? "–"
        }
        let headingOf = Dictionary(uniqueKeysWithValues: loaded.headings.map { ($0.slug, $0) })
        func name(_ slug: String) -> LocalText {
            headingOf[slug].map(loaded.areaName) ?? LocalText(text: slug, lang: "sv")
        }
        func value(_ turnout: BudgetReach.Turnout) -> LocalText {
            guard let ordering = turnout.ordering else { return LocalText(text: "–", lang: lang.rawValue) }
            let mark = result.pooled.contains(turnout.id) ? " *" : ""
            if !result.pooled.contains(turnout.id),
                let found = definition?.classes?.first(where: { Double($0.value) == ordering })
            {
                return lang.pick("\(found.value) \(found.label)", found.labelEn.map { "\(found.value) \($0)" })
            }
            return LocalText(text: number(ordering, decimals: 1) + mark, lang: lang.rawValue)
        }
        func row(_ area: LocalText, _ turnout: BudgetReach.Turnout, shown: LocalText) -> ReachSection.Row {
            ReachSection.Row(
                area: area, population: number(turnout.population, decimals: 0),
                ballots: number(Double(turnout.ballots), decimals: 0), per1000: number(turnout.per1000, decimals: 1),
                value: shown)
        }
        var findings: [String] = []
        if let measures = reach.measures, let best = measures.best, let worst = measures.worst {
            findings.append(
                Strings.fill(
                    s[.pbReachHighLow], name(best.id).text, number(best.value, decimals: 1), name(worst.id).text,
                    number(worst.value, decimals: 1), number(measures.ratio?.value, decimals: 1)))
        }
        if let measures = reach.measures, measures.ranking == .rankingVariable,
            let slope = measures.slopeIndexOfInequality?.value, let indicatorName
        {
            let key: BudgetText = slope < 0 ? .pbReachWorseOffMore : (slope > 0 ? .pbReachBetterOffMore : .pbReachEven)
            findings.append(Strings.fill(s[key], indicatorName.text, number(abs(slope), decimals: 1)))
        }
        var notes: [String] = []
        if reach.areas.count + reach.leftOut.count == 1 { notes.append(s[.pbReachOneArea]) }
        if result.indicator == nil { notes.append(s[.pbReachNoIndicator]) }
        let unranked = reach.areas.filter { $0.ordering == nil }.map { name($0.id).text }
        if result.indicator != nil, !unranked.isEmpty {
            notes.append(Strings.fill(s[.pbReachUnranked], unranked.joined(separator: ", ")))
        }
        if !result.pooled.isEmpty { notes.append(s[.pbReachPooled]) }
        if !reach.leftOut.isEmpty {
            notes.append(Strings.fill(s[.pbReachLeftOut], reach.leftOut.map { name($0).text }.joined(separator: ", ")))
        }
        return ReachSection(
            action: SiteURL.Budgets.results(.value(loaded.budget.slug)).path,
            indicators: result.choices.map { $0.option(selected: result.indicator?.code, lang) },
            indicatorName: indicatorName,
            caption: Strings.fill(s[.pbReachTable], indicatorName?.text ?? s[.pbReach]),
            rows: reach.areas.map { row(name($0.id), $0, shown: value($0)) },
            total: reach.areas.count > 1
                ? reach.total.map {
                    row(
                        LocalText(text: s[.pbReachTotal], lang: lang.rawValue), $0,
                        shown: LocalText(text: "", lang: lang.rawValue))
                } : nil,
            findings: findings, notes: notes)
    }

    /// The results as CSV: one row per proposal on the ballot, with its area, cost, votes, whether
    /// it won, and the area's ballots per channel and population.
    static func csv(_ loaded: BudgetPages.Loaded, tally: BallotBox.Tally) -> String {
        let byNumber = Dictionary(uniqueKeysWithValues: loaded.proposals.map { ($0.number, $0) })
        let header = [
            "heading", "area", "amount", "number", "title", "cost", "votes", "won", "ballots_code", "ballots_paper",
            "ballots_signed_in", "population",
        ]
        var rows: [[String]] = []
        for (heading, result) in zip(loaded.headings, compute(loaded, tally: tally)) {
            let channels = tally.ballots[heading.id] ?? [:]
            for line in result.lines {
                rows.append([
                    heading.slug, heading.area, String(heading.amount), line.project,
                    Int(line.project).flatMap { byNumber[$0]?.title } ?? "", String(line.cost), String(line.votes),
                    line.won ? "yes" : "no", String(channels[.code] ?? 0), String(channels[.paper] ?? 0),
                    String(channels[.signedIn] ?? 0), heading.population.map(String.init) ?? "",
                ])
            }
        }
        return CSVText.table(header: header, rows: rows, swedish: false)
    }
}
