import Foundation
import LeafKit
import SkillnadCore

func bodyName(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> String {
    localBodyName(id, index, lang).text
}

/// A body's name in the reader's language, with the language it is in; the id, as Swedish, for
/// a body the catalogue does not know.
func localBodyName(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> LocalText {
    index.bodyByID[id].map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: id, lang: "sv")
}

/// Pieces several pages show the same way: a body named in a measure, a measure in a list,
/// a period of validity.
struct BodyLink: Encodable, Sendable {
    let name: LocalText
    let href: String?
    /// For a group: which bodies it stands for, or nil where the source leaves it open.
    let members: [BodyLink]?
    let isGroup: Bool
    let openGroup: Bool

    static func make(_ ref: String, index: CatalogueIndex, year: Int, lang: Lang, expandGroups: Bool = false)
        -> BodyLink
    {
        switch BodyRef(ref) {
        case .group(let g)?:
            let members =
                expandGroups && g.memberKinds != nil
                ? index.members(of: g, year: year).map { make($0.id, index: index, year: year, lang: lang) } : nil
            return BodyLink(
                name: LocalText(text: Texts(lang).label(g), lang: lang.rawValue),
                href: nil, members: members, isGroup: true, openGroup: g.memberKinds == nil)
        case .body(let id)?:
            if let b = index.bodyByID[id] {
                return BodyLink(
                    name: lang.pick(b.name, b.nameEn), href: SiteURL.Catalogue.body(.value(b.id)).link(lang),
                    members: nil,
                    isGroup: false, openGroup: false)
            }
            return BodyLink(
                name: LocalText(text: id, lang: "sv"), href: nil, members: nil, isGroup: false, openGroup: false)
        case nil:
            return BodyLink(
                name: LocalText(text: ref, lang: "sv"), href: nil, members: nil, isGroup: false, openGroup: false)
        }
    }
}
