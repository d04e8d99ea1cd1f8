import Testing

@testable import SkillnadCore

/// Numbers checked by hand with the Luhn rule (doubling every second digit from the right).
@Suite("Organisation and giro numbers")
struct OrganisationNumberTests {
    @Test("Luhn: the sum of 8020000000 is 11, of 8020000009 is 20")
    func luhn() {
        #expect(!Luhn.isValid([8, 0, 2, 0, 0, 0, 0, 0, 0, 0]))
        #expect(Luhn.isValid([8, 0, 2, 0, 0, 0, 0, 0, 0, 9]))
        #expect(Luhn.isValid([0]))
        #expect(!Luhn.isValid([]))
        #expect(!Luhn.isValid([10]))
    }

    @Test("An association's number in every common form, shown as 802000-0009")
    func forms() throws {
        for text in ["802000-0009", "8020000009", " 16802000-0009 ", "802000 0009"] {
            let number = try OrganisationNumber(parsing: text)
            #expect(number.description == "802000-0009")
            #expect(number.group == 8)
        }
    }

    @Test("A wrong check digit, nine digits, letters, and a personal identity number are each refused as such")
    func refusals() {
        #expect(throws: OrganisationNumber.Problem.checkDigit) { try OrganisationNumber(parsing: "802000-0008") }
        #expect(throws: OrganisationNumber.Problem.notTenDigits) { try OrganisationNumber(parsing: "802000-000") }
        #expect(throws: OrganisationNumber.Problem.notTenDigits) { try OrganisationNumber(parsing: "80200O-0009") }
        #expect(throws: OrganisationNumber.Problem.personalIdentityNumber) {
            try OrganisationNumber(parsing: "19811218-9876")
        }
        // 811218-9876: a month (12) where an organisation number has at least 20.
        #expect(throws: OrganisationNumber.Problem.personalIdentityNumber) {
            try OrganisationNumber(parsing: "811218-9876")
        }
    }

    @Test("Bank giro and plus giro: lengths, check digits, and the way each is written")
    func giro() throws {
        // 5050-1055: 5 0 5 0 1 0 5 5 passes; 123-4567 does not (sum 31).
        #expect(try GiroNumber(.bankgiro, parsing: "5050-1055").description == "5050-1055")
        #expect(try GiroNumber(.bankgiro, parsing: "50501055").description == "5050-1055")
        #expect(throws: GiroNumber.Problem.checkDigit) { try GiroNumber(.bankgiro, parsing: "123-4567") }
        #expect(throws: GiroNumber.Problem.length(7...8)) { try GiroNumber(.bankgiro, parsing: "12-3") }
        #expect(try GiroNumber(.plusgiro, parsing: "90 01 22-3").description == "900122-3")
        #expect(throws: GiroNumber.Problem.notDigits) { try GiroNumber(.plusgiro, parsing: "90x1") }
        #expect(throws: GiroNumber.Problem.notDigits) { try GiroNumber(.plusgiro, parsing: "") }
    }
}
