import Foundation
import Testing

@testable import SkillnadCore

/// An answer drafted from a statement, against the demo's real catalogue and rounds: the fields
/// the form is filled with, measures outside the body's scope kept apart, every suggestion with
/// the place it rests on.
@Suite("Statements: the answer drafted from one")
struct StatementDraftTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/App/Resources/Demo")

    static func load() throws -> (CatalogueIndex, ReferralDocument) {
        let catalogue = try CatalogueReader.read(
            Data(contentsOf: demo.appendingPathComponent("catalogue.json"))
        ).get()
        let referrals = try JSONDecoder().decode(
            ReferralDocument.self, from: Data(contentsOf: demo.appendingPathComponent("referrals.json")))
        return (CatalogueIndex(catalogue), referrals)
    }

    static func draft(_ name: String, round: String, body: String) throws -> (StatementDraft, StatementText) {
        let (index, referrals) = try load()
        let text = try StatementReader.read(try StatementReaderTests.data(name), fileName: name)
        let found = try #require(referrals.rounds.first { $0.id == round })
        return (StatementDraft.make(text, round: found, body: body, index: index), text)
    }

    @Test("A measure-by-measure statement fills the diary number, the issuer, the summary and each position")
    func measureByMeasure() throws {
        let (draft, text) = try Self.draft(
            "rinkeby-kista-dold-potential.docx", round: "remiss-fordjupningsrapporter-2016",
            body: "rinkeby-kista-stadsdelsnamnd")
        #expect(draft.answer.diaryNumber == "112-2016-1.5.1")
        #expect(draft.responder?.bodyID == "rinkeby-kista-stadsdelsnamnd")
        #expect(draft.answer.diaryIssuer == "Rinkeby-Kista stadsdelsförvaltning")
        #expect(draft.answer.summary?.hasPrefix("Förvaltningen ser positivt på rapportens inriktning") == true)
        let positions = draft.answer.positions.map { "\($0.measure) \($0.position)" }
        #expect(
            positions
                == [
                    "dold-potential-a-2-3-1 supports", "dold-potential-a-2-3-2 supportsWithReservations",
                    "dold-potential-a-2-3-3 opposes", "dold-potential-a-2-1-1 noOpinion",
                    "dold-potential-a-2-4-4 supports",
                ].filter { line in draft.inScope.contains { line.hasPrefix($0.publicID + " ") } })
        #expect(draft.answer.positions.first?.alreadyWorks == true)
        #expect(draft.answer.positions.first?.text?.contains("tillstyrker förslag A.2.3.1") == true)
        // Every highlight points at text that is there, and every measure at its code.
        for highlight in draft.highlights {
            #expect(!text.text(at: highlight.place).isEmpty, "\(highlight)")
        }
        for highlight in draft.highlights where highlight.mark == .measure {
            #expect(text.text(at: highlight.place).contains(highlight.label.dropFirst(2)), "\(highlight)")
        }
        #expect(draft.unresolved.isEmpty)
    }

    @Test("Measures outside the body's scope are listed apart, with their suggestion, and not put in the form")
    func outOfScope() throws {
        let (index, referrals) = try Self.load()
        var round = try #require(referrals.rounds.first { $0.id == "remiss-fordjupningsrapporter-2016" })
        // Asked about the three required measures only, not about the whole report.
        round.recipients = round.recipients.map { scope in
            var narrowed = scope
            narrowed.commentReports = []
            narrowed.invited = []
            return narrowed
        }
        let text = try StatementReader.read(
            try StatementReaderTests.data("rinkeby-kista-dold-potential.docx"), fileName: "a.docx")
        let draft = StatementDraft.make(text, round: round, body: "rinkeby-kista-stadsdelsnamnd", index: index)
        #expect(draft.measures.count == 5)
        #expect(draft.outOfScope.map(\.code) == ["A.2.1.1", "A.2.4.4"])
        #expect(draft.outOfScope.map { $0.suggestion?.position } == [.noOpinion, .supports])
        #expect(
            draft.answer.positions.map(\.measure) == ["a-2-3-1", "a-2-3-2", "a-2-3-3"].map { "dold-potential-" + $0 })
    }

    @Test("A statement that follows the standard questions fills the question answers and the challenges")
    func questions() throws {
        let (draft, _) = try Self.draft(
            "socialnamnden-fardplan.docx", round: "remiss-skillnadernas-stockholm-2015", body: "socialnamnden")
        let answers = try #require(draft.answer.questionAnswers)
        #expect(answers.count == 3)
        #expect(answers[2].contains("ensamkommande barn"))
        #expect(draft.answer.furtherChallenges?.contains("hemlösheten bland barnfamiljer") == true)
        #expect(draft.answer.preparedBy == "Maria Berg, Förvaltningschef")
        #expect(draft.dated == Day("2018-11-20"))
        #expect(draft.highlights.contains { $0.mark == .question && $0.label == "3" })
    }

    @Test("A decline fills the reason; a joint statement names the other body")
    func declineAndJoint() throws {
        let (decline, _) = try Self.draft(
            "kulturnamnden-avstar.docx", round: "remiss-fordjupningsrapporter-2016", body: "kulturnamnden")
        #expect(decline.answer.declineReason == "Kulturnämnden avstår från att yttra sig över remissen.")
        #expect(decline.answer.positions.isEmpty)
        let (joint, _) = try Self.draft(
            "spanga-tensta-gemensamt.docx", round: "remiss-fordjupningsrapporter-2016",
            body: "spanga-tensta-stadsdelsnamnd")
        #expect(joint.answer.jointWith == ["rinkeby-kista-stadsdelsnamnd"])
        #expect(joint.highlights.contains { $0.mark == .joint })
    }
}
