import Foundation
import LeafKit
import SkillnadCore

/// Today in Stockholm, for deadlines.
func today() -> Day { Day(day(Date())) ?? .epoch }

func bodyName(_ id: String, _ index: CatalogueIndex, _ lang: Lang) -> String {
    index.bodyByID[id].map { lang.pick($0.name, $0.nameEn).text } ?? id
}

/// Every referral round, newest first.
struct ReferralsPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let sender: String
        let sentOn: String
        let deadline: String
        let reports: [String]
        let answered: String
        let open: Bool
    }
    let rows: [Row]
    let newLink: String
    let calendarLink: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, rounds: [(round: ReferralDocument.Round, id: UUID)],
                      counts: [UUID: (final: Int, all: Int)]) -> PageContext<ReferralsPage> {
        let s = Strings.table(lang)
        let now = today()
        let rows = rounds.map { r, id in
            Row(title: r.title, href: SiteURL.referral(.value(r.id)).link(lang), sender: bodyName(r.sender, index, lang),
                sentOn: r.sentOn.description, deadline: r.deadline.description,
                reports: r.reports.map { index.reportByID[$0]?.title ?? $0 },
                answered: Strings.fill(s["answeredOf"], "\(counts[id]?.final ?? 0)", "\(r.recipients.count)"), open: r.deadline >= now)
        }
        let meta = PageMeta.make(lang, title: s["referrals"]!, description: s["referralsIntro"]!, section: .referrals, route: .referrals)
        return PageContext(meta: meta, t: s, page: ReferralsPage(rows: rows, newLink: SiteURL.newReferral.link(lang), calendarLink: SiteURL.calendar.path))
    }
}

/// One round: what was sent to whom, the deadlines, and where each body's answer is.
struct ReferralPage: Encodable, Sendable {
    struct Recipient: Encodable, Sendable {
        let name: String
        let href: String
        let scope: String
        let status: String
        let statusClass: String
        let late: Bool
        let missing: String?
    }
    struct Deadline: Encodable, Sendable { let deadline: String; let changed: String; let reason: String? }
    let title: String
    let sender: String
    let senderDiaryNumber: String?
    let sentOn: String
    let deadline: String
    let reports: [Link]
    let questions: [String]
    let deadlines: [Deadline]
    let recipients: [Recipient]
    let compilationLink: String
    let editLink: String
    let note: String?
    let counts: [Count]

    struct Link: Encodable, Sendable { let label: String; let href: String }
    struct Count: Encodable, Sendable { let label: String; let value: Int }

    /// A recipient's status as the public sees it: submitted, declined, pending (a draft or a
    /// decision not yet sent) or none.
    static func publicStatus(_ st: Compilation.RecipientStatus) -> String {
        guard let status = st.status else { return "none" }
        return status.isFinal ? status.rawValue : "pending"
    }

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: RoundData) -> PageContext<ReferralPage> {
        let s = Strings.table(lang)
        let r = data.round
        let compilation = data.compilation(index, today: today())
        func code(_ id: String) -> String { index.measureByPublicID[id]?.code ?? id }
        func reportTitle(_ id: String) -> String { index.reportByID[id]?.title ?? id }
        let recipients = zip(r.recipients, compilation.recipients).map { scope, st -> Recipient in
            var parts: [String] = []
            if !scope.commentReports.isEmpty {
                let titles: [String] = scope.commentReports.map(reportTitle)
                parts.append(s["scopeReports"]! + ": " + titles.joined(separator: ", "))
            }
            if !scope.required.isEmpty { parts.append(s["scopeRequired"]! + ": " + scope.required.map(code).joined(separator: ", ")) }
            if !scope.invited.isEmpty { parts.append(s["scopeInvited"]! + ": " + scope.invited.map(code).joined(separator: ", ")) }
            // The page is public: an answer not yet submitted or declined is "pending", as in the API.
            let status = st.answeredBy.map { Strings.fill(s["answeredJointly"], bodyName($0, index, lang)) }
                ?? s["answer_\(publicStatus(st))"] ?? ""
            return Recipient(name: bodyName(scope.body, index, lang), href: SiteURL.referralAnswer(.value(r.id), .value(scope.body)).link(lang),
                             scope: parts.joined(separator: "; "), status: status,
                             statusClass: st.answeredBy != nil ? "submitted" : publicStatus(st), late: st.late,
                             missing: st.missingRequired.isEmpty || st.status == nil ? nil
                                : s["missingRequired"]! + ": " + st.missingRequired.map(code).joined(separator: ", "))
        }
        let byStatus = Dictionary(grouping: compilation.recipients) { $0.answeredBy != nil ? "submitted" : publicStatus($0) }
        let counts = ["submitted", "declined", "pending", "none"].map { Count(label: s["answer_\($0)"] ?? $0, value: byStatus[$0]?.count ?? 0) }
            + [Count(label: s["late"]!, value: compilation.recipients.filter(\.late).count)]
        let page = ReferralPage(
            title: r.title, sender: bodyName(r.sender, index, lang), senderDiaryNumber: r.senderDiaryNumber, sentOn: r.sentOn.description,
            deadline: r.deadline.description,
            reports: r.reports.map { id in Link(label: index.reportByID[id]?.title ?? id, href: SiteURL.report(.value(id)).link(lang)) },
            questions: r.questions,
            deadlines: data.deadlines.map { Deadline(deadline: $0.deadline, changed: "\(day($0.changedAt)) (\($0.changedBy))", reason: $0.reason) },
            recipients: recipients, compilationLink: SiteURL.referralCompilation(.value(r.id)).link(lang),
            editLink: SiteURL.editReferral(.value(r.id)).link(lang), note: r.note, counts: counts)
        let meta = PageMeta.make(lang, title: r.title, description: r.title, section: .referrals, route: .referral(.value(r.id)),
                                 crumbs: [(s["referrals"]!, .referrals)])
        return PageContext(meta: meta, t: s, page: page)
    }
}

/// The compilation (sammanställning): measures × bodies with each position, counts, and every
/// position's prerequisites and text under its measure. Printable.
struct CompilationPage: Encodable, Sendable {
    /// One of seven kinds of matrix cell, built once per page and handed to Leaf ready-made:
    /// the matrix of a city-scale round has thousands of them.
    struct Cell: Encodable, Sendable, LeafDataRepresentable {
        let mark: String; let label: String; let cls: String
        let leafData: LeafData
        init(mark: String, label: String, cls: String) {
            self.mark = mark; self.label = label; self.cls = cls
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
        init(body: String, position: String, cls: String, alreadyWorks: String?, prerequisites: String?, text: String?) {
            self.body = body; self.position = position; self.cls = cls
            self.alreadyWorks = alreadyWorks; self.prerequisites = prerequisites; self.text = text
            hasAlreadyWorks = alreadyWorks != nil; hasPrerequisites = prerequisites != nil; hasText = text != nil
        }
    }
    struct Row: Encodable, Sendable {
        let code: String
        let title: String
        let href: String
        let cells: [Cell]
        let counts: [String] // text, not numbers: Leaf converts every number it prints slowly
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

    static let marks: [PositionKind: String] = [.supports: "+", .supportsWithReservations: "(+)", .opposes: "−", .noOpinion: "0"]

    static func build(_ index: CatalogueIndex, _ lang: Lang, data: RoundData) -> PageContext<CompilationPage> {
        let s = Strings.table(lang)
        let c = data.compilation(index, today: today())
        let measures = index.measureByPublicID
        let names = data.round.recipients.map { bodyName($0.body, index, lang) }
        let positionCells = Dictionary(uniqueKeysWithValues: PositionKind.allCases.map {
            ($0, Cell(mark: marks[$0] ?? "", label: s["position_\($0.rawValue)"]!, cls: $0.rawValue))
        })
        let missingCell = Cell(mark: "!", label: s["requiredMissing"]!, cls: "missing")
        let openCell = Cell(mark: "·", label: s["notAnswered"]!, cls: "open")
        let noneCell = Cell(mark: "", label: s["notAsked"]!, cls: "none")
        let rows = c.rows.map { row -> Row in
            let m = measures[row.measure]
            let cells = row.cells.map { cell -> Cell in
                if let e = cell.entry, let positionCell = positionCells[e.position] { return positionCell }
                if cell.required { return missingCell }
                return cell.inScope ? openCell : noneCell
            }
            let details = zip(row.cells, names).compactMap { cell, name -> Detail? in
                guard let e = cell.entry else { return nil }
                return Detail(body: name, position: s["position_\(e.position.rawValue)"]!, cls: e.position.rawValue,
                              alreadyWorks: e.alreadyWorks.map { $0 ? s["alreadyWorksYes"]! : s["alreadyWorksNo"]! },
                              prerequisites: e.prerequisites, text: e.text)
            }
            return Row(code: m?.code ?? row.measure, title: m.map { lang.pick($0.title, $0.titleEn).text } ?? "",
                       href: SiteURL.measure(.value(row.measure)).link(lang), cells: cells,
                       counts: PositionKind.allCases.map { "\(row.counts[$0] ?? 0)" },
                       missing: row.missingRequired.isEmpty ? nil : s["missingRequired"]! + ": " + row.missingRequired.map { bodyName($0, index, lang) }.joined(separator: ", "),
                       details: details)
        }
        let base = SiteURL.referralCompilationCSV(.value(data.round.id)).path
        let page = CompilationPage(title: data.round.title, roundLink: SiteURL.referral(.value(data.round.id)).link(lang), bodies: names,
                                   positions: PositionKind.allCases.map { s["position_\($0.rawValue)"]! }, rows: rows,
                                   csvExcel: base + "?variant=excel", csvPlain: base,
                                   legend: PositionKind.allCases.compactMap { positionCells[$0] } + [missingCell, openCell])
        let meta = PageMeta.make(lang, title: "\(s["compilation"]!): \(data.round.title)", description: s["compilation"]!, section: .referrals,
                                 route: .referralCompilation(.value(data.round.id)),
                                 crumbs: [(s["referrals"]!, .referrals), (data.round.title, .referral(.value(data.round.id)))])
        return PageContext(meta: meta, t: s, page: page)
    }
}
