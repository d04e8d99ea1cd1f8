import Foundation
import Testing
@testable import SkillnadCore

@Suite("MeasureCode")
struct MeasureCodeTests {
    // MARK: parse

    /// Every spelling found in the seed documents, plus the other variants `parse` promises.
    @Test(arguments: [
        ("A2.3.1", "A.2.3.1"), ("A.2.3.2", "A.2.3.2"), ("A.2.3.3", "A.2.3.3"),
        ("A2.1.1", "A.2.1.1"), ("A2.4.4", "A.2.4.4"),
        ("(6.4.2)", "6.4.2"), ("(6.4.4)", "6.4.4"), ("(6.5.1)", "6.5.1"), ("(6.5.2)", "6.5.2"),
        ("(4.1.1)", "4.1.1"), ("(4.1.2)", "4.1.2"), ("(4.2.1)", "4.2.1"), ("(4.2.2)", "4.2.2"),
        ("(4.3.1)", "4.3.1"), ("(4.3.2)", "4.3.2"), ("(4.4.1)", "4.4.1"), ("(4.5.1)", "4.5.1"),
        ("(4.5.2)", "4.5.2"), ("(6.1.3)", "6.1.3"), ("(6.2.1)", "6.2.1"), ("(6.3.1)", "6.3.1"),
        ("(6.3.2)", "6.3.2"),
        ("a.2.3.1", "A.2.3.1"), ("a2.3.1", "A.2.3.1"), (" A 2.3.1 ", "A.2.3.1"), ("2.3.1", "2.3.1"),
        ("förslag 2.4.1", "2.4.1"), ("Förslag 2.4.1", "2.4.1"), ("åtgärd 2.4.1", "2.4.1"),
        ("åtgärderna 4.2.1", "4.2.1"), ("åtgärd nr 4.1.1", "4.1.1"), ("förslag A2.3.1", "A.2.3.1"),
        ("( 4.1.1 )", "4.1.1"), ("2.3.1.", "2.3.1"), ("B.2.1", "B.2.1"), ("B.2.2.1", "B.2.2.1"),
        ("D.2.3.1", "D.2.3.1"), ("A.2", "A.2"), ("2.10", "2.10"), ("\n\tA.2.3.1\n", "A.2.3.1"),
    ])
    func parsesVariants(written: String, canonical: String) {
        #expect(MeasureCode.parse(written)?.canonical == canonical)
    }

    @Test(arguments: [
        "", " ", "2024", "6", "abc", "1..2", "A", "A.", "(", "()", ".2.3", "2.3.1..",
        "4.1.1, 4.1.2", "A.2.3.1 Etablera lotsar", "2018.12.06", "2018-12-06", "9,2", "1.250",
        "Dnr 1.5.1", "AB.2.3", "Ä.2.3", "A-2.3.1", "förslag", "(förslag)", "2.3.1a", "-2.3.1",
    ])
    func rejectsWhatIsNotOneCode(text: String) {
        #expect(MeasureCode.parse(text) == nil)
    }

    @Test func bothSeedSpellingsAreTheSameValue() throws {
        let joined = try #require(MeasureCode.parse("A2.3.1"))
        let dotted = try #require(MeasureCode.parse("A.2.3.1"))
        #expect(joined == dotted)
        #expect(Set([joined, dotted]).count == 1)
        #expect(joined.letter == "A")
        #expect(joined.numbers == [2, 3, 1])
    }

    // MARK: parts

    @Test func partsAndCanonicalSpelling() {
        let code = MeasureCode(letter: "a", numbers: [2, 3, 1])
        #expect(code.letter == "A")
        #expect(code.canonical == "A.2.3.1")
        #expect(code.description == "A.2.3.1")
        #expect("\(code)" == "A.2.3.1")
        #expect(code.chapter == 2)
        #expect(code.withoutLetter.canonical == "2.3.1")
        #expect(code.withoutLetter.withLetter("D").canonical == "D.2.3.1")
        #expect(code.withLetter(nil) == code.withoutLetter)
        #expect(MeasureCode(letter: "", numbers: [6, 4, 2]).letter == nil)
        #expect(MeasureCode(letter: nil, numbers: [6, 4, 2]).canonical == "6.4.2")
    }

    @Test func parentAndChild() throws {
        let parent = try #require(MeasureCode.parse("B.2.2"))
        let child = try #require(MeasureCode.parse("B.2.2.1"))
        #expect(child.parent == parent)
        #expect(parent.parent == MeasureCode(letter: "B", numbers: [2]))
        #expect(parent.parent?.parent == nil)
        #expect(parent < child)
        #expect(parent != child)
    }

    // MARK: ordering

    @Test func ordersNumericallyComponentByComponent() throws {
        let written = ["A.2.10", "2.9", "B.2.2.1", "A.2.9", "10.1", "2.10", "B.2.2", "A.1.1", "2.9.1", "D.2.3.1"]
        let sorted = try written.map { try #require(MeasureCode.parse($0)) }.sorted().map(\.canonical)
        #expect(sorted == ["2.9", "2.9.1", "2.10", "10.1", "A.1.1", "A.2.9", "A.2.10", "B.2.2", "B.2.2.1", "D.2.3.1"])
    }

    @Test func twoTenComesAfterTwoNine() throws {
        let nine = try #require(MeasureCode.parse("2.9"))
        let ten = try #require(MeasureCode.parse("2.10"))
        #expect(nine < ten)
        #expect(!(ten < nine))
    }

    // MARK: Codable

    @Test func codableRoundTripAsCanonicalString() throws {
        let codes =
            try ["A2.3.1", "(4.1.1)", "B.2.2.1", "D.2.3.1", "6.4.2"].map { try #require(MeasureCode.parse($0)) }
            + [MeasureCode(letter: nil, numbers: [6]), MeasureCode(letter: "B", numbers: [2])]
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == #"["A.2.3.1","4.1.1","B.2.2.1","D.2.3.1","6.4.2","6","B.2"]"#)
        #expect(try JSONDecoder().decode([MeasureCode].self, from: data) == codes)
    }

    @Test func decodingAcceptsVariantsAndRejectsJunk() throws {
        let decoded = try JSONDecoder().decode([MeasureCode].self, from: Data(#"["A2.3.1", "förslag 2.4.1"]"#.utf8))
        #expect(decoded.map(\.canonical) == ["A.2.3.1", "2.4.1"])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([MeasureCode].self, from: Data(#"["abc"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([MeasureCode].self, from: Data("[2]".utf8))
        }
    }

    // MARK: extractAll

    private func extracted(_ text: String) -> [String] {
        MeasureCode.extractAll(from: text).map(\.code.canonical)
    }

    private func spans(_ text: String) -> [String] {
        MeasureCode.extractAll(from: text).map { String(text[$0.range]) }
    }

    @Test func extractsTheMixedSpellingListFromSeed002() {
        let text =
            "Samtliga nämnder och bolagsstyrelser ska redovisa sina \n\nförutsättningar för genomförande av åtgärderna A2.3.1, \n\nA.2.3.2 och A.2.3.3 i rapporten Dold potential – hinder och \n\nmöjligheter för unga stockholmares etablering på \n\narbetsmarknaden."
        #expect(extracted(text) == ["A.2.3.1", "A.2.3.2", "A.2.3.3"])
        #expect(spans(text) == ["A2.3.1", "A.2.3.2", "A.2.3.3"])
    }

    @Test func extractsTheSecondListFromSeed002() {
        let text =
            "Stockholm Business Region ska även redovisa sina \n\nförutsättningar för genomförande av åtgärderna A2.1.1 och \n\nA2.4.4 i rapporten Dold potential – hinder och möjligheter"
        #expect(extracted(text) == ["A.2.1.1", "A.2.4.4"])
    }

    /// Titles from seed 004, each followed by its code in parentheses (line breaks as in the file).
    @Test(arguments: [
        ("Informera om nyanlända till stockholmarna (6.4.2) \n\nStaden planerar att samordna information", "6.4.2"),
        (
            "Etablera extern mentorsverksamhet för nyanlända vid grund- och gymnasieskolor (6.4.4)  \n\nNyanlända elever",
            "6.4.4"
        ),
        ("skolor med högt socioekonomiskt index (6.5.1) \n\nSamverkan ska inriktas", "6.5.1"),
        ("ekonomiskt ogynnsamma förutsättningar (6.5.2) \n\nStudiecirklarna ska syfta", "6.5.2"),
        ("Etablera lotsar för civilsamhället i stadsdelsnämndsområdena (4.1.1)", "4.1.1"),
        (
            "Implementera ett utvecklingsprogram för aktörer inom det civila samhället (4.1.2) \n\nEtt utvecklingsprogram",
            "4.1.2"
        ),
        ("Stadsövergripande riktlinjer för bidrag till civilsamhället (4.2.1)  \n\nI syfte att", "4.2.1"),
        ("Digitalisera ansökningsprocessen för föreningsbidrag (4.2.2) \n\nEn digitaliserad process", "4.2.2"),
        ("tidig samverkan med sociala rörelser (4.3.1) \n\nNär situationer uppstår", "4.3.1"),
        ("ala rörelser/nätverk i de fall en dialog är svår att få till stånd (4.3.2) \n\nFacilitatorerna", "4.3.2"),
        (
            "Stöd etablerandet av medborgardrivna mötesplatser, särskilt i socioekonomiskt utsatta områ-\n\nden (4.4.1) \n\nHär nämns",
            "4.4.1"
        ),
        (
            "Utveckla kunskap om det lokala civilsamhället i Stockholms stads stadsdelsområden (4.5.1) \n\nFör att",
            "4.5.1"
        ),
        (
            "Fördjupad empiri över hur engagemanget inom civilsamhället ser ut på stadsdelsnivå (4.5.2) \n\nMed stöd",
            "4.5.2"
        ),
        ("Profilprojekt för socialt hållbar utveckling (6.1.3) \n\nEn särskild satsning", "6.1.3"),
        (
            "Samordna områdesplanering med lokala utvecklingsprogram (6.2.1) \n\nStadsdelsnämnderna ska samordna stadens arbete med lokala utvecklingsprogram (LUP).",
            "6.2.1"
        ),
        ("Utveckla modell för socialt värdeskapande analys (6.3.1) \n\nEn proaktiv analysmodell", "6.3.1"),
        ("av utveckling (6.3.2) \n\nGenom att klarlägga", "6.3.2"),
    ])
    func extractsParenthesisedCodeAfterTitle(text: String, canonical: String) {
        #expect(extracted(text) == [canonical])
        #expect(spans(text) == [canonical])
    }

    @Test func extractsCodesAfterIntroducingWords() {
        #expect(extracted("Nämnden tillstyrker förslag 2.4.1 men avstyrker förslag 2.4.2.") == ["2.4.1", "2.4.2"])
        #expect(spans("enligt åtgärd 4.1.1.") == ["4.1.1"])
        #expect(extracted("Åtgärderna 4.2 och 4.3 berör nämnden.") == ["4.2", "4.3"])
        #expect(extracted("förslagen i kapitel 2 (se förslag 2.4, 2.5 samt 2.6)") == ["2.4", "2.5", "2.6"])
        #expect(extracted("Åtgärd: 6.4 gäller skolan") == ["6.4"])
    }

    @Test func twoPartCodesNeedALetterParenthesesOrAnIntroducingWord() {
        #expect(extracted("Rapporten föreslår B.2.1 och B.2.2.") == ["B.2.1", "B.2.2"])
        #expect(extracted("Kapitlet om mötesplatser (6.4) handlar om") == ["6.4"])
        #expect(extracted("i Rinkeby är andelen 22.9 procent") == [])
        #expect(extracted("mötet börjar kl. 9.30 och slutar 11.15") == [])
        #expect(extracted("se avsnitt 2.4 och 2.5") == [])
        #expect(extracted("förslag 2.4.1 och sedan 3.5 procent") == ["2.4.1"])
    }

    @Test func extractsParentAndChild() {
        #expect(extracted("Åtgärd B.2.2 och dess delåtgärd B.2.2.1 hänger ihop.") == ["B.2.2", "B.2.2.1"])
    }

    @Test func extractsRangesWithEnDash() {
        #expect(extracted("åtgärderna 4.1.1–4.1.2") == ["4.1.1", "4.1.2"])
    }

    @Test(arguments: [
        "förvaltningsgrupp 2018-12-06, pensionärsråd 2018-12-06 och \n\nfunktionshinderråd 2018-12-06.",
        "Knappt var tionde (9,2 %) ung stockholmare 16-29 år tillhör \n\ngruppen UVAS – totalt 16 256 personer 2013.",
        "i \n\nRinkeby är andelen 22,9 procent och i Äppelviken så låg som 3,3 \n\nprocent.",
        "Sida 12 (12)",
        "En skola där alla \n\nska lyckas (2015), sätter fokus",
        "1. Kommunstyrelsen ska beakta hållbarhetskommissionens \n\nrapporter i upprättande av förslag till budget för 2018.",
        "mellan 2009-2014 och 2018-2019",
        "Dnr 34-2017-1.5.1",
        "Dnr 1.5.1-597/2018",
        "Dnr: 1.5.1",
        "diarienummer 3.1.2",
        "daterad 2018.12.06 och 6.12.2018",
        "servern 192.168.1.1 svarar inte",
        "ett A4-papper och väg E4",
        "bl.a.2.3 och t.ex. 2,3,1",
        "version 2.3.1b och 2.3.1-beta",
        "ökade med 1.2.3%",
        "4.1.1,5 är inget",
    ])
    func findsNothingInDatesDecimalsAndIdentifiers(text: String) {
        #expect(extracted(text) == [])
    }

    @Test func aSpaceSeparatedLetterIsNotTakenInRunningText() {
        // "I 2.3.1" is Swedish for "in 2.3.1", so a detached capital is not a report letter.
        #expect(extracted("I 2.3.1 föreslås") == ["2.3.1"])
    }

    @Test func rangesPointIntoTheOriginalText() throws {
        let text = "Åtgärder: A2.3.1 och (4.1.1)."
        let found = MeasureCode.extractAll(from: text)
        try #require(found.count == 2)
        #expect(text[found[0].range] == "A2.3.1")
        #expect(text[found[1].range] == "4.1.1")
        #expect(found[0].range.upperBound <= found[1].range.lowerBound)
    }

    @Test func emptyTextHasNoCodes() {
        #expect(MeasureCode.extractAll(from: "").isEmpty)
        #expect(MeasureCode.extractAll(from: "6.4.2").map(\.code.canonical) == ["6.4.2"])
    }
}
