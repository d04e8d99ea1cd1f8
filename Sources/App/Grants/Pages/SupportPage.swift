import Foundation
import SkillnadCore
import Vapor

/// Where the support goes (★ of issue 18): grant money awarded and associations registered per
/// 1,000 residents in the districts of each group (by default Statistics Sweden's socioeconomic
/// area types), the gap between the groups with the disparity measures Skillnad has, and the money
/// year by year; and the awarded grants as 360Giving CSV. The tables are the bars' text.
struct SupportPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let label: LocalText
        let areas: String
        let population: String
        let kronor: String
        let kronorPer1000: String
        let associations: String
        let associationsPer1000: String
        /// The bar's length, 0–100, of the kronor per 1,000.
        let bar: String
    }

    struct Measure: Encodable, Sendable {
        let label: String
        let kronor: String
        let associations: String
    }

    struct YearRow: Encodable, Sendable {
        let year: String
        let cells: [String]
    }

    let action: String
    let fromYear: String
    let toYear: String
    let indicators: [FormOption]
    let bodies: [FormOption]
    let hasIndicator: Bool
    let summary: String?
    let rows: [Row]
    let total: Row?
    let measures: [Measure]
    let leftOut: String?
    let unplaced: String?
    let yearHeadings: [LocalText]
    let years: [YearRow]
    let csvHref: String

    static func register(_ app: Application) {
        app.on(.GET, SiteURL.Grants.support.pathComponents, rule: .anyone, use: show)
        app.on(.GET, SiteURL.Grants.awarded.pathComponents, rule: .anyone, use: csv)
    }

    static func show(_ req: Request) async throws -> Response {
        let (from, to) = try DialoguePages.reachYears(req)
        try req.refuseListParameter("indicator")
        try req.refuseListParameter("body")
        let code = req.query[String.self, at: "indicator"]
        let body = (req.query[String.self, at: "body"]).flatMap { $0.isEmpty ? nil : String($0.prefix(120)) }
        return try await PageRenderer.render(req, template: "Grants/support") {
            index, lang -> PageContext<SupportPage>? in
            let result = try await GrantSupportQuery.compute(
                fromYear: from, toYear: to, indicatorCode: code, body: body, index: index, today: today(), on: req.db)
            if let code, result.indicator == nil {
                throw ParameterError(parameter: "indicator", message: "no indicator has the code '\(code.prefix(80))'")
            }
            let funders = Set(try await GrantStore.allSchemes(on: req.db).map(\.scheme.body))
            return build(
                index, lang, result: result, body: body, funders: funders,
                indicators: try await DialogueReachQuery.districtIndicators(on: req.db))
        }
    }

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, result: GrantSupportQuery.Result, body: String?, funders: Set<String>,
        indicators: [IndicatorInfo]
    ) -> PageContext<SupportPage> {
        let s = Texts(lang)
        func number(_ value: Double?, decimals: Int = 1) -> String {
            value.map { NumberText.plain($0, decimals: decimals, lang) } ?? "–"
        }
        let definition = result.indicator?.definition
        func label(_ value: Double) -> LocalText {
            if let cls = definition?.classes?.first(where: { Double($0.value) == value }) {
                return lang.pick("\(cls.value) \(cls.label)", cls.labelEn.map { "\(cls.value) \($0)" })
            }
            return LocalText(text: number(value, decimals: 0), lang: lang.rawValue)
        }
        let support = result.support
        let longest = max(support.classes.map(\.rates.kronorPer1000).max() ?? 0, 1e-9)
        func row(_ text: LocalText, areas: Int?, _ rates: GrantSupport.Rates) -> Row {
            Row(
                label: text, areas: areas.map { number(Double($0), decimals: 0) } ?? "",
                population: number(rates.population, decimals: 0), kronor: number(rates.kronor, decimals: 0),
                kronorPer1000: number(rates.kronorPer1000, decimals: 0),
                associations: number(Double(rates.associations), decimals: 0),
                associationsPer1000: number(rates.associationsPer1000, decimals: 2),
                bar: String(format: "%.1f", min(100, rates.kronorPer1000 / longest * 100)))
        }
        var summary: String?
        if let worst = support.classes.first, let best = support.classes.last, support.classes.count > 1 {
            summary = Strings.fill(
                s[.grSupportSummary], String(result.fromYear), String(result.toYear),
                number(worst.rates.kronorPer1000, decimals: 0), number(best.rates.kronorPer1000, decimals: 0))
        }
        let measures = [
            Measure(
                label: s[.grSupportRatio], kronor: number(support.kronor.bestOffToWorstOff, decimals: 2),
                associations: number(support.associations.bestOffToWorstOff, decimals: 2)),
            Measure(
                label: s[.grSupportSlope],
                kronor: number(support.kronor.areas.slopeIndexOfInequality?.value, decimals: 0),
                associations: number(support.associations.areas.slopeIndexOfInequality?.value, decimals: 2)),
            Measure(
                label: s[.grSupportRelative],
                kronor: number(support.kronor.areas.relativeIndexOfInequality?.value, decimals: 2),
                associations: number(support.associations.areas.relativeIndexOfInequality?.value, decimals: 2)),
        ]
        let classValues = support.classes.map(\.value)
        let years = result.years.map { year in
            YearRow(
                year: String(year.year),
                cells: classValues.map { value in
                    number(year.support.classes.first { $0.value == value }?.rates.kronorPer1000, decimals: 0)
                } + [number(year.support.total?.kronorPer1000, decimals: 0)])
        }
        let total = LocalText(text: s[.grSupportTotal], lang: lang.rawValue)
        let page = SupportPage(
            action: SiteURL.Grants.support.path, fromYear: String(result.fromYear), toYear: String(result.toYear),
            indicators: indicators.map { $0.option(selected: result.indicator?.code, lang) },
            bodies: [FormOption(value: "", label: s[.grSupportAllBodies], selected: body == nil)]
                + funders.sorted().map {
                    FormOption(
                        value: $0, label: SchemePages.bodyName($0, index: index, lang: lang), selected: $0 == body)
                },
            hasIndicator: result.indicator != nil, summary: summary,
            rows: support.classes.map { row(label($0.value), areas: $0.areaCount, $0.rates) },
            total: support.total.map { row(total, areas: nil, $0) }, measures: measures,
            leftOut: support.leftOut.isEmpty ? nil : Strings.fill(s[.grSupportLeftOut], String(support.leftOut.count)),
            unplaced: result.unplaced > 0
                ? Strings.fill(s[.grSupportUnplaced], number(result.unplaced, decimals: 0)) : nil,
            yearHeadings: classValues.map(label) + [total], years: years,
            csvHref: SiteURL.Grants.awarded.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.grSupport], description: s[.grSupportIntro], section: SiteURL.Grants.list,
            route: SiteURL.Grants.support, crumbs: [(s[.grants], SiteURL.Grants.list)])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// Every awarded grant as 360Giving CSV, the latest decision first.
    static func csv(_ req: Request) async throws -> Response {
        try req.chargeUncachedWork()
        let variant = try CSVDownload.variant(req)
        let index = try await req.catalogue().index
        struct Row: Decodable {
            let id: UUID
            let association_id: UUID
            let scheme_id: UUID
            let amount_granted: Int
            let decided_on: String
            let updated_at: String
        }
        let statuses: [any Encodable & Sendable] = GrantSupportQuery.awarded.map(\.rawValue)
        let rows = try await req.db.sql().raw(
            """
            SELECT id, association_id, scheme_id, amount_granted, decided_on, updated_at
            FROM grant_applications WHERE amount_granted > 0 AND status IN (\(binds: statuses))
            ORDER BY decided_on DESC, id
            """
        ).all(decoding: Row.self)
        let schemes = Dictionary(
            try await GrantStore.allSchemes(on: req.db).map { ($0.id, $0.scheme) },
            uniquingKeysWith: { first, _ in first })
        let associations = Dictionary(
            try await AssociationStore.load(ids: Array(Set(rows.map(\.association_id))), on: req.db).map {
                ($0.id, $0)
            },
            uniquingKeysWith: { first, _ in first })
        let environment = Environment.get
        let prefix = environment("SKILLNAD_360G_PREFIX") ?? "360G-skillnad"
        let funder = environment("SKILLNAD_FUNDER_ORG_ID") ?? "SE-BLV-2120000142"
        let awards = rows.compactMap { row -> [String]? in
            guard let scheme = schemes[row.scheme_id], let association = associations[row.association_id],
                let day = Day(row.decided_on)
            else { return nil }
            // The scheme's words, never the application's own text, which was not written to be published.
            let award = ThreeSixtyGiving.Award(
                id: row.id.uuidString.lowercased(), title: scheme.name, description: scheme.purpose,
                amount: row.amount_granted, awardDate: day,
                recipientNumber: association.entry.organisationNumber, recipientName: association.entry.name,
                funderName: SchemePages.bodyName(scheme.body, index: index, lang: .sv), programme: scheme.name,
                locations: association.entry.districts.map { index.areaByID[$0]?.name ?? $0 },
                lastModified: row.updated_at)
            return ThreeSixtyGiving.row(award, prefix: prefix, funderIdentifier: funder)
        }
        let text = CSVText.table(header: ThreeSixtyGiving.columns, rows: awards, swedish: variant == .excel)
        return CSVDownload.response(text, filename: "bidrag-360giving.csv")
    }
}
