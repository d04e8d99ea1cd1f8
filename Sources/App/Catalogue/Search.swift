import Fluent
import SkillnadCore
import Vapor

/// Search over reports, measures and bodies. Texts are stored folded and stemmed
/// (`SearchText.index`), so one portable `LIKE` per term matches inflections and Swedish
/// letters on SQLite and PostgreSQL alike; a query that is a measure code also finds the
/// measure by its code, in any spelling documents use.
enum Search {
    static let maxHits = 100

    static func run(_ query: String, on req: Request) async throws -> SearchResults {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty else { return SearchResults() }
        let index = try await req.catalogue().index
        var results = SearchResults()

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

        let reports = try await Report.query(on: req.db).group(.and) { g in
            for t in terms { g.filter(\.$search ~~ t) }
        }.sort(\.$year, .descending).limit(maxHits).all()
        results.reports = reports.map(\.slug)

        let measures = try await Measure.query(on: req.db).group(.and) { g in
            for t in terms { g.filter(\.$search ~~ t) }
        }.sort(\.$sortKey).limit(maxHits).all()
        let bySlug = Dictionary(index.document.measures.map { (measureID($0), $0) }, uniquingKeysWith: { a, _ in a })
        let textHits = measures.compactMap { bySlug[$0.slug] }
        let codeIDs = Set(codeHits.map(measureID))
        results.measures = codeHits + textHits.filter { !codeIDs.contains(measureID($0)) }

        let bodies = try await Body.query(on: req.db).group(.and) { g in
            for t in terms { g.filter(\.$search ~~ t) }
        }.sort(\.$name).limit(maxHits).all()
        results.bodies = bodies.map(\.slug)
        return results
    }
}
