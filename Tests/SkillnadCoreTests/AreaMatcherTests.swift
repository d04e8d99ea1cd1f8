import Testing

@testable import SkillnadCore

/// How a statistics file's area is found, and how the matcher says it found it: by code, by name,
/// by alias, or (only when asked) by the name of an area of another kind.
@Suite("Area matcher")
struct AreaMatcherTests {
    static let areas = [
        AreaRecord(id: "stockholm", name: "Stockholm", kind: .city, code: "0180"),
        AreaRecord(id: "rinkeby-kista", name: "Rinkeby-Kista", kind: .districtArea, parent: "stockholm"),
        AreaRecord(
            id: "rinkeby", name: "Rinkeby", kind: .district, parent: "rinkeby-kista", aliases: ["RINKEBY STADSDEL"]),
        AreaRecord(id: "kista", name: "Kista", kind: .district, parent: "rinkeby-kista"),
        AreaRecord(
            id: "hagersten-alvsjo", name: "Hägersten-Älvsjö", kind: .districtArea, parent: "stockholm",
            validFrom: Day("2020-01-01"), aliases: ["Hägersten-Liljeholmen"]),
        AreaRecord(
            id: "hagersten-liljeholmen", name: "Hägersten-Liljeholmen", kind: .districtArea, parent: "stockholm",
            validTo: Day("2019-12-31")),
        AreaRecord(id: "regso-0180r002", name: "Akalla", kind: .regso, code: "0180R002", parent: "stockholm"),
        AreaRecord(id: "deso-0180c6340", name: "0180C6340", kind: .deso, code: "0180C6340", parent: "regso-0180r002"),
    ]

    static func slug(_ match: AreaMatcher.Match) -> String? {
        if case .found(let area) = match { return area.id }
        return nil
    }

    @Test("Code first, then name, then alias; each says how it was found")
    func matchedBy() {
        let districts = AreaMatcher(Self.areas, kind: .district)
        let byName = districts.locate(code: nil, name: "RINKEBY", period: nil)
        #expect(Self.slug(byName.match) == "rinkeby")
        #expect(byName.by == .name)
        let byAlias = districts.locate(code: nil, name: "Rinkeby stadsdel", period: nil)
        #expect(Self.slug(byAlias.match) == "rinkeby")
        #expect(byAlias.by == .alias)
        let deso = AreaMatcher(Self.areas, kind: .deso).locate(code: "0180C6340", name: "whatever", period: nil)
        #expect(Self.slug(deso.match) == "deso-0180c6340")
        #expect(deso.by == .code)
        let missing = districts.locate(code: nil, name: "Rinkeby centrum", period: nil)
        #expect(missing.by == nil)
        #expect(missing.match == .unmatched(suggestions: ["Rinkeby"]))
    }

    @Test("Statistics Sweden's `Stockholm (Rinkeby)` finds Rinkeby; `Sundbyberg (Rinkeby)` does not")
    func bracketForm() {
        let districts = AreaMatcher(Self.areas, kind: .district)
        let found = districts.locate(code: nil, name: "Stockholm (Rinkeby)", period: "2022")
        #expect(Self.slug(found.match) == "rinkeby")
        #expect(found.by == .name)
        #expect(districts.match(code: nil, name: "Sundbyberg (Rinkeby)") == .unmatched(suggestions: []))
    }

    @Test("A RegSO name finds a district only across kinds, and says it found another kind")
    func acrossKinds() {
        let regso = AreaMatcher(Self.areas, kind: .regso)
        #expect(regso.match(code: nil, name: "Stockholm (Rinkeby)") == .unmatched(suggestions: []))
        #expect(regso.locate(code: nil, name: "Kista", period: nil).by == nil)
        let across = AreaMatcher(Self.areas, kind: .regso, acrossKinds: true)
        let rinkeby = across.locate(code: nil, name: "Stockholm (Rinkeby)", period: nil)
        #expect(Self.slug(rinkeby.match) == "rinkeby")
        #expect(rinkeby.by == .otherKind)
        let kista = across.locate(code: nil, name: "KISTA", period: nil)
        #expect(Self.slug(kista.match) == "kista")
        #expect(kista.by == .otherKind)
        // The kind's own area wins over another kind's of the same name.
        let akalla = across.locate(code: nil, name: "Stockholm (Akalla)", period: nil)
        #expect(Self.slug(akalla.match) == "regso-0180r002")
        #expect(akalla.by == .name)
    }

    @Test("A name two areas share goes to the one that existed in the row's period")
    func sharedNameByPeriod() {
        let matcher = AreaMatcher(Self.areas, kind: .districtArea)
        let old = matcher.locate(code: nil, name: "Hägersten-Liljeholmen", period: "2015")
        #expect(Self.slug(old.match) == "hagersten-liljeholmen")
        #expect(old.by == .name)
        let new = matcher.locate(code: nil, name: "Hägersten-Liljeholmen", period: "2022")
        #expect(Self.slug(new.match) == "hagersten-alvsjo")
        #expect(new.by == .alias)
        let undecided = matcher.locate(code: nil, name: "hägersten-liljeholmen", period: nil)
        #expect(undecided.match == .ambiguous([Self.areas[4], Self.areas[5]]))
        #expect(undecided.by == nil)
    }

    @Test("match(code:name:period:) gives what locate gives")
    func matchIsLocate() {
        let matcher = AreaMatcher(Self.areas, kind: nil)
        for name in ["Rinkeby", "Stockholm (Kista)", "Akalla", "nowhere", "Hägersten-Liljeholmen"] {
            #expect(
                matcher.match(code: nil, name: name, period: "2016")
                    == matcher.locate(
                        code: nil, name: name, period: "2016"
                    ).match)
        }
    }
}
