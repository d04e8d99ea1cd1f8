/// A key of texts used by more than one capability and by the layout; each has its text in Swedish and English (see `TextKey`).
enum CommonText: String, TextKey {
    case referral
    case sender
    case questions
    case recipient
    case scope
    case position
    case unknown
    case prerequisites
    case revision
    case indicators
    case area
    case value
    case period
    case notComputable
    case unit
    case latestValue
    case cityWhole
    case barsOmitted
    case tableShortened
    case fullTable
    case barsDescShortened
    case group
    case showTable
    case unmapped
    case mapLegendDirection
    case preliminary
    case population
    case status
    case tagline
    case skip
    case mainNav
    case breadcrumbs
    case home
    case reports
    case measures
    case bodies
    case areas
    case search
    case searchLabel
    case searchButton
    case languageSwitch
    case footer
    case apiLink
    case targetAreas
    case year
    case letter
    case commissionArea
    case title
    case code
    case chapter
    case summary
    case source
    case report
    case measure
    case description
    case strategies
    case kind
    case note
    case milestones
    case indicator
    case baseline
    case target
    case areaCode
    case aliases
    case searchResults
    case notFoundTitle
    case notFoundText
    case notFoundHelp
    case errorTitle
    case badRequestTitle
    case login
    case logout
    case email
    case name
    case role
    case required
    case edit
    case addNew
    case delete
    case history
    case before
    case after
    case none
    case signedInAs
    case save
    case a11yTitle

    var text: (sv: String, en: String) {
        switch self {
        case .referral: ("Remiss", "Referral")
        case .sender: ("Avsändare", "Sender")
        case .questions: ("Frågor", "Questions")
        case .recipient: ("Remissinstans", "Body")
        case .scope: ("Ombeds svara på", "Asked about")
        case .position: ("Ställningstagande", "Position")
        case .unknown: ("ej angett", "not stated")
        case .prerequisites: ("Förutsättningar som behövs", "Prerequisites needed")
        case .revision: ("version", "version")
        case .indicators: ("Indikatorer", "Indicators")
        case .area: ("Område", "Area")
        case .value: ("Värde", "Value")
        case .period: ("Period", "Period")
        case .notComputable: ("ej beräkningsbar", "not computable")
        case .unit: ("Enhet", "Unit")
        case .latestValue: ("Senaste värde", "Latest value")
        case .cityWhole: ("Hela staden", "Whole city")
        case .barsOmitted:
            (
                "… %1 områden däremellan (alla finns i den fullständiga tabellen)",
                "… %1 areas in between (all are in the full table)"
            )
        case .tableShortened:
            (
                "%1: de %2 högsta och de %2 lägsta av %3 områden",
                "%1: the %2 highest and the %2 lowest of %3 areas"
            )
        case .fullTable: ("Tabell med alla %1 områden", "Table of all %1 areas")
        case .barsDescShortened:
            (
                "Diagrammet visar de %1 högsta och de %1 lägsta värdena; de %2 områdena däremellan finns i den fullständiga tabellen.",
                "The chart shows the %1 highest and the %1 lowest values; the %2 areas in between are in the full table."
            )
        case .group: ("Grupp", "Group")
        case .showTable: ("Visa tabell", "Show table")
        case .unmapped: ("Utan karta", "Not on the map")
        case .mapLegendDirection: ("ljusast sämst, mörkast bäst", "lightest worst, darkest best")
        case .preliminary: ("preliminär", "preliminary")
        case .population: ("Folkmängd", "Population")
        case .status: ("Status", "Status")
        case .tagline:
            (
                "Stockholms arbete för en socialt hållbar stad – rapporter, åtgärder och färdplan",
                "Stockholm's work for a socially sustainable city – reports, measures and roadmap"
            )
        case .skip: ("Hoppa till innehållet", "Skip to content")
        case .mainNav: ("Huvudmeny", "Main menu")
        case .breadcrumbs: ("Du är här", "You are here")
        case .home: ("Start", "Home")
        case .reports: ("Rapporter", "Reports")
        case .measures: ("Åtgärder", "Measures")
        case .bodies: ("Organ", "Bodies")
        case .areas: ("Områden", "Areas")
        case .search: ("Sök", "Search")
        case .searchLabel:
            (
                "Sök bland områden, indikatorer, rapporter, åtgärder, organ och remissvar",
                "Search areas, indicators, reports, measures, bodies and referral answers"
            )
        case .searchButton: ("Sök", "Search")
        case .languageSwitch: ("In English", "På svenska")
        case .footer:
            (
                "Skillnad är öppen källkod. Innehållet bygger på Stockholms stads offentliga handlingar.",
                "Skillnad is open source. Its content is based on public records of the City of Stockholm."
            )
        case .apiLink: ("Öppet API", "Open API")
        case .targetAreas: ("Målområden", "Target areas")
        case .year: ("År", "Year")
        case .letter: ("Bokstav", "Letter")
        case .commissionArea: ("Kommissionens område", "Commission area")
        case .title: ("Titel", "Title")
        case .code: ("Nummer", "Code")
        case .chapter: ("Kapitel", "Chapter")
        case .summary: ("Sammanfattning", "Summary")
        case .source: ("Källa", "Source")
        case .report: ("Rapport", "Report")
        case .measure: ("Åtgärd", "Measure")
        case .description: ("Beskrivning", "Description")
        case .strategies: ("Strategier i färdplanen", "Roadmap strategies")
        case .kind: ("Typ", "Kind")
        case .note: ("Anmärkning", "Note")
        case .milestones: ("Etappmål", "Milestone targets")
        case .indicator: ("Indikator", "Indicator")
        case .baseline: ("Utgångsvärde", "Baseline")
        case .target: ("Målvärde", "Target")
        case .areaCode: ("Områdeskod", "Area code")
        case .aliases: ("Andra namn", "Other names")
        case .searchResults: ("Sökresultat", "Search results")
        case .notFoundTitle: ("Sidan finns inte", "Page not found")
        case .notFoundText:
            (
                "Vi hittar ingen sida på den adressen. Den kan ha flyttats, eller så är adressen felstavad.",
                "There is no page at this address. It may have moved, or the address may be misspelt."
            )
        case .notFoundHelp:
            (
                "Pröva att söka, eller gå till en av sidorna nedan.",
                "Try searching, or go to one of the pages below."
            )
        case .errorTitle: ("Något gick fel", "Something went wrong")
        case .badRequestTitle: ("Felaktig förfrågan", "Bad request")
        case .login: ("Logga in", "Sign in")
        case .logout: ("Logga ut", "Sign out")
        case .email: ("E-post", "E-mail")
        case .name: ("Namn", "Name")
        case .role: ("Roll", "Role")
        case .required: ("Måste fyllas i.", "Required.")
        case .edit: ("Redigera", "Edit")
        case .addNew: ("Lägg till", "Add")
        case .delete: ("Ta bort", "Delete")
        case .history: ("Historik", "History")
        case .before: ("Före", "Before")
        case .after: ("Efter", "After")
        case .none: ("(ingen)", "(none)")
        case .signedInAs: ("Inloggad som", "Signed in as")
        case .save: ("Spara", "Save")
        case .a11yTitle: ("Tillgänglighetsredogörelse", "Accessibility statement")
        }
    }
}

extension Texts {
    subscript(_ key: CommonText) -> String { self[typed: key] }
}
