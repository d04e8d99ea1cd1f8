import Fluent
import Foundation
import SkillnadCore

/// Reads the whole catalogue from the database into the document form: the one read model used
/// by the pages, the API and `skillnad catalogue export`.
enum CatalogueLoader {
    static func load(from db: any Database) async throws -> CatalogueDocument {
        let bodies = try await Body.query(on: db).sort(\.$position).sort(\.$slug).all()
        let areas = try await Area.query(on: db).sort(\.$position).sort(\.$slug).all()
        let commissionAreas = try await CommissionArea.query(on: db).sort(\.$position).all()
        let reports = try await Report.query(on: db).sort(\.$position).all()
        let measures = try await Measure.query(on: db).sort(\.$sortKey).all()
        let links = try await MeasureBody.query(on: db).sort(\.$position).all()
        let vision = try await Vision.query(on: db).first()
        let targetAreas = try await TargetArea.query(on: db).sort(\.$position).all()
        let strategies = try await Strategy.query(on: db).sort(\.$position).all()
        let milestones = try await Milestone.query(on: db).sort(\.$position).all()
        let measureStrategies = try await MeasureStrategy.query(on: db).sort(\.$position).all()

        let bodySlug = Dictionary(bodies.compactMap { b in b.id.map { ($0, b.slug) } }, uniquingKeysWith: { a, _ in a })
        let areaSlug = Dictionary(areas.compactMap { r in r.id.map { ($0, r.slug) } }, uniquingKeysWith: { a, _ in a })
        let commissionSlug = Dictionary(
            commissionAreas.compactMap { c in c.id.map { ($0, c.slug) } },
            uniquingKeysWith: { a, _ in a })
        let reportSlug = Dictionary(
            reports.compactMap { r in r.id.map { ($0, r.slug) } },
            uniquingKeysWith: { a, _ in a })
        let strategySlug = Dictionary(
            strategies.compactMap { s in s.id.map { ($0, s.slug) } },
            uniquingKeysWith: { a, _ in a })
        let linksByMeasure = Dictionary(grouping: links, by: { $0.$measure.id })
        let strategiesByMeasure = Dictionary(grouping: measureStrategies, by: { $0.$measure.id })

        var doc = CatalogueDocument()
        doc.bodies = bodies.map { b in
            BodyRecord(
                id: b.slug, name: b.name, nameEn: b.nameEn, shortName: b.shortName,
                kind: BodyKind(rawValue: b.kind) ?? .external, parent: b.$parent.id.flatMap { bodySlug[$0] },
                validFrom: b.validFrom.flatMap(Day.init), validTo: b.validTo.flatMap(Day.init), note: b.note)
        }
        doc.areas = areas.map { a in
            AreaRecord(
                id: a.slug, name: a.name, nameEn: a.nameEn, kind: AreaKind(rawValue: a.kind) ?? .district, code: a.code,
                parent: a.$parent.id.flatMap { areaSlug[$0] }, validFrom: a.validFrom.flatMap(Day.init),
                validTo: a.validTo.flatMap(Day.init), aliases: a.aliases.flatMap(decodeList),
                population: a.population, geometry: a.geometry.flatMap(JSONValue.parse))
        }
        doc.commissionAreas = commissionAreas.map {
            CommissionAreaRecord(id: $0.slug, name: $0.name, nameEn: $0.nameEn)
        }
        doc.reports = reports.map { r in
            ReportRecord(
                id: r.slug, title: r.title, subtitle: r.subtitle, year: r.year, letter: r.letter,
                commissionArea: r.$commissionArea.id.flatMap { commissionSlug[$0] }, link: r.link, summary: r.summary,
                chapters: r.chapters.flatMap { try? JSONDecoder().decode([ChapterRecord].self, from: Data($0.utf8)) })
        }
        let reportOrder = Dictionary(
            reports.enumerated().compactMap { e in e.element.id.map { ($0, e.offset) } },
            uniquingKeysWith: { a, _ in a })
        doc.measures =
            measures
            .sorted { (reportOrder[$0.$report.id] ?? 0, $0.sortKey) < (reportOrder[$1.$report.id] ?? 0, $1.sortKey) }
            .map { m in
                let ls = m.id.flatMap { linksByMeasure[$0] } ?? []
                func ref(_ l: MeasureBody) -> String? {
                    if let g = l.bodyGroup { return BodyGroup.prefix + g }
                    return l.$body.id.flatMap { bodySlug[$0] }
                }
                let leads = ls.filter { $0.role == MeasureBody.Role.lead.rawValue }.compactMap(ref)
                let collab = ls.filter { $0.role == MeasureBody.Role.collaborating.rawValue }.compactMap(ref)
                let strategies = (m.id.flatMap { strategiesByMeasure[$0] } ?? [])
                    .compactMap { strategySlug[$0.$strategy.id] }
                return MeasureRecord(
                    report: reportSlug[m.$report.id] ?? "", code: m.code, title: m.title, titleEn: m.titleEn,
                    description: m.description, leadBody: leads.first,
                    jointLeadBodies: leads.count > 1 ? Array(leads.dropFirst()) : nil,
                    collaboratingBodies: collab.isEmpty ? nil : collab,
                    strategies: strategies.isEmpty ? nil : strategies)
            }
        if let vision {
            doc.roadmap = RoadmapRecord(
                vision: VisionRecord(
                    title: vision.title, titleEn: vision.titleEn, year: vision.year, text: vision.text),
                targetAreas: targetAreas.map { t in
                    TargetAreaRecord(
                        id: t.slug, name: t.name, nameEn: t.nameEn,
                        strategies: strategies.filter { $0.$targetArea.id == t.id }.map {
                            StrategyRecord(id: $0.slug, numeral: $0.numeral, title: $0.title, titleEn: $0.titleEn)
                        },
                        milestones: nonEmpty(
                            milestones.filter { $0.$targetArea.id == t.id }.map {
                                MilestoneRecord(
                                    id: $0.slug, text: $0.text, indicator: $0.indicator, unit: $0.unit,
                                    baseline: $0.baseline,
                                    baselineYear: $0.baselineYear, targetValue: $0.targetValue,
                                    targetYear: $0.targetYear)
                            }))
                })
        }
        return doc
    }

    /// The version of every editable object, keyed `kind/id`.
    static func versions(from db: any Database) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for b in try await Body.query(on: db).all() { out["body/\(b.slug)"] = b.version }
        for a in try await Area.query(on: db).all() { out["area/\(a.slug)"] = a.version }
        for r in try await Report.query(on: db).all() { out["report/\(r.slug)"] = r.version }
        for m in try await Measure.query(on: db).all() { out["measure/\(m.slug)"] = m.version }
        return out
    }

    static func nonEmpty<T>(_ a: [T]) -> [T]? { a.isEmpty ? nil : a }

    static func decodeList(_ json: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
