import Foundation
import SkillnadCore

/// The compilation for paper (utskriftsversion), which the city executive office attaches to the
/// budget documents: A4 landscape, the counts per measure first, then the positions in tables of
/// at most `columnsPerTable` bodies of one kind each, then every prerequisite and comment. Every
/// table's first column is the measure, and its header repeats on every printed page.
struct CompilationPrintPage: Encodable, Sendable {
    /// At most this many body columns in one table: ten columns of about 19 mm and the measure
    /// column fill the 273 mm between the margins of an A4 sheet in landscape.
    static let columnsPerTable = 10

    struct Table: Encodable, Sendable {
        let id: String
        let caption: String
        let span: String
        let columns: [CompilationPage.BodyColumn]
        let rows: [Row]
    }
    struct Row: Encodable, Sendable {
        let code: String
        let title: String
        let titleLang: String
        let cells: [CompilationPage.Cell]
    }
    struct CountRow: Encodable, Sendable {
        let code: String
        let title: String
        let titleLang: String
        let counts: [String]
        let missing: [LocalText]
        let hasMissing: Bool
    }
    /// One body's position on one measure, with what it wrote.
    struct DetailRow: Encodable, Sendable {
        let code: String
        let body: String
        let bodyLang: String
        let position: String
        let alreadyWorks: String
        let prerequisites: String
        let text: String
    }

    let title: String
    let titleLang: String
    let sender: LocalText
    let senderDiaryNumber: String?
    let sentOn: String
    let deadline: String
    /// The day the server made this compilation: a cached page keeps it until an answer changes.
    let compiledOn: String
    let screenLink: String
    let legend: [CompilationPage.Cell]
    let positions: [String]
    let counts: [CountRow]
    let tables: [Table]
    let details: [DetailRow]
    let contentLang: String
    let questions: QuestionsPart?

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: LoadedRound, today day: Day)
        -> PageContext<CompilationPrintPage>
    {
        let s = Texts(lang)
        let round = data.round
        let compilation = data.compilation(index, today: day)
        let columns = CompilationPage.Columns(round, index, lang)
        let cells = CompilationPage.Cells(s)
        let bodyIndex = Dictionary(
            round.recipients.enumerated().map { ($1.body, $0) }, uniquingKeysWith: { first, _ in first })
        let titles = compilation.rows.map { row -> (code: String, title: LocalText) in
            let measure = index.measureByPublicID[row.measure]
            return (
                measure?.code ?? row.measure,
                measure.map { lang.pick($0.title, $0.titleEn) } ?? LocalText(text: "", lang: lang.rawValue)
            )
        }
        let counts = zip(compilation.rows, titles).map { row, named -> CountRow in
            let missing = row.missingRequired.map { body in
                bodyIndex[body].map { columns.names[$0] } ?? LocalText(text: body, lang: "sv")
            }
            return CountRow(
                code: named.code, title: named.title.text, titleLang: named.title.lang,
                counts: PositionKind.allCases.map { "\(row.counts[$0] ?? 0)" }, missing: missing,
                hasMissing: !missing.isEmpty)
        }
        let parts = BodyColumns.split(columns.groups, limit: columnsPerTable)
        let headers = columns.headers(parts, s)
        let tables = zip(parts, headers).enumerated().map { number, pair -> Table in
            let (part, header) = pair
            let rows = zip(compilation.rows, titles).map { row, named in
                Row(
                    code: named.code, title: named.title.text, titleLang: named.title.lang,
                    cells: part.members.compactMap { row.cells.indices.contains($0) ? cells.cell(row.cells[$0]) : nil })
            }
            return Table(
                id: "t\(number + 1)", caption: header.label, span: header.span, columns: header.columns, rows: rows)
        }
        let details = zip(compilation.rows, titles).flatMap { row, named in
            columns.order.compactMap { column -> DetailRow? in
                guard row.cells.indices.contains(column), let entry = row.cells[column].entry else { return nil }
                let body = columns.names[column]
                return DetailRow(
                    code: named.code, body: body.text, bodyLang: body.lang, position: s.label(entry.position),
                    alreadyWorks: entry.alreadyWorks.map { $0 ? s[.alreadyWorksYes] : s[.alreadyWorksNo] } ?? "",
                    prerequisites: entry.prerequisites ?? "", text: entry.text ?? "")
            }
        }
        let page = CompilationPrintPage(
            title: round.title, titleLang: "sv",
            sender: index.bodyByID[round.sender].map { lang.pick($0.name, $0.nameEn) }
                ?? LocalText(text: round.sender, lang: "sv"),
            senderDiaryNumber: round.senderDiaryNumber, sentOn: round.sentOn.description,
            deadline: round.deadline.description, compiledOn: day.description,
            screenLink: SiteURL.Referrals.compilation(.value(round.id)).link(lang), legend: cells.legend,
            positions: PositionKind.allCases.map { s.label($0) }, counts: counts, tables: tables, details: details,
            contentLang: "sv", questions: QuestionsPart.build(data, index, lang))
        let meta = PageMeta.make(
            lang, title: "\(s[.compilation]): \(round.title)", description: s[.printVersion],
            section: SiteURL.Referrals.list,
            route: SiteURL.Referrals.compilationPrint(.value(round.id)),
            crumbs: [
                (s[.referrals], SiteURL.Referrals.list),
                (round.title, SiteURL.Referrals.round(.value(round.id))),
                (s[.compilation], SiteURL.Referrals.compilation(.value(round.id))),
            ])
        return PageContext(meta: meta, t: s, page: page)
    }
}
