/// A key of the follow-up pages' texts (see `TextKey`); every key starts with `fu`.
enum FollowUpPageText: String, TextKey {
    case fuAll
    case fuRowsShown
    case fuRowsNav
    case fuRowsPrevious
    case fuRowsNext
    case fuAllYears
    case fuAmountPerYear
    case fuAsOf
    case fuAssignmentOne
    case fuAssignmentMany
    case fuAssignments
    case fuAssignmentsAndReports
    case fuBackToOverview
    case fuBodies
    case fuBody
    case fuBodyDescription
    case fuBudgetYear
    case fuBudgetYearDescription
    case fuBudgetYearN
    case fuBudgetYears
    case fuBudgetYearsDescription
    case fuBudgetYearsIntro
    case fuCSV
    case fuCSVExcel
    case fuCalendar
    case fuCapital
    case fuCapitalAtStart
    case fuCompilations
    case fuDeadline
    case fuDeadlineNotPassed
    case fuDeadlinePassed
    case fuDecidedOn
    case fuDecidingBody
    case fuDecisionDescription
    case fuDecisionOne
    case fuDecisionMany
    case fuDecisionText
    case fuDecisions
    case fuDiaryNumber
    case fuEvaluated
    case fuEvaluatedOn
    case fuEvaluation
    case fuEvaluationPlan
    case fuExample
    case fuExampleNote
    case fuExpectedEffects
    case fuFilterBody
    case fuFilterReport
    case fuFilterStatus
    case fuFilterTargetArea
    case fuFilterYear
    case fuFilters
    case fuFinancedPerSource
    case fuFund
    case fuFundDescription
    case fuFundIntro
    case fuFundProjectDescription
    case fuFunding
    case fuGapCaption
    case fuGapChartDesc
    case fuGapSeries
    case fuGranted
    case fuGrantsPerYear
    case fuGroup
    case fuHandedIn
    case fuKind
    case fuLateExplained
    case fuLateReports
    case fuLifeDecisions
    case fuLifeIndicators
    case fuLifePositions
    case fuLifeProposed
    case fuLifeReports
    case fuMeasure
    case fuMeasureDecisions
    case fuMeasureLife
    case fuMeasures
    case fuMissingExplained
    case fuMissingReports
    case fuMoved
    case fuNewBudgetYear
    case fuNewFundProject
    case fuNoAssignments
    case fuNoAssignmentsForBody
    case fuNoBudgetYears
    case fuNoCapital
    case fuNoDecisions
    case fuNoFinancing
    case fuNoGapValues
    case fuNoIndicators
    case fuNoPeriods
    case fuNoPositions
    case fuNoProjects
    case fuNoReports
    case fuNoneLate
    case fuNoneMissing
    case fuNotEvaluated
    case fuNotReported
    case fuNote
    case fuOverviewDescription
    case fuOverviewIntro
    case fuOverviewOfThisYear
    case fuOverviewOfYear
    case fuOverviewTitle
    case fuPeriodColumn
    case fuPeriodDescription
    case fuPeriods
    case fuPosition
    case fuPostponedTo
    case fuPrerequisites
    case fuPrerequisitesNamed
    case fuPrintView
    case fuPrintedOn
    case fuProgress
    case fuProject
    case fuProjectPeriod
    case fuProjects
    case fuRecordCapital
    case fuReferralRound
    case fuRemaining
    case fuReportOne
    case fuReportMany
    case fuReportNext
    case fuResetFilters
    case fuRevisionN
    case fuRollupBodies
    case fuRollupExplained
    case fuRollupReports
    case fuRollupStrategies
    case fuRollupTargetAreas
    case fuRollupYear
    case fuRollups
    case fuSectionNav
    case fuShow
    case fuSource
    case fuSubmittedNotPublished
    case fuThisDecision
    case fuTitle
    case fuTotal
    case fuWeighing
    case fuWeighingIntro
    case fuYear

    var text: (sv: String, en: String) {
        switch self {
        case .fuRowsShown: ("Rad %1–%2 av %3", "Rows %1–%2 of %3")
        case .fuRowsNav: ("Fler uppdrag", "More assignments")
        case .fuRowsPrevious: ("Föregående", "Previous")
        case .fuRowsNext: ("Nästa", "Next")
        case .fuAll: ("Alla", "All")
        case .fuAllYears: ("Alla år", "All years")
        case .fuAmountPerYear: ("Belopp per år", "Amount per year")
        case .fuAsOf: ("Avser läget per", "As of")
        case .fuAssignmentOne: ("uppdrag", "assignment")
        case .fuAssignmentMany: ("uppdrag", "assignments")
        case .fuAssignments: ("Uppdrag", "Assignments")
        case .fuAssignmentsAndReports: ("Uppdrag och rapporter", "Assignments and reports")
        case .fuBackToOverview: ("Tillbaka till översikten", "Back to the overview")
        case .fuBodies: ("Nämnder och bolag", "Bodies")
        case .fuBody: ("Nämnd eller bolag", "Body")
        case .fuBodyDescription:
            (
                "Uppdragen som %1 har fått i budgeten och dess uppföljning.",
                "The assignments %1 was given in the budget, and their follow-up."
            )
        case .fuBudgetYear: ("Budgetår", "Budget year")
        case .fuBudgetYearDescription:
            (
                "Budgetbesluten om kommissionens åtgärder för %1 och deras uppföljning.",
                "The budget decisions on the commission's measures for %1 and their follow-up."
            )
        case .fuBudgetYearN: ("Budgetår %1", "Budget year %1")
        case .fuBudgetYears: ("Budgetår", "Budget years")
        case .fuBudgetYearsDescription:
            (
                "Budgetåren och besluten om kommissionens åtgärder i dem.",
                "The budget years and the decisions on the commission's measures in them."
            )
        case .fuBudgetYearsIntro:
            (
                "För varje budgetår: vad budgeten beslutade om åtgärderna – uppdrag, finansiering, uppskov och avslag.",
                "For each budget year: what the budget decided on the measures – assignments, financing, postponements and rejections."
            )
        case .fuCSV: ("Alla rapporter som CSV", "Every report as CSV")
        case .fuCSVExcel: ("CSV för Excel", "CSV for Excel")
        case .fuCalendar: ("Sista dagar som kalender (iCalendar)", "Deadlines as a calendar (iCalendar)")
        case .fuCapital: ("Kapital per år", "Capital per year")
        case .fuCapitalAtStart: ("Kapital vid årets början", "Capital at the start of the year")
        case .fuCompilations: ("Sammanställningar", "Compilations")
        case .fuDeadline: ("sista dag", "deadline")
        case .fuDeadlineNotPassed: ("Sista dagen har inte passerat.", "The deadline has not passed.")
        case .fuDeadlinePassed: ("har passerat", "passed")
        case .fuDecidedOn: ("Beslutsdatum", "Decided on")
        case .fuDecidingBody: ("Beslutande organ", "Deciding body")
        case .fuDecisionDescription:
            (
                "Budgetbeslut om åtgärd %1, budgetår %2, och underlaget från remissen.",
                "A budget decision on measure %1, budget year %2, and what the referral said."
            )
        case .fuDecisionOne: ("beslut", "decision")
        case .fuDecisionMany: ("beslut", "decisions")
        case .fuDecisionText: ("Beslutets text", "The decision's text")
        case .fuDecisions: ("Beslut", "Decisions")
        case .fuDiaryNumber: ("Diarienummer", "Diary number")
        case .fuEvaluated: ("Utvärderat", "Evaluated")
        case .fuEvaluatedOn: ("Utvärderat", "Evaluated on")
        case .fuEvaluation: ("Utvärdering", "Evaluation")
        case .fuEvaluationPlan: ("Så ska det utvärderas", "How it will be evaluated")
        case .fuExample: ("exempel", "example")
        case .fuExampleNote:
            (
                "Exempel skrivet för demonstrationen, inte ett verkligt beslut eller en verklig rapport.",
                "An example written for the demo, not a real decision or report."
            )
        case .fuExpectedEffects: ("Förväntade effekter", "Expected effects")
        case .fuFilterBody: ("Nämnd eller bolag", "Body")
        case .fuFilterReport: ("Rapport", "Report")
        case .fuFilterStatus: ("Status", "Status")
        case .fuFilterTargetArea: ("Målområde", "Target area")
        case .fuFilterYear: ("Budgetår", "Budget year")
        case .fuFilters: ("Urval", "Filters")
        case .fuFinancedPerSource: ("Finansierat per källa", "Financed per source")
        case .fuFund: ("Sociala investeringsfonden", "The social investment fund")
        case .fuFundDescription:
            (
                "Sociala investeringsfondens kapital, beviljade medel och projekt.",
                "The social investment fund's capital, grants and projects."
            )
        case .fuFundIntro:
            (
                "Fonden finansierar åtgärder som projekt med en utvärdering: kapitalet per år, vad som beviljats och vad som återstår.",
                "The fund finances measures as projects with an evaluation: the capital per year, what was granted and what remains."
            )
        case .fuFundProjectDescription:
            (
                "%1: ett projekt finansierat av sociala investeringsfonden.",
                "%1: a project financed by the social investment fund."
            )
        case .fuFunding: ("Finansiering", "Funding")
        case .fuGapCaption: ("Skillnaden mellan områdena: %1", "The gap between areas: %1")
        case .fuGapChartDesc:
            (
                "Skillnaden mellan det bästa och det sämsta området per period. Värdena står i tabellen.",
                "The difference between the best- and the worst-off area per period. The values are in the table."
            )
        case .fuGapSeries: ("Skillnad mellan områden", "Gap between areas")
        case .fuGranted: ("Beviljat", "Granted")
        case .fuGrantsPerYear: ("Beviljat per år", "Granted per year")
        case .fuGroup: ("Grupp", "Group")
        case .fuHandedIn: ("inlämnad", "handed in")
        case .fuKind: ("Beslut", "Decision")
        case .fuLateExplained:
            (
                "Sista dagen har passerat och nämnden har varken lämnat in eller fått publicerat en rapport.",
                "The deadline has passed and the body has neither handed in nor had a report published."
            )
        case .fuLateReports: ("Sena rapporter", "Late reports")
        case .fuLifeDecisions: ("Budgetbeslut", "Budget decisions")
        case .fuLifeIndicators: ("Indikatorerna: skillnaden mellan områden", "The indicators: the gap between areas")
        case .fuLifePositions: ("Remissvaren", "The referral's answers")
        case .fuLifeProposed: ("Föreslagen", "Proposed")
        case .fuLifeReports: ("Uppföljning per period", "Follow-up per period")
        case .fuMeasure: ("Åtgärd", "Measure")
        case .fuMeasureDecisions: ("Åtgärdens beslut i ordning", "The measure's decisions in order")
        case .fuMeasureLife: ("Åtgärdens livslopp", "The measure's life")
        case .fuMeasures: ("Åtgärder", "Measures")
        case .fuMissingExplained:
            (
                "Uppdrag utan publicerad rapport för perioden, även de som lämnats in men ännu inte publicerats.",
                "Assignments without a published report for the period, including those handed in but not yet published."
            )
        case .fuMissingReports: ("Saknade rapporter", "Missing reports")
        case .fuMoved: ("flyttat till annan nämnd", "moved to another body")
        case .fuNewBudgetYear: ("Lägg till budgetår", "Add a budget year")
        case .fuNewFundProject: ("Lägg till projekt", "Add a project")
        case .fuNoAssignments: ("Inga uppdrag.", "No assignments.")
        case .fuNoAssignmentsForBody:
            (
                "Nämnden har inga uppdrag i uppföljningen.",
                "The body has no assignments in the follow-up."
            )
        case .fuNoBudgetYears: ("Inga budgetår ännu.", "No budget years yet.")
        case .fuNoCapital: ("Inget kapital registrerat.", "No capital recorded.")
        case .fuNoDecisions: ("Inga budgetbeslut registrerade.", "No budget decisions recorded.")
        case .fuNoFinancing: ("Ingen finansiering beslutad.", "No financing decided.")
        case .fuNoGapValues: ("Inga värden från det året och framåt.", "No values from that year on.")
        case .fuNoIndicators: ("Rapporterna länkar inga indikatorer.", "The reports link no indicators.")
        case .fuNoPeriods: ("Inga uppföljningsperioder ännu.", "No follow-up periods yet.")
        case .fuNoPositions:
            (
                "Inga inlämnade remissvar om åtgärden.",
                "No submitted referral answers on the measure."
            )
        case .fuNoProjects: ("Inga projekt.", "No projects.")
        case .fuNoReports: ("Inga publicerade rapporter.", "No published reports.")
        case .fuNoneLate: ("Inga sena rapporter.", "No late reports.")
        case .fuNoneMissing: ("Inga saknade rapporter.", "No missing reports.")
        case .fuNotEvaluated: ("Inte utvärderat ännu", "Not evaluated yet")
        case .fuNotReported: ("Ej rapporterat", "Not reported")
        case .fuNote: ("Anmärkning", "Note")
        case .fuOverviewDescription:
            (
                "Kommissionens åtgärder i budgeten och uppföljningen: status och framsteg per period, nämnd och målområde.",
                "The commission's measures in the budget and the follow-up: status and progress per period, body and target area."
            )
        case .fuOverviewIntro:
            (
                "Vad blev det av kommissionens förslag? Varje rad är ett uppdrag: en åtgärd som en nämnd fått i budgeten, med den publicerade statusen per uppföljningsperiod.",
                "What became of the commission's proposals? Each row is an assignment: a measure a body was given in the budget, with its published status per follow-up period."
            )
        case .fuOverviewOfThisYear: ("Översikten för året", "The overview of the year")
        case .fuOverviewOfYear: ("Uppföljning %1", "Follow-up %1")
        case .fuOverviewTitle: ("Uppföljningsöversikt", "Follow-up overview")
        case .fuPeriodColumn: ("Period", "Period")
        case .fuPeriodDescription:
            (
                "%1: framsteg per nämnd, sena och saknade rapporter.",
                "%1: progress per body, late and missing reports."
            )
        case .fuPeriods: ("Uppföljningsperioder", "Follow-up periods")
        case .fuPosition: ("Ställningstagande", "Position")
        case .fuPostponedTo: ("Uppskjutet till", "Postponed to")
        case .fuPrerequisites: ("Förutsättningar", "Prerequisites")
        case .fuPrerequisitesNamed: ("Förutsättningar som nämnderna angav", "Prerequisites the bodies named")
        case .fuPrintView: ("Utskriftsversion", "Print view")
        case .fuPrintedOn: ("Utskriven", "Printed on")
        case .fuProgress: ("Framsteg", "Progress")
        case .fuProject: ("Projekt", "Project")
        case .fuProjectPeriod: ("Projektperiod", "Project period")
        case .fuProjects: ("Projekt", "Projects")
        case .fuRecordCapital: ("Registrera kapital", "Record capital")
        case .fuReferralRound: ("Remiss", "Referral")
        case .fuRemaining: ("Kvar", "Remaining")
        case .fuReportOne: ("rapport", "report")
        case .fuReportMany: ("rapporter", "reports")
        case .fuReportNext: ("Att rapportera härnäst", "To report next")
        case .fuResetFilters: ("Visa alla", "Show all")
        case .fuRevisionN: ("rättad, version %1", "corrected, revision %1")
        case .fuRollupBodies: ("Per nämnd", "Per body")
        case .fuRollupExplained:
            (
                "Framsteg är ett vägt medelvärde av den senast publicerade rapporten per uppdrag; vikterna är relativa. Inställda uppdrag räknas men vägs inte.",
                "Progress is a weighted mean of each assignment's latest published report; weights are relative. Cancelled assignments are counted, not weighed."
            )
        case .fuRollupReports: ("Per rapport", "Per report")
        case .fuRollupStrategies: ("Per strategi", "Per strategy")
        case .fuRollupTargetAreas: ("Per målområde", "Per target area")
        case .fuRollupYear: ("För året", "For the year")
        case .fuRollups: ("Sammanräkning", "Roll-up")
        case .fuSectionNav: ("Uppföljningens sidor", "The follow-up's pages")
        case .fuShow: ("Visa", "Show")
        case .fuSource: ("Källa", "Source")
        case .fuSubmittedNotPublished: ("inlämnad, ej publicerad", "handed in, not published")
        case .fuThisDecision: ("detta beslut", "this decision")
        case .fuTitle: ("Titel", "Title")
        case .fuTotal: ("Summa", "Total")
        case .fuWeighing:
            (
                "Underlaget: remissvaren om åtgärden",
                "What was weighed: the referral's answers on the measure"
            )
        case .fuWeighingIntro:
            (
                "Vilka som tillstyrkte och avstyrkte åtgärden, och på vilka förutsättningar.",
                "Who supported and who opposed the measure, and on what prerequisites."
            )
        case .fuYear: ("År", "Year")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpPageText) -> String { self[typed: key] }
}
