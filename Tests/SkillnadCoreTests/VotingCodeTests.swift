import Testing

@testable import SkillnadCore

@Suite("One-time voting codes")
struct VotingCodeTests {
    @Test("Codes are printed in groups, read back in any case and spacing, and never confusable")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let codes = VotingCode.make(2_000, using: &generator)
        #expect(Set(codes).count == 2_000)
        for code in codes.prefix(50) {
            #expect(code.count == 12 && code.split(separator: "-").map(\.count) == [4, 4, 2])
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            #expect(VotingCode.normalised(typed) == code.replacingOccurrences(of: "-", with: ""))
        }
        let used = Set(codes.joined().filter { $0 != "-" })
        #expect(used.isSubset(of: Set(VotingCode.alphabet)))
        #expect(used.intersection(Set("0O1IL5S2Z8B")).isEmpty)
    }

    @Test("What cannot be a code is refused before any look-up")
    func refused() {
        #expect(VotingCode.normalised("") == nil)
        #expect(VotingCode.normalised("ACDE-FGHJ-K") == nil)
        #expect(VotingCode.normalised("ACDE-FGHJ-KMN") == nil)
        #expect(VotingCode.normalised("ACDE-FGHJ-K0") == nil)
        #expect(VotingCode.normalised("ACDE-FGHJ-KM") == "ACDEFGHJKM")
        #expect(VotingCode.normalised("<script>alert") == nil)
    }
}
