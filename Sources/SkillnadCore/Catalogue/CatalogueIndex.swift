/// Lookups over a whole catalogue, built once per catalogue generation: which measures a body
/// leads or collaborates on (directly or through a group such as "all district councils"),
/// measures by report, chapter and strategy, the children of bodies and areas.
public struct CatalogueIndex: Sendable {
    public let document: CatalogueDocument

    public let bodyByID: [String: BodyRecord]
    public let areaByID: [String: AreaRecord]
    public let reportByID: [String: ReportRecord]
    public let commissionAreaByID: [String: CommissionAreaRecord]
    public let strategyByID: [String: (targetArea: TargetAreaRecord, strategy: StrategyRecord)]
    /// Measures of each report, in code order.
    public let measuresByReport: [String: [MeasureRecord]]
    /// Measures by public id, and each report's measure ids in code order: a public id is a slug
    /// made anew on every call, too slow to compute per measure per request.
    public let measureByPublicID: [String: MeasureRecord]
    public let publicIDsByReport: [String: [String]]
    public let measuresByStrategy: [String: [MeasureRecord]]
    public let childBodies: [String: [BodyRecord]]
    public let childAreas: [String: [AreaRecord]]
    /// The areas' tree by id, for walks up and down it.
    public let areaTree: AreaTree
    /// Each area's name, English name, aliases and code as `SearchText.index` makes them, so a
    /// search over the city's hundreds of areas folds nothing per request.
    public let areaSearchText: [String: String]
    private let measureByKey: [String: MeasureRecord]
    private let codeByKey: [String: MeasureCode]

    public init(_ document: CatalogueDocument) {
        self.document = document
        bodyByID = Dictionary(document.bodies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        areaByID = Dictionary(document.areas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        areaTree = AreaTree(parentOf: areaByID.compactMapValues(\.parent))
        reportByID = Dictionary(document.reports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        commissionAreaByID = Dictionary(document.commissionAreas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var strategies: [String: (TargetAreaRecord, StrategyRecord)] = [:]
        for t in document.roadmap?.targetAreas ?? [] { for s in t.strategies { strategies[s.id] = (t, s) } }
        strategyByID = strategies

        var codes: [String: MeasureCode] = [:]
        var byKey: [String: MeasureRecord] = [:]
        for m in document.measures {
            let key = Self.key(m.report, m.code)
            byKey[key] = m
            codes[key] = MeasureCode.parse(m.code)
        }
        measureByKey = byKey
        codeByKey = codes
        func order(_ a: MeasureRecord, _ b: MeasureRecord) -> Bool {
            switch (codes[Self.key(a.report, a.code)], codes[Self.key(b.report, b.code)]) {
            case let (x?, y?): return x < y
            default: return a.code < b.code
            }
        }
        measuresByReport = Dictionary(grouping: document.measures, by: \.report).mapValues { $0.sorted(by: order) }
        let ids = Dictionary(document.measures.map { ($0.publicID, $0) }, uniquingKeysWith: { a, _ in a })
        measureByPublicID = ids
        let idOf = Dictionary(
            ids.map { (Self.key($0.value.report, $0.value.code), $0.key) }, uniquingKeysWith: { a, _ in a })
        publicIDsByReport = measuresByReport.mapValues { list in list.map { idOf[Self.key($0.report, $0.code)]! } }
        var byStrategy: [String: [MeasureRecord]] = [:]
        for m in document.measures { for s in m.strategies ?? [] { byStrategy[s, default: []].append(m) } }
        measuresByStrategy = byStrategy.mapValues {
            $0.sorted { ($0.report, 0) < ($1.report, 0) || ($0.report == $1.report && order($0, $1)) }
        }
        childBodies = Dictionary(grouping: document.bodies.filter { $0.parent != nil }, by: { $0.parent! })
        childAreas = Dictionary(grouping: document.areas.filter { $0.parent != nil }, by: { $0.parent! })
        var searchText: [String: String] = [:]
        for area in document.areas {
            let words = [area.name, area.nameEn ?? "", area.code ?? ""] + (area.aliases ?? [])
            searchText[area.id] = SearchText.index(words.joined(separator: " "))
        }
        areaSearchText = searchText
    }

    static func key(_ report: String, _ code: String) -> String { report + "|" + code }

    public func measure(report: String, code: String) -> MeasureRecord? { measureByKey[Self.key(report, code)] }

    public func code(of m: MeasureRecord) -> MeasureCode? { codeByKey[Self.key(m.report, m.code)] }

    /// The measure whose code is the parent of this one, when the report has it.
    public func parent(of m: MeasureRecord) -> MeasureRecord? {
        var c = code(of: m)?.parent
        while let p = c {
            if let found = measure(report: m.report, code: p.canonical) { return found }
            c = p.parent
        }
        return nil
    }

    public func children(of m: MeasureRecord) -> [MeasureRecord] {
        (measuresByReport[m.report] ?? []).filter { parent(of: $0)?.code == m.code }
    }

    /// Does a body belong to a group in the year a report was published? Bodies that did not
    /// exist then (validity) are not counted, so Hägersten-Älvsjö is not taken to have been
    /// asked in 2016.
    public func body(_ body: BodyRecord, isIn group: BodyGroup, year: Int) -> Bool {
        guard let kinds = group.memberKinds, kinds.contains(body.kind) else { return false }
        return Validity(from: body.validFrom, to: body.validTo).overlaps(year: year)
    }

    /// The bodies a group stands for in a given year; empty where the source leaves it open.
    public func members(of group: BodyGroup, year: Int) -> [BodyRecord] {
        document.bodies.filter { body($0, isIn: group, year: year) }.sorted { $0.name < $1.name }
    }

    public enum Role: String, Sendable { case lead, collaborating }

    /// How a body takes part in a measure, if at all, and whether through a group.
    public struct Involvement: Sendable {
        public let measure: MeasureRecord
        public let role: Role
        public let viaGroup: BodyGroup?
    }

    public func involvements(of bodyID: String) -> [Involvement] {
        guard let body = bodyByID[bodyID] else { return [] }
        var out: [Involvement] = []
        for m in document.measures {
            let year = reportByID[m.report]?.year ?? 0
            func match(_ refs: [String]) -> (Bool, BodyGroup?) {
                for r in refs {
                    switch BodyRef(r) {
                    case .body(let id)? where id == bodyID: return (true, nil)
                    case .group(let g)? where self.body(body, isIn: g, year: year): return (true, g)
                    default: continue
                    }
                }
                return (false, nil)
            }
            let lead = match([m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? []))
            if lead.0 {
                out.append(Involvement(measure: m, role: .lead, viaGroup: lead.1))
                continue
            }
            let collab = match(m.collaboratingBodies ?? [])
            if collab.0 { out.append(Involvement(measure: m, role: .collaborating, viaGroup: collab.1)) }
        }
        return out.sorted { a, b in
            if a.measure.report != b.measure.report {
                return (reportByID[a.measure.report]?.year ?? 0, a.measure.report) < (
                    reportByID[b.measure.report]?.year ?? 0, b.measure.report
                )
            }
            return (code(of: a.measure).map { x in code(of: b.measure).map { x < $0 } ?? true })
                ?? (a.measure.code < b.measure.code)
        }
    }

    /// The resolver for codes written in documents, over every report of the catalogue.
    public var resolver: MeasureCodeResolver {
        MeasureCodeResolver(
            reports: document.reports.map { r in
                MeasureCodeResolver.Report(
                    id: r.id, letter: r.letter,
                    codes: Set((measuresByReport[r.id] ?? []).compactMap { code(of: $0) }))
            })
    }
}
