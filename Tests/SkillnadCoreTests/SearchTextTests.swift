import Testing
@testable import SkillnadCore

@Suite("SearchText")
struct SearchTextTests {
    /// What the database does with `index LIKE '% term%'` for every term.
    func finds(_ query: String, in text: String) -> Bool {
        let indexed = SearchText.index(text)
        let terms = SearchText.terms(query)
        return !terms.isEmpty && terms.allSatisfy { indexed.contains(" " + $0) }
    }

    // MARK: fold

    @Test(arguments: [
        ("Älvsjö", "alvsjo"), ("ALVSJO", "alvsjo"), ("ÅÄÖ åäö", "aao aao"),
        ("Skärholmens stadsdelsnämnd", "skarholmens stadsdelsnamnd"),
        ("Dold potential – hinder och …", "dold potential hinder och"),
        ("  Café—Müller!  ", "cafe muller"), ("Øresund, Æbleskiver, Straße", "oresund aebleskiver strasse"),
        ("ﬁnansiering", "finansiering"), ("ＳＴＯＣＫＨＯＬＭ", "stockholm"),
        ("A\u{030A}rsta", "arsta"), ("stads\u{00AD}del", "stadsdel"),
        ("A.2.3.1 (4.1.1)", "a 2 3 1 4 1 1"), ("2018-12-06", "2018 12 06"), ("9,2 %", "9 2"),
        ("Rinkeby-Kista", "rinkeby kista"), ("\n\t", ""), ("", ""),
    ])
    func folds(input: String, folded: String) {
        #expect(SearchText.fold(input) == folded)
    }

    @Test func tokens() {
        #expect(
            SearchText.tokens("  Medborgare med mandat – dialog och delaktighet ") == [
                "medborgare", "med", "mandat", "dialog", "och", "delaktighet",
            ])
        #expect(SearchText.tokens(" – ").isEmpty)
    }

    // MARK: stem

    @Test(arguments: [
        ("dialoger", "dialog"), ("dialogen", "dialog"), ("dialogerna", "dialog"), ("dialog", "dialog"),
        ("medborgardialoger", "medborgardialog"), ("medborgardialog", "medborgardialog"),
        ("skolor", "skol"), ("skolan", "skol"), ("skola", "skol"), ("skolornas", "skol"),
        ("stadsdelsnamnder", "stadsdelsnamnd"), ("stadsdelsnamnden", "stadsdelsnamnd"),
        ("bostadernas", "bostad"), ("rinkebys", "rinkeby"), ("alvsjo", "alvsjo"),
        ("mojligheter", "mojlig"), ("samverkan", "samverk"), ("samverkar", "samverk"),
        ("hus", "hus"), ("er", "er"), ("as", "as"), ("", ""),
        ("2018", "2018"), ("lup2", "lup2"), ("122", "122"),
    ])
    func stems(token: String, stem: String) {
        #expect(SearchText.stem(token) == stem)
    }

    @Test func stemKeepsAtLeastThreeCharacters() {
        for word in ["ana", "ande", "arna", "ens", "ost", "anden", "hetens"] {
            #expect(SearchText.stem(word).count >= min(3, word.count), "\(word)")
        }
    }

    // MARK: index and terms

    @Test func indexHasStemsBetweenSpaces() {
        #expect(SearchText.index("Medborgardialoger i Älvsjö") == " medborgardialog i alvsjo ")
        #expect(SearchText.index("Åtgärd A.2.3.1") == " atgard a 2 3 1 ")
    }

    @Test func termsAreDeduplicatedInOrder() {
        #expect(SearchText.terms("Dialoger, dialogen och DIALOG i Älvsjö") == ["dialog", "och", "i", "alvsjo"])
        #expect(SearchText.terms("  – … ").isEmpty)
    }

    @Test func termsNeedNoEscapingInLike() {
        for term in SearchText.terms("100% rabatt_kod 'x' \"y\" \\z") {
            #expect(term.allSatisfy { $0.isLetter || $0.isNumber }, "\(term)")
        }
    }

    // MARK: the searches the stemmer is for

    @Test(arguments: [
        ("medborgardialog", "Stadsdelen genomför medborgardialoger varje år"),
        ("medborgardialoger", "En medborgardialog i Skärholmen"),
        ("Älvsjö", "alvsjo stadsdelsforvaltning"),
        ("ALVSJO", "Älvsjö stadsdelsnämnd"),
        ("dialoger", "dialogen med civilsamhället"),
        ("skolan", "skolor med högt socioekonomiskt index"),
        ("skolor", "Skolan ska vara likvärdig"),
        ("stadsdelsnämnder", "Skärholmens stadsdelsnämnd"),
        ("medborg", "medborgardialoger"),
        ("civilsamhällets lotsar", "Etablera lotsar för civilsamhället i stadsdelsnämndsområdena (4.1.1)"),
        ("Cafe", "Café Mötesplats"),
    ])
    func searchFinds(query: String, text: String) {
        #expect(finds(query, in: text))
    }

    @Test(arguments: [
        ("dialog", "medborgardialoger"),  // word starts only: compounds are not split
        ("skola", "Stadsbyggnadsnämnden ansvarar"),
        ("alvsjo", "Skärholmen"),
        ("", "anything"),
    ])
    func searchDoesNotFind(query: String, text: String) {
        #expect(!finds(query, in: text))
    }
}
