import Fluent
import SkillnadCore
import SQLKit
import Vapor

/// The roadmap form: plain fields for the vision and, per target area, one line per strategy
/// ("I | Swedish title | English title") and per milestone target
/// ("id | text | indicator | unit | baseline | baseline year | target | target year").
enum RoadmapForm {
    struct Area: Encodable, Sendable {
        let index: Int
        let id: String
        let name: String
        let nameEn: String
        let strategies: String
        let milestones: String
    }
    struct Page: Encodable, Sendable {
        let action: String
        let csrf: String
        let version: Int
        let errors: [String]
        let title: String
        let titleEn: String
        let year: String
        let text: String
        let areas: [Area]
        let labels: [String: String]
    }

    static let maxAreas = 12

    static func values(_ r: RoadmapRecord?) -> FormValues {
        var v: FormValues = [
            "title": [r?.vision.title ?? ""], "titleEn": [r?.vision.titleEn ?? ""],
            "year": [r?.vision.year.map(String.init) ?? ""], "text": [r?.vision.text ?? ""],
        ]
        for (i, t) in (r?.targetAreas ?? []).enumerated() {
            v["area\(i).id"] = [t.id]
            v["area\(i).name"] = [t.name]
            v["area\(i).nameEn"] = [t.nameEn ?? ""]
            v["area\(i).strategies"] = [
                t.strategies.map { [$0.numeral, $0.title, $0.titleEn ?? ""].joined(separator: " | ") }.joined(
                    separator: "\n")
            ]
            v["area\(i).milestones"] = [
                (t.milestones ?? []).map { m in
                    [
                        m.id, m.text, m.indicator ?? "", m.unit ?? "", m.baseline.map { String($0) } ?? "",
                        m.baselineYear.map(String.init) ?? "",
                        m.targetValue.map { String($0) } ?? "", m.targetYear.map(String.init) ?? "",
                    ].joined(separator: " | ")
                }.joined(separator: "\n")
            ]
        }
        return v
    }

    static func page(values: FormValues, errors: [String], version: Int, csrf: String, lang: Lang) -> Page {
        let count = (0..<maxAreas).filter { !values.one("area\($0).id").isEmpty }.count
        let areas = (0..<min(maxAreas, count + 1)).map { i in
            Area(
                index: i, id: values.one("area\(i).id"), name: values.one("area\(i).name"),
                nameEn: values.one("area\(i).nameEn"),
                strategies: values.one("area\(i).strategies"), milestones: values.one("area\(i).milestones"))
        }
        let s = Texts(lang)
        let labels = [
            "title": s[.fieldTitle], "titleEn": s[.fieldTitleEn], "year": s[.fieldYear], "text": s[.fieldDescription],
            "id": s[.fieldId], "name": s[.fieldName], "nameEn": s[.fieldNameEn],
            "hintStrategies": s[.hintStrategies], "hintMilestones": s[.hintMilestones],
        ]
        return Page(
            action: SiteURL.Catalogue.roadmapEdit.link(lang), csrf: csrf, version: version, errors: errors,
            title: values.one("title"), titleEn: values.one("titleEn"), year: values.one("year"),
            text: values.one("text"), areas: areas,
            labels: labels)
    }

    /// The roadmap as JSON for the reader, or the problems with the lines that could not be read.
    static func record(_ v: FormValues) throws -> JSONValue {
        var problems: [CatalogueProblem] = []
        func opt(_ s: String) -> JSONValue? { s.isEmpty ? nil : .string(s) }
        func number(_ s: String, _ path: String) -> JSONValue? {
            guard !s.isEmpty else { return nil }
            guard let d = Double(s.replacingOccurrences(of: ",", with: ".")) else {
                problems.append(.init(path: path, .notANumber(s)))
                return nil
            }
            return .number(d)
        }
        var vision: [String: JSONValue] = ["title": .string(v.one("title"))]
        vision["titleEn"] = opt(v.one("titleEn"))
        vision["text"] = opt(v.one("text"))
        vision["year"] = number(v.one("year"), "vision.year")
        var areas: [JSONValue] = []
        for i in 0..<maxAreas {
            let id = v.one("area\(i).id")
            if id.isEmpty { continue }
            var strategies: [JSONValue] = []
            for (n, line) in v.one("area\(i).strategies").split(whereSeparator: \.isNewline).enumerated() {
                let p = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else {
                    problems.append(.init(path: "\(id) strategies line \(n + 1)", .strategyLine))
                    continue
                }
                var s: [String: JSONValue] = [
                    "id": .string("\(id)-\(p[0].lowercased())"), "numeral": .string(p[0]), "title": .string(p[1]),
                ]
                if p.count > 2 { s["titleEn"] = opt(p[2]) }
                strategies.append(.object(s))
            }
            var milestones: [JSONValue] = []
            for (n, line) in v.one("area\(i).milestones").split(whereSeparator: \.isNewline).enumerated() {
                let p = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else {
                    problems.append(.init(path: "\(id) milestones line \(n + 1)", .milestoneLine))
                    continue
                }
                func at(_ k: Int) -> String { k < p.count ? p[k] : "" }
                var m: [String: JSONValue] = ["id": .string(p[0]), "text": .string(p[1])]
                m["indicator"] = opt(at(2))
                m["unit"] = opt(at(3))
                let where_ = "\(id) milestones line \(n + 1)"
                m["baseline"] = number(at(4), where_)
                m["baselineYear"] = number(at(5), where_)
                m["targetValue"] = number(at(6), where_)
                m["targetYear"] = number(at(7), where_)
                milestones.append(.object(m.compactMapValues { $0 }))
            }
            var area: [String: JSONValue] = [
                "id": .string(id), "name": .string(v.one("area\(i).name")), "strategies": .array(strategies),
            ]
            area["nameEn"] = opt(v.one("area\(i).nameEn"))
            if !milestones.isEmpty { area["milestones"] = .array(milestones) }
            areas.append(.object(area))
        }
        if !problems.isEmpty { throw EditProblems(problems: problems) }
        return .object(["vision": .object(vision.compactMapValues { $0 }), "targetAreas": .array(areas)])
    }
}
