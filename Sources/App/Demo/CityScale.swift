import Fluent
import Foundation
import SkillnadCore

/// A city-sized history for benchmarks (`skillnad demo --scale city`): 40 reports with 800
/// measures, 70 bodies, 60 referral rounds, 3,000 answers and 40,000 positions, added to the demo.
/// Everything generated is named as such ("Genererad …"), so it is never mistaken for real records.
enum CityScale {
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let reports = 40, measuresPerReport = 20, extraBodies = 30, rounds = 60, answersPerRound = 50,
        positionsPerAnswer = 13

    static func load(on db: any Database) async throws -> String {
        var doc = try await CatalogueLoader.load(from: db)
        var rng = Random(state: 2026)
        if !doc.reports.contains(where: { $0.id == "genererad-rapport-1" }) {
            for b in 1...extraBodies {
                doc.bodies.append(
                    BodyRecord(id: "genererad-namnd-\(b)", name: "Genererad nämnd \(b)", kind: .specialistCommittee))
            }
            let area = doc.commissionAreas.first?.id
            for r in 1...reports {
                doc.reports.append(
                    ReportRecord(
                        id: "genererad-rapport-\(r)", title: "Genererad rapport \(r)", year: 2015 + r % 8,
                        commissionArea: area))
                for m in 0..<measuresPerReport {
                    doc.measures.append(
                        MeasureRecord(
                            report: "genererad-rapport-\(r)", code: "\(1 + m / 10).\(1 + m % 10 / 5).\(1 + m % 5)",
                            title: "Genererad åtgärd \(r).\(m + 1)"))
                }
            }
            _ = try await CatalogueImporter.apply(doc, to: db, actor: .system("demo"))
        }
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let bodies = index.document.bodies.filter {
            [.districtCouncil, .specialistCommittee, .companyBoard].contains($0.kind)
        }.map(\.id)
        var out = ReferralDocument()
        let kinds = PositionKind.allCases
        for n in 1...rounds {
            let first = 1 + (n - 1) % reports
            let reportIDs = ["genererad-rapport-\(first)", "genererad-rapport-\(1 + n % reports)"]
            let measures = reportIDs.flatMap { (index.measuresByReport[$0] ?? []).map(\.publicID) }
            let recipients = Array(bodies.prefix(min(bodies.count, answersPerRound + 5)))
            let required = Array(measures.prefix(5))
            let invited = Array(measures.dropFirst(5).prefix(15))
            guard let start = Day(year: 2016 + n % 8, month: 1 + n % 12, day: 1),
                let deadline = Day(year: start.year, month: start.month, day: 28)
            else {
                throw CatalogueCommandError("round \(n) has no valid dates")
            }
            out.rounds.append(
                .init(
                    id: "genererad-remiss-\(n)", title: "Genererad remiss \(n)", sender: "kommunstyrelsen",
                    sentOn: start,
                    deadline: deadline, reports: reportIDs,
                    questions: ["Hur ser nämnden på analysen?", "Vilka förutsättningar behövs?"],
                    recipients: recipients.map { RecipientScope(body: $0, required: required, invited: invited) }))
            for (k, body) in recipients.prefix(answersPerRound).enumerated() {
                let scope = required + invited
                var chosen = Array(required)
                // 13 or 14 positions an answer: 40,000 in all.
                while chosen.count < positionsPerAnswer + (k % 3 == 0 ? 1 : 0) {
                    let m = scope[rng.next(scope.count)]
                    if !chosen.contains(m) { chosen.append(m) }
                }
                out.answers.append(
                    .init(
                        round: "genererad-remiss-\(n)", body: body, example: true, status: .submitted,
                        diaryNumber: "Dnr \(n)-\(rng.next(900) + 100)", decidedOn: start, submittedOn: start,
                        summary: "Genererat svar för prestandamätning.",
                        questionAnswers: ["Genererat svar.", "Genererat svar."],
                        positions: chosen.map { m in
                            .init(
                                measure: m, position: kinds[rng.next(kinds.count)], alreadyWorks: rng.next(2) == 0,
                                prerequisites: rng.next(3) == 0
                                    ? "Resurser och samverkan behövs (genererad text)." : nil,
                                text: "Genererad kommentar till \(m).")
                        }))
            }
        }
        try await ReferralStore.load(out, index: index, by: .system("demo"), on: db)
        let followUp = try await CityScaleFollowUp.load(index: index, bodies: bodies, on: db)
        return
            "City scale: \(reports) generated reports, \(reports * measuresPerReport) measures, \(index.document.bodies.count) bodies, "
            + "\(out.rounds.count) rounds, \(out.answers.count) answers, \(out.answers.reduce(0) { $0 + $1.positions.count }) positions. "
            + followUp
    }
}
