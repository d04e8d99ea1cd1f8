import SkillnadCore
import Testing

@Suite("Natural Swedish order and the district council of an area")
struct NaturalOrderTests {
    @Test("Numbers inside names compare as numbers")
    func numbers() {
        let names = ["Bromma 10", "Bromma 2", "Bromma 1", "Bromma", "Bromma kyrka", "Bromma 02"]
        let sorted = NaturalOrder.sorted(names) { $0 }
        #expect(sorted == ["Bromma", "Bromma 1", "Bromma 2", "Bromma 02", "Bromma 10", "Bromma kyrka"])
        #expect(NaturalOrder.precedes("Bromma 2", "Bromma 10"))
        #expect(!NaturalOrder.precedes("Bromma 10", "Bromma 2"))
    }

    @Test("å, ä and ö come after z, in that order; case does not split names")
    func swedishLetters() {
        let names = ["Östermalm", "Älvsjö", "Zinkensdamm", "Åkeshov", "abrahamsberg", "Enskede", "Ängby", "Årsta"]
        let sorted = NaturalOrder.sorted(names) { $0 }
        #expect(
            sorted == ["abrahamsberg", "Enskede", "Zinkensdamm", "Åkeshov", "Årsta", "Älvsjö", "Ängby", "Östermalm"])
        #expect(NaturalOrder.precedes("ÄLVSJÖ", "Östermalm"))
        #expect(NaturalOrder.precedes("Étoile", "Fagersjö"))
    }

    @Test("A district's council is its district area's, by id or by name")
    func council() throws {
        var document = CatalogueDocument()
        document.bodies = [
            BodyRecord(
                id: "rinkeby-kista-stadsdelsnamnd", name: "Rinkeby-Kista stadsdelsnämnd", kind: .districtCouncil),
            BodyRecord(id: "sdn-kh", name: "Kungsholmens stadsdelsnämnd", kind: .districtCouncil),
        ]
        document.areas = [
            AreaRecord(id: "stockholm", name: "Stockholm", kind: .city),
            AreaRecord(id: "rinkeby-kista", name: "Rinkeby-Kista", kind: .districtArea, parent: "stockholm"),
            AreaRecord(id: "husby", name: "Husby", kind: .district, parent: "rinkeby-kista"),
            AreaRecord(id: "kungsholmen", name: "Kungsholmen", kind: .districtArea, parent: "stockholm"),
        ]
        let index = CatalogueIndex(document)
        let husby = try #require(index.areaByID["husby"])
        #expect(DistrictCouncil.districtArea(of: husby, in: index)?.id == "rinkeby-kista")
        #expect(DistrictCouncil.council(of: husby, in: index)?.id == "rinkeby-kista-stadsdelsnamnd")
        let kungsholmen = try #require(index.areaByID["kungsholmen"])
        #expect(DistrictCouncil.council(of: kungsholmen, in: index)?.id == "sdn-kh")
        let city = try #require(index.areaByID["stockholm"])
        #expect(DistrictCouncil.council(of: city, in: index) == nil)
    }

    @Test("Standing respects the direction: lower is worse for turnout, better for unemployment")
    func standing() {
        let turnout = AreaStanding.make(
            value: 61.2, city: 82.3, direction: .higherIsBetter, betterCount: 569, count: 592)
        #expect(turnout.side == .lower)
        #expect(turnout.better == false)
        #expect(turnout.rank == 570)
        let unemployment = AreaStanding.make(value: 3, city: 5, direction: .lowerIsBetter, betterCount: 0, count: 14)
        #expect(unemployment.side == .lower)
        #expect(unemployment.better == true)
        #expect(unemployment.rank == 1)
        let same = AreaStanding.make(value: 5.01, city: 5, direction: .lowerIsBetter, betterCount: nil, count: 0)
        #expect(same.side == .same)
        #expect(same.better == nil)
        #expect(same.rank == nil)
    }
}
