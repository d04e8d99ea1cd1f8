import Testing

@testable import SkillnadCore

@Suite("Grant rules and eligibility")
struct GrantEligibilityTests {
    let city = GrantRules(
        registered: true, activeInArea: true, democracyConditions: true, minimumMembers: 10, minimumYearsActive: 1)

    var association: GrantApplicant {
        GrantApplicant(
            registeredIn: ["skarholmen"], activeIn: ["skarholmen", "hagersten-liljeholmen"], members: 25,
            founded: Day("2022-03-10"), boardSize: 3, democracyConditions: true)
    }

    @Test("A scheme may tighten the city's rules, never loosen them; each loosened rule is named")
    func onlyTighten() {
        var stricter = city
        stricter.minimumMembers = 20
        stricter.minimumYearsActive = 2
        #expect(city.loosened(by: stricter).isEmpty)
        var looser = city
        looser.registered = false
        looser.minimumMembers = nil
        looser.minimumBoard = 2
        #expect(city.loosened(by: looser) == ["registered", "minimumMembers", "minimumBoard"])
    }

    @Test("Eligible in its own district; elsewhere every reason at once")
    func reasons() throws {
        let day = try #require(Day("2024-03-10"))
        #expect(GrantEligibility.reasons(association, rules: city, areas: ["skarholmen"], on: day).isEmpty)
        var small = association
        small.members = 4
        small.boardSize = 2
        small.democracyConditions = false
        small.founded = Day("2023-06-01")
        #expect(
            GrantEligibility.reasons(small, rules: city, areas: ["rinkeby-kista"], on: day) == [
                .notRegistered, .notActiveInArea, .democracyConditions, .tooFewMembers(has: 4, minimum: 10),
                .tooYoung(years: 0, minimum: 1), .boardTooSmall(has: 2, minimum: 3),
            ])
        // Active where it is not registered: the register decides.
        #expect(
            GrantEligibility.reasons(association, rules: city, areas: ["hagersten-liljeholmen"], on: day)
                == [.notRegistered])
        var unknownAge = association
        unknownAge.founded = nil
        #expect(
            GrantEligibility.reasons(unknownAge, rules: city, areas: ["skarholmen"], on: day)
                == [.tooYoung(years: nil, minimum: 1)])
    }

    @Test("Whole years count the day: two on the anniversary, one the day before")
    func wholeYears() throws {
        let start = try #require(Day("2022-03-10"))
        #expect(GrantEligibility.wholeYears(from: start, to: try #require(Day("2024-03-10"))) == 2)
        #expect(GrantEligibility.wholeYears(from: start, to: try #require(Day("2024-03-09"))) == 1)
        #expect(GrantEligibility.wholeYears(from: start, to: try #require(Day("2021-01-01"))) == 0)
    }
}
