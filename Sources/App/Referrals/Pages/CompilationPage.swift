import Foundation
import LeafKit
import SkillnadCore

/// The compilation (sammanställning): measures × bodies with each position, counts, and every
/// position's prerequisites and text under its measure. Printable.
struct CompilationPage: Encodable, Sendable {
    /// One of seven kinds of matrix cell, built once per page and handed to Leaf ready-made:
    /// the matrix of a city-scale round has thousands of them.
    struct Cell: Encodable, Sendable, LeafDataRepresentable {
        let mark: String
        let label: String
        let cls: String
        let leafData: LeafData
        init(mark: String, label: String, cls: String) {
            self.mark = mark
            self.label = label
            self.cls = cls
            leafData = .dictionary(["mark": .string(mark), "label": .string(label), "cls": .string(cls)])
        }
        enum CodingKeys: CodingKey { case mark, label, cls }
    }
    struct Detail: Encodable, Sendable {
        let body: String
        let position: String
        let cls: String
        let alreadyWorks: String?
        let prerequisites: String?
        let text: String?
        // Leaf tests a Bool as it is but converts any other value through a table it rebuilds for
        // every test: with thousands of positions on a page, the template tests these.
        let hasAlreadyWorks: Bool, hasPrerequisites: Bool, hasText: Bool
        init(body: String, position: String, cls: String, alreadyWorks: String?, prerequisites: String?, text: String?)
        {
            self.body = body
            self.position = position
            self.cls = cls
            self.alreadyWorks = alreadyWorks
            self.prerequisites = prerequisites
            self.text = text
            hasAlreadyWorks = alreadyWorks != nil
            hasPrerequisites = prerequisites != nil
            hasText = text != nil
        }
    }
    struct Row: Encodable, Sendable {
        let code: String
        let title: String
        let href: String
        let cells: [Cell]
        let counts: [String]  // text, not numbers: Leaf converts every number it prints slowly
        let missing: String?
        let details: [Detail]
    }
    let title: String
    let roundLink: String
    let bodies: [String]
    let positions: [String]
    let rows: [Row]
    let csvExcel: String
    let csvPlain: String
    let legend: [Cell]

    static let marks: [PositionKind: String] = [
        .supports: "+", .supportsWithReservations: "(+)", .opposes: "−", .noOpinion: "0",
    ]

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: LoadedRound) -> PageContext<CompilationPage> {
        let s = Texts(lang)
        let c = data.compilation(index, today: today())
        let measures = index.measureByPublicID
        let names = data.round.recipients.map { bodyName($0.body, index, lang) }
        let positionCells = Dictionary(
            uniqueKeysWithValues: PositionKind.allCases.map {
                ($0, Cell(mark: marks[$0] ?? "", label: s.label($0), cls: $0.rawValue))
            })
        let missingCell = Cell(mark: "!", label: s[.requiredMissing], cls: "missing")
        let openCell = Cell(mark: "·", label: s[.notAnswered], cls: "open")
        let noneCell = Cell(mark: "", label: s[.notAsked], cls: "none")
        let rows = c.rows.map { row -> Row in
            let m = measures[row.measure]
            let cells = row.cells.map { cell -> Cell in
                if let e = cell.entry, let positionCell = positionCells[e.position] { return positionCell }
                if cell.required { return missingCell }
                return cell.inScope ? openCell : noneCell
            }
            let details = zip(row.cells, names).compactMap { cell, name -> Detail? in
                guard let e = cell.entry else { return nil }
                return Detail(
                    body: name, position: s.label(e.position), cls: e.position.rawValue,
                    alreadyWorks: e.alreadyWorks.map { $0 ? s[.alreadyWorksYes] : s[.alreadyWorksNo] },
                    prerequisites: e.prerequisites, text: e.text)
            }
            return Row(
                code: m?.code ?? row.measure, title: m.map { lang.pick($0.title, $0.titleEn).text } ?? "",
                href: SiteURL.Catalogue.measure(.value(row.measure)).link(lang), cells: cells,
                counts: PositionKind.allCases.map { "\(row.counts[$0] ?? 0)" },
                missing: row.missingRequired.isEmpty
                    ? nil
                    : s[.missingRequired] + ": "
                        + row.missingRequired.map { bodyName($0, index, lang) }.joined(separator: ", "),
                details: details)
        }
        let base = SiteURL.Referrals.compilationCSV(.value(data.round.id)).path
        let page = CompilationPage(
            title: data.round.title, roundLink: SiteURL.Referrals.round(.value(data.round.id)).link(lang),
            bodies: names,
            positions: PositionKind.allCases.map { s.label($0) }, rows: rows,
            csvExcel: base + "?variant=excel", csvPlain: base,
            legend: PositionKind.allCases.compactMap { positionCells[$0] } + [missingCell, openCell])
        let meta = PageMeta.make(
            lang, title: "\(s[.compilation]): \(data.round.title)", description: s[.compilation],
            section: SiteURL.Referrals.list,
            route: SiteURL.Referrals.compilation(.value(data.round.id)),
            crumbs: [
                (s[.referrals], SiteURL.Referrals.list),
                (data.round.title, SiteURL.Referrals.round(.value(data.round.id))),
            ])
        return PageContext(meta: meta, t: s, page: page)
    }
}
