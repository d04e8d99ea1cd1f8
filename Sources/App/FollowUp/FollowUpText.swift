/// A key of the follow-up's shared texts: the words for statuses, states, decision kinds and
/// funding sources, and the problems of reports and decisions (see `TextKey`). Pages and forms
/// keep their own keys in their own enums.
enum FollowUpText: String, TextKey {
    case followUp
    case statusNotStarted
    case statusInProgress
    case statusDone
    case statusDelayed
    case statusCancelled
    case stateDraft
    case stateSubmitted
    case statePublished
    case decisionTakenUp
    case decisionAssigned
    case decisionFinanced
    case decisionPostponed
    case decisionRejected
    case decisionOrdinaryOperations
    case decisionChangedBody
    case decisionChangedTarget
    case fundingOrdinaryBudget
    case fundingSocialInvestmentFund
    case fundingStateGrant
    case fundingOther
    case fieldStatus
    case fieldProgress
    case fieldNarrative
    case fieldSpent
    case fieldIndicators
    case fieldState
    case fieldVersion
    case fieldPeriod
    case fieldMeasure
    case fieldBody
    case fieldBudgetYear
    case fieldKind
    case fieldDecidedOn
    case fieldDecidingBody
    case fieldDiaryNumber
    case fieldBodies
    case fieldText
    case fieldAmount
    case fieldFunding
    case fieldPostponedTo
    case fieldAction
    case fieldAttachment
    case fieldWeight
    case followUpProblemRequired
    case followUpProblemUnknownStatus
    case followUpProblemUnknownState
    case followUpProblemProgressNotANumber
    case followUpProblemProgressOutOfRange
    case followUpProblemDoneBelow100
    case followUpProblemNotStartedAbove0
    case followUpProblemOtherCurrency
    case followUpProblemAmbiguousSeparators
    case followUpProblemAmountNotANumber
    case followUpProblemAmountNegative
    case followUpProblemAmountDecimals
    case followUpProblemAmountTooLarge
    case followUpProblemUnknownPeriod
    case followUpProblemUnknownMeasure
    case followUpProblemUnknownBody
    case followUpProblemUnknownIndicator
    case followUpProblemNotAssigned
    case followUpProblemNotYourBody
    case followUpProblemOnlyAdminsPublish
    case followUpProblemFollowUpNotADate
    case followUpProblemDecisionBeforeReport
    case followUpProblemVersionNotANumber
    case followUpProblemChangedSince
    case followUpProblemDuplicateRow
    case followUpProblemTooLong
    case followUpProblemUnknownKind
    case followUpProblemUnknownFunding
    case followUpProblemYearOutOfRange
    case followUpProblemPostponedNotLater
    case followUpProblemUnknownBudgetYear
    case followUpProblemWeight
    case followUpProblemPeriodHasReports
    case followUpProblemAttachment
    case followUpProblemAtLine

    var text: (sv: String, en: String) {
        switch self {
        case .followUp: ("Uppföljning", "Follow-up")
        case .statusNotStarted: ("Ej påbörjad", "Not started")
        case .statusInProgress: ("Pågår", "In progress")
        case .statusDone: ("Klar", "Done")
        case .statusDelayed: ("Försenad", "Delayed")
        case .statusCancelled: ("Avbruten", "Cancelled")
        case .stateDraft: ("Utkast", "Draft")
        case .stateSubmitted: ("Inlämnad", "Submitted")
        case .statePublished: ("Publicerad", "Published")
        case .decisionTakenUp: ("Upptagen i budgeten", "Taken up in the budget")
        case .decisionAssigned: ("Uppdrag", "Assigned")
        case .decisionFinanced: ("Finansierad", "Financed")
        case .decisionPostponed: ("Uppskjuten", "Postponed")
        case .decisionRejected: ("Avslagen", "Rejected")
        case .decisionOrdinaryOperations: ("Ingår i ordinarie verksamhet", "Part of ordinary operations")
        case .decisionChangedBody: ("Ny ansvarig instans", "Responsible body changed")
        case .decisionChangedTarget: ("Nytt mål", "Target changed")
        case .fundingOrdinaryBudget: ("Ordinarie budget", "Ordinary budget")
        case .fundingSocialInvestmentFund: ("Sociala investeringsfonden", "Social investment fund")
        case .fundingStateGrant: ("Statsbidrag", "State grant")
        case .fundingOther: ("Annan", "Other")
        case .fieldStatus: ("Status", "Status")
        case .fieldProgress: ("Genomfört (procent)", "Progress (per cent)")
        case .fieldNarrative: ("Redovisning", "Narrative")
        case .fieldSpent: ("Förbrukade medel", "Money spent")
        case .fieldIndicators: ("Indikatorer", "Indicators")
        case .fieldState: ("Läge", "State")
        case .fieldVersion: ("Version", "Version")
        case .fieldPeriod: ("Period", "Period")
        case .fieldMeasure: ("Åtgärd", "Measure")
        case .fieldBody: ("Instans", "Body")
        case .fieldBudgetYear: ("Budgetår", "Budget year")
        case .fieldKind: ("Beslut", "Decision")
        case .fieldDecidedOn: ("Beslutsdatum", "Decided on")
        case .fieldDecidingBody: ("Beslutande instans", "Deciding body")
        case .fieldDiaryNumber: ("Diarienummer", "Diary number")
        case .fieldBodies: ("Instanser med uppdrag", "Bodies assigned")
        case .fieldText: ("Text", "Text")
        case .fieldAmount: ("Belopp per år", "Amount per year")
        case .fieldFunding: ("Finansiering", "Funding")
        case .fieldPostponedTo: ("Uppskjuten till år", "Postponed to year")
        case .fieldAction: ("Åtgärd i formuläret", "Form action")
        case .fieldAttachment: ("Bilaga", "Attachment")
        case .fieldWeight: ("Vikt", "Weight")
        case .followUpProblemRequired: ("%1: måste fyllas i", "%1: required")
        case .followUpProblemUnknownStatus:
            (
                "%1: okänd status ”%2” (ange notStarted, inProgress, done, delayed eller cancelled)",
                "%1: unknown status \"%2\" (use notStarted, inProgress, done, delayed or cancelled)"
            )
        case .followUpProblemUnknownState:
            (
                "%1: okänt läge ”%2” (ange draft, submitted eller published)",
                "%1: unknown state \"%2\" (use draft, submitted or published)"
            )
        case .followUpProblemProgressNotANumber:
            ("%1: ”%2” är inget heltal 0–100", "%1: \"%2\" is not a whole number 0–100")
        case .followUpProblemProgressOutOfRange: ("%1: %2 ligger utanför 0–100", "%1: %2 is outside 0–100")
        case .followUpProblemDoneBelow100:
            (
                "%1: status ”Klar” men genomfört %2 %. Ange 100 % eller välj en annan status.",
                "%1: status \"Done\" but progress %2%. Enter 100% or choose another status."
            )
        case .followUpProblemNotStartedAbove0:
            (
                "%1: status ”Ej påbörjad” men genomfört %2 %. Ange 0 % eller välj en annan status.",
                "%1: status \"Not started\" but progress %2%. Enter 0% or choose another status."
            )
        case .followUpProblemOtherCurrency:
            (
                "%1: ”%2” är inte i kronor (%3); ange beloppet i kronor",
                "%1: \"%2\" is not in kronor (%3); give the amount in SEK"
            )
        case .followUpProblemAmbiguousSeparators:
            (
                "%1: ”%2” har både komma och punkt; skriv till exempel 1 234 567,50 kr",
                "%1: \"%2\" has both commas and points; write e.g. 1 234 567,50 kr or 1234567.50"
            )
        case .followUpProblemAmountNotANumber:
            (
                "%1: ”%2” är inget belopp; skriv till exempel 1 234 567,50 kr",
                "%1: \"%2\" is not an amount; write e.g. 1 234 567,50 kr"
            )
        case .followUpProblemAmountNegative: ("%1: ”%2” är negativt", "%1: \"%2\" is negative")
        case .followUpProblemAmountDecimals:
            ("%1: ”%2” har fler än två decimaler", "%1: \"%2\" has more than two decimals")
        case .followUpProblemAmountTooLarge: ("%1: ”%2” är för stort", "%1: \"%2\" is too large")
        case .followUpProblemUnknownPeriod: ("%1: ingen period heter ”%2”", "%1: no period is called \"%2\"")
        case .followUpProblemUnknownMeasure: ("%1: ingen åtgärd har id ”%2”", "%1: no measure has the id \"%2\"")
        case .followUpProblemUnknownBody: ("%1: ingen instans har id ”%2”", "%1: no body has the id \"%2\"")
        case .followUpProblemUnknownIndicator: ("%1: ingen indikator har id ”%2”", "%1: no indicator has the id \"%2\"")
        case .followUpProblemNotAssigned:
            (
                "%1: %3 har inget uppdrag för åtgärden %2 budgetår %4",
                "%1: %3 has no assignment for measure %2 in budget year %4"
            )
        case .followUpProblemNotYourBody:
            ("%1: du rapporterar inte för ”%2”", "%1: you do not report for \"%2\"")
        case .followUpProblemOnlyAdminsPublish:
            (
                "%1: bara stadsledningskontoret (administratörer) godkänner och publicerar",
                "%1: only the city executive office (administrators) approves and publishes"
            )
        case .followUpProblemFollowUpNotADate:
            ("%1: ”%2” är inget datum skrivet ÅÅÅÅ-MM-DD", "%1: \"%2\" is not a date written YYYY-MM-DD")
        case .followUpProblemDecisionBeforeReport:
            (
                "%1: beslutet (%2) är daterat före rapporten som föreslog åtgärden (%3)",
                "%1: the decision (%2) is dated before the report that proposed the measure (%3)"
            )
        case .followUpProblemVersionNotANumber:
            ("%1: ”%2” är inget versionsnummer", "%1: \"%2\" is not a version number")
        case .followUpProblemChangedSince:
            (
                "%1: rapporten har ändrats sedan filen hämtades (nu version %2, filen har %3); hämta den på nytt",
                "%1: the report changed since the file was exported (now version %2, the file has %3); export it again"
            )
        case .followUpProblemDuplicateRow:
            ("%1: samma rapport står redan på rad %2", "%1: the same report is already on line %2")
        case .followUpProblemTooLong: ("%1: längre än %2 tecken", "%1: longer than %2 characters")
        case .followUpProblemUnknownKind: ("%1: okänt beslut ”%2”", "%1: unknown kind of decision \"%2\"")
        case .followUpProblemUnknownFunding: ("%1: okänd finansiering ”%2”", "%1: unknown funding \"%2\"")
        case .followUpProblemYearOutOfRange: ("%1: ”%2” är inget årtal", "%1: \"%2\" is not a year")
        case .followUpProblemPostponedNotLater:
            ("%1: %2 är inte senare än budgetåret %3", "%1: %2 is not later than the budget year %3")
        case .followUpProblemUnknownBudgetYear:
            ("%1: budgetår %2 finns inte; lägg in det först", "%1: budget year %2 does not exist; add it first")
        case .followUpProblemWeight:
            (
                "%1: ”%2” är ingen vikt; ange ett tal över 0, högst 1000",
                "%1: \"%2\" is not a weight; give a number above 0, at most 1000"
            )
        case .followUpProblemPeriodHasReports:
            (
                "%1: perioden %2 har rapporter och kan inte flyttas till ett annat år",
                "%1: the period %2 has reports and cannot move to another year"
            )
        case .followUpProblemAttachment: ("%1: %2", "%1: %2")
        case .followUpProblemAtLine: ("Rad %1, %2", "Line %1, %2")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpText) -> String { self[typed: key] }
}
