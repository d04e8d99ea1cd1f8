import SkillnadCore

/// A key of the grants' texts (see `TextKey`).
enum GrantText: String, TextKey {
    case grants
    case grDescription
    case grIntro
    case grCityRulesTitle
    case grCityRulesIntro
    case grOpenTitle
    case grUpcomingTitle
    case grClosedTitle
    case grNone
    case grYourEntry
    case grQueue
    case grScheme
    case grBody
    case grAreas
    case grAmounts
    case grApplicationPeriod
    case grState
    case grOpen
    case grLateOpen
    case grUpcoming
    case grClosed
    case grAmountRange
    case grPeriod
    case grWholeCity
    case grLateRule
    case grLateRefused
    case grLateAccepted
    case grDecides
    case grReportDue
    case grPurposeTitle
    case grAudience
    case grRulesTitle
    case grRulesInherit
    case grAttachmentsTitle
    case grApplyFor
    case grSignUpToApply
    case grEntryTitle
    case grEntryIntro
    case grEligibleTitle
    case grIneligibleTitle
    case grNoneOpen
    case grClosesOn
    case grApply
    case grApplicationsTitle
    case grNoApplications
    case grDocumentsTitle
    case grDocumentsIntro
    case grAddDocuments
    case grFileHint
    case grNotSaved
    case grNoFile
    case grDocumentsAdded
    case grStatus
    case grAsked
    case grGranted
    case grApplyTitle
    case grApplyIntro
    case grFromRegister
    case grEditEntry
    case grAmount
    case grAmountHint
    case grPurposeField
    case grDescriptionField
    case grParticipants
    case grRequired
    case grOptional
    case grAlreadyThere
    case grSaveDraft
    case grSend
    case grNotEligible
    case grLateWarning
    case grSent
    case grSaved
    case grStepTaken
    case grMessageSent
    case grReportSent
    case grSentOn
    case grLate
    case grLateNote
    case grDecisionTitle
    case grDecidedOn
    case grDiaryNumber
    case grRule
    case grReason
    case grPaidOn
    case grApplicationTitle
    case grSideApplicant
    case grSideHandler
    case grTimeline
    case grNoEvents
    case grMessage
    case grSendMessage
    case grMessagesIntro
    case grStepsTitle
    case grStepNote
    case grReportTitle
    case grReportIntro
    case grReportField
    case grEditApplication
    case grQueueIntro
    case grFilterScheme
    case grAllSchemes
    case grShow
    case grAwaitingTitle
    case grMeeting
    case grDiaryHint
    case grOutcome
    case grAmountPart
    case grDecide
    case grDecideCaption
    case grOthersTitle
    case grOthersCaption
    case grDeadline
    case grOverdue
    case grShowingOf
    case grAssociation
    case grNotNow
    case grNoRule
    case grNoDecisions
    case grDecided
    case grQueueEmpty
    case grVersion
    case grStatusDraft
    case grStatusReceived
    case grStatusInReview
    case grStatusGranted
    case grStatusGrantedInPart
    case grStatusRejected
    case grStatusPaid
    case grStatusReportDue
    case grStatusReportReceived
    case grStatusClosed
    case grStatusWithdrawn
    case grActionSend
    case grActionReview
    case grActionPaid
    case grActionAskReport
    case grActionClose
    case grActionWithdraw
    case grDocStatutes
    case grDocAnnualReport
    case grDocFinancialStatement
    case grDocAuditReport
    case grDocActivityPlan
    case grDocBudget
    case grDocReportOnUse
    case grRuleRegistered
    case grRuleActiveInArea
    case grRuleDemocracy
    case grRuleMembers
    case grRuleYears
    case grRuleBoard
    case grRuleDeadline
    case grRuleAttachments
    case grRulePurpose
    case grRuleFunds
    case grRuleMembersAtLeast
    case grRuleYearsAtLeast
    case grRuleBoardAtLeast
    case grCityAttachments
    case grCityLate
    case grCityReport
    case grWhyNotRegistered
    case grWhyNotActive
    case grWhyDemocracy
    case grWhyMembers
    case grWhyYoung
    case grWhyFoundedUnknown
    case grWhyBoard
    case grProblemMissing
    case grProblemTooLong
    case grProblemAmount
    case grProblemBelow
    case grProblemAbove
    case grProblemRange
    case grProblemAtLeast
    case grProblemLoosened
    case grProblemNotAfter
    case grProblemLater
    case grProblemDay
    case grProblemNotOpen
    case grProblemClosed
    case grProblemAttachmentMissing
    case grProblemAttachmentType
    case grProblemAttachmentSize
    case grProblemChoice
    case grProblemPart
    case grProblemStep
    case grProblemApplied
    case grProblemChanged
    case grSupport
    case grSupportIntro
    case grSupportFrom
    case grSupportTo
    case grSupportBy
    case grSupportAllBodies
    case grSupportNoIndicator
    case grSupportSummary
    case grSupportTableTitle
    case grSupportClass
    case grSupportAreas
    case grSupportPopulation
    case grSupportKronor
    case grSupportKronorPer1000
    case grSupportAssociations
    case grSupportAssociationsPer1000
    case grSupportTotal
    case grSupportLeftOut
    case grSupportHow
    case grSupportGap
    case grSupportRatio
    case grSupportSlope
    case grSupportRelative
    case grSupportByYear
    case grSupportYear
    case grSupportCSV
    case grSupportLink
    case grProblemTaken
    case grSchemeID
    case grSchemeIDHint
    case grSchemeName
    case grSchemeNameEn
    case grCloses
    case grOpens
    case grLateDays
    case grLateDaysHint
    case grMinimumAmount
    case grMaximumAmount
    case grReportDueHint
    case grRulesHint
    case grAreasHint
    case grExtraAttachments
    case grNewScheme
    case grEditScheme
    case grSaveScheme
    case grSchemeSaved
    case grChoose
    case grSupportUnplaced
    case grSupportMeasure
    case grReasonHint

    var text: (sv: String, en: String) {
        switch self {
        case .grants: ("Bidrag", "Grants")
        case .grDescription:
            (
                "Stadens bidrag till föreningar: ordningarna och deras gemensamma regler, och en ingång där varje förening söker.",
                "The city's grants to associations: the schemes and their common rules, and one entry where every association applies."
            )
        case .grIntro:
            (
                "Nämnderna ger bidrag till föreningar genom bidragsordningar. Alla ordningar följer stadens gemensamma regler och får bara skärpa dem (åtgärd 4.2.1). En förening söker alla bidrag från samma ingång (åtgärd 4.2.2).",
                "The committees and councils give grants to associations through grant schemes. Every scheme follows the city's common rules and may only tighten them (measure 4.2.1). An association applies for every grant from the same entry (measure 4.2.2)."
            )
        case .grCityRulesTitle: ("Stadens gemensamma regler", "The city's common rules")
        case .grCityRulesIntro:
            (
                "Det här gäller för varje bidragsordning. En nämnd kan kräva mer, aldrig mindre.",
                "This holds for every grant scheme. A body may ask more, never less."
            )
        case .grOpenTitle: ("Går att söka nu", "Open now")
        case .grUpcomingTitle: ("Öppnar senare", "Opening later")
        case .grClosedTitle: ("Stängda", "Closed")
        case .grNone: ("Inga.", "None.")
        case .grYourEntry: ("Mina föreningar och deras ansökningar", "My associations and their applications")
        case .grQueue: ("Ansökningar att handlägga", "Applications to handle")
        case .grScheme: ("Bidragsordning", "Grant scheme")
        case .grBody: ("Nämnd", "Body")
        case .grAreas: ("Område", "Area")
        case .grAmounts: ("Belopp", "Amount")
        case .grApplicationPeriod: ("Ansökningstid", "Application period")
        case .grState: ("Läge", "State")
        case .grOpen: ("Öppen", "Open")
        case .grLateOpen: ("Stängd, sen ansökan tas emot", "Closed, late applications taken")
        case .grUpcoming: ("Öppnar senare", "Opens later")
        case .grClosed: ("Stängd", "Closed")
        case .grAmountRange: ("%1–%2", "%1–%2")
        case .grPeriod: ("%1 till %2", "%1 to %2")
        case .grWholeCity: ("Hela staden", "The whole city")
        case .grLateRule: ("Sen ansökan", "Late application")
        case .grLateRefused: ("Tas inte emot", "Not accepted")
        case .grLateAccepted:
            (
                "Tas emot upp till %1 dagar efter sista dag och märks som sen",
                "Accepted up to %1 days after the last day, marked late"
            )
        case .grDecides: ("Beslut", "Decision")
        case .grReportDue: ("Redovisning senast", "Report due")
        case .grPurposeTitle: ("Vad bidraget är till", "What the grant is for")
        case .grAudience: ("Vilka kan söka", "Who may apply")
        case .grRulesTitle: ("Villkor", "Conditions")
        case .grRulesInherit: ("Stadens gemensamma regler ingår.", "The city's common rules are included.")
        case .grAttachmentsTitle: ("Bilagor", "Attachments")
        case .grApplyFor: ("Sök för %1", "Apply for %1")
        case .grSignUpToApply:
            (
                "Skapa ett konto för föreningen för att söka",
                "Create an account for your association to apply"
            )
        case .grEntryTitle: ("Bidrag att söka för %1", "Grants to apply for: %1")
        case .grEntryIntro:
            (
                "Här är varje bidrag som går att söka nu. Uppgifterna från föreningsregistret fylls i åt er, och föreningens egna dokument lämnas en gång för alla ansökningar.",
                "Here is every grant open now. The details from the register are filled in for you, and the association's own documents are given once for every application."
            )
        case .grEligibleTitle: ("Ni kan söka", "You may apply")
        case .grIneligibleTitle: ("Ni kan inte söka, och varför", "You may not apply, and why")
        case .grNoneOpen: ("Inga bidrag går att söka just nu.", "No grants are open just now.")
        case .grClosesOn: ("Sista dag %1", "Last day %1")
        case .grApply: ("Sök", "Apply")
        case .grApplicationsTitle: ("Föreningens ansökningar", "The association's applications")
        case .grNoApplications: ("Inga ansökningar än.", "No applications yet.")
        case .grDocumentsTitle: ("Dokument", "Documents")
        case .grDocumentsIntro:
            (
                "Föreningens egna dokument gäller för alla ansökningar; det senaste av varje slag räknas.",
                "The association's own documents count for every application; the latest of each kind counts."
            )
        case .grAddDocuments: ("Lägg till dokument", "Add documents")
        case .grFileHint: ("PDF, DOCX eller ODT, högst %1 MB.", "PDF, DOCX or ODT, at most %1 MB.")
        case .grNotSaved: ("Det gick inte att spara", "Could not be saved")
        case .grNoFile: ("Välj minst en fil.", "Choose at least one file.")
        case .grDocumentsAdded: ("%1 dokument tillagda.", "%1 documents added.")
        case .grStatus: ("Status", "Status")
        case .grAsked: ("Sökt belopp", "Amount asked")
        case .grGranted: ("Beviljat belopp", "Amount granted")
        case .grApplyTitle: ("Ansökan: %1", "Application: %1")
        case .grApplyIntro:
            (
                "Spara som utkast så länge ni vill; när ni skickar kontrolleras allt på en gång.",
                "Save as a draft as long as you like; when you send, everything is checked at once."
            )
        case .grFromRegister: ("Från föreningsregistret", "From the register")
        case .grEditEntry: ("Ändra föreningens uppgifter", "Change the association's details")
        case .grAmount: ("Belopp i kronor", "Amount in kronor")
        case .grAmountHint: ("Mellan %1.", "Between %1.")
        case .grPurposeField: ("Vad pengarna ska användas till", "What the money is for")
        case .grDescriptionField:
            (
                "Verksamheten: vad, för vilka, var och när",
                "The activity: what, for whom, where and when"
            )
        case .grParticipants: ("Väntat antal deltagare", "Expected participants")
        case .grRequired: ("krävs", "required")
        case .grOptional: ("frivillig", "optional")
        case .grAlreadyThere: ("Finns: %1", "Given: %1")
        case .grSaveDraft: ("Spara utkast", "Save draft")
        case .grSend: ("Skicka ansökan", "Send the application")
        case .grNotEligible:
            (
                "Föreningen uppfyller inte villkoren för den här ordningen, så ansökan kan sparas men inte skickas:",
                "The association does not meet this scheme's conditions, so the application can be saved but not sent:"
            )
        case .grLateWarning:
            (
                "Sista dag var %1. Ordningen tar emot sena ansökningar, men ansökan märks som sen.",
                "The last day was %1. The scheme takes late applications, but this one will be marked late."
            )
        case .grSent: ("Ansökan är skickad.", "The application is sent.")
        case .grSaved: ("Utkastet är sparat.", "The draft is saved.")
        case .grStepTaken: ("Klart.", "Done.")
        case .grMessageSent: ("Meddelandet är skickat.", "The message is sent.")
        case .grReportSent: ("Redovisningen är skickad.", "The report is sent.")
        case .grSentOn: ("Skickad", "Sent")
        case .grLate: ("Sen", "Late")
        case .grLateNote:
            (
                "Skickad efter sista dag, enligt ordningens regel för sena ansökningar",
                "Sent after the last day, under the scheme's rule for late applications"
            )
        case .grDecisionTitle: ("Beslut", "Decision")
        case .grDecidedOn: ("Beslutsdag", "Decided on")
        case .grDiaryNumber: ("Diarienummer", "Diary number")
        case .grRule: ("Regel", "Rule")
        case .grReason: ("Motivering", "Reason")
        case .grPaidOn: ("Utbetalt", "Paid")
        case .grApplicationTitle: ("%1: %2", "%1: %2")
        case .grSideApplicant: ("Föreningen", "The association")
        case .grSideHandler: ("Handläggaren", "The handler")
        case .grTimeline: ("Händelser och meddelanden", "Steps and messages")
        case .grNoEvents: ("Inget än.", "Nothing yet.")
        case .grMessage: ("Meddelande", "Message")
        case .grSendMessage: ("Skicka meddelande", "Send message")
        case .grMessagesIntro:
            (
                "Meddelanden syns för föreningen och handläggaren.",
                "Messages are seen by the association and the handler."
            )
        case .grStepsTitle: ("Nästa steg", "Next step")
        case .grStepNote: ("Kommentar (frivillig)", "Comment (optional)")
        case .grReportTitle: ("Redovisa hur bidraget använts", "Report on how the grant was used")
        case .grReportIntro:
            (
                "Beskriv vad ni gjorde och bifoga redovisningen med ekonomin.",
                "Describe what you did and attach the report with the accounts."
            )
        case .grReportField: ("Redovisning", "Report")
        case .grEditApplication: ("Ändra ansökan", "Change the application")
        case .grQueueIntro:
            (
                "Era nämnders ansökningar som är skickade och inte avslutade, den närmaste tidsgränsen först. Beslut fattas för flera ansökningar på en gång under sammanträdets diarienummer.",
                "Your bodies' applications that are sent and not closed, the nearest deadline first. Decisions are taken for many applications at once under the meeting's diary number."
            )
        case .grFilterScheme: ("Visa ordning", "Show scheme")
        case .grAllSchemes: ("Alla ordningar", "All schemes")
        case .grShow: ("Visa", "Show")
        case .grAwaitingTitle: ("Väntar på beslut", "Awaiting a decision")
        case .grMeeting: ("Sammanträdets dag", "The meeting's day")
        case .grDiaryHint: ("Till exempel SKÄ 2027/14.", "For example SKÄ 2027/14.")
        case .grOutcome: ("Beslut", "Decision")
        case .grAmountPart: ("Belopp vid delvis beviljat", "Amount if granted in part")
        case .grDecide: ("Fatta besluten", "Take the decisions")
        case .grDecideCaption:
            (
                "Ansökningar som väntar på beslut. Lämna beslutet tomt för dem som inte avgörs på det här sammanträdet.",
                "Applications awaiting a decision. Leave the decision blank for those not decided at this meeting."
            )
        case .grOthersTitle: ("Andra steg", "Other steps")
        case .grOthersCaption:
            (
                "Beviljade att betala ut, avslagna och redovisade att avsluta, och redovisningar som väntas.",
                "Granted ones to pay, rejected and reported ones to close, and reports awaited."
            )
        case .grDeadline: ("Tidsgräns", "Deadline")
        case .grOverdue: ("passerad", "passed")
        case .grShowingOf: ("Visar %1 av %2.", "Showing %1 of %2.")
        case .grAssociation: ("Förening", "Association")
        case .grNotNow: ("Inte nu", "Not now")
        case .grNoRule: ("Ingen", "None")
        case .grNoDecisions:
            (
                "Välj ett beslut för minst en ansökan.",
                "Choose a decision for at least one application."
            )
        case .grDecided: ("%1 beslut fattade under %2.", "%1 decisions taken under %2.")
        case .grQueueEmpty: ("Inga ansökningar att handlägga.", "No applications to handle.")
        case .grVersion: ("Version", "Version")
        case .grStatusDraft: ("Utkast", "Draft")
        case .grStatusReceived: ("Inkommen", "Received")
        case .grStatusInReview: ("Under handläggning", "In review")
        case .grStatusGranted: ("Beviljad", "Granted")
        case .grStatusGrantedInPart: ("Delvis beviljad", "Granted in part")
        case .grStatusRejected: ("Avslagen", "Rejected")
        case .grStatusPaid: ("Utbetald", "Paid")
        case .grStatusReportDue: ("Redovisning begärd", "Report due")
        case .grStatusReportReceived: ("Redovisning inkommen", "Report received")
        case .grStatusClosed: ("Avslutad", "Closed")
        case .grStatusWithdrawn: ("Återtagen", "Withdrawn")
        case .grActionSend: ("Skicka", "Send")
        case .grActionReview: ("Börja handlägga", "Start the review")
        case .grActionPaid: ("Markera som utbetald", "Mark as paid")
        case .grActionAskReport: ("Begär redovisning", "Ask for the report")
        case .grActionClose: ("Avsluta ärendet", "Close the case")
        case .grActionWithdraw: ("Återta ansökan", "Withdraw the application")
        case .grDocStatutes: ("Stadgar", "Statutes")
        case .grDocAnnualReport: ("Verksamhetsberättelse", "Annual report")
        case .grDocFinancialStatement: ("Ekonomisk redovisning", "Financial statement")
        case .grDocAuditReport: ("Revisionsberättelse", "Audit report")
        case .grDocActivityPlan: ("Verksamhetsplan", "Activity plan")
        case .grDocBudget: ("Budget", "Budget")
        case .grDocReportOnUse: ("Redovisning av bidraget", "Report on the use of the grant")
        case .grRuleRegistered:
            (
                "Godkänd i föreningsregistret i ordningens område",
                "Approved in the register of the scheme's area"
            )
        case .grRuleActiveInArea: ("Verksam i ordningens område", "Active in the scheme's area")
        case .grRuleDemocracy: ("Har godtagit demokrativillkoren", "Has accepted the democracy conditions")
        case .grRuleMembers: ("Antal medlemmar", "Number of members")
        case .grRuleYears: ("År av verksamhet", "Years of activity")
        case .grRuleBoard: ("Styrelsens storlek", "Size of the board")
        case .grRuleDeadline: ("Sista ansökningsdag", "Last day to apply")
        case .grRuleAttachments: ("Bilagor", "Attachments")
        case .grRulePurpose: ("Bidragets syfte", "The grant's purpose")
        case .grRuleFunds: ("Medlen räcker inte", "The funds do not suffice")
        case .grRuleMembersAtLeast: ("Minst %1 medlemmar", "At least %1 members")
        case .grRuleYearsAtLeast: ("Verksam i minst %1 år", "Active for at least %1 years")
        case .grRuleBoardAtLeast:
            (
                "En demokratiskt vald styrelse med minst %1 ledamöter",
                "A democratically elected board of at least %1"
            )
        case .grCityAttachments: ("Bilagor: %1", "Attachments: %1")
        case .grCityLate:
            (
                "En sen ansökan tas emot högst %1 dagar efter sista dag, och bara om ordningen säger det",
                "A late application is taken at most %1 days after the last day, and only if the scheme says so"
            )
        case .grCityReport:
            (
                "Hur bidraget använts redovisas senast i slutet av februari året efter beslutet",
                "How the grant was used is reported by the end of February the year after the decision"
            )
        case .grWhyNotRegistered:
            (
                "Föreningen är inte godkänd i registret i ordningens område.",
                "The association is not approved in the register of the scheme's area."
            )
        case .grWhyNotActive:
            (
                "Föreningen är inte verksam i ordningens område.",
                "The association is not active in the scheme's area."
            )
        case .grWhyDemocracy:
            (
                "Föreningen har inte godtagit demokrativillkoren.",
                "The association has not accepted the democracy conditions."
            )
        case .grWhyMembers:
            (
                "Föreningen har %1 medlemmar; minst %2 krävs.",
                "The association has %1 members; at least %2 are needed."
            )
        case .grWhyYoung:
            (
                "Föreningen har funnits i %1 år; minst %2 krävs.",
                "The association has existed for %1 years; at least %2 are needed."
            )
        case .grWhyFoundedUnknown:
            (
                "Registret saknar föreningens bildandedatum; minst %1 års verksamhet krävs.",
                "The register lacks the day the association was founded; at least %1 years of activity are needed."
            )
        case .grWhyBoard:
            (
                "Styrelsen har %1 ledamöter; minst %2 krävs.",
                "The board has %1 members; at least %2 are needed."
            )
        case .grProblemMissing: ("%1: fyll i", "%1: fill this in")
        case .grProblemTooLong: ("%1: högst %2 tecken", "%1: at most %2 characters")
        case .grProblemAmount: ("%1: ett helt antal kronor, som 25000", "%1: a whole number of kronor, such as 25000")
        case .grProblemBelow: ("%1: minst %2 kronor", "%1: at least %2 kronor")
        case .grProblemAbove:
            (
                "%1: högst %2 kronor, ordningens största belopp",
                "%1: at most %2 kronor, the scheme's largest amount"
            )
        case .grProblemRange: ("%1: från %2 till %3", "%1: from %2 to %3")
        case .grProblemAtLeast: ("%1: minst %2", "%1: at least %2")
        case .grProblemLoosened:
            (
                "%1: stadens gemensamma regler kräver mer; en ordning får bara skärpa dem",
                "%1: the city's common rules ask more; a scheme may only tighten them"
            )
        case .grProblemNotAfter: ("%1: kan inte ligga före %2", "%1: cannot come before %2")
        case .grProblemLater: ("%1: senast %2", "%1: at the latest %2")
        case .grProblemDay: ("%1: ett datum som 2027-03-15", "%1: a date such as 2027-03-15")
        case .grProblemNotOpen: ("Ordningen öppnar %1.", "The scheme opens on %1.")
        case .grProblemClosed:
            (
                "Ordningen är stängd: sista dag att skicka var %1.",
                "The scheme is closed: the last day to send was %1."
            )
        case .grProblemAttachmentMissing: ("Bilaga saknas: %1.", "Attachment missing: %1.")
        case .grProblemAttachmentType:
            (
                "%1: %2 är inte en PDF, DOCX eller ODT (filen själv avgör, inte namnet)",
                "%1: %2 is not a PDF, DOCX or ODT (the file itself decides, not its name)"
            )
        case .grProblemAttachmentSize: ("%1: %2 är större än %3 MB", "%1: %2 is larger than %3 MB")
        case .grProblemChoice: ("%1: %2 finns inte att välja", "%1: %2 is not one of the choices")
        case .grProblemPart:
            (
                "%1: mer än 0 och mindre än de %2 kronor som söktes",
                "%1: more than 0 and less than the %2 kronor asked"
            )
        case .grProblemStep:
            (
                "Det steget går inte att ta nu: ansökan är %1, inte något som kan bli %2.",
                "That step cannot be taken now: the application is %1, not something that can become %2."
            )
        case .grProblemApplied:
            (
                "Föreningen har redan sökt ur den här ordningen.",
                "The association has already applied to this scheme."
            )
        case .grProblemChanged:
            (
                "Ansökan har ändrats sedan du öppnade den (nu version %1, du utgick från %2). Öppna den igen och gör om ändringen.",
                "The application has changed since you opened it (now version %1, you started from %2). Open it again and make the change again."
            )
        case .grSupport: ("Vart stödet går", "Where the support goes")
        case .grSupportIntro:
            (
                "Bidrag till föreningar och registrerade föreningar per 1 000 invånare i stadsdelarna, grupperade efter hur stadsdelarna har det, och skillnaden mellan grupperna år för år. Kommissionen fann att stadens ateljéstöd gick till innerstaden och nästan inte alls till Järvafältet, Skärholmen och Hässelby-Vällingby; här kan staden följa det.",
                "Grants to associations and registered associations per 1,000 residents in the districts, grouped by how the districts fare, and the gap between the groups year by year. The commission found the city's studio support went to the inner city and almost not at all to Järvafältet, Skärholmen and Hässelby-Vällingby; here the city can follow it."
            )
        case .grSupportFrom: ("Från år", "From year")
        case .grSupportTo: ("Till år", "To year")
        case .grSupportBy: ("Gruppera stadsdelarna efter", "Group the districts by")
        case .grSupportAllBodies: ("Alla nämnder", "Every body")
        case .grSupportNoIndicator:
            (
                "Det finns ingen indikator att gruppera stadsdelarna efter.",
                "There is no indicator to group the districts by."
            )
        case .grSupportSummary:
            (
                "%1–%2 fick föreningar i de stadsdelar som har det sämst %3 kronor per 1 000 invånare, i dem som har det bäst %4.",
                "In %1–%2 associations in the worst-off districts received %3 kronor per 1,000 residents, in the best-off %4."
            )
        case .grSupportTableTitle: ("Bidrag och föreningar per grupp", "Grants and associations by group")
        case .grSupportClass: ("Grupp", "Group")
        case .grSupportAreas: ("Stadsdelar", "Districts")
        case .grSupportPopulation: ("Invånare", "Residents")
        case .grSupportKronor: ("Beviljat, kronor", "Granted, kronor")
        case .grSupportKronorPer1000: ("Kronor per 1 000 invånare", "Kronor per 1,000 residents")
        case .grSupportAssociations: ("Registrerade föreningar", "Registered associations")
        case .grSupportAssociationsPer1000: ("Föreningar per 1 000 invånare", "Associations per 1,000 residents")
        case .grSupportTotal: ("Hela staden", "The whole city")
        case .grSupportLeftOut:
            (
                "%1 stadsdelar saknar invånarantal eller värde och är inte med.",
                "%1 districts without a population or a value are left out."
            )
        case .grSupportHow:
            (
                "Ett bidrag räknas det år det beslutades, och pengarna delas efter invånarantal mellan de stadsdelar där föreningen har verksamhet. En förening räknas en gång i varje sådan stadsdel, efter registret i dag. Per grupp delas summorna, aldrig ett medelvärde av stadsdelarnas tal.",
                "A grant counts in the year it was decided, its money shared by population among the districts where the association is active. An association counts once in each such district, by the register today. By group, the sums are divided, never the districts' rates averaged."
            )
        case .grSupportGap: ("Skillnaden mellan grupperna", "The gap between the groups")
        case .grSupportRatio:
            (
                "Den bäst ställda gruppen genom den sämst ställda",
                "The best-off group over the worst-off"
            )
        case .grSupportSlope:
            (
                "Lutningsindex (SII), från sämst till bäst ställda",
                "Slope index (SII), worst-off to best-off"
            )
        case .grSupportRelative: ("Relativt index (RII)", "Relative index (RII)")
        case .grSupportByYear: ("Kronor per 1 000 invånare år för år", "Kronor per 1,000 residents year by year")
        case .grSupportYear: ("År", "Year")
        case .grSupportCSV:
            (
                "Beviljade bidrag som öppna data (360Giving, CSV)",
                "Awarded grants as open data (360Giving, CSV)"
            )
        case .grSupportLink: ("Vart stödet går", "Where the support goes")
        case .grProblemTaken:
            (
                "%1: en annan bidragsordning har redan det id:t",
                "%1: another scheme already has that id"
            )
        case .grSchemeID: ("Id i adressen", "Id in the address")
        case .grSchemeIDHint:
            (
                "Små bokstäver a–z, siffror och bindestreck, till exempel skarholmen-lokalt-2027. Kan inte ändras sedan.",
                "Lower-case a–z, digits and hyphens, for example skarholmen-lokalt-2027. Cannot be changed later."
            )
        case .grSchemeName: ("Namn", "Name")
        case .grSchemeNameEn: ("Namn på engelska (frivilligt)", "Name in English (optional)")
        case .grCloses: ("Sista ansökningsdag", "Last day to apply")
        case .grOpens: ("Öppnar", "Opens")
        case .grLateDays:
            (
                "Dagar efter sista dag som en sen ansökan tas emot",
                "Days after the last day a late application is taken"
            )
        case .grLateDaysHint:
            (
                "0 om sena ansökningar inte tas emot; högst %1 enligt stadens regler.",
                "0 if late applications are not taken; at most %1 under the city's rules."
            )
        case .grMinimumAmount: ("Minsta belopp i kronor", "Smallest amount in kronor")
        case .grMaximumAmount: ("Största belopp i kronor", "Largest amount in kronor")
        case .grReportDueHint:
            (
                "Senast %1 enligt stadens regler (slutet av februari året efter beslutet).",
                "At the latest %1 under the city's rules (the end of February the year after the decision)."
            )
        case .grRulesHint:
            (
                "Stadens gemensamma regler gäller alltid. Här kan nämnden skärpa dem; tomt betyder inget krav utöver stadens.",
                "The city's common rules always apply. Here the body may tighten them; blank means nothing beyond the city's."
            )
        case .grAreasHint: ("Inga valda: hela staden.", "None chosen: the whole city.")
        case .grExtraAttachments: ("Bilagor utöver stadens", "Attachments beyond the city's")
        case .grNewScheme: ("Ny bidragsordning", "New grant scheme")
        case .grEditScheme: ("Ändra bidragsordningen", "Change the grant scheme")
        case .grSaveScheme: ("Publicera", "Publish")
        case .grSchemeSaved: ("Bidragsordningen är publicerad.", "The grant scheme is published.")
        case .grChoose: ("Välj", "Choose")
        case .grSupportUnplaced:
            (
                "%1 kronor gick till föreningar utan känd stadsdel och räknas inte här.",
                "%1 kronor went to associations with no known district and are not counted here."
            )
        case .grSupportMeasure: ("Mått", "Measure")
        case .grReasonHint: ("Krävs vid avslag och delvis beviljat.", "Needed when rejected or granted in part.")
        }
    }
}

extension Texts {
    subscript(_ key: GrantText) -> String { self[typed: key] }
}
