/// A key of the follow-up forms' texts: budget years, decisions, periods, reports and the fund
/// (see `TextKey`).
enum FollowUpFormText: String, TextKey {
    case budgetYearFormTitle
    case budgetYearFormIntro
    case budgetYearTitleHint
    case decisionFormTitle
    case decisionFormIntro
    case decisionMeasureHint
    case decisionBodiesHint
    case decisionTextHint
    case decisionAmountHint
    case decisionNoBudgetYear
    case decisionRecord
    case decisionWeightHint
    case amountHint
    case periodsTitle
    case periodsIntro
    case periodsNone
    case periodAsOf
    case periodDeadline
    case periodsAddYear
    case periodsAddYearHint
    case periodsAddCustom
    case periodsCustomHint
    case periodName
    case periodNameEn
    case periodKind
    case periodSlug
    case reportPageDescription
    case reportAssignment
    case reportAssignmentEnded
    case reportPublished
    case reportNotPublished
    case reportHistory
    case reportHistoryNone
    case reportRevision
    case reportPublishedAt
    case reportFiles
    case reportFileNotPublic
    case reportForm
    case reportFormState
    case reportUnpublishedChanges
    case reportStatusHint
    case reportProgressHint
    case reportSpentHint
    case reportIndicatorsHint
    case reportAttachmentHint
    case reportSaveDraft
    case reportSubmit
    case reportPublish
    case reportReturn
    case reportSavedNotice
    case reportConflict
    case reportConflictStored
    case reportBudgetYear
    case reportErrorsTitle
    case fundCapitalTitle
    case fundCapitalIntro
    case fundCapitalAmount
    case fundNote
    case fundProjectFormTitle
    case fundProjectIntro
    case fundProjectTitle
    case fundProjectTitleEn
    case fundProjectSlugHint
    case fundProjectMeasures
    case fundProjectMeasuresHint
    case fundProjectStart
    case fundProjectEnd
    case fundProjectGrants
    case fundProjectGrantsHint
    case fundProjectEffects
    case fundProjectEvaluationPlan
    case fundProjectEvaluation
    case fundProjectEvaluatedOn
    case fundTitleForms
    case formSave

    var text: (sv: String, en: String) {
        switch self {
        case .budgetYearFormTitle: ("Budgetår", "Budget year")
        case .budgetYearFormIntro:
            (
                "Ett budgetår samlar beslut om åtgärder i stadens budget för det året. Ett år som redan finns ändras.",
                "A budget year holds the decisions on measures in the city's budget for that year. An existing year is changed."
            )
        case .budgetYearTitleHint: ("Till exempel ”Budget 2018”.", "For example \"Budget 2018\".")
        case .decisionFormTitle: ("Registrera budgetbeslut", "Record a budget decision")
        case .decisionFormIntro:
            (
                "Ett beslut ändras aldrig i efterhand. Byts ansvarig instans eller mål registreras det som ett eget beslut, så att det tidigare syns.",
                "A decision is never edited afterwards. A change of responsible body or target is recorded as a decision of its own, so the earlier one stays visible."
            )
        case .decisionMeasureHint:
            (
                "Åtgärdens id, till exempel dold-potential-a-2-3-1.",
                "The measure's id, for example dold-potential-a-2-3-1."
            )
        case .decisionBodiesHint:
            (
                "För uppdrag: instanserna som får uppdraget. För ny ansvarig: de nya; tidigare uppdrag samma budgetår avslutas.",
                "For an assignment: the bodies given it. For a change of body: the new ones; earlier assignments in the budget year end."
            )
        case .decisionTextHint:
            (
                "Uppdragets text, skälet till avslag eller det nya målet.",
                "The assignment's text, the reason for a rejection, or the new target."
            )
        case .decisionAmountHint:
            ("Kronor per år, till exempel 1 500 000 kr.", "Kronor per year, for example 1 500 000 kr.")
        case .decisionNoBudgetYear: ("Lägg först in budgetåret.", "Add the budget year first.")
        case .decisionRecord: ("Registrera beslutet", "Record the decision")
        case .decisionWeightHint:
            (
                "Valfritt. Åtgärdens vikt budgetåret jämfört med andra åtgärder i samma rapport, strategi och år: 2 väger dubbelt så mycket som 1. Utan vikt väger alla lika.",
                "Optional. The measure's weight in the budget year against the other measures of the same report, strategy and year: 2 weighs twice as much as 1. Without one, all weigh the same."
            )
        case .amountHint: ("Till exempel 1 234 567,50 kr.", "For example 1 234 567,50 kr or 1234567.50.")
        case .periodsTitle: ("Uppföljningsperioder", "Follow-up periods")
        case .periodsIntro:
            (
                "Nämnderna rapporterar sina uppdrag per period: i Stockholm tertialrapport 1 per 30 april, tertialrapport 2 per 31 augusti med delårsbokslutet och verksamhetsberättelsen.",
                "Bodies report on their assignments per period: in Stockholm tertial report 1 per 30 April, tertial report 2 per 31 August with the interim accounts, and the annual report."
            )
        case .periodsNone: ("Inga perioder ännu.", "No periods yet.")
        case .periodAsOf: ("Avser läget per", "As of")
        case .periodDeadline: ("Sista dag att rapportera", "Reporting deadline")
        case .periodsAddYear: ("Lägg till ett års perioder", "Add a year's periods")
        case .periodsAddYearHint:
            (
                "Skapar T1, T2 och verksamhetsberättelse med Stockholms datum; ett år som redan finns får datumen på nytt.",
                "Creates T1, T2 and the annual report with Stockholm's dates; an existing year gets the dates again."
            )
        case .periodsAddCustom: ("Lägg till eller ändra en period", "Add or change a period")
        case .periodsCustomHint:
            (
                "För kommuner med en annan cykel. Samma id ändrar perioden.",
                "For municipalities with another cycle. The same id changes the period."
            )
        case .periodName: ("Namn", "Name")
        case .periodNameEn: ("Namn på engelska", "Name in English")
        case .periodKind: ("Slag (t1, t2, annual …)", "Kind (t1, t2, annual …)")
        case .periodSlug: ("Id (till exempel 2018-t1)", "Id (for example 2018-t1)")
        case .reportPageDescription: ("En instans uppföljning av ett uppdrag", "A body's follow-up of an assignment")
        case .reportAssignment: ("Uppdraget", "The assignment")
        case .reportAssignmentEnded:
            (
                "Uppdraget har flyttats till en annan instans genom ett senare beslut.",
                "The assignment was moved to another body by a later decision."
            )
        case .reportPublished: ("Publicerad rapport", "Published report")
        case .reportNotPublished:
            ("Ingen rapport är publicerad för perioden ännu.", "No report is published for the period yet.")
        case .reportHistory: ("Tidigare publicerade versioner", "Earlier published versions")
        case .reportHistoryNone: ("Inga tidigare versioner.", "No earlier versions.")
        case .reportRevision: ("Version", "Version")
        case .reportPublishedAt: ("Publicerad", "Published")
        case .reportFiles: ("Bilagor", "Attachments")
        case .reportFileNotPublic: ("inte publicerad ännu", "not published yet")
        case .reportForm: ("Rapportera", "Report")
        case .reportFormState: ("Rapportens läge", "The report's state")
        case .reportUnpublishedChanges:
            (
                "Publicerad, med ändringar som inte är publicerade: allmänheten ser den publicerade versionen tills rättelsen publiceras.",
                "Published, with unpublished changes: the public sees the published version until the correction is published."
            )
        case .reportStatusHint:
            (
                "Inom parentes står den andel som statusen föreslår om du lämnar andelen tom.",
                "In brackets: the progress the status proposes when you leave progress empty."
            )
        case .reportProgressHint:
            (
                "Ett heltal 0–100. Klar betyder 100, ej påbörjad 0.",
                "A whole number 0–100. Done means 100, not started 0."
            )
        case .reportSpentHint:
            ("I kronor, till exempel 1 234 567,50 kr.", "In kronor, for example 1 234 567,50 kr or 1234567.50.")
        case .reportIndicatorsHint:
            ("Indikatorerna som visar effekten.", "The indicators that show the effect.")
        case .reportAttachmentHint: ("PDF, DOCX eller ODT, högst 20 MB.", "PDF, DOCX or ODT, at most 20 MB.")
        case .reportSaveDraft: ("Spara utkast", "Save draft")
        case .reportSubmit: ("Lämna in", "Submit")
        case .reportPublish: ("Godkänn och publicera", "Approve and publish")
        case .reportReturn: ("Skicka tillbaka till instansen", "Return to the body")
        case .reportSavedNotice: ("Rapporten är sparad.", "The report is saved.")
        case .reportConflict:
            (
                "Någon annan har sparat rapporten sedan du öppnade den. Det du skrev finns kvar i formuläret; det som nu är sparat står nedan. Jämför och spara igen om ditt ska gälla.",
                "Someone else saved the report since you opened it. What you typed is kept in the form; what is stored now is shown below. Compare, and save again if yours should stand."
            )
        case .reportConflictStored: ("Sparat nu", "Stored now")
        case .reportBudgetYear: ("Budgetår", "Budget year")
        case .reportErrorsTitle: ("Rapporten sparades inte", "The report was not saved")
        case .fundCapitalTitle: ("Fondens kapital", "The fund's capital")
        case .fundCapitalIntro:
            (
                "Den sociala investeringsfondens kapital vid årets början. Ett år som redan finns ändras.",
                "The social investment fund's capital at the start of the year. An existing year is changed."
            )
        case .fundCapitalAmount: ("Kapital", "Capital")
        case .fundNote: ("Anteckning", "Note")
        case .fundProjectFormTitle: ("Projekt i sociala investeringsfonden", "Social investment fund project")
        case .fundProjectIntro:
            (
                "Ett projekt som finansieras ur fonden. Samma id ändrar projektet, till exempel när utvärderingen kommer.",
                "A project financed from the fund. The same id changes the project, for example when the evaluation comes."
            )
        case .fundProjectTitle: ("Projektets namn", "Project name")
        case .fundProjectTitleEn: ("Namn på engelska", "Name in English")
        case .fundProjectSlugHint: ("Id; lämnas tomt blir det namnet.", "Id; left empty, it is made from the name.")
        case .fundProjectMeasures: ("Åtgärder", "Measures")
        case .fundProjectMeasuresHint: ("Åtgärdernas id, ett per rad.", "The measures' ids, one per line.")
        case .fundProjectStart: ("Första år", "First year")
        case .fundProjectEnd: ("Sista år", "Last year")
        case .fundProjectGrants: ("Beviljat per år", "Granted per year")
        case .fundProjectGrantsHint:
            ("Ett år per rad: 2018: 2 500 000 kr", "One year per line: 2018: 2 500 000 kr")
        case .fundProjectEffects: ("Förväntade effekter", "Expected effects")
        case .fundProjectEvaluationPlan: ("Så utvärderas projektet", "How it will be evaluated")
        case .fundProjectEvaluation: ("Utvärdering", "Evaluation")
        case .fundProjectEvaluatedOn: ("Utvärderad", "Evaluated on")
        case .fundTitleForms: ("Sociala investeringsfonden", "Social investment fund")
        case .formSave: ("Spara", "Save")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpFormText) -> String { self[typed: key] }
}
