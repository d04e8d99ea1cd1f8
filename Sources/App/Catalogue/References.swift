import Fluent
import SkillnadCore
import Vapor

/// What refers to an object, so that deleting it can be refused with an explanation rather
/// than cascading.
enum References {
    static func of(_ kind: EditKind, id: String, in index: CatalogueIndex, lang: Lang) -> [String] {
        switch kind {
        case .body:
            let measures = index.document.measures.filter { m in
                ([m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? []) + (m.collaboratingBodies ?? [])).contains(
                    id)
            }.map { "\(Texts(lang)[.measure]) \($0.code) (\(index.reportByID[$0.report]?.title ?? $0.report))" }
            let children = (index.childBodies[id] ?? []).map { "\(Texts(lang)[.childBodies]): \($0.name)" }
            return measures + children
        case .area:
            return (index.childAreas[id] ?? []).map { "\(Texts(lang)[.childAreas]): \($0.name)" }
        case .report:
            return (index.measuresByReport[id] ?? []).map { "\(Texts(lang)[.measure]) \($0.code): \($0.title)" }
        case .measure:
            let m = index.document.measures.first { $0.publicID == id }
            return m.map { index.children(of: $0).map { "\(Texts(lang)[.childMeasures]): \($0.code)" } } ?? []
        }
    }
}
