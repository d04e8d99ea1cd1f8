import Foundation

/// Reads a catalogue file and checks it whole: types, required fields, that every reference
/// points at something in the file, that measure codes parse and are unique in their report.
/// Either every problem is reported (with its path) or a clean document is returned, so an
/// import can be all-or-nothing.
public enum CatalogueReader {
    public static func read(_ data: Data) -> Result<CatalogueDocument, CatalogueProblems> {
        let root: JSONValue
        do {
            root = try JSONValue.read(data)
        } catch {
            return .failure(CatalogueProblems([CatalogueProblem(path: "", .invalidJSON(describe(error)))]))
        }
        var problems: [CatalogueProblem] = []
        let doc = parse(root, &problems)
        if let doc { problems += validate(doc) }
        if problems.isEmpty, var doc {
            // Store every code in its one canonical spelling.
            let reports = Dictionary(doc.reports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for i in doc.measures.indices {
                if let r = reports[doc.measures[i].report],
                    case .success(let c) = canonicalCode(doc.measures[i].code, in: r)
                {
                    doc.measures[i].code = c.canonical
                }
            }
            return .success(doc)
        }
        return .failure(CatalogueProblems(problems))
    }

    /// Checks one object as it would stand in the list `list` of a catalogue file (`bodies`,
    /// `measures`, …): its fields and types only, not its references, which need the whole
    /// catalogue. Paths are relative to the object (`parent`, `validFrom`).
    public static func readObject(_ object: JSONValue, list: String) -> Result<CatalogueDocument, CatalogueProblems> {
        let root = JSONValue.object([
            "format": .string(CatalogueDocument.formatName),
            "version": .number(Double(CatalogueDocument.currentVersion)),
            list: .array([object]),
        ])
        var problems: [CatalogueProblem] = []
        let doc = parse(root, &problems)
        let prefix = "\(list)[0]"
        problems = problems.map { p in
            var path = p.path
            if path.hasPrefix(prefix) {
                path = String(path.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            }
            return CatalogueProblem(path: path, p.reason)
        }
        if let doc, problems.isEmpty { return .success(doc) }
        return .failure(CatalogueProblems(problems))
    }

    /// Text with a control character other than tab and line breaks (a NUL, an escape
    /// sequence, a form feed) is refused where it stands: nobody types one, and it can
    /// break the files and feeds the text goes into.
    static func controlCharacters(_ value: JSONValue, path: String) -> [CatalogueProblem] {
        switch value {
        case .string(let text):
            let bad = text.unicodeScalars.first { scalar in
                (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
            }
            guard let bad else { return [] }
            let code = String(bad.value, radix: 16, uppercase: true)
            return [
                CatalogueProblem(path: path, .controlCharacter(String(repeating: "0", count: 4 - code.count) + code))
            ]
        case .array(let items):
            return items.enumerated().flatMap { controlCharacters($0.element, path: "\(path)[\($0.offset)]") }
        case .object(let fields):
            return fields.sorted { $0.key < $1.key }.flatMap {
                controlCharacters($0.value, path: path.isEmpty ? $0.key : "\(path).\($0.key)")
            }
        case .null, .bool, .number:
            return []
        }
    }

    /// Says where a JSON syntax error is, as far as the decoder tells.
    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let ctx) = error {
            let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? ctx.debugDescription
        }
        return String(describing: error)
    }

    // MARK: - Shape

    static func parse(_ root: JSONValue, _ problems: inout [CatalogueProblem]) -> CatalogueDocument? {
        problems += controlCharacters(root, path: "")
        guard var top = JSONFields(root, path: "", problems: &problems) else { return nil }
        top.rejectUnknownKeys([
            "format", "version", "bodies", "areas", "commissionAreas", "reports", "measures", "roadmap",
        ])
        var doc = CatalogueDocument()
        if let f = top.string("format", required: true), f != CatalogueDocument.formatName {
            top.problem("format", .wrongFormat(expected: CatalogueDocument.formatName, got: f))
        }
        if let v = top.int("version", required: true), v != CatalogueDocument.currentVersion {
            top.problem("version", .wrongVersion(reads: CatalogueDocument.currentVersion, file: v))
        }

        for (value, path) in top.list("bodies") {
            guard var f = JSONFields(value, path: path, problems: &problems) else { continue }
            f.rejectUnknownKeys(["id", "name", "nameEn", "shortName", "kind", "parent", "validFrom", "validTo", "note"])
            let id = f.string("id", required: true)
            let name = f.string("name", required: true)
            let kind = f.enumValue("kind", BodyKind.self)
            let r = BodyRecord(
                id: id ?? "", name: name ?? "", nameEn: f.string("nameEn"), shortName: f.string("shortName"),
                kind: kind ?? .external, parent: f.string("parent"), validFrom: f.day("validFrom"),
                validTo: f.day("validTo"), note: f.string("note"))
            problems += f.problems
            if id != nil, name != nil, kind != nil { doc.bodies.append(r) }
        }
        for (value, path) in top.list("areas") {
            guard var f = JSONFields(value, path: path, problems: &problems) else { continue }
            f.rejectUnknownKeys([
                "id", "name", "nameEn", "kind", "code", "parent", "validFrom", "validTo", "aliases", "population",
                "geometry",
            ])
            let id = f.string("id", required: true)
            let name = f.string("name", required: true)
            let kind = f.enumValue("kind", AreaKind.self)
            let population = f.double("population")
            if let population, population < 0 || !population.isFinite { f.problem("population", .expectedPopulation) }
            var geometry = f.raw("geometry")
            if let g = geometry {
                if case .object(let o) = g, case .string? = o["type"] {
                } else {
                    f.problem("geometry", .expectedGeometry)
                    geometry = nil
                }
            }
            let r = AreaRecord(
                id: id ?? "", name: name ?? "", nameEn: f.string("nameEn"), kind: kind ?? .district,
                code: f.string("code"), parent: f.string("parent"), validFrom: f.day("validFrom"),
                validTo: f.day("validTo"), aliases: f.strings("aliases"), population: population, geometry: geometry)
            problems += f.problems
            if id != nil, name != nil, kind != nil { doc.areas.append(r) }
        }
        for (value, path) in top.list("commissionAreas") {
            guard var f = JSONFields(value, path: path, problems: &problems) else { continue }
            f.rejectUnknownKeys(["id", "name", "nameEn"])
            let id = f.string("id", required: true)
            let name = f.string("name", required: true)
            let r = CommissionAreaRecord(id: id ?? "", name: name ?? "", nameEn: f.string("nameEn"))
            problems += f.problems
            if id != nil, name != nil { doc.commissionAreas.append(r) }
        }
        for (value, path) in top.list("reports") {
            guard var f = JSONFields(value, path: path, problems: &problems) else { continue }
            f.rejectUnknownKeys([
                "id", "title", "subtitle", "year", "letter", "commissionArea", "link", "summary", "chapters",
            ])
            let id = f.string("id", required: true)
            let title = f.string("title", required: true)
            let year = f.int("year", required: true, range: 1900...2200)
            var chapters: [ChapterRecord]? = nil
            let chapterValues = f.list("chapters")
            if f.raw("chapters") != nil { chapters = [] }
            for (cv, cpath) in chapterValues {
                guard var cf = JSONFields(cv, path: cpath, problems: &problems) else { continue }
                cf.rejectUnknownKeys(["number", "title"])
                if let n = cf.int("number", required: true, range: 0...999), let t = cf.string("title", required: true)
                {
                    chapters?.append(ChapterRecord(number: n, title: t))
                }
                problems += cf.problems
            }
            var letter = f.string("letter")
            if let l = letter {
                if l.count == 1, let c = l.unicodeScalars.first, ("A"..."Z").contains(c) || ("a"..."z").contains(c) {
                    letter = l.uppercased()
                } else {
                    f.problem("letter", .expectedLetter(got: l))
                    letter = nil
                }
            }
            let r = ReportRecord(
                id: id ?? "", title: title ?? "", subtitle: f.string("subtitle"), year: year ?? 0,
                letter: letter, commissionArea: f.string("commissionArea"), link: f.string("link"),
                summary: f.string("summary"), chapters: chapters)
            problems += f.problems
            if id != nil, title != nil, year != nil { doc.reports.append(r) }
        }
        for (value, path) in top.list("measures") {
            guard var f = JSONFields(value, path: path, problems: &problems) else { continue }
            f.rejectUnknownKeys([
                "report", "code", "title", "titleEn", "description", "leadBody", "jointLeadBodies",
                "collaboratingBodies", "strategies",
            ])
            let report = f.string("report", required: true)
            let code = f.string("code", required: true)
            let title = f.string("title", required: true)
            let r = MeasureRecord(
                report: report ?? "", code: code ?? "", title: title ?? "", titleEn: f.string("titleEn"),
                description: f.string("description"), leadBody: f.string("leadBody"),
                jointLeadBodies: f.strings("jointLeadBodies"),
                collaboratingBodies: f.strings("collaboratingBodies"), strategies: f.strings("strategies"))
            problems += f.problems
            // Keep incomplete measures out, but keep their index right for later paths.
            doc.measures.append(
                report != nil && code != nil && title != nil ? r : MeasureRecord(report: "", code: "", title: ""))
        }
        if let rv = top.raw("roadmap") {
            if var rf = JSONFields(rv, path: "roadmap", problems: &problems) {
                rf.rejectUnknownKeys(["vision", "targetAreas"])
                var vision = VisionRecord(title: "")
                if var vf = JSONFields(rf.raw("vision"), path: "roadmap.vision", problems: &problems) {
                    vf.rejectUnknownKeys(["title", "titleEn", "year", "text"])
                    vision = VisionRecord(
                        title: vf.string("title", required: true) ?? "", titleEn: vf.string("titleEn"),
                        year: vf.int("year", range: 1900...2200), text: vf.string("text"))
                    problems += vf.problems
                }
                var areas: [TargetAreaRecord] = []
                for (tv, tpath) in rf.list("targetAreas", required: true) {
                    guard var tf = JSONFields(tv, path: tpath, problems: &problems) else { continue }
                    tf.rejectUnknownKeys(["id", "name", "nameEn", "strategies", "milestones"])
                    let id = tf.string("id", required: true)
                    let name = tf.string("name", required: true)
                    var strategies: [StrategyRecord] = []
                    for (sv, spath) in tf.list("strategies", required: true) {
                        guard var sf = JSONFields(sv, path: spath, problems: &problems) else { continue }
                        sf.rejectUnknownKeys(["id", "numeral", "title", "titleEn"])
                        let sid = sf.string("id", required: true)
                        let numeral = sf.string("numeral", required: true)
                        let stitle = sf.string("title", required: true)
                        if let numeral, RomanNumeral.value(numeral) == nil {
                            sf.problem("numeral", .expectedNumeral(got: numeral))
                        }
                        if let sid, let numeral, let stitle {
                            strategies.append(
                                StrategyRecord(
                                    id: sid, numeral: numeral.uppercased(), title: stitle, titleEn: sf.string("titleEn")
                                ))
                        }
                        problems += sf.problems
                    }
                    var milestones: [MilestoneRecord]? = tf.raw("milestones") == nil ? nil : []
                    for (mv, mpath) in tf.list("milestones") {
                        guard var mf = JSONFields(mv, path: mpath, problems: &problems) else { continue }
                        mf.rejectUnknownKeys([
                            "id", "text", "indicator", "unit", "baseline", "baselineYear", "targetValue", "targetYear",
                        ])
                        let mid = mf.string("id", required: true)
                        let text = mf.string("text", required: true)
                        let m = MilestoneRecord(
                            id: mid ?? "", text: text ?? "", indicator: mf.string("indicator"), unit: mf.string("unit"),
                            baseline: mf.double("baseline"), baselineYear: mf.int("baselineYear", range: 1900...2200),
                            targetValue: mf.double("targetValue"), targetYear: mf.int("targetYear", range: 1900...2200))
                        if mid != nil, text != nil { milestones?.append(m) }
                        problems += mf.problems
                    }
                    if let id, let name {
                        areas.append(
                            TargetAreaRecord(
                                id: id, name: name, nameEn: tf.string("nameEn"), strategies: strategies,
                                milestones: milestones))
                    }
                    problems += tf.problems
                }
                doc.roadmap = RoadmapRecord(vision: vision, targetAreas: areas)
                problems += rf.problems
            }
        }
        problems += top.problems
        return doc
    }

    // MARK: - Meaning

    /// Checks what types cannot: unique ids, references that resolve, codes that parse. Measure
    /// codes are rewritten to their canonical form on the way.
    public static func validate(_ doc: CatalogueDocument) -> [CatalogueProblem] {
        var problems: [CatalogueProblem] = []
        func add(_ path: String, _ reason: CatalogueProblem.Reason) {
            problems.append(CatalogueProblem(path: path, reason))
        }

        func checkIDs(_ ids: [String], _ kind: String) -> Set<String> {
            var seen: [String: Int] = [:]
            for (i, id) in ids.enumerated() where !id.isEmpty {
                if !isSlug(id) { add("\(kind)[\(i)].id", .invalidID(id)) }
                if let first = seen[id] {
                    add("\(kind)[\(i)].id", .idUsedBy(id: id, other: "\(kind)[\(first)]"))
                } else {
                    seen[id] = i
                }
            }
            return Set(seen.keys)
        }
        let bodyIDs = checkIDs(doc.bodies.map(\.id), "bodies")
        let areaIDs = checkIDs(doc.areas.map(\.id), "areas")
        let commissionAreaIDs = checkIDs(doc.commissionAreas.map(\.id), "commissionAreas")
        let reportIDs = checkIDs(doc.reports.map(\.id), "reports")

        func checkParents(_ items: [(id: String, parent: String?)], _ kind: String, _ ids: Set<String>) {
            let parentOf = Dictionary(items.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
            for (i, item) in items.enumerated() {
                guard let p = item.parent else { continue }
                if !ids.contains(p) {
                    add("\(kind)[\(i)].parent", .noSuchObject(kind == "bodies" ? .body : .area, id: p))
                    continue
                }
                var seen: Set<String> = [item.id]
                var cur: String? = p
                while let c = cur {
                    if seen.contains(c) {
                        add("\(kind)[\(i)].parent", .parentLoop(c))
                        break
                    }
                    seen.insert(c)
                    cur = parentOf[c] ?? nil
                }
            }
        }
        checkParents(doc.bodies.map { ($0.id, $0.parent) }, "bodies", bodyIDs)
        checkParents(doc.areas.map { ($0.id, $0.parent) }, "areas", areaIDs)
        for (i, b) in doc.bodies.enumerated() {
            if let f = b.validFrom, let t = b.validTo, t < f {
                add("bodies[\(i)].validTo", .beforeValidFrom(to: t.description, from: f.description))
            }
        }
        var areaCodes: [String: Int] = [:]
        for (i, a) in doc.areas.enumerated() {
            if let f = a.validFrom, let t = a.validTo, t < f {
                add("areas[\(i)].validTo", .beforeValidFrom(to: t.description, from: f.description))
            }
            if let c = a.code {
                let key = "\(a.kind.rawValue)|\(c)"
                if let first = areaCodes[key] {
                    add("areas[\(i)].code", .areaCodeUsed(code: c, other: "areas[\(first)]"))
                } else {
                    areaCodes[key] = i
                }
            }
        }
        var letters: [String: Int] = [:]
        for (i, r) in doc.reports.enumerated() {
            if let link = r.link, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
                // Shown as a link on the report page: only web addresses, never javascript: and the like.
                add("reports[\(i)].link", .notAWebAddress)
            }
            if let ca = r.commissionArea, !commissionAreaIDs.contains(ca) {
                add("reports[\(i)].commissionArea", .noSuchObject(.commissionArea, id: ca))
            }
            if let l = r.letter {
                if let first = letters[l] {
                    add("reports[\(i)].letter", .letterUsed(letter: l, other: "reports[\(first)]"))
                } else {
                    letters[l] = i
                }
            }
            var numbers: Set<Int> = []
            for (j, c) in (r.chapters ?? []).enumerated() where !numbers.insert(c.number).inserted {
                add("reports[\(i)].chapters[\(j)].number", .chapterTwice(c.number))
            }
        }

        var strategyIDs: Set<String> = []
        if let roadmap = doc.roadmap {
            if roadmap.vision.title.isEmpty { add("roadmap.vision.title", .required) }
            var targetIDs: Set<String> = []
            var milestoneIDs: Set<String> = []
            for (i, t) in roadmap.targetAreas.enumerated() {
                if !isSlug(t.id) { add("roadmap.targetAreas[\(i)].id", .invalidID(t.id)) }
                if !targetIDs.insert(t.id).inserted { add("roadmap.targetAreas[\(i)].id", .usedTwice(t.id)) }
                var numerals: Set<String> = []
                for (j, s) in t.strategies.enumerated() {
                    if !isSlug(s.id) { add("roadmap.targetAreas[\(i)].strategies[\(j)].id", .invalidID(s.id)) }
                    if !strategyIDs.insert(s.id).inserted {
                        add("roadmap.targetAreas[\(i)].strategies[\(j)].id", .usedTwice(s.id))
                    }
                    if !numerals.insert(s.numeral).inserted {
                        add("roadmap.targetAreas[\(i)].strategies[\(j)].numeral", .numeralUsedTwice(s.numeral))
                    }
                }
                for (j, m) in (t.milestones ?? []).enumerated() {
                    if !isSlug(m.id) { add("roadmap.targetAreas[\(i)].milestones[\(j)].id", .invalidID(m.id)) }
                    if !milestoneIDs.insert(m.id).inserted {
                        add("roadmap.targetAreas[\(i)].milestones[\(j)].id", .usedTwice(m.id))
                    }
                }
            }
        }

        let reportsByID = Dictionary(doc.reports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var codesSeen: [String: Int] = [:]
        for (i, m) in doc.measures.enumerated() where !m.report.isEmpty {
            let path = "measures[\(i)]"
            guard reportIDs.contains(m.report), let report = reportsByID[m.report] else {
                add("\(path).report", .noSuchObject(.report, id: m.report))
                continue
            }
            switch canonicalCode(m.code, in: report) {
            case .failure(let p): add("\(path).code", p.reason)
            case .success(let code):
                let key = "\(m.report)|\(code.canonical)"
                if let first = codesSeen[key] {
                    add(
                        "\(path).code",
                        .measureCodeUsed(code: code.canonical, report: m.report, other: "measures[\(first)]"))
                } else {
                    codesSeen[key] = i
                }
            }
            func checkRef(_ ref: String, _ p: String) {
                guard let r = BodyRef(ref) else {
                    add(
                        p,
                        .unknownGroup(
                            ref,
                            groups: BodyGroup.allCases.map { BodyGroup.prefix + $0.rawValue }.joined(separator: ", ")))
                    return
                }
                if case .body(let id) = r, !bodyIDs.contains(id) { add(p, .noSuchObject(.body, id: id)) }
            }
            if let l = m.leadBody { checkRef(l, "\(path).leadBody") }
            var refs: Set<String> = Set([m.leadBody].compactMap { $0 })
            for (j, r) in (m.jointLeadBodies ?? []).enumerated() {
                checkRef(r, "\(path).jointLeadBodies[\(j)]")
                if !refs.insert(r).inserted { add("\(path).jointLeadBodies[\(j)]", .namedTwiceForMeasure(r)) }
            }
            for (j, r) in (m.collaboratingBodies ?? []).enumerated() {
                checkRef(r, "\(path).collaboratingBodies[\(j)]")
                if !refs.insert(r).inserted { add("\(path).collaboratingBodies[\(j)]", .namedTwiceForMeasure(r)) }
            }
            var strategiesSeen: Set<String> = []
            for (j, s) in (m.strategies ?? []).enumerated() {
                if !strategyIDs.contains(s) { add("\(path).strategies[\(j)]", .noSuchObject(.strategy, id: s)) }
                if !strategiesSeen.insert(s).inserted { add("\(path).strategies[\(j)]", .namedTwice(s)) }
            }
        }
        return problems
    }

    /// The canonical code of a measure as written in a catalogue file: the variants real
    /// documents use are accepted; a letter that contradicts the report's letter is not.
    public static func canonicalCode(_ written: String, in report: ReportRecord) -> Result<
        MeasureCode, CatalogueProblem
    > {
        guard let code = MeasureCode.parse(written) else {
            return .failure(CatalogueProblem(path: "", .notAMeasureCode(written)))
        }
        switch (code.letter, report.letter) {
        case let (l?, r?) where l != r:
            return .failure(
                CatalogueProblem(
                    path: "",
                    .letterMismatch(code: code.canonical, letter: String(l), report: report.id, reportLetter: String(r))
                ))
        case (_?, nil):
            return .failure(
                CatalogueProblem(path: "", .letterWithoutReportLetter(code: code.canonical, report: report.id)))
        case (nil, let r?):
            return .success(code.withLetter(r))
        default:
            return .success(code)
        }
    }

    /// Ids are used in addresses, so they are restricted to what reads well there.
    public static func isSlug(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 120
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !s.hasPrefix("-") && !s.hasSuffix("-")
    }
}

/// Roman numerals as the roadmap numbers its strategies (I–VI, and beyond if needed).
public enum RomanNumeral {
    public static func value(_ s: String) -> Int? {
        let map: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        let chars = Array(s.uppercased())
        guard !chars.isEmpty, chars.allSatisfy({ map[$0] != nil }) else { return nil }
        var total = 0
        for (i, c) in chars.enumerated() {
            let v = map[c]!
            if i + 1 < chars.count, let next = map[chars[i + 1]], next > v { total -= v } else { total += v }
        }
        // Reject non-canonical forms such as IIII or VX by writing the value back.
        return string(total) == s.uppercased() ? total : nil
    }

    public static func string(_ n: Int) -> String {
        guard n > 0 else { return "" }
        let table: [(Int, String)] = [
            (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var n = n
        var out = ""
        for (v, s) in table {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }
}
