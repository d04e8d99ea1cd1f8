import Testing

@testable import SkillnadCore

@Suite("A proposal's cost as people write it")
struct ProposalCostTests {
    @Test("Thousands grouped by spaces, with kr, SEK, tkr or mnkr")
    func accepted() throws {
        #expect(try ProposalCost.parse("150 000") == 150_000)
        #expect(try ProposalCost.parse("150\u{00A0}000 kr") == 150_000)
        #expect(try ProposalCost.parse(" 150000 SEK ") == 150_000)
        #expect(try ProposalCost.parse("250 tkr") == 250_000)
        #expect(try ProposalCost.parse("1,5 mnkr") == 1_500_000)
        #expect(try ProposalCost.parse("2.25 MNKR") == 2_250_000)
    }

    @Test("Refused with the reason: negative, zero, exponent, öre, text, too large")
    func refused() {
        #expect(throws: ProposalCost.Problem.empty) { try ProposalCost.parse("  ") }
        #expect(throws: ProposalCost.Problem.notPositive("-5")) { try ProposalCost.parse("-5") }
        #expect(throws: ProposalCost.Problem.notPositive("0 kr")) { try ProposalCost.parse("0 kr") }
        #expect(throws: ProposalCost.Problem.notAnAmount("1e12")) { try ProposalCost.parse("1e12") }
        #expect(throws: ProposalCost.Problem.notAnAmount("100,50")) { try ProposalCost.parse("100,50") }
        #expect(throws: ProposalCost.Problem.notAnAmount("ett par tusen")) { try ProposalCost.parse("ett par tusen") }
        #expect(throws: ProposalCost.Problem.notAnAmount("1.000.000")) { try ProposalCost.parse("1.000.000") }
        #expect(throws: ProposalCost.Problem.notAnAmount("١٢٣")) { try ProposalCost.parse("١٢٣") }
        #expect(throws: ProposalCost.Problem.tooLarge(1_000_000_000_000, maximum: ProposalCost.maximum)) {
            try ProposalCost.parse("1 000 000 000 000")
        }
        #expect(throws: ProposalCost.Problem.tooLarge(Int.max, maximum: ProposalCost.maximum)) {
            try ProposalCost.parse("99999999999999999999999")
        }
    }
}
