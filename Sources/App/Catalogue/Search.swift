import Fluent
import SQLKit
import SkillnadCore
import Vapor

/// What a search (sökning) can find, in the order the results page shows them; `?kind=` names one.
enum SearchKind: String, CaseIterable, Sendable {
    case area, indicator, body, report, measure, answer
}

/// Search over everything: areas, indicators, bodies, reports, measures and submitted referral
/// answers. Texts are folded and stemmed (`SearchText.index`): reports, measures and bodies are
/// stored so, and one portable `LIKE` per term matches inflections and Swedish letters on SQLite
/// and PostgreSQL alike; areas are matched in the catalogue snapshot's index; indicators are read
/// in one limited query and matched the same way; answers by their body's and round's names, and
/// by their own words through the full-text index. A query that is a measure code also finds the
/// measure by its code, in any spelling documents use.
enum Search {
    static let maxHits = 100
    /// How many indicators, and answers of the bodies and rounds named, one search reads at most.
    static let maxScanned = 2000

    static func run(
        _ query: String, kinds: Set<SearchKind> = Set(SearchKind.allCases), on req: Request
    ) async throws -> SearchResults {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty else { return SearchResults() }
        let index = try await req.catalogue().index
        var results = SearchResults()
        if kinds.contains(.area) { results.areas = areas(terms, index: index) }
        if kinds.contains(.indicator) { results.indicators = try await indicators(terms, on: req.db) }
        if kinds.contains(.report) {
            let reports = try await Report.query(on: req.db).group(.and) { group in
                for term in terms { group.filter(\.$search ~~ term) }
            }.sort(\.$year, .descending).limit(maxHits).all()
            results.reports = reports.map(\.slug)
        }
        if kinds.contains(.measure) { results.measures = try await measures(query, terms, index: index, on: req.db) }
        if kinds.contains(.body) {
            let bodies = try await Body.query(on: req.db).group(.and) { group in
                for term in terms { group.filter(\.$search ~~ term) }
            }.sort(\.$name).limit(maxHits).all()
            results.bodies = bodies.map(\.slug)
        }
        if kinds.contains(.answer) {
            results.answers = try await answers(query, terms, index: index, on: req.db)
        }
        return results
    }

    /// Does an indexed text (`SearchText.index`) hold every term at a word start?
    static func matches(_ indexed: String, _ terms: [String]) -> Bool {
        terms.allSatisfy { indexed.contains(" " + $0) }
    }

    /// Areas whose name, English name, code or other names match: coarser kinds first (a district
    /// area before its voting districts), then in natural Swedish order.
    static func areas(_ terms: [String], index: CatalogueIndex) -> [AreaRecord] {
        let found = index.document.areas.filter { area in
            matches(index.areaSearchText[area.id] ?? "", terms)
        }
        let order = Dictionary(uniqueKeysWithValues: AreaKind.allCases.enumerated().map { ($1, $0) })
        let grouped = Dictionary(grouping: found) { order[$0.kind] ?? 0 }
        return grouped.keys.sorted().flatMap { NaturalOrder.sorted(grouped[$0] ?? []) { $0.name } }
            .prefix(maxHits).map { $0 }
    }

    static func measures(_ query: String, _ terms: [String], index: CatalogueIndex, on db: any Database)
        async throws -> [MeasureRecord]
    {
        var codeHits: [MeasureRecord] = []
        if MeasureCode.parse(query) != nil {
            switch index.resolver.resolve(query) {
            case .found(let report, let code):
                codeHits = [index.measure(report: report, code: code.canonical)].compactMap { $0 }
            case .ambiguous(let candidates, _):
                codeHits = candidates.compactMap { index.measure(report: $0.reportID, code: $0.code.canonical) }
            default: break
            }
        }
        let measures = try await Measure.query(on: db).group(.and) { group in
            for term in terms { group.filter(\.$search ~~ term) }
        }.sort(\.$sortKey).limit(maxHits).all()
        let textHits = measures.compactMap { index.measureByPublicID[$0.slug] }
        let codeIDs = Set(codeHits.map(\.publicID))
        return codeHits + textHits.filter { !codeIDs.contains($0.publicID) }
    }

    /// An indicator found: its code and names.
    struct IndicatorHit: Sendable {
        let code: String
        let name: String
        let nameEn: String?
    }

    /// Indicators whose code, names or definition match, by name.
    static func indicators(_ terms: [String], on db: any Database) async throws -> [IndicatorHit] {
        let rows = try await db.sql().select()
            .columns("code", "name", "name_en", "definition", "definition_en")
            .from(Indicator.schema).orderBy("name").limit(maxScanned).all()
        var hits: [IndicatorHit] = []
        for row in rows {
            let code = try row.decode(column: "code", as: String.self)
            let name = try row.decode(column: "name", as: String.self)
            let nameEn = try row.decode(column: "name_en", as: String?.self)
            let definition = try row.decode(column: "definition", as: String?.self) ?? ""
            let definitionEn = try row.decode(column: "definition_en", as: String?.self) ?? ""
            let text = [code.replacingOccurrences(of: "-", with: " "), name, nameEn ?? "", definition, definitionEn]
            guard matches(SearchText.index(text.joined(separator: " ")), terms) else { continue }
            hits.append(IndicatorHit(code: code, name: name, nameEn: nameEn))
            if hits.count >= maxHits { break }
        }
        return hits
    }

    /// A submitted answer found: the round, the body, and the answer's date.
    struct AnswerHit: Sendable {
        let round: String
        let roundTitle: String
        let body: String
        let submittedOn: String?
    }

    /// Submitted answers (public records; drafts and decided answers are never searched): first
    /// those whose body's names and round's title hold every term between them, newest first; then
    /// those whose own words do (summary, comments, answers to the questions, the statement),
    /// through the database's full-text index (`AnswerSearch`), most recently written first.
    static func answers(
        _ query: String, _ terms: [String], index: CatalogueIndex, on db: any Database
    ) async throws -> [AnswerHit] {
        var named: [String: String] = [:]
        for body in index.document.bodies {
            named[body.id] = SearchText.index(
                [body.name, body.nameEn ?? "", body.shortName ?? ""].joined(separator: " "))
        }
        struct Round: Decodable {
            let slug: String
            let title: String
        }
        let sql = try db.sql()
        let titled = try await sql.raw("SELECT slug, title FROM referral_rounds").all(decoding: Round.self)
            .map { ($0.slug, SearchText.index($0.title)) }
        // Answers of a body or round that holds a term; each is then held to every term.
        let bodies = named.filter { _, text in terms.contains { matches(text, [$0]) } }.keys.sorted()
        let rounds = titled.filter { _, text in terms.contains { matches(text, [$0]) } }.map(\.0)
        var hits: [AnswerHit] = []
        var seen: Set<String> = []
        if !bodies.isEmpty || !rounds.isEmpty {
            struct Row: Decodable {
                let slug: String
                let title: String
                let body: String
                let submitted_on: String?
            }
            let titleText = Dictionary(titled, uniquingKeysWith: { first, _ in first })
            let rows = try await sql.raw(
                """
                SELECT r.slug AS slug, r.title AS title, a.body AS body, a.submitted_on AS submitted_on
                FROM referral_answers a JOIN referral_rounds r ON r.id = a.round_id
                WHERE a.status = \(bind: AnswerStatus.submitted.rawValue)
                AND (a.body IN (\(binds: bodies.isEmpty ? [""] : bodies))
                    OR r.slug IN (\(binds: rounds.isEmpty ? [""] : rounds)))
                ORDER BY a.submitted_on DESC, r.slug, a.body
                LIMIT \(literal: maxScanned)
                """
            ).all(decoding: Row.self)
            for row in rows where hits.count < maxHits {
                let text = (named[row.body] ?? "") + " " + (titleText[row.slug] ?? "")
                guard matches(text, terms), seen.insert(row.slug + "/" + row.body).inserted else { continue }
                hits.append(
                    AnswerHit(round: row.slug, roundTitle: row.title, body: row.body, submittedOn: row.submitted_on))
            }
        }
        for hit in try await AnswerSearch.find(query, drafts: false, on: db) where hits.count < maxHits {
            guard hit.status == AnswerStatus.submitted.rawValue, seen.insert(hit.round + "/" + hit.body).inserted
            else { continue }
            hits.append(
                AnswerHit(round: hit.round, roundTitle: hit.roundTitle, body: hit.body, submittedOn: hit.submittedOn))
        }
        return hits
    }
}
