/// A key of the indicators' texts: pages, downloads, the import; each has its text in Swedish and English (see `TextKey`).
enum IndicatorText: String, TextKey {
    case indicatorsIntro
    case indicatorsWithoutValues
    case noIndicators
    case differences
    case differencesIntro
    case differencesCaption
    case methods
    case methodsIntro
    case methodsHow
    case periodCount
    case onlyCityValues
    case classesUnit
    case categoricalNoGap
    case differencesCategorical
    case classDistribution
    case distributionCaption
    case classLabel
    case areasInClass
    case populationShare
    case areasByClass
    case classesFact
    case onePeriodOnly
    case overTimeCity
    case periodsCount
    case unitPercent = "unit_percent"
    case unitCount = "unit_count"
    case unitSek = "unit_sek"
    case unitYears = "unit_years"
    case unitPerMille = "unit_perMille"
    case unitPercentagePoints = "unit_percentagePoints"
    case directionLabel
    case higherIsBetter
    case lowerIsBetter
    case trendLabel
    case trendWidening = "trend_widening"
    case trendStable = "trend_stable"
    case trendNarrowing = "trend_narrowing"
    case trendNotEnoughData = "trend_notEnoughData"
    case latestPeriod
    case bestArea
    case worstArea
    case gapDifference
    case gapRatio
    case areaCount
    case barsDesc
    case mapDesc
    case mapDescClasses
    case seriesDesc
    case gapSeriesDesc
    case groupsCaption
    case groups
    case dimKon = "dim_kon"
    case dimValueKonK = "dimValue_kon_K"
    case dimValueKonM = "dimValue_kon_M"
    case dimAlder = "dim_alder"
    case dimFodd = "dim_fodd"
    case updated
    case followsUp
    case preliminaryNote
    case chooseLevel
    case choosePeriod
    case noValues
    case byArea
    case map
    case overTime
    case download
    case downloadCSV
    case downloadExcel
    case downloadJSON
    case downloadOpenSDG
    case statusAchieved = "status_achieved"
    case statusOnTrack = "status_onTrack"
    case statusOffTrack = "status_offTrack"
    case statusDeteriorating = "status_deteriorating"
    case statusNotEnoughData = "status_notEnoughData"
    case milestoneRatio
    case importIndicator
    case importIntro
    case importRefused
    case importDone
    case uploadNoFile
    case showIndicator
    case computableCount
    case notComputableCount
    case periodsLabel
    case createdAreas
    case skippedRows
    case addedUpValues
    case theFile
    case columns
    case formatCsv = "format_csv"
    case formatKolada = "format_kolada"
    case formatOpensdg = "format_opensdg"
    case formatPx = "format_px"
    case formatJsonstat = "format_jsonstat"
    case fFile = "f_file"
    case fKind = "f_kind"
    case fClasses = "f_classes"
    case hClasses = "h_classes"
    case kindQuantity = "kind_quantity"
    case kindCategorical = "kind_categorical"
    case hFile = "h_file"
    case fFormat = "f_format"
    case fCode = "f_code"
    case hCode = "h_code"
    case fName = "f_name"
    case fNameEn = "f_nameEn"
    case fDefinition = "f_definition"
    case fSource = "f_source"
    case fSourceURL = "f_sourceURL"
    case fAreaKind = "f_areaKind"
    case fAreaCode = "f_areaCode"
    case fAreaName = "f_areaName"
    case fNumerator = "f_numerator"
    case fDenominator = "f_denominator"
    case fValue = "f_value"
    case hValue = "h_value"
    case fPeriod = "f_period"
    case fPeriodColumn = "f_periodColumn"
    case fPeriodColumns = "f_periodColumns"
    case hPeriodColumns = "h_periodColumns"
    case fGroups = "f_groups"
    case hGroups = "h_groups"
    case fFilters = "f_filters"
    case hFilters = "h_filters"
    case fParent = "f_parent"
    case hParent = "h_parent"
    case fCreateAreas = "f_createAreas"
    case fSkipUnmatched = "f_skipUnmatched"
    case fMatchNamesAcrossKinds = "f_matchNamesAcrossKinds"
    case hMatchNamesAcrossKinds = "h_matchNamesAcrossKinds"
    case fAggregate = "f_aggregate"
    case hAggregate = "h_aggregate"
    case fAllowSameName = "f_allowSameName"
    case hAllowSameName = "h_allowSameName"
    case previewHeading
    case previewNew
    case previewReplace
    case previewReplaced
    case previewKept
    case previewConfirm
    case previewChange
    case previewButton
    case uploadExpired
    case fOwner = "f_owner"
    case hOwner = "h_owner"
    case keptHeading
    case keptImport
    case restoreButton
    case restoreDone
    case problemOwnerUnknown
    case problemOwnedByOther
    case problemChooseOwnBody
    case noBody

    var text: (sv: String, en: String) {
        switch self {
        case .problemOwnerUnknown: ("Inget organ har id ”%1”.", "No body has the id '%1'.")
        case .problemOwnedByOther:
            (
                "Indikatorn ”%1” ägs av %2: bara dess redaktörer och administratörer får ersätta värdena.",
                "The indicator '%1' belongs to %2: only its editors and administrators may replace its values."
            )
        case .problemChooseOwnBody:
            (
                "En ny indikator ägs av ett av dina organ: välj ett av dem som ägare.",
                "A new indicator belongs to one of your bodies: choose one of them as its owner."
            )
        case .noBody: ("inget organ", "no body")
        case .indicatorsIntro:
            (
                "Indikatorerna visar hur livsvillkoren skiljer sig mellan stadens områden och hur skillnaderna utvecklas över tid.",
                "The indicators show how living conditions differ between the city's areas and how the differences develop over time."
            )
        case .indicatorsWithoutValues: ("Indikatorer utan värden ännu", "Indicators without values yet")
        case .noIndicators:
            (
                "Det finns inga indikatorer med värden ännu.",
                "There are no indicators with values yet."
            )
        case .differences: ("Skillnader", "Differences")
        case .differencesIntro:
            (
                "Varje indikators skillnad mellan det bästa och det sämsta området och åt vilket håll den går. Ökande skillnader visas först.",
                "Each indicator's gap between the best and the worst area and which way it is heading. Widening gaps are shown first."
            )
        case .differencesCaption:
            (
                "Skillnad mellan bästa och sämsta område per indikator, ökande skillnader först",
                "Gap between the best and the worst area per indicator, widening gaps first"
            )
        case .methods: ("Metoder", "Methods")
        case .methodsIntro:
            (
                "Hur Skillnad räknar ut skillnadsmått, trender och status för etappmål.",
                "How Skillnad computes disparity measures, trends and milestone status."
            )
        case .methodsHow: ("Så räknas måtten ut", "How the measures are computed")
        case .periodCount: ("period", "period")
        case .onlyCityValues: ("bara hela staden", "whole city only")
        case .classesUnit: ("klasser", "classes")
        case .categoricalNoGap: ("klasser, inget avstånd att mäta", "classes, no gap to measure")
        case .differencesCategorical:
            (
                "Indikatorer vars värden är klasser (till exempel områdestyp 1–5) har inget avstånd mellan bästa och sämsta område att mäta. Deras sidor visar i stället hur områden och invånare fördelar sig på klasserna:",
                "Indicators whose values are classes (such as area type 1–5) have no gap between the best and the worst area to measure. Their pages show instead how areas and residents are spread over the classes:"
            )
        case .classDistribution: ("Fördelning på klasser", "Distribution over the classes")
        case .distributionCaption:
            ("%1: områden och invånare per klass, %2, %3", "%1: areas and residents per class, %2, %3")
        case .classLabel: ("Klass", "Class")
        case .areasInClass: ("Områden", "Areas")
        case .populationShare: ("Andel av invånarna", "Share of residents")
        case .areasByClass: ("Områdena i varje klass", "The areas in each class")
        case .classesFact: ("%1 klasser, från %2 till %3", "%1 classes, from %2 to %3")
        case .onePeriodOnly:
            (
                "Det finns bara värden för en period (%1), så ingen utveckling över tid att visa ännu.",
                "There are values for one period only (%1), so there is no change over time to show yet."
            )
        case .overTimeCity: ("%1: hela staden över tid", "%1: the whole city over time")
        case .periodsCount: ("perioder", "periods")
        case .unitPercent: ("procent", "percent")
        case .unitCount: ("antal", "count")
        case .unitSek: ("kronor", "SEK")
        case .unitYears: ("år", "years")
        case .unitPerMille: ("per 1 000", "per 1,000")
        case .unitPercentagePoints: ("procentenheter", "percentage points")
        case .directionLabel: ("Riktning", "Direction")
        case .higherIsBetter: ("högre är bättre", "higher is better")
        case .lowerIsBetter: ("lägre är bättre", "lower is better")
        case .trendLabel: ("Utveckling", "Trend")
        case .trendWidening: ("ökande skillnad", "widening gap")
        case .trendStable: ("oförändrad skillnad", "stable gap")
        case .trendNarrowing: ("minskande skillnad", "narrowing gap")
        case .trendNotEnoughData: ("för lite data", "not enough data")
        case .latestPeriod: ("Senaste period", "Latest period")
        case .bestArea: ("Bästa område", "Best area")
        case .worstArea: ("Sämsta område", "Worst area")
        case .gapDifference: ("Skillnad bästa–sämsta", "Gap best–worst")
        case .gapRatio: ("Kvot bästa/sämsta", "Ratio best/worst")
        case .areaCount: ("Antal områden", "Number of areas")
        case .barsDesc:
            (
                "Stapeldiagram över %1, sorterade från högst till lägst värde. Den lodräta linjen är hela stadens värde, %2. Samma uppgifter finns i tabellen under diagrammet.",
                "Bar chart of the %1, sorted from highest to lowest value. The vertical line is the whole city's value, %2. The same figures are in the table below the chart."
            )
        case .mapDescClasses:
            (
                "Karta där områdena är färgade efter klass, med en färg per klass. Varje område är en länk till dess sida; områdena finns också i listan över klasserna.",
                "Map with the areas coloured by class, one colour per class. Each area is a link to its page; the areas are also in the list of classes."
            )
        case .mapDesc:
            (
                "Karta där områdena är färgade efter värde, ljusast för de sämsta och mörkast för de bästa. Varje område är en länk till dess sida; värdena finns också i tabellen vid stapeldiagrammet.",
                "Map with the areas coloured by value, lightest for the worst and darkest for the best. Each area is a link to its page; the values are also in the table with the bar chart."
            )
        case .seriesDesc:
            (
                "Linjediagram över hela stadens värde per period. Samma uppgifter finns i tabellen under diagrammet.",
                "Line chart of the whole city's value per period. The same figures are in the table below the chart."
            )
        case .gapSeriesDesc:
            (
                "Linjediagram över skillnaden mellan bästa och sämsta område per period. Samma uppgifter finns i tabellen under diagrammet.",
                "Line chart of the gap between the best and the worst area per period. The same figures are in the table below the chart."
            )
        case .groupsCaption: ("Grupper: medelvärde över %1, %2", "Groups: mean over the %1, %2")
        case .groups: ("Grupper", "Groups")
        case .dimKon: ("kön", "sex")
        case .dimValueKonK: ("kvinnor", "women")
        case .dimValueKonM: ("män", "men")
        case .dimAlder: ("ålder", "age")
        case .dimFodd: ("född", "born")
        case .updated: ("Uppdaterad", "Updated")
        case .followsUp: ("Följer upp", "Follows up")
        case .preliminaryNote:
            (
                "Värdena för perioden är preliminära och kan ändras.",
                "The values for the period are preliminary and may change."
            )
        case .chooseLevel: ("Områdesnivå", "Area level")
        case .choosePeriod: ("Period", "Period")
        case .noValues: ("Indikatorn har inga värden ännu.", "The indicator has no values yet.")
        case .byArea: ("Per område", "By area")
        case .map: ("Karta", "Map")
        case .overTime: ("Över tid", "Over time")
        case .download: ("Ladda ner", "Download")
        case .downloadCSV: ("CSV (komma, decimalpunkt)", "CSV (comma, decimal point)")
        case .downloadExcel:
            (
                "CSV för svenska Excel (semikolon, decimalkomma)",
                "CSV for Swedish Excel (semicolon, decimal comma)"
            )
        case .downloadJSON: ("JSON", "JSON")
        case .downloadOpenSDG: ("Open SDG (CSV)", "Open SDG (CSV)")
        case .statusAchieved: ("uppnått", "achieved")
        case .statusOnTrack: ("i fas", "on track")
        case .statusOffTrack: ("inte i fas", "off track")
        case .statusDeteriorating: ("försämrat", "deteriorating")
        case .statusNotEnoughData: ("för lite data", "not enough data")
        case .milestoneRatio: ("%1 % av takten som behövs", "%1% of the rate needed")
        case .importIndicator: ("Importera statistik", "Import statistics")
        case .importIntro:
            (
                "Läs in en fil med värden för en indikator: CSV som den publiceras (komma, semikolon eller tabb, decimalkomma eller punkt, en rad per område och period eller en kolumn per år), PC-Axis eller JSON-stat från PxWeb, Koladas JSON eller Open SDG. Allt eller inget sparas; varje fel visas med rad och kolumn.",
                "Load a file with values of an indicator: CSV as published (comma, semicolon or tab, decimal comma or point, a row per area and period or a column per year), PC-Axis or JSON-stat from PxWeb, Kolada JSON or Open SDG. All or nothing is saved; every error is shown with its line and column."
            )
        case .importRefused:
            (
                "Filen lästes inte in. Inget sparades.",
                "The file was not imported. Nothing was saved."
            )
        case .importDone: ("%1 värden för %2 är inlästa.", "%1 values of %2 were imported.")
        case .uploadNoFile: ("Välj en fil att läsa in.", "Choose a file to import.")
        case .showIndicator: ("Visa indikatorn", "Show the indicator")
        case .computableCount: ("Beräkningsbara", "Computable")
        case .notComputableCount: ("Ej beräkningsbara", "Not computable")
        case .periodsLabel: ("Perioder", "Periods")
        case .createdAreas: ("Nya områden", "New areas")
        case .skippedRows: ("Rader utan känt område (överhoppade)", "Rows without a known area (skipped)")
        case .addedUpValues: ("Värden summerade för områdena ovanför", "Values added up for the areas above")
        case .theFile: ("Filen", "The file")
        case .columns: ("Kolumner och områden", "Columns and areas")
        case .formatCsv: ("CSV med kolumnval", "CSV with column mapping")
        case .formatKolada: ("Kolada (JSON)", "Kolada (JSON)")
        case .formatOpensdg: ("Open SDG (CSV)", "Open SDG (CSV)")
        case .formatPx: ("PC-Axis (.px)", "PC-Axis (.px)")
        case .formatJsonstat: ("JSON-stat 2.0 (PxWeb)", "JSON-stat 2.0 (PxWeb)")
        case .fFile: ("Fil", "File")
        case .fKind: ("Slags värden", "Kind of values")
        case .kindQuantity: ("Mängder, andelar, belopp", "Amounts, shares, sums")
        case .kindCategorical: ("Klasser i ordning (till exempel typ 1–5)", "Ordered classes (for example type 1–5)")
        case .fClasses: ("Klasser", "Classes")
        case .hClasses:
            (
                "Bara för klasser: en per rad, talet och benämningen, till exempel 1 = Stora utmaningar | Major challenges (engelska efter | om du vill).",
                "For classes only: one per line, the number and the label, for example 1 = Stora utmaningar | Major challenges (English after | if you wish)."
            )
        case .hFile:
            ("CSV, TXT, JSON eller PC-Axis (.px), högst 200 MB.", "CSV, TXT, JSON or PC-Axis (.px), at most 200 MB.")
        case .fFormat: ("Format", "Format")
        case .fCode: ("Kod", "Code")
        case .hCode:
            (
                "Små bokstäver a–z, siffror och bindestreck, t.ex. valdeltagande. Samma kod ersätter perioderna som filen har.",
                "Lowercase a–z, digits and hyphens, e.g. valdeltagande. The same code replaces the periods the file has."
            )
        case .fName: ("Namn", "Name")
        case .fNameEn: ("Namn på engelska", "Name in English")
        case .fDefinition: ("Definition", "Definition")
        case .fSource: ("Källa", "Source")
        case .fSourceURL: ("Länk till källan", "Link to the source")
        case .fAreaKind: ("Typ av område i filen", "Kind of area in the file")
        case .fAreaCode: ("Kolumn med områdeskod", "Column with the area code")
        case .fAreaName: ("Kolumn med områdesnamn", "Column with the area name")
        case .fNumerator: ("Kolumn med täljare", "Column with the numerator")
        case .fDenominator: ("Kolumn med nämnare", "Column with the denominator")
        case .fValue: ("Kolumn med färdigt värde", "Column with a ready value")
        case .hValue: ("I stället för täljare och nämnare.", "Instead of numerator and denominator.")
        case .fPeriod: ("Period för hela filen", "Period of the whole file")
        case .fPeriodColumn: ("Kolumn med period", "Column with the period")
        case .fPeriodColumns: ("Periodkolumner (en kolumn per år)", "Period columns (one column per year)")
        case .hPeriodColumns:
            (
                "För en bred tabell: ett mönster med YEAR (t.ex. Medelvärde * YEAR), kolumner vars rubrik slutar med året (Medelvärde 2020, Medelvärde 2021 eller #4, #5) eller #4-#7=2020-2023. Varje sådan kolumn är värdet för sitt år; lämna värde, täljare, nämnare och period tomma.",
                "For a wide table: a pattern with YEAR (e.g. Medelvärde * YEAR), columns whose header ends in the year (Medelvärde 2020, Medelvärde 2021 or #4, #5), or #4-#7=2020-2023. Each such column is the value for its year; leave value, numerator, denominator and period empty."
            )
        case .fGroups: ("Grupper", "Groups")
        case .hGroups: ("DIMENSION=KOLUMN, t.ex. kon=Kön", "DIMENSION=COLUMN, e.g. kon=Kön")
        case .fFilters: ("Bara rader där", "Only rows where")
        case .hFilters:
            (
                "KOLUMN=VÄRDE, eller KOLUMN^=BÖRJAN för värden som börjar så (stora och små bokstäver skiljs), åtskilda med kommatecken, t.ex. KOMMUNKOD=180, Region^=Stockholm (. Koder av siffror jämförs utan inledande nollor: 0180 är 180.",
                "COLUMN=VALUE, or COLUMN^=START for values that begin so (case matters), separated by commas, e.g. KOMMUNKOD=180, Region^=Stockholm (. Codes of digits compare without leading zeros: 0180 is 180."
            )
        case .fParent: ("Nya områden ligger i", "New areas lie in")
        case .hParent: ("Områdets id, t.ex. stockholm", "The area's id, e.g. stockholm")
        case .fCreateAreas: ("Skapa områden som saknas", "Create missing areas")
        case .fSkipUnmatched: ("Hoppa över rader med okänt område", "Skip rows with an unknown area")
        case .fMatchNamesAcrossKinds: ("Matcha namn mot andra sorters områden", "Match names across kinds of area")
        case .hMatchNamesAcrossKinds:
            (
                "Ett namn som inte finns bland filens sort av område får matcha ett område av en annan sort med samma namn, t.ex. RegSO-området Stockholm (Rinkeby) stadsdelen Rinkeby. Det är ibland rätt och ibland fel: granska vad importen säger.",
                "A name not among the file's kind of area may match an area of another kind with the same name, e.g. the RegSO area Stockholm (Rinkeby) the district Rinkeby. That is sometimes right and sometimes wrong: check what the import reports."
            )
        case .fAggregate:
            (
                "Räkna också ut stadsdelar, stadsdelsområden och staden genom att summera de små områdena",
                "Also compute districts, district areas and the city by adding up the small areas"
            )
        case .hAggregate:
            (
                "Täljare och nämnare summeras, andelar medelvärdesbildas aldrig (finns bara andelar och befolkning vägs de med befolkningen). Värdena märks som summerade och räknas om vid varje import.",
                "Numerators and denominators are added up, rates are never averaged (where there are only rates and populations, they are weighted by population). The values are marked as added up and recomputed on every import."
            )
        case .fAllowSameName:
            (
                "Skapa en ny indikator även om en annan har samma namn",
                "Create a new indicator even if one has the same name"
            )
        case .hAllowSameName:
            (
                "Annars stoppas importen om en indikator med en annan kod redan har namnet, så att du kan använda dess kod i stället.",
                "Otherwise the import stops when an indicator with another code already has the name, so that you can use its code instead."
            )
        case .previewHeading: ("Kontrollera innan något sparas", "Check before anything is saved")
        case .previewNew:
            (
                "Filen skapar indikatorn %1 med %2 värden.",
                "The file creates the indicator %1 with %2 values."
            )
        case .previewReplace:
            (
                "Filen ersätter värden för %1 med %2 värden.",
                "The file replaces values of %1 with %2 values."
            )
        case .previewReplaced:
            (
                "%1 av indikatorns %2 nuvarande värden (samma perioder och grupper) ersätts.",
                "%1 of the indicator's %2 current values (the same periods and groups) are replaced."
            )
        case .previewKept:
            (
                "De nuvarande värdena sparas och kan återställas.",
                "The current values are kept and can be restored."
            )
        case .previewConfirm: ("Läs in filen", "Import the file")
        case .previewChange:
            (
                "Vill du ändra något? Ändra formuläret nedan och välj filen igen.",
                "Want to change something? Change the form below and choose the file again."
            )
        case .previewButton: ("Granska importen", "Review the import")
        case .uploadExpired:
            (
                "Den granskade filen finns inte längre (efter en timme tas den bort). Välj filen igen.",
                "The reviewed file is no longer kept (it is removed after an hour). Choose the file again."
            )
        case .fOwner: ("Ägande organ", "Owning body")
        case .hOwner:
            (
                "Bara organets redaktörer och administratörer kan ersätta indikatorns värden.",
                "Only the body's editors and administrators can replace the indicator's values."
            )
        case .keptHeading: ("Tidigare import", "Earlier import")
        case .keptImport:
            (
                "Före den senaste importen av %1 sparades %2 värden (%3, %4).",
                "Before the last import of %1, %2 values were kept (%3, %4)."
            )
        case .restoreButton: ("Återställ de tidigare värdena", "Restore the earlier values")
        case .restoreDone:
            (
                "%1 värden för %2 är återställda. Värdena före återställningen sparas och kan återställas i sin tur.",
                "%1 values of %2 have been restored. The values before the restore are kept and can be restored in turn."
            )
        }
    }
}

extension Texts {
    subscript(_ key: IndicatorText) -> String { self[typed: key] }
}
