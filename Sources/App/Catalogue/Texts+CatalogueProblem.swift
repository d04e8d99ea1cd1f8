import SkillnadCore

/// The reasons of catalogue and referral file problems in the reader's language. Their English is
/// in `SkillnadCore` (`CatalogueProblem.Reason.english`, which files, logs and the API use); the
/// Swedish is here, one case each, so a new reason does not compile without it.
extension Texts {
    func message(_ problem: CatalogueProblem) -> String {
        lang == .en ? problem.reason.english : swedish(problem.reason)
    }

    /// The problem with where it is: `measures[3].code: …`.
    func description(_ problem: CatalogueProblem) -> String {
        problem.path.isEmpty ? message(problem) : "\(problem.path): \(message(problem))"
    }

    private func swedish(_ reason: CatalogueProblem.Reason) -> String {
        switch reason {
        case .invalidJSON(let detail): "ogiltig JSON: \(detail)"
        case .controlCharacter(let code): "innehåller styrtecknet U+\(code)"
        case .expectedObject: "ett objekt väntades"
        case .unknownField(let known): "okänt fält (kända: \(known))"
        case .required: "måste anges"
        case .expectedString: "en text väntades"
        case .mustNotBeEmpty: "får inte vara tomt"
        case .expectedWholeNumber: "ett heltal väntades"
        case .outOfRange(let low, let high, let got): "måste vara mellan \(low) och \(high), inte \(got)"
        case .expectedNumber: "ett tal väntades"
        case .expectedDate(let got): "ett datum skrivet ÅÅÅÅ-MM-DD väntades, inte ”\(got)”"
        case .unknownValue(let value, let expected): "okänt värde ”\(value)” (ett av: \(expected))"
        case .expectedStrings: "en lista med texter väntades"
        case .expectedNonEmptyString: "en text som inte är tom väntades"
        case .expectedList: "en lista väntades"
        case .wrongFormat(let expected, let got): "”\(expected)” väntades, inte ”\(got)”"
        case .wrongVersion(let reads, let file): "Skillnad läser version \(reads), filen har version \(file)"
        case .expectedPopulation: "ett antal invånare, 0 eller fler, väntades"
        case .expectedGeometry: "ett GeoJSON-geometriobjekt med ”type” väntades"
        case .expectedLetter(let got): "en bokstav A–Ö väntades, inte ”\(got)”"
        case .expectedNumeral(let got): "en romersk siffra som I, IV eller VI väntades, inte ”\(got)”"
        case .invalidID(let id): "”\(id)” är inget giltigt id (använd små bokstäver a–z, siffror och bindestreck)"
        case .idUsedBy(let id, let other): "”\(id)” används redan av \(other)"
        case .noSuchObject(let kind, let id): "\(swedishName(kind)) har id ”\(id)”"
        case .parentLoop(let id): "överordnade bildar en slinga genom ”\(id)”"
        case .beforeValidFrom(let to, let from): "\(to) är före giltig från \(from)"
        case .areaCodeUsed(let code, let other): "koden \(code) används redan av \(other) av samma slag"
        case .notAWebAddress: "en webbadress som börjar med https:// eller http:// väntades"
        case .letterUsed(let letter, let other): "bokstaven \(letter) används redan av \(other)"
        case .chapterTwice(let number): "kapitel \(number) står två gånger"
        case .usedTwice(let value): "”\(value)” används två gånger"
        case .numeralUsedTwice(let numeral): "\(numeral) används två gånger i detta målområde"
        case .measureCodeUsed(let code, let report, let other):
            "\(code) används redan i rapporten ”\(report)” av \(other)"
        case .unknownGroup(let reference, let groups): "okänd grupp ”\(reference)” (grupper: \(groups))"
        case .namedTwiceForMeasure(let reference): "”\(reference)” står två gånger för denna åtgärd"
        case .namedTwice(let reference): "”\(reference)” står två gånger"
        case .notAMeasureCode(let written): "”\(written)” är inget åtgärdsnummer (till exempel A.2.3.1 eller 4.1.1)"
        case .letterMismatch(let code, let letter, let report, let reportLetter):
            "\(code) har bokstaven \(letter) men rapporten ”\(report)” har bokstaven \(reportLetter)"
        case .letterWithoutReportLetter(let code, let report):
            "\(code) har en bokstav men rapporten ”\(report)” har ingen"
        case .roundIDUsed(let id): "en annan remissomgång har id ”\(id)”"
        case .roundNeedsTitle: "en remissomgång behöver en titel"
        case .deadlineBeforeSent(let deadline, let sent): "svarsdagen \(deadline) är före utskicket \(sent)"
        case .onListTwice(let body): "”\(body)” står två gånger på sändlistan"
        case .notRoundReport(let report): "”\(report)” är inte en av omgångens rapporter"
        case .measureNotInRoundReports(let measure): "\(measure) finns inte i omgångens rapporter"
        case .notOnList(let body, let round): "”\(body)” står inte på sändlistan för \(round)"
        case .alreadyAnswered(let body, let round): "\(body) har redan ett svar på \(round)"
        case .answerCount(let answers, let questions): "\(answers) svar på \(questions) frågor"
        case .notAnotherBodyOnList(let body): "”\(body)” är ingen annan instans på sändlistan"
        case .notInJointAnswer(let body): "”\(body)” är inte en av instanserna i det gemensamma svaret"
        case .declineNeedsReason: "en instans som avstår säger varför"
        case .decidedBeforeSent(let decided, let sent): "beslutat \(decided), före utskicket \(sent)"
        case .measureNotAsked(let measure, let body):
            "\(measure) är inte en av åtgärderna \(body) ombeds svara på i omgången"
        case .secondPosition(let measure): "ett andra ställningstagande till \(measure)"
        case .roadmapRequired: "en färdplan måste anges"
        case .strategyLinked(let strategy): "strategin \(strategy) är kopplad till åtgärder; ta bort kopplingarna först"
        case .notANumber(let text): "”\(text)” är inget tal"
        case .strategyLine: "skriv en strategi som ”I | titel | engelsk titel”"
        case .milestoneLine: "skriv ett delmål som ”id | text | indikator | enhet | utgångsvärde | år | målvärde | år”"
        case .idCannotChange(let kind):
            "id:t kan inte ändras (det ingår i publika adresser); skapa en ny \(kind) och ta bort den här i stället"
        }
    }

    private func swedishName(_ kind: CatalogueProblem.ObjectKind) -> String {
        switch kind {
        case .body: "ingen instans"
        case .area: "inget område"
        case .report: "ingen rapport"
        case .commissionArea: "inget kommissionsområde"
        case .strategy: "ingen strategi i färdplanen"
        case .round: "ingen remissomgång"
        case .measure: "ingen åtgärd"
        }
    }
}
