/// A key of the catalogue's texts: reports, measures, bodies, areas, the roadmap, editing; each has its text in Swedish and English (see `TextKey`).
enum CatalogueText: String, TextKey {
    case positionsOnMeasure
    case roadmap
    case overview
    case homeIntro
    case countReports
    case countMeasure
    case countMeasures
    case countBodies
    case countStrategies
    case countAreas
    case latestReports
    case measureCount
    case lead
    case collaborating
    case noLead
    case noMeasures
    case parentMeasure
    case childMeasures
    case sameCode
    case groupMembers
    case groupOpen
    case leads
    case collaboratesOn
    case viaGroup
    case parentBody
    case childBodies
    case validity
    case shortName
    case noInvolvement
    case vision
    case linkedMeasures
    case parentArea
    case childAreas
    case searchNone
    case searchEmpty
    case hit
    case hits
    case until
    case from
    case kindCouncil = "kind.council"
    case kindExecutiveBoard = "kind.executiveBoard"
    case kindExecutiveOffice = "kind.executiveOffice"
    case kindSpecialistCommittee = "kind.specialistCommittee"
    case kindDistrictCouncil = "kind.districtCouncil"
    case kindCompanyBoard = "kind.companyBoard"
    case kindCommission = "kind.commission"
    case kindExternal = "kind.external"
    case kind1Council = "kind1.council"
    case kind1ExecutiveBoard = "kind1.executiveBoard"
    case kind1ExecutiveOffice = "kind1.executiveOffice"
    case kind1SpecialistCommittee = "kind1.specialistCommittee"
    case kind1DistrictCouncil = "kind1.districtCouncil"
    case kind1CompanyBoard = "kind1.companyBoard"
    case kind1Commission = "kind1.commission"
    case kind1External = "kind1.external"
    case area1City = "area1.city"
    case area1DistrictArea = "area1.districtArea"
    case area1District = "area1.district"
    case area1VotingDistrict = "area1.votingDistrict"
    case area1StatisticalArea = "area1.statisticalArea"
    case area1Regso = "area1.regso"
    case area1Deso = "area1.deso"
    case groupAllDistrictCouncils = "group.allDistrictCouncils"
    case groupAllCommitteesAndBoards = "group.allCommitteesAndBoards"
    case groupConcernedBodies = "group.concernedBodies"
    case groupConcernedDistrictCouncils = "group.concernedDistrictCouncils"
    case groupCityHousingCompanies = "group.cityHousingCompanies"
    case roadmapIntro
    case noRoadmap
    case reportsIntro
    case bodiesIntro
    case areasIntro
    case openLink
    case editRoadmap
    case newTargetArea
    case strategiesLines
    case hintStrategies = "hint.strategies"
    case hintMilestones = "hint.milestones"
    case cancel
    case backToObject
    case noHistory
    case field
    case newBody = "new.body"
    case newArea = "new.area"
    case newReport = "new.report"
    case newMeasure = "new.measure"
    case conflictHeading
    case conflictText
    case savedVersion
    case yourVersion
    case deleteRefused
    case fieldId = "field.id"
    case fieldName = "field.name"
    case fieldNameEn = "field.nameEn"
    case fieldShortName = "field.shortName"
    case fieldKind = "field.kind"
    case fieldParent = "field.parent"
    case fieldValidFrom = "field.validFrom"
    case fieldValidTo = "field.validTo"
    case fieldNote = "field.note"
    case fieldCode = "field.code"
    case fieldAliases = "field.aliases"
    case fieldTitle = "field.title"
    case fieldTitleEn = "field.titleEn"
    case fieldSubtitle = "field.subtitle"
    case fieldYear = "field.year"
    case fieldLetter = "field.letter"
    case fieldCommissionArea = "field.commissionArea"
    case fieldLink = "field.link"
    case fieldSummary = "field.summary"
    case fieldChapters = "field.chapters"
    case fieldReport = "field.report"
    case fieldDescription = "field.description"
    case fieldLeadBody = "field.leadBody"
    case fieldJointLeadBodies = "field.jointLeadBodies"
    case fieldCollaboratingBodies = "field.collaboratingBodies"
    case fieldStrategies = "field.strategies"
    case hintId = "hint.id"
    case hintDate = "hint.date"
    case hintLines = "hint.lines"
    case hintLetter = "hint.letter"
    case hintChapters = "hint.chapters"
    case hintCode = "hint.code"
    case actionCreate = "action.create"
    case actionUpdate = "action.update"
    case actionDelete = "action.delete"
    case actionSignIn = "action.sign-in"
    case actionSignInFailed = "action.sign-in-failed"
    case problemStillReferred
    case problemSameIDAtOnce
    case problemRoadmapVersion
    case problemNotAYear
    case problemChapterLine
    case problemVersionConflict
    case yourArea
    case yourAreaIntro
    case yourAreaSearch
    case yourAreaHint
    case homeIndicators
    case allIndicators
    case differencesBetweenAreas
    case areaPluralCity = "areaPlural.city"
    case areaPluralDistrictArea = "areaPlural.districtArea"
    case areaPluralDistrict = "areaPlural.district"
    case areaPluralVotingDistrict = "areaPlural.votingDistrict"
    case areaPluralStatisticalArea = "areaPlural.statisticalArea"
    case areaPluralRegso = "areaPlural.regso"
    case areaPluralDeso = "areaPlural.deso"
    case areaHeadingDistrictArea = "areaHeading.districtArea"
    case areaHeadingDistrict = "areaHeading.district"
    case areaHeadingVotingDistrict = "areaHeading.votingDistrict"
    case areaHeadingStatisticalArea = "areaHeading.statisticalArea"
    case areaHeadingRegso = "areaHeading.regso"
    case areaHeadingDeso = "areaHeading.deso"
    case areaHeadingCity = "areaHeading.city"
    case formerAreas
    case districtCouncil
    case districtAreaOf
    case standingHeading
    case standingIntro
    case higherThanCity
    case lowerThanCity
    case sameAsCity
    case betterThanCity
    case worseThanCity
    case rankAmong
    case standingTable
    case searchAreas
    case searchIndicators
    case searchAnswers
    case searchOnly
    case searchEverything
    case answerBy
    case sourceNote
    case showAll
    case searchEverythingLabel
    case districtAreasHeading
    case homeMapDesc

    var text: (sv: String, en: String) {
        switch self {
        case .problemVersionConflict:
            (
                "%1 ”%2” har version %3, men ändringen utgick från version %4: någon sparade emellan. Ladda om, för samman och spara igen.",
                "%1 '%2' is at version %3, but the change was based on version %4: someone saved in between. Reload, merge and save again."
            )
        case .problemStillReferred:
            (
                "Den används fortfarande (till exempel av indikatorvärden eller remissvar) och kan därför inte tas bort.",
                "It is still referred to (for example by indicator values or referral answers), so it cannot be deleted."
            )
        case .problemSameIDAtOnce:
            (
                "En annan ändring med samma id sparades i samma ögonblick. Ladda om sidan och försök igen.",
                "Another change with the same id was saved at the same moment; reload and try again."
            )
        case .problemRoadmapVersion:
            (
                "Färdplanen har version %1, men ändringen utgick från version %2: någon sparade emellan. Ladda om, för samman och spara igen.",
                "The roadmap is at version %1, but the change was based on version %2: someone saved in between. Reload, merge and save again."
            )
        case .problemNotAYear: ("ange ett år, till exempel 2016", "expected a year, e.g. 2016")
        case .problemChapterLine:
            ("rad %1: skriv ett kapitel som ”4: Titel”", "line %1: write a chapter as \"4: Title\"")
        case .positionsOnMeasure: ("Remissinstansernas ställningstaganden", "Positions taken in referral answers")
        case .roadmap: ("Färdplan", "Roadmap")
        case .overview: ("Översikt", "Overview")
        case .homeIntro:
            (
                "Kommissionen för ett socialt hållbart Stockholm analyserade skillnader i livsvillkor och föreslog åtgärder. Här finns varje rapport, varje åtgärd med ansvarigt organ och färdplanen mot Vision 2040.",
                "The Commission for a Socially Sustainable Stockholm analysed differences in living conditions and proposed measures. Here you find every report, every measure with its lead body, and the roadmap to Vision 2040."
            )
        case .countReports: ("rapporter", "reports")
        case .countMeasure: ("åtgärd", "measure")
        case .countMeasures: ("åtgärder", "measures")
        case .countBodies: ("organ", "bodies")
        case .countStrategies: ("strategier", "strategies")
        case .countAreas: ("områden", "areas")
        case .latestReports: ("Rapporter", "Reports")
        case .measureCount: ("Antal åtgärder", "Number of measures")
        case .lead: ("Ansvarig", "Lead")
        case .collaborating: ("Samverkan", "Collaborating")
        case .noLead: ("Källan anger inget ansvarigt organ", "The source names no lead body")
        case .noMeasures: ("Inga åtgärder registrerade.", "No measures recorded.")
        case .parentMeasure: ("Överordnad åtgärd", "Parent measure")
        case .childMeasures: ("Underordnade åtgärder", "Sub-measures")
        case .sameCode: ("Samma nummer i andra rapporter", "The same number in other reports")
        case .groupMembers: ("Det gäller", "This means")
        case .groupOpen:
            (
                "Källan anger inte vilka organ som avses.",
                "The source does not say which bodies are meant."
            )
        case .leads: ("Ansvarar för", "Leads")
        case .collaboratesOn: ("Samverkar i", "Collaborates on")
        case .viaGroup: ("som en av", "as one of")
        case .parentBody: ("Hör till", "Part of")
        case .childBodies: ("Underordnade", "Subordinate bodies")
        case .validity: ("Giltighet", "Validity")
        case .shortName: ("Förkortning", "Abbreviation")
        case .noInvolvement:
            (
                "Organet är inte ansvarigt för eller samverkar i någon åtgärd i katalogen.",
                "The body neither leads nor collaborates on any measure in the catalogue."
            )
        case .vision: ("Vision", "Vision")
        case .linkedMeasures: ("Kopplade åtgärder", "Linked measures")
        case .parentArea: ("Ligger i", "Part of")
        case .childAreas: ("Delområden", "Sub-areas")
        case .searchNone:
            (
                "Inga träffar. Pröva ett kortare ord eller en annan böjning.",
                "No results. Try a shorter word or another form."
            )
        case .searchEmpty:
            (
                "Skriv ett eller flera ord, till exempel medborgardialog, Älvsjö eller 4.1.1.",
                "Type one or more words, for example medborgardialog, Älvsjö or 4.1.1."
            )
        case .hit: ("träff", "result")
        case .hits: ("träffar", "results")
        case .until: ("till", "until")
        case .from: ("från", "from")
        case .kindCouncil: ("Kommunfullmäktige", "City council")
        case .kindExecutiveBoard: ("Kommunstyrelse", "Executive board")
        case .kindExecutiveOffice: ("Stadsledningskontoret", "Executive office")
        case .kindSpecialistCommittee: ("Facknämnder", "Specialist committees")
        case .kindDistrictCouncil: ("Stadsdelsnämnder", "District councils")
        case .kindCompanyBoard: ("Bolagsstyrelser", "Company boards")
        case .kindCommission: ("Kommissionen", "The commission")
        case .kindExternal: ("Utanför staden", "Outside the city")
        case .kind1Council: ("kommunfullmäktige", "city council")
        case .kind1ExecutiveBoard: ("kommunstyrelse", "executive board")
        case .kind1ExecutiveOffice: ("förvaltning under kommunstyrelsen", "executive office")
        case .kind1SpecialistCommittee: ("facknämnd", "specialist committee")
        case .kind1DistrictCouncil: ("stadsdelsnämnd", "district council")
        case .kind1CompanyBoard: ("bolagsstyrelse", "company board")
        case .kind1Commission: ("kommission", "commission")
        case .kind1External: ("aktör utanför staden", "party outside the city")
        case .area1City: ("kommun", "municipality")
        case .area1DistrictArea: ("stadsdelsområde", "district area")
        case .area1District: ("stadsdel", "district")
        case .area1VotingDistrict: ("valdistrikt", "voting district")
        case .area1StatisticalArea: ("statistikområde", "statistical area")
        case .area1Regso: ("RegSO-område", "RegSO area")
        case .area1Deso: ("DeSO-område", "DeSO area")
        case .groupAllDistrictCouncils: ("samtliga stadsdelsnämnder", "all district councils")
        case .groupAllCommitteesAndBoards:
            (
                "samtliga nämnder och bolagsstyrelser",
                "all committees and company boards"
            )
        case .groupConcernedBodies: ("berörda nämnder", "the committees concerned")
        case .groupConcernedDistrictCouncils: ("berörda stadsdelsnämnder", "the district councils concerned")
        case .groupCityHousingCompanies: ("stadens bostadsbolag", "the city's housing companies")
        case .roadmapIntro:
            (
                "Färdplanen knyter kommissionens åtgärder till Vision 2040 genom målområden, strategier och etappmål.",
                "The roadmap ties the commission's measures to Vision 2040 through target areas, strategies and milestone targets."
            )
        case .noRoadmap: ("Ingen färdplan är inläst.", "No roadmap has been loaded.")
        case .reportsIntro:
            (
                "Kommissionens rapporter med deras numrerade åtgärder.",
                "The commission's reports with their numbered measures."
            )
        case .bodiesIntro:
            (
                "Nämnder, stadsdelsnämnder, bolagsstyrelser och andra organ som leder eller samverkar i åtgärderna.",
                "Committees, district councils, company boards and other bodies that lead or collaborate on the measures."
            )
        case .areasIntro:
            (
                "Stadens områden: stadsdelsområden med sina stadsdelar, och för sig valdistrikt och statistikområden. Områden som har slagits samman visas med sin giltighetstid.",
                "The city's areas: district areas with their districts, and apart from them voting districts and statistical areas. Areas that have been merged are shown with their period of validity."
            )
        case .openLink: ("Öppna rapporten", "Open the report")
        case .editRoadmap: ("Redigera färdplanen", "Edit the roadmap")
        case .newTargetArea: ("Nytt målområde (fyll i id och namn)", "New target area (fill in id and name)")
        case .strategiesLines: ("Strategier", "Strategies")
        case .hintStrategies:
            (
                "En per rad: I | svensk titel | engelsk titel",
                "One per line: I | Swedish title | English title"
            )
        case .hintMilestones:
            (
                "En per rad: id | text | indikator | enhet | utgångsvärde | år | målvärde | år",
                "One per line: id | text | indicator | unit | baseline | year | target | year"
            )
        case .cancel: ("Avbryt", "Cancel")
        case .backToObject: ("Tillbaka", "Back")
        case .noHistory: ("Inga ändringar registrerade.", "No changes recorded.")
        case .field: ("Fält", "Field")
        case .newBody: ("Nytt organ", "New body")
        case .newArea: ("Nytt område", "New area")
        case .newReport: ("Ny rapport", "New report")
        case .newMeasure: ("Ny åtgärd", "New measure")
        case .conflictHeading: ("Någon annan har sparat under tiden", "Someone else saved in the meantime")
        case .conflictText:
            (
                "Din ändring sparades inte. Jämför den sparade versionen med din, rätta formuläret nedan (det innehåller det du skrev) och spara igen.",
                "Your change was not saved. Compare the saved version with yours, correct the form below (it holds what you typed) and save again."
            )
        case .savedVersion: ("Sparad version", "Saved version")
        case .yourVersion: ("Din version", "Your version")
        case .deleteRefused:
            (
                "Det här kan inte tas bort eftersom annat hänvisar till det:",
                "This cannot be deleted because other things refer to it:"
            )
        case .fieldId: ("Id (i adressen)", "Id (in the address)")
        case .fieldName: ("Namn", "Name")
        case .fieldNameEn: ("Namn på engelska", "Name in English")
        case .fieldShortName: ("Förkortning", "Abbreviation")
        case .fieldKind: ("Typ", "Kind")
        case .fieldParent: ("Hör till", "Part of")
        case .fieldValidFrom: ("Giltig från", "Valid from")
        case .fieldValidTo: ("Giltig till", "Valid to")
        case .fieldNote: ("Anmärkning", "Note")
        case .fieldCode: ("Kod", "Code")
        case .fieldAliases: ("Andra namn", "Other names")
        case .fieldTitle: ("Titel", "Title")
        case .fieldTitleEn: ("Titel på engelska", "Title in English")
        case .fieldSubtitle: ("Undertitel", "Subtitle")
        case .fieldYear: ("År", "Year")
        case .fieldLetter: ("Bokstav", "Letter")
        case .fieldCommissionArea: ("Kommissionens område", "Commission area")
        case .fieldLink: ("Länk", "Link")
        case .fieldSummary: ("Sammanfattning", "Summary")
        case .fieldChapters: ("Kapitel", "Chapters")
        case .fieldReport: ("Rapport", "Report")
        case .fieldDescription: ("Beskrivning", "Description")
        case .fieldLeadBody: ("Ansvarigt organ", "Lead body")
        case .fieldJointLeadBodies: ("Delar ansvaret", "Shares the lead")
        case .fieldCollaboratingBodies: ("Samverkar", "Collaborating bodies")
        case .fieldStrategies: ("Strategier i färdplanen", "Roadmap strategies")
        case .hintId:
            (
                "Små bokstäver a–z, siffror och bindestreck. Lämna tomt för att skapa av namnet.",
                "Lowercase a–z, digits and hyphens. Leave empty to derive it from the name."
            )
        case .hintDate: ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD")
        case .hintLines: ("Ett per rad.", "One per line.")
        case .hintLetter:
            (
                "En bokstav A–Z om rapportens åtgärder har den (A.2.3.1).",
                "One letter A–Z if the report's measures carry it (A.2.3.1)."
            )
        case .hintChapters: ("Ett kapitel per rad: 4: Rubrik", "One chapter per line: 4: Heading")
        case .hintCode: ("Till exempel 4.1.1 eller A.2.3.1", "For example 4.1.1 or A.2.3.1")
        case .actionCreate: ("skapad", "created")
        case .actionUpdate: ("ändrad", "changed")
        case .actionDelete: ("borttagen", "deleted")
        case .actionSignIn: ("inloggning", "sign-in")
        case .actionSignInFailed: ("misslyckad inloggning", "failed sign-in")
        case .yourArea: ("Ditt område", "Your area")
        case .yourAreaIntro:
            (
                "Sök ditt område eller välj ditt stadsdelsområde. Där ser du vilken stadsdelsnämnd som ansvarar och hur området ligger till jämfört med hela staden.",
                "Find your area or choose your district area. There you see which district council is responsible and how the area compares with the whole city."
            )
        case .yourAreaSearch: ("Sök område", "Find an area")
        case .yourAreaHint: ("Till exempel Rinkeby, Husby eller Älvsjö", "For example Rinkeby, Husby or Älvsjö")
        case .homeIndicators:
            (
                "Indikatorer följer skillnader i livsvillkor mellan stadens områden över tid, till exempel valdeltagande.",
                "Indicators follow differences in living conditions between the city's areas over time, for example voter turnout."
            )
        case .allIndicators: ("Alla indikatorer", "All indicators")
        case .differencesBetweenAreas: ("Skillnader mellan områden", "Differences between areas")
        case .areaPluralCity: ("kommuner", "municipalities")
        case .areaPluralDistrictArea: ("stadsdelsområden", "district areas")
        case .areaPluralDistrict: ("stadsdelar", "districts")
        case .areaPluralVotingDistrict: ("valdistrikt", "voting districts")
        case .areaPluralStatisticalArea: ("statistikområden", "statistical areas")
        case .areaPluralRegso: ("RegSO-områden", "RegSO areas")
        case .areaPluralDeso: ("DeSO-områden", "DeSO areas")
        case .areaHeadingDistrictArea: ("Stadsdelsområden och stadsdelar", "District areas and districts")
        case .areaHeadingDistrict: ("Stadsdelar utanför stadsdelsområdena", "Districts outside the district areas")
        case .areaHeadingVotingDistrict: ("Valdistrikt", "Voting districts")
        case .areaHeadingStatisticalArea: ("Andra statistikområden", "Other statistical areas")
        case .areaHeadingRegso:
            (
                "RegSO-områden (regionala statistikområden)",
                "RegSO areas (Statistics Sweden's regional statistical areas)"
            )
        case .areaHeadingDeso:
            (
                "DeSO-områden (demografiska statistikområden)",
                "DeSO areas (Statistics Sweden's demographic statistical areas)"
            )
        case .areaHeadingCity: ("Kommunen", "The municipality")
        case .formerAreas: ("Tidigare områden", "Former areas")
        case .districtCouncil: ("Stadsdelsnämnd", "District council")
        case .districtAreaOf: ("Stadsdelsområde", "District area")
        case .standingHeading: ("Så ligger området till", "How the area compares")
        case .standingIntro:
            (
                "Det senaste värdet för varje indikator, jämfört med hela staden.",
                "The latest value of each indicator, compared with the whole city."
            )
        case .higherThanCity: ("högre än staden (%1)", "higher than the city (%1)")
        case .lowerThanCity: ("lägre än staden (%1)", "lower than the city (%1)")
        case .sameAsCity: ("samma som staden (%1)", "the same as the city (%1)")
        case .betterThanCity: ("bättre än staden", "better than the city")
        case .worseThanCity: ("sämre än staden", "worse than the city")
        case .rankAmong: ("plats %1 av %2 (plats 1 är bäst)", "place %1 of %2 (place 1 is best)")
        case .standingTable: ("Indikatorvärden för området och staden", "Indicator values for the area and the city")
        case .searchAreas: ("Områden", "Areas")
        case .searchIndicators: ("Indikatorer", "Indicators")
        case .searchAnswers: ("Remissvar", "Referral answers")
        case .searchOnly: ("Visar bara: %1.", "Showing only: %1.")
        case .searchEverything: ("Sök i allt", "Search everything")
        case .answerBy: ("%1 svarar på %2", "%1 answers %2")
        case .sourceNote: ("Källa och anmärkning", "Source and note")
        case .showAll: ("Visa alla %1", "Show all %1")
        case .searchEverythingLabel:
            (
                "Sök bland områden, indikatorer, organ, rapporter, åtgärder och remissvar",
                "Search areas, indicators, bodies, reports, measures and referral answers"
            )
        case .districtAreasHeading: ("Stadsdelsområden", "District areas")
        case .homeMapDesc:
            (
                "Karta över stadsdelsområdena. Varje område är en länk till dess sida, som i listan ovan.",
                "Map of the district areas. Each area is a link to its page, as in the list above."
            )
        }
    }
}

extension Texts {
    subscript(_ key: CatalogueText) -> String { self[typed: key] }
}
