import Fluent
import Foundation
import SkillnadCore

/// Makes the database hold exactly the catalogue of a document, in one transaction: objects
/// are matched by id (slug), created, updated (their version bumped) or deleted. A deletion
/// that something else still refers to fails the whole import, so nothing is half-written.
enum CatalogueImporter {
    struct Summary: Sendable, Equatable, CustomStringConvertible {
        var created: [String: Int] = [:]
        var updated: [String: Int] = [:]
        var deleted: [String: Int] = [:]

        var isEmpty: Bool { created.isEmpty && updated.isEmpty && deleted.isEmpty }

        var description: String {
            let kinds = ["bodies", "areas", "commission areas", "reports", "measures", "roadmap"]
            var lines: [String] = []
            for k in kinds {
                let c = created[k] ?? 0
                let u = updated[k] ?? 0
                let d = deleted[k] ?? 0
                if c + u + d > 0 { lines.append("  \(k): \(c) created, \(u) updated, \(d) deleted") }
            }
            return lines.isEmpty ? "  no changes" : lines.joined(separator: "\n")
        }
    }

    /// Makes the database hold the document, in one transaction, and records every changed
    /// object in the audit trail as done by `actor`. The document must have passed
    /// `CatalogueReader.validate`.
    static func apply(_ doc: CatalogueDocument, to db: any Database, actor: AuditActor = .system("import")) async throws
        -> Summary
    {
        try await TimedWork.import.run("catalogue") {
            try await db.transaction { tx in
                try await sync(doc, in: tx, actor: actor)
            }
        }
    }

    /// The same inside a transaction the caller holds (an edit that first checked a version).
    static func sync(_ doc: CatalogueDocument, in tx: any Database, actor: AuditActor) async throws -> Summary {
        let old = try await CatalogueLoader.load(from: tx)
        let summary = try await write(doc, tx)
        // The roadmap is one object for editing: any change to it is a new version.
        if old.roadmap != nil, let new = doc.roadmap, old.roadmap != new,
            let vision = try await Vision.query(on: tx).first()
        {
            vision.version += 1
            try await vision.update(on: tx)
        }
        for change in CatalogueDiff.changes(from: old, to: doc) {
            try await Audit.record(
                change.action.rawValue, objectType: change.objectType, objectID: change.objectID,
                before: change.before, after: change.after, by: actor, on: tx)
        }
        return summary
    }

    private static func write(_ doc: CatalogueDocument, _ tx: any Database) async throws -> Summary {
        do {
            var summary = Summary()
            try await syncBodies(doc, tx, &summary)
            try await syncAreas(doc, tx, &summary)
            try await syncCommissionAreas(doc, tx, &summary)
            try await syncRoadmap(doc, tx, &summary)
            try await syncReports(doc, tx, &summary)
            try await syncMeasures(doc, tx, &summary)
            try await deleteRemoved(doc, tx, &summary)
            if !summary.isEmpty {
                try await CatalogueState.advance(on: tx)
            }
            return summary
        }
    }

    /// Same value, same text: stored JSON must not change when nothing did.
    static let sortedEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// The stored values of a model, to tell whether assigning the file's values changed any
    /// (Fluent counts every assignment as a change, even of an equal value).
    static func fingerprint<M: Model>(_ model: M) -> Data? {
        guard model.id != nil else { return nil }
        return try? sortedEncoder.encode(model)
    }

    /// Saves a model if it is new or its values differ from `before`, bumping its version on change.
    @discardableResult
    private static func save<M: Model>(
        _ model: M, kind: String, before: Data?,
        _ tx: any Database, _ summary: inout Summary
    ) async throws -> Bool {
        if before == nil {
            (model as? any Versioned)?.version = 1
            try await model.create(on: tx)
            summary.created[kind, default: 0] += 1
            return true
        } else if fingerprint(model) != before {
            (model as? any Versioned)?.version += 1
            try await model.update(on: tx)
            summary.updated[kind, default: 0] += 1
            return true
        }
        return false
    }

    private static func syncBodies(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary) async throws
    {
        var existing = Dictionary(
            try await Body.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let existed = Set(existing.keys)
        // First without parents, so that a parent listed after its child exists when linked.
        for (i, r) in doc.bodies.enumerated() {
            let m = existing[r.id] ?? Body()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.slug = r.id
            m.name = r.name
            m.nameEn = r.nameEn
            m.shortName = r.shortName
            m.kind = r.kind.rawValue
            m.validFrom = r.validFrom?.description
            m.validTo = r.validTo?.description
            m.note = r.note
            m.position = i
            m.search = SearchText.index([r.name, r.nameEn, r.shortName].compactMap { $0 }.joined(separator: " "))
            if isNew { m.$parent.id = nil }
            try await save(m, kind: "bodies", before: before, tx, &summary)
            existing[r.id] = m
        }
        try await linkParents(doc.bodies.map { ($0.id, $0.parent) }, existing, existed, parent: \.$parent, tx)
    }

    private static func syncAreas(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary) async throws {
        var existing = Dictionary(
            try await Area.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let existed = Set(existing.keys)
        for (i, r) in doc.areas.enumerated() {
            let m = existing[r.id] ?? Area()
            let isNew = m.id == nil
            let before = fingerprint(m)
            try assign(r, to: m, position: i)
            if isNew { m.$parent.id = nil }
            try await save(m, kind: "areas", before: before, tx, &summary)
            existing[r.id] = m
        }
        try await linkParents(doc.areas.map { ($0.id, $0.parent) }, existing, existed, parent: \.$parent, tx)
    }

    /// An area record's values on a model (all but the parent, which needs the parent's row id).
    private static func assign(_ r: AreaRecord, to m: Area, position: Int) throws {
        m.slug = r.id
        m.name = r.name
        m.nameEn = r.nameEn
        m.kind = r.kind.rawValue
        m.code = r.code
        m.validFrom = r.validFrom?.description
        m.validTo = r.validTo?.description
        m.position = position
        m.aliases =
            (r.aliases ?? []).isEmpty ? nil : String(decoding: try sortedEncoder.encode(r.aliases ?? []), as: UTF8.self)
        m.geometry = r.geometry?.storedText
        m.population = r.population
        m.search = SearchText.index(
            ([r.name, r.nameEn, r.code].compactMap { $0 } + (r.aliases ?? [])).joined(separator: " "))
    }

    /// Adds new areas whose parents exist already (an indicator import's `--create-areas`, which
    /// may create thousands) inside the caller's transaction: multi-row inserts of the areas and
    /// of their audit events, instead of syncing and comparing the whole catalogue. The caller
    /// made the ids unique and bumps the data generation.
    static func add(areas records: [AreaRecord], in tx: any Database, actor: AuditActor) async throws {
        guard !records.isEmpty else { return }
        let parentSlugs = Array(Set(records.compactMap(\.parent)))
        let parentAreas = try await Area.query(on: tx).filter(\.$slug ~~ parentSlugs).all()
        let parents = Dictionary(try parentAreas.map { ($0.slug, try $0.requireID()) }, uniquingKeysWith: { a, _ in a })
        let first = (try await Area.query(on: tx).max(\.$position) ?? -1) + 1
        var models: [Area] = []
        var events: [AuditEvent] = []
        let now = Date()
        for (i, r) in records.enumerated() {
            let m = Area()
            try assign(r, to: m, position: first + i)
            m.$parent.id = r.parent.flatMap { parents[$0] }
            m.version = 1
            models.append(m)
            events.append(
                Audit.event(
                    "create", objectType: "area", objectID: r.id, after: CatalogueDiff.json(r), by: actor, at: now))
        }
        // 500 rows a statement keeps PostgreSQL's and SQLite's parameter limits far away.
        for start in stride(from: 0, to: models.count, by: 500) {
            try await Array(models[start..<min(start + 500, models.count)]).create(on: tx)
            try await Array(events[start..<min(start + 500, events.count)]).create(on: tx)
        }
    }

    /// Second pass for bodies and areas: link each to its parent once all exist; a changed parent
    /// of an object that existed before the import is a new version of it.
    private static func linkParents<M: Model & Versioned>(
        _ items: [(id: String, parent: String?)], _ existing: [String: M],
        _ existed: Set<String>, parent: KeyPath<M, OptionalParentProperty<M, M>>,
        _ tx: any Database
    ) async throws where M.IDValue == UUID {
        for item in items {
            guard let m = existing[item.id] else { continue }
            let parentID = item.parent.flatMap { existing[$0]?.id }
            if m[keyPath: parent].id != parentID {
                m[keyPath: parent].id = parentID
                if existed.contains(item.id) { m.version += 1 }
                try await m.update(on: tx)
            }
        }
    }

    private static func syncCommissionAreas(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary)
        async throws
    {
        let existing = Dictionary(
            try await CommissionArea.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, r) in doc.commissionAreas.enumerated() {
            let m = existing[r.id] ?? CommissionArea()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.slug = r.id
            m.name = r.name
            m.nameEn = r.nameEn
            m.position = i
            try await save(m, kind: "commission areas", before: before, tx, &summary)
        }
    }

    private static func syncReports(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary) async throws
    {
        let existing = Dictionary(
            try await Report.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let areas = Dictionary(
            try await CommissionArea.query(on: tx).all().map { ($0.slug, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })
        for (i, r) in doc.reports.enumerated() {
            let m = existing[r.id] ?? Report()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.slug = r.id
            m.title = r.title
            m.subtitle = r.subtitle
            m.year = r.year
            m.letter = r.letter
            m.$commissionArea.id = r.commissionArea.flatMap { areas[$0] }
            m.link = r.link
            m.summary = r.summary
            m.position = i
            m.chapters = try r.chapters.map { String(decoding: try sortedEncoder.encode($0), as: UTF8.self) }
            m.search = SearchText.index([r.title, r.subtitle, r.summary].compactMap { $0 }.joined(separator: " "))
            try await save(m, kind: "reports", before: before, tx, &summary)
        }
    }

    private static func syncMeasures(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary)
        async throws
    {
        let reports = Dictionary(
            try await Report.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let bodies = Dictionary(
            try await Body.query(on: tx).all().map { ($0.slug, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })
        let strategies = Dictionary(
            try await Strategy.query(on: tx).all().map { ($0.slug, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })
        var existing = Dictionary(
            try await Measure.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let linksByMeasure = Dictionary(grouping: try await MeasureBody.query(on: tx).all(), by: { $0.$measure.id })
        let strategyLinks = Dictionary(grouping: try await MeasureStrategy.query(on: tx).all(), by: { $0.$measure.id })
        let index = CatalogueIndex(doc)

        for r in doc.measures {
            guard let report = reports[r.report], let code = MeasureCode.parse(r.code) else { continue }
            let slug = measureSlug(report: r.report, code: code)
            let reportID = try report.requireID()
            let m = existing[slug] ?? Measure()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.slug = slug
            m.$report.id = reportID
            m.code = code.canonical
            m.sortKey = sortKey(code)
            m.chapter = code.chapter
            m.title = r.title
            m.titleEn = r.titleEn
            m.description = r.description
            m.search = SearchText.index([r.title, r.titleEn, r.description].compactMap { $0 }.joined(separator: " "))
            if isNew { m.$parent.id = nil }

            // The links are part of the measure: compare them as a whole, replace when different.
            let wanted: [(String, String)] =
                ([r.leadBody].compactMap { $0 } + (r.jointLeadBodies ?? [])).map { ("lead", $0) }
                + (r.collaboratingBodies ?? []).map { ("collaborating", $0) }
            let have: [(String, String)] = (m.id.flatMap { linksByMeasure[$0] } ?? [])
                .sorted { ($0.role == "lead" ? 0 : 1, $0.position) < ($1.role == "lead" ? 0 : 1, $1.position) }
                .map { l in (l.role, l.bodyGroup.map { BodyGroup.prefix + $0 } ?? bodySlugOf(l.$body.id, bodies)) }
            let linksChanged = wanted.map { "\($0.0)|\($0.1)" } != have.map { "\($0.0)|\($0.1)" }
            let wantedStrategies = r.strategies ?? []
            let haveStrategies = (m.id.flatMap { strategyLinks[$0] } ?? []).sorted { $0.position < $1.position }
                .compactMap { s in strategies.first { $0.value == s.$strategy.id }?.key }
            let strategiesChanged = wantedStrategies != haveStrategies

            let saved = try await save(m, kind: "measures", before: before, tx, &summary)
            if !saved && (linksChanged || strategiesChanged) {
                // Only its bodies or strategies changed: still a new version of the measure.
                m.version += 1
                try await m.update(on: tx)
                summary.updated["measures", default: 0] += 1
            }
            existing[slug] = m
            if linksChanged {
                try await MeasureBody.query(on: tx).filter(\.$measure.$id == m.requireID()).delete()
                var positions: [String: Int] = [:]
                for (role, ref) in wanted {
                    let l = MeasureBody()
                    l.$measure.id = try m.requireID()
                    switch BodyRef(ref) {
                    case .group(let g)?: l.bodyGroup = g.rawValue
                    case .body(let id)?: l.$body.id = bodies[id]
                    case nil: continue
                    }
                    l.role = role
                    l.position = positions[role, default: 0]
                    positions[role, default: 0] += 1
                    try await l.create(on: tx)
                }
            }
            if strategiesChanged {
                try await MeasureStrategy.query(on: tx).filter(\.$measure.$id == m.requireID()).delete()
                for (i, s) in wantedStrategies.enumerated() {
                    guard let sid = strategies[s] else { continue }
                    let l = MeasureStrategy()
                    l.$measure.id = try m.requireID()
                    l.$strategy.id = sid
                    l.position = i
                    try await l.create(on: tx)
                }
            }
        }
        // Parents follow from the codes.
        for r in doc.measures {
            guard let code = MeasureCode.parse(r.code), let m = existing[measureSlug(report: r.report, code: code)]
            else { continue }
            let parentID = index.parent(of: r).flatMap { p in
                MeasureCode.parse(p.code).flatMap { existing[measureSlug(report: p.report, code: $0)]?.id }
            }
            if m.$parent.id != parentID {
                m.$parent.id = parentID
                try await m.update(on: tx)
            }
        }
    }

    private static func bodySlugOf(_ id: UUID?, _ bodies: [String: UUID]) -> String {
        guard let id else { return "" }
        return bodies.first { $0.value == id }?.key ?? ""
    }

    private static func syncRoadmap(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary) async throws
    {
        let kind = "roadmap"
        let vision = try await Vision.query(on: tx).first()
        if let rv = doc.roadmap?.vision {
            let m = vision ?? Vision()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.title = rv.title
            m.titleEn = rv.titleEn
            m.year = rv.year
            m.text = rv.text
            if before == nil { m.version = 1 }
            try await save(m, kind: kind, before: before, tx, &summary)
        } else if let vision {
            try await vision.delete(on: tx)
            summary.deleted[kind, default: 0] += 1
        }
        var targets = Dictionary(
            try await TargetArea.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let strategies = Dictionary(
            try await Strategy.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let milestones = Dictionary(
            try await Milestone.query(on: tx).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, t) in (doc.roadmap?.targetAreas ?? []).enumerated() {
            let m = targets[t.id] ?? TargetArea()
            let isNew = m.id == nil
            let before = fingerprint(m)
            m.slug = t.id
            m.name = t.name
            m.nameEn = t.nameEn
            m.position = i
            try await save(m, kind: kind, before: before, tx, &summary)
            targets[t.id] = m
            let targetID = try m.requireID()
            for (j, s) in t.strategies.enumerated() {
                let sm = strategies[s.id] ?? Strategy()
                let sNew = sm.id == nil
                let strategyBefore = fingerprint(sm)
                sm.slug = s.id
                sm.$targetArea.id = targetID
                sm.numeral = s.numeral
                sm.title = s.title
                sm.titleEn = s.titleEn
                sm.position = j
                try await save(sm, kind: kind, before: strategyBefore, tx, &summary)
            }
            for (j, ms) in (t.milestones ?? []).enumerated() {
                let mm = milestones[ms.id] ?? Milestone()
                let mNew = mm.id == nil
                let milestoneBefore = fingerprint(mm)
                mm.slug = ms.id
                mm.$targetArea.id = targetID
                mm.text = ms.text
                mm.indicator = ms.indicator
                mm.unit = ms.unit
                mm.baseline = ms.baseline
                mm.baselineYear = ms.baselineYear
                mm.targetValue = ms.targetValue
                mm.targetYear = ms.targetYear
                mm.position = j
                try await save(mm, kind: kind, before: milestoneBefore, tx, &summary)
            }
        }
    }

    /// Deletes what the document no longer has, dependants first.
    private static func deleteRemoved(_ doc: CatalogueDocument, _ tx: any Database, _ summary: inout Summary)
        async throws
    {
        let measureSlugs = Set(
            doc.measures.compactMap { r in MeasureCode.parse(r.code).map { measureSlug(report: r.report, code: $0) } })
        let goneMeasures = try await Measure.query(on: tx).all().filter { !measureSlugs.contains($0.slug) }
        for m in goneMeasures where m.$parent.id != nil {
            m.$parent.id = nil
            try await m.update(on: tx)
        }
        for m in goneMeasures {
            try await Measure.query(on: tx).filter(\.$parent.$id == m.requireID()).set(\.$parent.$id, to: nil).update()
            try await m.delete(on: tx)
            summary.deleted["measures", default: 0] += 1
        }
        let reportIDs = Set(doc.reports.map(\.id))
        for r in try await Report.query(on: tx).all() where !reportIDs.contains(r.slug) {
            try await r.delete(on: tx)
            summary.deleted["reports", default: 0] += 1
        }
        let strategyIDs = Set((doc.roadmap?.targetAreas ?? []).flatMap { $0.strategies.map(\.id) })
        for s in try await Strategy.query(on: tx).all() where !strategyIDs.contains(s.slug) {
            try await s.delete(on: tx)
            summary.deleted["roadmap", default: 0] += 1
        }
        let milestoneIDs = Set((doc.roadmap?.targetAreas ?? []).flatMap { ($0.milestones ?? []).map(\.id) })
        for m in try await Milestone.query(on: tx).all() where !milestoneIDs.contains(m.slug) {
            try await m.delete(on: tx)
            summary.deleted["roadmap", default: 0] += 1
        }
        let targetIDs = Set((doc.roadmap?.targetAreas ?? []).map(\.id))
        for t in try await TargetArea.query(on: tx).all() where !targetIDs.contains(t.slug) {
            try await t.delete(on: tx)
            summary.deleted["roadmap", default: 0] += 1
        }
        let commissionIDs = Set(doc.commissionAreas.map(\.id))
        for c in try await CommissionArea.query(on: tx).all() where !commissionIDs.contains(c.slug) {
            try await c.delete(on: tx)
            summary.deleted["commission areas", default: 0] += 1
        }
        try await deleteTree(
            Body.self, keep: Set(doc.bodies.map(\.id)), kind: "bodies", slug: \.slug, parent: \.$parent, tx, &summary)
        try await deleteTree(
            Area.self, keep: Set(doc.areas.map(\.id)), kind: "areas", slug: \.slug, parent: \.$parent, tx, &summary)
    }

    /// Self-referencing rows: detach the ones that go, then delete them.
    private static func deleteTree<M: Model>(
        _ type: M.Type, keep: Set<String>, kind: String, slug: KeyPath<M, String>,
        parent: KeyPath<M, OptionalParentProperty<M, M>>,
        _ tx: any Database, _ summary: inout Summary
    ) async throws where M.IDValue == UUID {
        let gone = try await M.query(on: tx).all().filter { !keep.contains($0[keyPath: slug]) }
        for m in gone where m[keyPath: parent].id != nil {
            m[keyPath: parent].id = nil
            try await m.update(on: tx)
        }
        for m in gone {
            try await m.delete(on: tx)
            summary.deleted[kind, default: 0] += 1
        }
    }

    static func measureSlug(report: String, code: MeasureCode) -> String {
        MeasureRecord.publicID(report: report, code: code.canonical)
    }

    /// `A.002.010.001`: sorts like the codes themselves, in SQL, on both databases.
    static func sortKey(_ code: MeasureCode) -> String {
        ([code.letter ?? ""] + code.numbers.map { String(format: "%03d", $0) }).joined(separator: ".")
    }
}
