import Testing
@testable import SkillnadCore

@Suite("Slug")
struct SlugTests {
    @Test(arguments: [
        ("Skärholmens stadsdelsnämnd", "skarholmens-stadsdelsnamnd"),
        ("Dold potential – hinder och …", "dold-potential-hinder-och"),
        ("Staden där vi möts", "staden-dar-vi-mots"),
        ("Medborgare med mandat", "medborgare-med-mandat"),
        ("Rinkeby-Kista", "rinkeby-kista"),
        ("  --Älvsjö!!  ", "alvsjo"),
        ("Åtgärd A.2.3.1", "atgard-a-2-3-1"),
        ("Stad i samverkan. Stockholms stad och civilsamhället", "stad-i-samverkan-stockholms-stad-och-civilsamhallet"),
    ])
    func makesSlugs(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test(arguments: ["", "   ", "– … !", "Москва", "東京"])
    func neverEmpty(name: String) {
        #expect(Slug.make(name) == "x")
    }

    @Test func longNamesAreCutAtAHyphen() {
        let name =
            "Från delad till enad stad – översiktsplanering för social hållbarhet i Stockholms stad och dess stadsdelsområden"
        let slug = Slug.make(name)
        #expect(slug.count <= 80)
        #expect(slug == "fran-delad-till-enad-stad-oversiktsplanering-for-social-hallbarhet-i-stockholms")
        #expect(!slug.hasSuffix("-"))
        #expect(Slug.make(name).hasPrefix("fran-delad"))
    }

    @Test func cutExactlyAtAWordEnd() {
        let eighty = String(repeating: "a", count: 39) + " " + String(repeating: "b", count: 40)
        #expect(Slug.make(eighty + " c") == String(repeating: "a", count: 39) + "-" + String(repeating: "b", count: 40))
    }

    @Test func aSingleOverlongWordIsCutHard() {
        #expect(Slug.make(String(repeating: "ö", count: 200)) == String(repeating: "o", count: 80))
    }

    @Test func slugsUseOnlyAddressSafeCharacters() {
        for name in ["Skärholmens stadsdelsnämnd", "Øresund & Straße", "Café 2018-12-06", "Москва och Älvsjö"] {
            let slug = Slug.make(name)
            #expect(slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
        }
    }
}
