import Foundation
import SkillnadCore
import Vapor

/// One field of an edit form, ready for the generic `edit` template: the label, what was typed
/// or stored, and the problem with it, if any.
struct FormField: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let name: String
    let id: String
    let label: String
    /// `text`, `textarea`, `select`, `multiselect`, `date`, `number`, `url`, `readonly`.
    let kind: String
    let value: String
    let options: [Option]
    let error: String?
    let hint: String?
    let required: Bool
}

/// The edit (or create) page of a catalogue object, and the conflict page when someone saved
/// in between: then both versions are shown and the form, holding what the editor typed, is
/// based on the newer version so that saving again keeps the merge.
struct EditPage: Encodable, Sendable {
    struct Difference: Encodable, Sendable {
        let label: String
        let saved: String
        let yours: String
    }

    let heading: String
    let action: String
    let csrf: String
    let version: Int?
    let fields: [FormField]
    let errors: [String]
    let conflict: [Difference]?
    let conflictText: String?
    let deleteAction: String?
    let cancelHref: String
}

/// Form values, as typed, by field name; multi-selects give several.
typealias FormValues = [String: [String]]

extension FormValues {
    func one(_ key: String) -> String { (self[key]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// The fields of each kind of object: how a stored record becomes form values and back.
enum EditForms {
    static func values(_ kind: EditKind, id: String, in doc: CatalogueDocument) -> FormValues? {
        func v(_ s: String?) -> [String] { s.map { [$0] } ?? [] }
        switch kind {
        case .body:
            guard let b = doc.bodies.first(where: { $0.id == id }) else { return nil }
            return [
                "id": [b.id], "name": [b.name], "nameEn": v(b.nameEn), "shortName": v(b.shortName),
                "kind": [b.kind.rawValue],
                "parent": v(b.parent), "validFrom": v(b.validFrom?.description), "validTo": v(b.validTo?.description),
                "note": v(b.note),
            ]
        case .area:
            guard let a = doc.areas.first(where: { $0.id == id }) else { return nil }
            return [
                "id": [a.id], "name": [a.name], "nameEn": v(a.nameEn), "kind": [a.kind.rawValue], "code": v(a.code),
                "parent": v(a.parent),
                "validFrom": v(a.validFrom?.description), "validTo": v(a.validTo?.description),
                "aliases": [(a.aliases ?? []).joined(separator: "\n")],
            ]
        case .report:
            guard let r = doc.reports.first(where: { $0.id == id }) else { return nil }
            return [
                "id": [r.id], "title": [r.title], "subtitle": v(r.subtitle), "year": [String(r.year)],
                "letter": v(r.letter),
                "commissionArea": v(r.commissionArea), "link": v(r.link), "summary": v(r.summary),
                "chapters": [(r.chapters ?? []).map { "\($0.number): \($0.title)" }.joined(separator: "\n")],
            ]
        case .measure:
            guard let m = doc.measures.first(where: { $0.publicID == id }) else { return nil }
            return [
                "report": [m.report], "code": [m.code], "title": [m.title], "titleEn": v(m.titleEn),
                "description": v(m.description),
                "leadBody": v(m.leadBody), "jointLeadBodies": m.jointLeadBodies ?? [],
                "collaboratingBodies": m.collaboratingBodies ?? [],
                "strategies": m.strategies ?? [],
            ]
        }
    }

    /// The object as JSON for `CatalogueReader.readObject`, which checks types and fields.
    /// Empty fields are left out; problems that need the form's own words (a year that is not
    /// a number, a chapter line without a number) are returned by field.
    /// A field the form itself cannot read, before the catalogue's checks.
    enum FieldProblem: WordedProblem {
        case notAYear
        case chapterLine(Int)

        func text(_ texts: Texts) -> String {
            switch self {
            case .notAYear: texts[.problemNotAYear]
            case .chapterLine(let line): Strings.fill(texts[.problemChapterLine], String(line))
            }
        }
    }

    static func object(_ kind: EditKind, from form: FormValues, fixedID: String?) -> (JSONValue, [String: FieldProblem])
    {
        var o: [String: JSONValue] = [:]
        var problems: [String: FieldProblem] = [:]
        func text(_ key: String) {
            let s = form.one(key)
            if !s.isEmpty { o[key] = .string(s) }
        }
        func list(_ key: String) {
            let l = (form[key] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !l.isEmpty { o[key] = .array(l.map { .string($0) }) }
        }
        func lines(_ key: String) -> [String] {
            form.one(key).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        }
        switch kind {
        case .body:
            for k in ["id", "name", "nameEn", "shortName", "kind", "parent", "validFrom", "validTo", "note"] { text(k) }
        case .area:
            for k in ["id", "name", "nameEn", "kind", "code", "parent", "validFrom", "validTo"] { text(k) }
            let a = lines("aliases")
            if !a.isEmpty { o["aliases"] = .array(a.map { .string($0) }) }
        case .report:
            for k in ["id", "title", "subtitle", "letter", "commissionArea", "link", "summary"] { text(k) }
            let y = form.one("year")
            if let n = Int(y) { o["year"] = .number(Double(n)) } else if !y.isEmpty { problems["year"] = .notAYear }
            var chapters: [JSONValue] = []
            for (i, line) in lines("chapters").enumerated() {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let n = Int(parts[0]), !parts[1].isEmpty {
                    chapters.append(.object(["number": .number(Double(n)), "title": .string(parts[1])]))
                } else {
                    problems["chapters"] = .chapterLine(i + 1)
                }
            }
            if !chapters.isEmpty { o["chapters"] = .array(chapters) }
        case .measure:
            for k in ["report", "code", "title", "titleEn", "description", "leadBody"] { text(k) }
            for k in ["jointLeadBodies", "collaboratingBodies", "strategies"] { list(k) }
        }
        if let fixedID {
            switch kind {
            case .measure: break  // report and code are shown read-only and sent back unchanged
            default: o["id"] = .string(fixedID)
            }
        }
        return (.object(o), problems)
    }

    /// The fields to show, filled with `values`, with `errors` by field name.
    static func fields(
        _ kind: EditKind, values: FormValues, errors: [String: String], creating: Bool,
        index: CatalogueIndex, lang: Lang
    ) -> [FormField] {
        let s = Texts(lang)
        func field(
            _ name: String, _ type: String, required: Bool = false, options: [(String, String)] = [],
            hint: String? = nil
        ) -> FormField {
            let current = values[name] ?? []
            return FormField(
                name: type == "multiselect" ? name + "[]" : name, id: "f-" + name, label: s.fieldLabel(name),
                kind: type,
                value: current.joined(separator: "\n"),
                options: options.map { FormField.Option(value: $0.0, label: $0.1, selected: current.contains($0.0)) },
                error: errors[name], hint: hint, required: required)
        }
        let none = [("", s[.none])]
        let bodies = index.document.bodies.sorted { $0.name < $1.name }.map { ($0.id, $0.name) }
        let groups = BodyGroup.allCases.map { (BodyGroup.prefix + $0.rawValue, "— " + s.label($0)) }
        let idField = creating ? field("id", "text", hint: s[.hintId]) : field("id", "readonly")
        switch kind {
        case .body:
            return [
                idField, field("name", "text", required: true), field("nameEn", "text"), field("shortName", "text"),
                field("kind", "select", required: true, options: BodyKind.allCases.map { ($0.rawValue, s.label($0)) }),
                field("parent", "select", options: none + bodies), field("validFrom", "date", hint: s[.hintDate]),
                field("validTo", "date", hint: s[.hintDate]), field("note", "textarea"),
            ]
        case .area:
            return [
                idField, field("name", "text", required: true), field("nameEn", "text"),
                field("kind", "select", required: true, options: AreaKind.allCases.map { ($0.rawValue, s.label($0)) }),
                field("code", "text"),
                field(
                    "parent", "select",
                    options: none + index.document.areas.sorted { $0.name < $1.name }.map { ($0.id, $0.name) }),
                field("validFrom", "date", hint: s[.hintDate]), field("validTo", "date", hint: s[.hintDate]),
                field("aliases", "textarea", hint: s[.hintLines]),
            ]
        case .report:
            return [
                idField, field("title", "text", required: true), field("subtitle", "text"),
                field("year", "number", required: true),
                field("letter", "text", hint: s[.hintLetter]),
                field(
                    "commissionArea", "select",
                    options: none + index.document.commissionAreas.map { ($0.id, lang.pick($0.name, $0.nameEn).text) }),
                field("link", "url"), field("summary", "textarea"),
                field("chapters", "textarea", hint: s[.hintChapters]),
            ]
        case .measure:
            let strategies = (index.document.roadmap?.targetAreas ?? []).flatMap { t in
                t.strategies.map {
                    (
                        $0.id,
                        "\(lang.pick(t.name, t.nameEn).text) \($0.numeral): \(lang.pick($0.title, $0.titleEn).text)"
                    )
                }
            }
            return [
                creating
                    ? field(
                        "report", "select", required: true, options: index.document.reports.map { ($0.id, $0.title) })
                    : field("report", "readonly"),
                creating ? field("code", "text", required: true, hint: s[.hintCode]) : field("code", "readonly"),
                field("title", "text", required: true), field("titleEn", "text"), field("description", "textarea"),
                field("leadBody", "select", options: none + groups + bodies),
                field("jointLeadBodies", "multiselect", options: groups + bodies),
                field("collaboratingBodies", "multiselect", options: groups + bodies),
                field("strategies", "multiselect", options: strategies),
            ]
        }
    }

    /// A stored value shown on the conflict page.
    static func display(_ values: [String]) -> String { values.joined(separator: ", ") }
}
