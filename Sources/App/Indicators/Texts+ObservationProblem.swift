import SkillnadCore

/// Problems of a statistics file in the reader's language. Their English is in `SkillnadCore`
/// (`ObservationProblem.Reason.english`, `CSVError.message`), which the command line uses; the
/// Swedish is here, one case each, so a new reason does not compile without it.
extension Texts {
    /// The problem with where it is: `rad 12, kolumn värde: …`, or for a field of the import's
    /// definition rather than a column of the file, the field by its label on the form.
    func description(_ problem: ObservationProblem) -> String {
        if problem.line == nil, let column = problem.column, let label = optional(raw: "f_" + column) {
            return lang == .sv
                ? "fältet \(label): \(swedish(problem.reason))" : "the field \(label): \(problem.message)"
        }
        guard lang == .sv else { return problem.description }
        let place = [problem.line.map { "rad \($0)" }, problem.column.map { "kolumn \($0)" }].compactMap { $0 }
        let text = swedish(problem.reason)
        return place.isEmpty ? text : place.joined(separator: ", ") + ": " + text
    }

    func description(_ error: CSVError) -> String {
        guard lang == .sv else { return error.description }
        let place = [error.line.map { "rad \($0)" }, error.column.map { "kolumn \($0)" }].compactMap { $0 }
        let text = swedish(error.kind)
        return place.isEmpty ? text : place.joined(separator: ", ") + ": " + text
    }

    func description(_ unmatched: IndicatorImporter.Unmatched) -> String {
        guard lang == .sv else { return unmatched.description }
        let rows = unmatched.rows.prefix(50).map { row in
            "rad \(row.line): \(row.area)"
                + (row.suggestions.isEmpty ? "" : " (menade du: \(row.suggestions.joined(separator: ", "))?)")
        }
        let more = unmatched.rows.count > 50 ? ["… och \(unmatched.rows.count - 50) till"] : []
        let head =
            "\(unmatched.rows.count) rader namnger områden som inte finns i katalogen "
            + "(välj att skapa områdena eller att hoppa över raderna):"
        return ([head] + rows + more).joined(separator: "\n")
    }

    private func swedish(_ kind: CSVError.Kind) -> String {
        switch kind {
        case .notText: "filen är ingen textfil (en bild, en Excel-arbetsbok, en PDF?): spara den som CSV"
        case .notUTF8: "filen är inte UTF-8: spara den som ”CSV UTF-8”"
        case .empty: "filen är tom eller har bara en rubrikrad"
        case .notDelimited: "inget kommatecken, semikolon eller tabbtecken delar raderna lika: är det en CSV-fil?"
        case .unterminatedQuote: "ett citattecken som öppnas här stängs aldrig"
        case .ragged(let expected, let found): "raden har \(found) fält men rubrikraden \(expected)"
        case .tooManyColumns(let found): "raden har \(found) fält, fler än någon statistikfil har"
        case .valueInUnnamedColumn: "ett värde står i en kolumn utan rubrik"
        case .ambiguousColumn(let name, let matches):
            swedishAmbiguity(name: name, headers: [], numbers: matches.map { $0 + 1 })
        case .notANumber(let value, let problem): swedish(problem, value: value)
        }
    }

    private func swedish(_ problem: CSVNumber.Problem, value: String) -> String {
        switch problem {
        case .notANumber: "”\(value)” är inget tal"
        case .thousandsSeparator:
            "”\(value)” har tusentalsavgränsare, vilket inte stöds (”1,234” kan betyda 1,234 eller 1234): skriv talet utan"
        case .otherDecimalSeparator: "”\(value)” har en annan decimalavgränsare än kolumnens övriga tal"
        }
    }

    private func swedish(_ reason: ObservationProblem.Reason) -> String {
        switch reason {
        case .detail(let text): text
        case .invalidJSON(let detail): "ogiltig JSON: \(detail)"
        case .number(let problem, let value, _): swedish(problem, value: value)
        case .yearEmpty: "året saknas"
        case .openSDGColumnMissing(let name, let columns):
            "en Open SDG-datafil har kolumnen \(name); den här har \(columns)"
        case .periodEmpty: "perioden saknas"
        case .noColumnNumber(let columns, let role, let name):
            "filen har \(columns) kolumner, så det finns ingen kolumn \(name) för \(swedish(role))"
        case .columnNotInFile(let role, let columns):
            "kolumnen för \(swedish(role)) finns inte i filen (kolumner: \(columns))"
        case .mapArea: "ange en kolumn för områdeskod eller områdesnamn"
        case .mapNumeratorAndDenominator: "ange både täljare och nämnare, eller ingen av dem"
        case .mapValue: "ange en värdekolumn, eller täljare och nämnare"
        case .givePeriod: "ange perioden, eller en periodkolumn"
        case .required: "måste anges"
        case .mappingNotJSON: "mappningsfilen är inte giltig JSON"
        case .invalidCode(let code):
            "indikatorns kod får bara ha små bokstäver a–z, siffror och bindestreck, inte ”\(code)”"
        case .needsName: "indikatorn behöver ett namn"
        case .unknownUnit(let unit, let expected): "okänd enhet ”\(unit)” (en av \(expected))"
        case .sourceNotAWebAddress: "källänken måste börja med https:// eller http://"
        case .classesNeeded: "en kategorisk indikator behöver minst två klasser, var och en ett tal med en benämning"
        case .classesOrder: "klassernas tal måste vara olika och stigande"
        case .classLabelEmpty(let value): "klass \(value) saknar benämning"
        case .classesOnlyCategorical: "bara en kategorisk indikator har klasser (välj typen kategorisk)"
        case .koladaValuesMissing: "saknas: ett svar från Kolada är {\"count\": …, \"values\": [ … ]}"
        case .expectedArray: "en lista väntades"
        case .notKoladaResponse(let got): "ett svar från Kolada (ett objekt med \"values\") väntades, inte \(got)"
        case .expectedObject(let got): "ett objekt väntades, inte \(got)"
        case .isEmpty: "är tomt"
        case .missing: "saknas"
        case .expectedString(let got): "en text väntades, inte \(got)"
        case .whoseValue: "varken \"municipality\" eller \"ou\": vems värde är detta?"
        case .notKoladaGender(let gender): "”\(gender)” är inget kön i Kolada (T, K eller M)"
        case .notAKoladaNumber(let got): "\(got) är inget tal (ett värde i Kolada är ett tal eller null)"
        case .expectedYear(let got): "ett år väntades, inte \(got)"
        case .kpiMismatch(let has, let wanted): "filen har \(has), inte \(wanted)"
        case .noTargetArea(let id): "färdplanen har inget målområde ”\(id)”"
        case .noStrategy(let id): "färdplanen har ingen strategi ”\(id)”"
        case .noArea(let id): "inget område har id ”\(id)”"
        case .tooManyDistinct(let count, let what, let max):
            "filen har \(count) olika \(what); en import tar högst \(max)"
        case .valueTwice(let area, let period, let group, let firstLine):
            "området \(area), perioden \(period) och gruppen \(group) har redan ett värde på rad \(firstLine)"
        case .pairsFormat(let got): "skriv NAMN=VÄRDE, åtskilda med kommatecken (inte ”\(got)”)"
        case .chooseDirection: "välj om högre eller lägre är bättre"
        case .chooseFormat: "välj csv, kolada, opensdg, px eller jsonstat"
        case .chooseAreaKind: "välj en sorts område"
        case .chooseKind: "välj mängder eller klasser"
        case .classLineFormat(let got): "skriv varje klass som ett tal, = och benämningen, fick \"\(got)\""
        case .pxSyntax(let expected): "väntade \(expected)"
        case .pxKeywordMissing(let keyword): "filen saknar \(keyword), som en PC-Axis-fil behöver"
        case .pxUnknownCodepage(let name):
            "okänd teckentabell ”\(name)” (kända: utf-8, iso-8859-1, windows-1252, iso-8859-15)"
        case .pxDataCount(let expected, let got, let sizes):
            "DATA har \(got) värden, men variablerna (\(sizes)) ger \(expected)"
        case .pxValueNotNumber(let value): "”\(value)” är varken ett tal eller en symbol för saknat värde"
        case .pxCodesCount(let variable, let values, let codes):
            "\(variable) har \(values) VALUES men \(codes) CODES"
        case .jsonStatSize(let size, let dimensions):
            "size säger \(size), men dimensionerna har \(dimensions) kategorier"
        case .jsonStatValueCount(let expected, let got):
            "value har \(got) celler, men dimensionerna ger \(expected)"
        case .jsonStatNotDataset(let got): "väntade ett JSON-stat 2.0-dataset (\"class\": \"dataset\"), fick \(got)"
        case .dimensionUnmapped(let name, let values, let examples):
            "dimensionen \(name) har \(values) värden (\(examples)) och är inte mappad: mappa den som grupp "
                + "eller behåll ett värde med ett filter (\(name)=VÄRDE)"
        case .contentUnmapped(let values):
            "filen har flera innehåll (\(values)): välj ett som värde, eller två som täljare och nämnare"
        case .periodColumnNoYear(let header): "kolumnen ”\(header)” har inget år i rubriken"
        case .periodColumnsFormat(let got):
            "skriv periodkolumnerna som ett mönster med YEAR (”Medelvärde * YEAR”), en lista med kolumner "
                + "eller #4-#7=2020-2023; fick ”\(got)”"
        case .periodColumnsAndPeriod: "ange periodkolumnerna, eller perioden (eller dess kolumn), inte båda"
        case .noParent(let area):
            "området \(area) ligger inte i något annat område, så dess värden kan inte summeras uppåt"
        case .nameTaken(let name, let code):
            "en indikator med namnet ”\(name)” finns redan med koden \(code): importera till den koden "
                + "för att ersätta dess värden, eller välj att skapa en ny"
        case .filterKeepsNothing(let value, let examples): "inget värde är ”\(value)” (värden: \(examples))"
        case .periodColumnsHoldValues:
            "med periodkolumner är det periodkolumnerna som har värdena: lämna kolumnerna för värde, täljare och nämnare tomma"
        case .sameArea(let first, let second, let area):
            "”\(first)” och ”\(second)” betyder båda området \(area): ett område kan ha ett värde"
        case .jsonStatPosition(let got, let last):
            "väntade en position från 0 till \(last) som ingen annan har, fick \(got)"
        case .ambiguousColumn(let name, let headers, let numbers):
            swedishAmbiguity(name: name, headers: headers, numbers: numbers)
        case .aggregateClasses:
            "en kategorisk indikators klasser kan inte summeras till områdena ovanför: läs in den utan summering"
        }
    }

    private func swedish(_ role: ObservationProblem.ColumnRole) -> String {
        switch role {
        case .areaCode: "områdeskod"
        case .areaName: "områdesnamn"
        case .numerator: "täljare"
        case .denominator: "nämnare"
        case .value: "värde"
        case .period: "period"
        case .weight: "vikt"
        case .preliminary: "preliminärt"
        case .group: "grupp"
        case .filter: "filter"
        }
    }

    /// A name more than one column answers to, and the `#N` form that picks one:
    /// `rubrikraden har ”LÄN” två gånger (kolumn #1 och #4): ange den som #1 eller #4`.
    private func swedishAmbiguity(name: String, headers: [String], numbers: [Int]) -> String {
        func listed(_ items: [String], _ word: String) -> String {
            guard items.count > 1, let final = items.last else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " \(word) " + final
        }
        let columns = numbers.map { "#\($0)" }
        let advice = "ange den som \(listed(columns, "eller"))"
        if let first = headers.first, headers.allSatisfy({ $0 == first }) {
            let times = [2: "två gånger", 3: "tre gånger"][headers.count] ?? "\(headers.count) gånger"
            return "rubrikraden har ”\(first)” \(times) (kolumn \(listed(columns, "och"))): \(advice)"
        }
        if headers.isEmpty {
            return "flera kolumner matchar ”\(name)” (\(listed(columns, "och"))): \(advice)"
        }
        let named = zip(headers, columns).map { header, column in "\(header) (\(column))" }
        return "flera kolumner matchar ”\(name)”: \(listed(named, "och")): \(advice)"
    }
}
