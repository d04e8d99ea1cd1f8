import Testing
@testable import SkillnadCore

@Suite("MeasureCodeResolver")
struct MeasureCodeResolverTests {
    static func codes(_ written: String...) -> Set<MeasureCode> {
        Set(written.compactMap(MeasureCode.parse))
    }

    /// Reports as in the seeds. "en-skola" also has a 4.1.1 (a fixture, to have the same bare number
    /// in two reports), and D.2.3.1 shares its numbers with A.2.3.1.
    static let resolver = MeasureCodeResolver(reports: [
        .init(
            id: "dold-potential", letter: "A",
            codes: codes("A.2.1.1", "A.2.3.1", "A.2.3.2", "A.2.3.3", "A.2.4.1", "A.2.4.4")),
        .init(id: "staden-dar-vi-mots", letter: "B", codes: codes("B.2.1", "B.2.1.1", "B.2.2", "B.2.2.1")),
        .init(id: "medborgare-med-mandat", letter: "D", codes: codes("D.2.3.1")),
        .init(
            id: "stad-i-samverkan", letter: nil,
            codes: codes("4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2", "4.4.1", "4.5.1", "4.5.2")),
        .init(id: "en-skola", letter: nil, codes: codes("6.4.2", "6.4.4", "6.5.1", "6.5.2", "4.1.1")),
        .init(id: "fran-delad-till-enad-stad", letter: nil, codes: codes("6.1.3", "6.2.1", "6.3.1", "6.3.2")),
    ])

    static func found(_ report: String, _ canonical: String) -> Resolution {
        guard let code = MeasureCode.parse(canonical) else { return .malformed(reason: "bad fixture \(canonical)") }
        return .found(reportID: report, code: code)
    }

    func reason(_ r: Resolution) -> String {
        switch r {
        case .found: return ""
        case .unknown(let reason), .malformed(let reason), .ambiguous(_, let reason): return reason
        }
    }

    // MARK: every seed variant

    @Test(arguments: [
        ("A2.3.1", "dold-potential", "A.2.3.1"), ("A.2.3.2", "dold-potential", "A.2.3.2"),
        ("A.2.3.3", "dold-potential", "A.2.3.3"), ("A2.1.1", "dold-potential", "A.2.1.1"),
        ("A2.4.4", "dold-potential", "A.2.4.4"),
        ("(6.4.2)", "en-skola", "6.4.2"), ("(6.4.4)", "en-skola", "6.4.4"), ("(6.5.1)", "en-skola", "6.5.1"),
        ("(6.5.2)", "en-skola", "6.5.2"),
        ("(4.1.2)", "stad-i-samverkan", "4.1.2"), ("(4.2.1)", "stad-i-samverkan", "4.2.1"),
        ("(4.2.2)", "stad-i-samverkan", "4.2.2"), ("(4.3.1)", "stad-i-samverkan", "4.3.1"),
        ("(4.3.2)", "stad-i-samverkan", "4.3.2"), ("(4.4.1)", "stad-i-samverkan", "4.4.1"),
        ("(4.5.1)", "stad-i-samverkan", "4.5.1"), ("(4.5.2)", "stad-i-samverkan", "4.5.2"),
        ("(6.1.3)", "fran-delad-till-enad-stad", "6.1.3"), ("(6.2.1)", "fran-delad-till-enad-stad", "6.2.1"),
        ("(6.3.1)", "fran-delad-till-enad-stad", "6.3.1"), ("(6.3.2)", "fran-delad-till-enad-stad", "6.3.2"),
    ])
    func resolvesSeedVariantsWithoutContext(written: String, report: String, canonical: String) {
        #expect(Self.resolver.resolve(written) == Self.found(report, canonical))
        // Naming the right report changes nothing.
        #expect(Self.resolver.resolve(written, contextReport: report) == Self.found(report, canonical))
    }

    // MARK: bare codes and context

    @Test func forslagWithContextGetsTheReportsLetter() {
        #expect(
            Self.resolver.resolve("förslag 2.4.1", contextReport: "dold-potential")
                == Self.found("dold-potential", "A.2.4.1"))
        #expect(
            Self.resolver.resolve("2.4.1", contextReport: "dold-potential") == Self.found("dold-potential", "A.2.4.1"))
    }

    @Test func forslagWithoutContextIsFoundWhenUnique() {
        #expect(Self.resolver.resolve("förslag 2.4.1") == Self.found("dold-potential", "A.2.4.1"))
    }

    @Test func sameBareNumberInTwoReportsIsAmbiguousWithoutContext() {
        let r = Self.resolver.resolve("(4.1.1)")
        guard case let .ambiguous(candidates, reason) = r else {
            Issue.record("expected ambiguous, got \(r)")
            return
        }
        #expect(
            candidates == [
                Candidate(reportID: "en-skola", code: MeasureCode(letter: nil, numbers: [4, 1, 1])),
                Candidate(reportID: "stad-i-samverkan", code: MeasureCode(letter: nil, numbers: [4, 1, 1])),
            ])
        #expect(reason.contains("4.1.1"))
        #expect(reason.contains("\"(4.1.1)\""))
        #expect(reason.contains("\"en-skola\"") && reason.contains("\"stad-i-samverkan\""))
        #expect(reason.contains("name the report"))
    }

    @Test func sameBareNumberIsFoundWithContext() {
        #expect(
            Self.resolver.resolve("(4.1.1)", contextReport: "stad-i-samverkan")
                == Self.found("stad-i-samverkan", "4.1.1"))
        #expect(Self.resolver.resolve("4.1.1", contextReport: "en-skola") == Self.found("en-skola", "4.1.1"))
    }

    @Test func bareNumbersMatchLetteredReportsAndListThemSorted() {
        // 2.3.1 is A.2.3.1 and D.2.3.1.
        let r = Self.resolver.resolve("2.3.1")
        guard case let .ambiguous(candidates, reason) = r else {
            Issue.record("expected ambiguous, got \(r)")
            return
        }
        #expect(candidates.map(\.code.canonical) == ["A.2.3.1", "D.2.3.1"])
        #expect(candidates.map(\.reportID) == ["dold-potential", "medborgare-med-mandat"])
        #expect(reason.contains("(A.2.3.1)") && reason.contains("(D.2.3.1)"))
    }

    @Test func bareCodeIsLookedUpOnlyInTheContextReport() {
        // 6.1.3 exists, but not in report A: no silent fallback.
        let r = Self.resolver.resolve("6.1.3", contextReport: "dold-potential")
        guard case .unknown = r else {
            Issue.record("expected unknown, got \(r)")
            return
        }
        #expect(reason(r).contains("\"dold-potential\""))
        #expect(reason(r).contains("A.6.1.3"))
    }

    @Test func unknownContextReport() {
        let r = Self.resolver.resolve("2.4.1", contextReport: "no-such-report")
        guard case .unknown = r else {
            Issue.record("expected unknown, got \(r)")
            return
        }
        #expect(reason(r).contains("\"no-such-report\""))
    }

    // MARK: letters

    @Test func parentAndChildAreDistinctMeasures() {
        #expect(Self.resolver.resolve("B.2.2") == Self.found("staden-dar-vi-mots", "B.2.2"))
        #expect(Self.resolver.resolve("B.2.2.1") == Self.found("staden-dar-vi-mots", "B.2.2.1"))
        #expect(Self.resolver.resolve("b2.1") == Self.found("staden-dar-vi-mots", "B.2.1"))
    }

    @Test func lowercaseLetterIsAccepted() {
        #expect(Self.resolver.resolve("a.2.3.1") == Self.found("dold-potential", "A.2.3.1"))
        #expect(Self.resolver.resolve("d2.3.1") == Self.found("medborgare-med-mandat", "D.2.3.1"))
    }

    @Test func letterWinsOverADifferentContextReport() {
        #expect(
            Self.resolver.resolve("A.2.3.1", contextReport: "staden-dar-vi-mots")
                == Self.found("dold-potential", "A.2.3.1"))
        #expect(
            Self.resolver.resolve("A2.3.1", contextReport: "no-such-report") == Self.found("dold-potential", "A.2.3.1"))
    }

    @Test func unknownLetter() {
        let r = Self.resolver.resolve("q1.2")
        guard case .unknown = r else {
            Issue.record("expected unknown, got \(r)")
            return
        }
        #expect(reason(r).contains("no report has letter Q"))
        #expect(reason(r).contains("Q.1.2"))
        #expect(reason(r).contains("\"q1.2\""))
    }

    @Test func unknownCodeInLetteredReport() {
        let r = Self.resolver.resolve("A.9.9")
        #expect(r == .unknown(reason: "A.9.9: report \"dold-potential\" has no such measure."))
    }

    @Test func unknownBareCode() {
        let r = Self.resolver.resolve("9.9.9")
        #expect(r == .unknown(reason: "9.9.9: no report has a measure 9.9.9."))
        let r2 = Self.resolver.resolve("(9.9.9)")
        #expect(reason(r2).contains("9.9.9 (written \"(9.9.9)\")"))
    }

    // MARK: malformed

    @Test(arguments: ["", "abc", "2024", "1..2", "A", "4.1.1, 4.1.2", "Dnr 34-2017-1.5.1", "2018-12-06"])
    func malformedInput(text: String) {
        let r = Self.resolver.resolve(text)
        guard case .malformed(let reason) = r else {
            Issue.record("expected malformed, got \(r)")
            return
        }
        #expect(reason.contains("is not a measure code"))
    }

    @Test func longMalformedInputIsShortenedInTheReason() {
        let r = Self.resolver.resolve(String(repeating: "x", count: 500))
        #expect(reason(r).count < 120)
    }

    // MARK: Report

    @Test func reportNormalisesLetterAndCodes() {
        let report = MeasureCodeResolver.Report(id: "a", letter: " a ", codes: Self.codes("2.3.1", "Q.2.3.2"))
        #expect(report.letter == "A")
        #expect(report.codes == Self.codes("A.2.3.1", "A.2.3.2"))
        let bare = MeasureCodeResolver.Report(id: "b", letter: "", codes: Self.codes("A.4.1.1"))
        #expect(bare.letter == nil)
        #expect(bare.codes == Self.codes("4.1.1"))
    }

    @Test func emptyResolverKnowsNothing() {
        let r = MeasureCodeResolver(reports: []).resolve("4.1.1")
        #expect(r == .unknown(reason: "4.1.1: no report has a measure 4.1.1."))
    }
}
