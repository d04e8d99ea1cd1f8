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
        let bodyLang: String
        let position: String
        let cls: String
        let alreadyWorks: String?
        let prerequisites: String?
        let text: String?
        // Leaf tests a Bool as it is but converts any other value through a table it rebuilds for
        // every test: with thousands of positions on a page, the template tests these.
        let hasAlreadyWorks: Bool, hasPrerequisites: Bool, hasText: Bool
        init(
            body: LocalText, position: String, cls: String, alreadyWorks: String?, prerequisites: String?,
            text: String?
        ) {
            self.body = body.text
            self.bodyLang = body.lang
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
        let titleLang: String
        let href: String
        /// The positions in the order of the columns, one list per group of bodies (kind of body).
        let cellGroups: [[Cell]]
        let counts: [String]  // text, not numbers: Leaf converts every number it prints slowly
        /// The bodies that have not answered the measure though they must, each in its own language.
        let missing: [LocalText]
        let hasMissing: Bool
        let details: [Detail]
    }
    /// A body's column: its abbreviation (förkortning) heads the column, its full name is in the
    /// key below the table and is what a screen reader reads.
    struct BodyColumn: Encodable, Sendable {
        let short: String
        let name: String
        let lang: String
    }
    /// The columns of one kind of body (committees, district councils, companies, others).
    struct ColumnGroup: Encodable, Sendable {
        let label: String
        let span: String
        let columns: [BodyColumn]
    }
    let title: String
    /// The round's title is Swedish user content, marked so on English pages.
    let titleLang: String
    let roundLink: String
    let printLink: String
    let groups: [ColumnGroup]
    /// The count columns' headers: the mark of each position, its name for screen readers and in `title`.
    let positions: [Cell]
    let rows: [Row]
    let csvExcel: String
    let csvPlain: String
    let legend: [Cell]
    /// The language of what bodies wrote (prerequisites, comments): Swedish.
    let contentLang: String
    /// The standard questions' answers; nil for a round without questions.
    let questions: QuestionsPart?

    static let marks: [PositionKind: String] = [
        .supports: "+", .supportsWithReservations: "(+)", .opposes: "−", .noOpinion: "0",
    ]

    /// The distribution list as columns: grouped by kind of body, each body abbreviated.
    /// `order` gives the positions in the distribution list in column order.
    struct Columns {
        let groups: [BodyColumnGroup]
        let columns: [BodyColumn]
        let order: [Int]
        let names: [LocalText]

        init(_ round: ReferralDocument.Round, _ index: CatalogueIndex, _ lang: Lang) {
            let records = round.recipients.map { index.bodyByID[$0.body] }
            names = zip(round.recipients, records).map { scope, record in
                record.map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: scope.body, lang: "sv")
            }
            // Abbreviations are made from the Swedish names, in both languages: "SN", "RK".
            let shorts = BodyColumns.abbreviations(
                zip(round.recipients, records).map { scope, record in
                    (name: record?.name ?? scope.body, shortName: record?.shortName)
                })
            columns = zip(shorts, names).map { BodyColumn(short: $0, name: $1.text, lang: $1.lang) }
            groups = BodyColumns.groups(records.map { $0?.kind })
            order = groups.flatMap(\.members)
        }

        /// The groups' headers: `parts` as cut for paper, or the whole groups on screen.
        func headers(_ parts: [BodyColumnGroup], _ texts: Texts) -> [ColumnGroup] {
            parts.map { group in
                var label = CompilationPage.label(group.kind, texts)
                if group.parts > 1 {
                    label += " (" + Strings.fill(texts[.partOf], "\(group.part)", "\(group.parts)") + ")"
                }
                return ColumnGroup(
                    label: label, span: "\(group.members.count)", columns: group.members.map { columns[$0] })
            }
        }
    }

    static func label(_ kind: BodyColumnGroup.Kind, _ texts: Texts) -> String {
        switch kind {
        case .committees: texts.plural(.specialistCommittee)
        case .districtCouncils: texts.plural(.districtCouncil)
        case .companies: texts.plural(.companyBoard)
        case .others: texts[.otherBodies]
        }
    }

    /// The seven kinds of cell, made once per page.
    struct Cells {
        let positions: [PositionKind: Cell]
        let missing: Cell
        let open: Cell
        let none: Cell

        init(_ texts: Texts) {
            positions = Dictionary(
                uniqueKeysWithValues: PositionKind.allCases.map {
                    ($0, Cell(mark: marks[$0] ?? "", label: texts.label($0), cls: $0.rawValue))
                })
            missing = Cell(mark: "!", label: texts[.requiredMissing], cls: "missing")
            open = Cell(mark: "·", label: texts[.notAnswered], cls: "open")
            none = Cell(mark: "", label: texts[.notAsked], cls: "none")
        }

        func cell(_ cell: Compilation.Cell) -> Cell {
            if let entry = cell.entry, let positionCell = positions[entry.position] { return positionCell }
            if cell.required { return missing }
            return cell.inScope ? open : none
        }

        var legend: [Cell] { PositionKind.allCases.compactMap { positions[$0] } + [missing, open] }
    }

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: LoadedRound) -> PageContext<CompilationPage> {
        let s = Texts(lang)
        let c = data.compilation(index, today: today())
        let measures = index.measureByPublicID
        let columns = Columns(data.round, index, lang)
        let cells = Cells(s)
        let bodyIndex = Dictionary(
            data.round.recipients.enumerated().map { ($1.body, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = c.rows.map { row -> Row in
            let m = measures[row.measure]
            let title = m.map { lang.pick($0.title, $0.titleEn) } ?? LocalText(text: "", lang: lang.rawValue)
            let details = columns.order.compactMap { column -> Detail? in
                guard row.cells.indices.contains(column), let e = row.cells[column].entry else { return nil }
                return Detail(
                    body: columns.names[column], position: s.label(e.position), cls: e.position.rawValue,
                    alreadyWorks: e.alreadyWorks.map { $0 ? s[.alreadyWorksYes] : s[.alreadyWorksNo] },
                    prerequisites: e.prerequisites, text: e.text)
            }
            let missing = row.missingRequired.map { body in
                bodyIndex[body].map { columns.names[$0] } ?? LocalText(text: bodyName(body, index, lang), lang: "sv")
            }
            return Row(
                code: m?.code ?? row.measure, title: title.text, titleLang: title.lang,
                href: SiteURL.Catalogue.measure(.value(row.measure)).link(lang),
                cellGroups: columns.groups.map { group in
                    group.members.compactMap { row.cells.indices.contains($0) ? cells.cell(row.cells[$0]) : nil }
                },
                counts: PositionKind.allCases.map { "\(row.counts[$0] ?? 0)" },
                missing: missing, hasMissing: !missing.isEmpty, details: details)
        }
        let base = SiteURL.Referrals.compilationCSV(.value(data.round.id)).path
        let page = CompilationPage(
            title: data.round.title, titleLang: "sv",
            roundLink: SiteURL.Referrals.round(.value(data.round.id)).link(lang),
            printLink: SiteURL.Referrals.compilationPrint(.value(data.round.id)).link(lang),
            groups: columns.headers(columns.groups, s),
            positions: PositionKind.allCases.compactMap { cells.positions[$0] }, rows: rows,
            csvExcel: base + "?variant=excel", csvPlain: base,
            legend: cells.legend, contentLang: "sv", questions: QuestionsPart.build(data, index, lang))
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
