import SkillnadCore

/// A key of the dialogue portal's texts (see `TextKey`): the words for methods, statuses, steps
/// of the participation ladder and arrangements, the pages' labels and the problems' wording.
enum DialogueText: String, TextKey {
    case dialogues
    case dlIntro
    case dlDescription
    case dlMethodPoliticianMeeting
    case dlMethodWorkshop
    case dlMethodSafetyWalk
    case dlMethodSurvey
    case dlMethodDigitalConsultation
    case dlMethodParticipatoryBudget
    case dlMethodCouncil
    case dlMethodFocusGroup
    case dlMethodPopUp
    case dlMethodOther
    case dlStatusPlanned
    case dlStatusOpen
    case dlStatusAwaitingFeedback
    case dlStatusFeedbackGiven
    case dlStatusCancelled
    case dlLevelInform
    case dlLevelConsult
    case dlLevelInvolve
    case dlLevelCollaborate
    case dlLevelDecide
    case dlArrangementInterpreter
    case dlArrangementSignLanguage
    case dlArrangementChildcare
    case dlArrangementStepFree
    case dlArrangementHearingLoop
    case dlArrangementEveningOrWeekend
    case dlArrangementNearPublicTransport
    case dlArrangementEasyRead
    case dlFilter
    case dlFilterApply
    case dlFilterClear
    case dlArea
    case dlAreaHint
    case dlTopic
    case dlStatus
    case dlMethod
    case dlOrganiser
    case dlFrom
    case dlTo
    case dlSearch
    case dlAny
    case dlCount
    case dlNone
    case dlWhen
    case dlWhere
    case dlDigital
    case dlTitle
    case dlPurpose
    case dlQuestion
    case dlEasyRead
    case dlDecision
    case dlDecidingBody
    case dlDecisionExpected
    case dlLevel
    case dlCoOrganisers
    case dlPartners
    case dlTopics
    case dlTags
    case dlSessions
    case dlPlace
    case dlAddress
    case dlTargetGroups
    case dlTargetGroupsLived
    case dlNotHeard
    case dlRecruitment
    case dlArrangements
    case dlOutcome
    case dlParticipants
    case dlParticipantsByGroup
    case dlGroup
    case dlContributions
    case dlSummary
    case dlDocuments
    case dlLedTo
    case dlFeedback
    case dlFeedbackChannel
    case dlNoFeedbackYet
    case dlAwaitingFeedbackSince
    case dlExample
    case dlNew
    case dlEdit
    case dlSave
    case dlCalendar
    case dlFeed
    case dlCalendarOfArea
    case dlPrevious
    case dlNext
    case dlShowing
    case dlResultBudgetDecision
    case dlResultMeasure
    case dlResultReferralAnswer
    case dlResultText
    case dlWarnings
    case dlFatigueIntro
    case dlFatigueNone
    case dlFatigueSameTopic
    case dlFatigueAwaiting
    case dlDaysApart
    case dlAcknowledge
    case dlAreaProfile
    case dlAreaProfileIntro
    case dlCity
    case dlWholeDistrictArea
    case dlVersion
    case dlSaved
    case dlNotSaved
    case dlRelated
    case dlMore
    case dlOverdue
    case dlOrganisedDialogues
    case dlRelatedIntro
    case dlId
    case dlIdHint
    case dlLines
    case dlSessionsHint
    case dlByGroupHint
    case dlLedToHint
    case dlFeedbackHint
    case dlOrganisedBy
    case dlReach
    case dlReachIntro
    case dlReachHow
    case dlReachPeriod
    case dlReachBy
    case dlReachShow
    case dlReachClass
    case dlReachAreas
    case dlReachPopulation
    case dlReachDialogues
    case dlReachDialoguesPer1000
    case dlReachParticipants
    case dlReachParticipantsPer1000
    case dlReachGap
    case dlReachRatio
    case dlReachSlope
    case dlReachRelative
    case dlReachLeftOut
    case dlReachByYear
    case dlReachYear
    case dlReachNoIndicator
    case dlReachSummary
    case dlReachChartTitle
    case dlReachTotal
    case dlReachValue
    case dlProblemRequired
    case dlProblemTooLong
    case dlProblemNotAnId
    case dlProblemNotADate
    case dlProblemNotATime
    case dlProblemNotANumber
    case dlProblemNegative
    case dlProblemUnknownChoice
    case dlProblemEndsBeforeStart
    case dlProblemGroupsExceedTotal
    case dlProblemFeedbackBeforeDialogue
    case dlProblemLatitude
    case dlProblemLongitude
    case dlProblemSwapped
    case dlProblemOutside
    case dlProblemUnknownArea
    case dlProblemUnknownBody
    case dlProblemUnknownMeasure
    case dlProblemUnknownStrategy
    case dlProblemUnknownTargetArea
    case dlProblemResultIncomplete
    case dlProblemNoArea
    case dlProblemIdTaken
    case dlProblemChangedSince

    var text: (sv: String, en: String) {
        switch self {
        case .dialogues: ("Dialoger", "Dialogues")
        case .dlIntro:
            (
                "Stadens medborgardialoger: vad som frågades, vilka som deltog, vad det ledde till och vilken återkoppling deltagarna fick.",
                "The city's citizen dialogues: what was asked, who took part, what it led to and what the participants were told."
            )
        case .dlDescription:
            (
                "Alla medborgardialoger i staden, tidigare och kommande, med deras resultat och återkoppling.",
                "Every citizen dialogue in the city, past and coming, with what came of it and the feedback."
            )
        case .dlMethodPoliticianMeeting: ("Möte med lokala politiker", "Meeting with local politicians")
        case .dlMethodWorkshop: ("Workshop", "Workshop")
        case .dlMethodSafetyWalk: ("Trygghetsvandring", "Safety walk")
        case .dlMethodSurvey: ("Enkät", "Survey")
        case .dlMethodDigitalConsultation: ("Digital konsultation", "Digital consultation")
        case .dlMethodParticipatoryBudget: ("Medborgarbudget", "Participatory budget")
        case .dlMethodCouncil:
            ("Råd (ungdoms-, pensionärs- eller funktionshinderråd)", "Council (youth, pensioners', disability)")
        case .dlMethodFocusGroup: ("Fokusgrupp", "Focus group")
        case .dlMethodPopUp: ("Pop-up på plats", "Pop-up on site")
        case .dlMethodOther: ("Annat", "Other")
        case .dlStatusPlanned: ("Planerad", "Planned")
        case .dlStatusOpen: ("Pågår", "Open")
        case .dlStatusAwaitingFeedback: ("Avslutad – återkoppling saknas", "Closed – awaiting feedback")
        case .dlStatusFeedbackGiven: ("Återkoppling given", "Feedback given")
        case .dlStatusCancelled: ("Inställd", "Cancelled")
        case .dlLevelInform: ("Information", "Inform")
        case .dlLevelConsult: ("Konsultation", "Consult")
        case .dlLevelInvolve: ("Dialog", "Involve")
        case .dlLevelCollaborate: ("Inflytande", "Collaborate")
        case .dlLevelDecide: ("Medbeslutande", "Decide")
        case .dlArrangementInterpreter: ("Tolk", "Interpreter")
        case .dlArrangementSignLanguage: ("Teckenspråkstolk", "Sign language interpreter")
        case .dlArrangementChildcare: ("Barnpassning", "Childcare")
        case .dlArrangementStepFree: ("Lokal utan trappsteg", "Step-free venue")
        case .dlArrangementHearingLoop: ("Hörslinga", "Hearing loop")
        case .dlArrangementEveningOrWeekend: ("Kväll eller helg", "Evening or weekend")
        case .dlArrangementNearPublicTransport: ("Nära kollektivtrafik", "Near public transport")
        case .dlArrangementEasyRead: ("Lättläst material", "Easy-to-read material")
        case .dlFilter: ("Filtrera dialogerna", "Filter the dialogues")
        case .dlFilterApply: ("Visa", "Show")
        case .dlFilterClear: ("Rensa filtren", "Clear the filters")
        case .dlArea: ("Område", "Area")
        case .dlAreaHint:
            (
                "Visar dialoger i området, i områden inom det och i områden det ligger i.",
                "Shows dialogues in the area, in the areas within it and in the areas it lies in."
            )
        case .dlTopic: ("Ämne", "Topic")
        case .dlStatus: ("Läge", "Status")
        case .dlMethod: ("Metod", "Method")
        case .dlOrganiser: ("Arrangör", "Organiser")
        case .dlFrom: ("Från och med", "From")
        case .dlTo: ("Till och med", "To")
        case .dlSearch: ("Sök i dialogerna", "Search the dialogues")
        case .dlAny: ("Alla", "Any")
        case .dlCount: ("%1 dialoger", "%1 dialogues")
        case .dlNone: ("Inga dialoger passar filtren.", "No dialogue matches the filters.")
        case .dlWhen: ("När", "When")
        case .dlWhere: ("Var", "Where")
        case .dlDigital: ("Digitalt", "Online")
        case .dlTitle: ("Rubrik", "Title")
        case .dlPurpose: ("Syfte", "Purpose")
        case .dlQuestion: ("Frågan till invånarna", "The question put to residents")
        case .dlEasyRead: ("Lättläst sammanfattning", "Easy-to-read summary")
        case .dlDecision: ("Beslutet som dialogen ska ge underlag till", "The decision the dialogue feeds")
        case .dlDecidingBody: ("Beslutande organ", "Deciding body")
        case .dlDecisionExpected: ("Beslut väntas", "Decision expected")
        case .dlLevel: ("Grad av inflytande", "Room for influence")
        case .dlCoOrganisers: ("Medarrangörer", "Co-organisers")
        case .dlPartners: ("Externa parter", "External partners")
        case .dlTopics: ("Ämnen", "Topics")
        case .dlTags: ("Taggar", "Tags")
        case .dlSessions: ("Träffar", "Sessions")
        case .dlPlace: ("Plats", "Place")
        case .dlAddress: ("Adress", "Address")
        case .dlTargetGroups: ("Målgruppsanalys", "Target-group analysis")
        case .dlTargetGroupsLived: ("Vilka som bor eller vistas i området", "Who lives or stays in the area")
        case .dlNotHeard: ("Vilka som inte brukar höras här", "Who is usually not heard here")
        case .dlRecruitment: ("Hur de ska nås", "How they will be reached")
        case .dlArrangements: ("Anpassningar", "Arrangements")
        case .dlOutcome: ("Resultat", "Outcome")
        case .dlParticipants: ("Deltagare", "Participants")
        case .dlParticipantsByGroup: ("Deltagare per grupp", "Participants by group")
        case .dlGroup: ("Grupp", "Group")
        case .dlContributions: ("Inspel", "Contributions")
        case .dlSummary: ("Vad som kom fram", "What came out")
        case .dlDocuments: ("Dokument", "Documents")
        case .dlLedTo: ("Vad dialogen ledde till", "What the dialogue led to")
        case .dlFeedback: ("Återkoppling till deltagarna", "Feedback to the participants")
        case .dlFeedbackChannel: ("Kanal", "Channel")
        case .dlNoFeedbackYet: ("Ingen återkoppling har getts ännu.", "No feedback has been given yet.")
        case .dlAwaitingFeedbackSince:
            (
                "Dialogen avslutades %1 och deltagarna har ännu inte fått återkoppling.",
                "The dialogue ended on %1 and the participants have not yet been given feedback."
            )
        case .dlExample: ("exempel", "example")
        case .dlNew: ("Planera en dialog", "Plan a dialogue")
        case .dlEdit: ("Ändra dialogen", "Edit the dialogue")
        case .dlSave: ("Spara", "Save")
        case .dlCalendar: ("Kalender (iCalendar)", "Calendar (iCalendar)")
        case .dlFeed: ("Nyheter (Atom)", "News feed (Atom)")
        case .dlCalendarOfArea: ("Prenumerera på dialogerna i %1", "Subscribe to the dialogues in %1")
        case .dlPrevious: ("Föregående", "Previous")
        case .dlNext: ("Nästa", "Next")
        case .dlShowing: ("Visar %1–%2 av %3", "Showing %1–%2 of %3")
        case .dlResultBudgetDecision: ("Budgetbeslut", "Budget decision")
        case .dlResultMeasure: ("Åtgärd", "Measure")
        case .dlResultReferralAnswer: ("Remissvar", "Referral answer")
        case .dlResultText: ("Annat", "Other")
        case .dlWarnings: ("Att tänka på innan du sparar", "Worth knowing before you save")
        case .dlFatigueIntro:
            (
                "Andra dialoger i samma område om samma ämne inom ett år, och dialoger i området som väntar på återkoppling. Invånare som redan har tillfrågats kan bli trötta på att tillfrågas igen.",
                "Other dialogues in the same area on the same topic within a year, and dialogues in the area awaiting feedback. Residents who have already been asked may tire of being asked again."
            )
        case .dlFatigueNone:
            (
                "Inga andra dialoger i området om samma ämne inom ett år, och ingen väntar på återkoppling.",
                "No other dialogue in the area on the same topic within a year, and none awaiting feedback."
            )
        case .dlFatigueSameTopic: ("Samma ämne, samma område", "Same topic, same area")
        case .dlFatigueAwaiting: ("Väntar på återkoppling", "Awaiting feedback")
        case .dlDaysApart: ("%1 dagar ifrån", "%1 days apart")
        case .dlAcknowledge:
            (
                "Jag har sett dialogerna ovan och vill spara ändå",
                "I have seen the dialogues above and want to save anyway"
            )
        case .dlAreaProfile: ("Områdets profil", "The area's profile")
        case .dlAreaProfileIntro:
            (
                "Hur området skiljer sig från staden som helhet: vilka som kan saknas om dialogen inte når dem särskilt.",
                "How the area differs from the city as a whole: who may be missing unless the dialogue reaches them."
            )
        case .dlCity: ("Staden", "The city")
        case .dlWholeDistrictArea: ("hela stadsdelsområdet", "the whole district area")
        case .dlVersion: ("Version", "Version")
        case .dlSaved: ("Dialogen är sparad.", "The dialogue was saved.")
        case .dlNotSaved: ("Dialogen sparades inte", "The dialogue was not saved")
        case .dlRelated: ("Andra dialoger i området", "Other dialogues in the area")
        case .dlMore: ("… och %1 till", "… and %1 more")
        case .dlOverdue:
            (
                "%1 av dialogerna har väntat mer än %2 veckor på återkoppling till deltagarna.",
                "%1 of the dialogues have waited more than %2 weeks for feedback to the participants."
            )
        case .dlOrganisedDialogues: ("Medborgardialoger som organet arrangerar", "Citizen dialogues the body organises")
        case .dlRelatedIntro:
            (
                "Dialoger i samma område om samma ämne inom ett år, och dialoger i området som väntar på återkoppling.",
                "Dialogues in the same area on the same topic within a year, and dialogues in the area awaiting feedback."
            )
        case .dlId: ("Id i adressen", "Id in the address")
        case .dlIdHint: ("Små bokstäver a–z, siffror och bindestreck.", "Lower-case letters a–z, digits and dashes.")
        case .dlLines: ("en per rad", "one per line")
        case .dlSessionsHint:
            (
                "En träff per rad: start; slut; plats; adress; latitud; longitud. Till exempel 2026-05-12 18:00; 2026-05-12 20:00; Husby Träff; Edvard Griegs gång 12; 59.4097; 17.9281",
                "One session per line: start; end; place; address; latitude; longitude. For example 2026-05-12 18:00; 2026-05-12 20:00; Husby Träff; Edvard Griegs gång 12; 59.4097; 17.9281"
            )
        case .dlByGroupHint:
            (
                "En grupp per rad: grupp=antal, till exempel kon=K=23 eller alder=16-24=12. Bara antal, aldrig namn.",
                "One group per line: group=count, for example kon=K=23 or alder=16-24=12. Counts only, never names."
            )
        case .dlLedToHint:
            (
                "En rad per resultat: measure, budgetDecision eller referralAnswer följt av id, eller text följt av en beskrivning. Till exempel measure A.2.3.1 eller åtgärd A.2.3.1",
                "One line per result: measure, budgetDecision or referralAnswer followed by an id, or text followed by a description. For example measure A.2.3.1"
            )
        case .dlFeedbackHint:
            (
                "En rad per återkoppling: datum; kanal; text.", "One line per feedback: date; channel; text."
            )
        case .dlOrganisedBy: ("Arrangeras av %1", "Organised by %1")
        case .dlReach: ("Vilka dialogerna når", "Whom the dialogues reach")
        case .dlReachIntro:
            (
                "Kommissionen fann att dialogerna riktade sig till breda grupper och riskerade att stärka redan starka röster. Här syns hur många dialoger som hållits och hur många som deltagit per 1 000 invånare, i stadsdelar ordnade efter ett mått på levnadsvillkor.",
                "The commission found that dialogues were aimed at broad groups and risked strengthening voices that were already strong. Here are the dialogues held and the participants per 1,000 residents, in districts ordered by a measure of living conditions."
            )
        case .dlReachHow:
            (
                "En dialog räknas det år dess första träff hölls, en gång i varje stadsdel den gäller (alla stadsdelar i ett stadsdelsområde den gäller); dess deltagare delas mellan dem efter folkmängd. Digitala och inställda dialoger räknas inte. Per grupp räknas summorna, inte ett medelvärde av stadsdelarnas tal.",
                "A dialogue counts in the year of its first session, once in every district it concerns (every district of a district area it concerns); its participants are shared among them by population. Online-only and cancelled dialogues do not count. By group, the sums are divided, never the districts' rates averaged."
            )
        case .dlReachPeriod: ("År", "Years")
        case .dlReachBy: ("Ordna stadsdelarna efter", "Order the districts by")
        case .dlReachShow: ("Visa", "Show")
        case .dlReachClass: ("Grupp", "Group")
        case .dlReachAreas: ("Stadsdelar", "Districts")
        case .dlReachPopulation: ("Invånare", "Residents")
        case .dlReachDialogues: ("Dialoger i stadsdelarna", "Dialogues in the districts")
        case .dlReachDialoguesPer1000: ("Dialoger per 1 000 invånare", "Dialogues per 1,000 residents")
        case .dlReachParticipants: ("Deltagare", "Participants")
        case .dlReachParticipantsPer1000: ("Deltagare per 1 000 invånare", "Participants per 1,000 residents")
        case .dlReachGap: ("Skillnaden", "The gap")
        case .dlReachRatio:
            (
                "Kvot mellan den mest och den minst gynnade gruppen (dialoger per 1 000)",
                "Ratio of the best-off to the worst-off group (dialogues per 1,000)"
            )
        case .dlReachSlope: ("Lutningsindex (SII)", "Slope index of inequality (SII)")
        case .dlReachRelative: ("Relativt ojämlikhetsindex (RII)", "Relative index of inequality (RII)")
        case .dlReachLeftOut:
            (
                "%1 stadsdelar utan folkmängd eller värde räknas inte.",
                "%1 districts without a population or a value are left out."
            )
        case .dlReachByYear: ("År för år", "Year by year")
        case .dlReachYear: ("År", "Year")
        case .dlReachNoIndicator:
            (
                "Inget mått att ordna stadsdelarna efter: läs in ett mått per stadsdel först.",
                "No measure to order the districts by: import one by district first."
            )
        case .dlReachSummary:
            (
                "%1–%2: %3 dialoger per 1 000 invånare i den minst gynnade gruppen, %4 i den mest gynnade.",
                "%1–%2: %3 dialogues per 1,000 residents in the worst-off group, %4 in the best-off."
            )
        case .dlReachChartTitle: ("Dialoger per 1 000 invånare, per grupp", "Dialogues per 1,000 residents, by group")
        case .dlReachTotal: ("Hela staden", "The whole city")
        case .dlReachValue: ("Värde", "Value")
        case .dlProblemRequired: ("%1: fyll i fältet", "%1: fill in the field")
        case .dlProblemTooLong: ("%1: högst %2 tecken", "%1: at most %2 characters")
        case .dlProblemNotAnId:
            (
                "%1: ”%2” är inget id; använd små bokstäver a–z, siffror och bindestreck",
                "%1: \"%2\" is not an id; use lower-case letters a–z, digits and dashes"
            )
        case .dlProblemNotADate: ("%1: ”%2” är inget datum (ÅÅÅÅ-MM-DD)", "%1: \"%2\" is not a date (YYYY-MM-DD)")
        case .dlProblemNotATime:
            ("%1: ”%2” är ingen tidpunkt (ÅÅÅÅ-MM-DD TT:MM)", "%1: \"%2\" is not a time (YYYY-MM-DD HH:MM)")
        case .dlProblemNotANumber: ("%1: ”%2” är inget tal", "%1: \"%2\" is not a number")
        case .dlProblemNegative: ("%1: %2 är mindre än noll", "%1: %2 is below zero")
        case .dlProblemUnknownChoice: ("%1: ”%2” är inget av %3", "%1: \"%2\" is none of %3")
        case .dlProblemEndsBeforeStart:
            ("%1: träffen slutar (%3) innan den börjar (%2)", "%1: the session ends (%3) before it starts (%2)")
        case .dlProblemGroupsExceedTotal:
            (
                "%1: deltagarna per %2 blir %3, fler än de %4 deltagarna",
                "%1: the participants by %2 add up to %3, more than the %4 participants"
            )
        case .dlProblemFeedbackBeforeDialogue:
            (
                "%1: återkopplingen (%2) är daterad före dialogens första träff (%3)",
                "%1: the feedback (%2) is dated before the dialogue's first session (%3)"
            )
        case .dlProblemLatitude:
            ("%1: latituden %2 ligger inte mellan −90 och 90", "%1: the latitude %2 is not between −90 and 90")
        case .dlProblemLongitude:
            ("%1: longituden %2 ligger inte mellan −180 och 180", "%1: the longitude %2 is not between −180 and 180")
        case .dlProblemSwapped:
            (
                "%1: punkten (%2, %3) ligger utanför kommunen men innanför om latitud och longitud byter plats; skriv latituden först",
                "%1: the point (%2, %3) lies outside the municipality but inside with latitude and longitude swapped; give the latitude first"
            )
        case .dlProblemOutside:
            (
                "%1: punkten (%2, %3) ligger utanför kommunens områden; stämmer det?",
                "%1: the point (%2, %3) lies outside the municipality's areas; is that right?"
            )
        case .dlProblemUnknownArea: ("%1: det finns inget område med id ”%2”", "%1: no area has the id \"%2\"")
        case .dlProblemUnknownBody: ("%1: det finns inget organ med id ”%2”", "%1: no body has the id \"%2\"")
        case .dlProblemUnknownMeasure: ("%1: det finns ingen åtgärd ”%2”", "%1: there is no measure \"%2\"")
        case .dlProblemUnknownStrategy: ("%1: det finns ingen strategi ”%2”", "%1: there is no strategy \"%2\"")
        case .dlProblemUnknownTargetArea: ("%1: det finns inget målområde ”%2”", "%1: there is no target area \"%2\"")
        case .dlProblemResultIncomplete:
            (
                "%1: ett resultat av slaget %2 behöver sitt id eller sin text",
                "%1: a result of kind %2 needs its id or its text"
            )
        case .dlProblemNoArea:
            ("%1: välj minst ett område, eller kryssa i Digitalt", "%1: choose at least one area, or tick Online")
        case .dlProblemIdTaken:
            ("%1: en annan dialog har redan id ”%2”", "%1: another dialogue already has the id \"%2\"")
        case .dlProblemChangedSince:
            (
                "%1: någon annan har ändrat dialogen sedan du öppnade den (version %3, nu %2); öppna den igen",
                "%1: someone else changed the dialogue since you opened it (version %3, now %2); open it again"
            )
        }
    }
}

extension Texts {
    subscript(_ key: DialogueText) -> String { self[typed: key] }

    func label(_ method: DialogueMethod) -> String {
        switch method {
        case .politicianMeeting: self[.dlMethodPoliticianMeeting]
        case .workshop: self[.dlMethodWorkshop]
        case .safetyWalk: self[.dlMethodSafetyWalk]
        case .survey: self[.dlMethodSurvey]
        case .digitalConsultation: self[.dlMethodDigitalConsultation]
        case .participatoryBudget: self[.dlMethodParticipatoryBudget]
        case .council: self[.dlMethodCouncil]
        case .focusGroup: self[.dlMethodFocusGroup]
        case .popUp: self[.dlMethodPopUp]
        case .other: self[.dlMethodOther]
        }
    }

    func label(_ status: DialogueStatus) -> String {
        switch status {
        case .planned: self[.dlStatusPlanned]
        case .open: self[.dlStatusOpen]
        case .awaitingFeedback: self[.dlStatusAwaitingFeedback]
        case .feedbackGiven: self[.dlStatusFeedbackGiven]
        case .cancelled: self[.dlStatusCancelled]
        }
    }

    func label(_ level: ParticipationLevel) -> String {
        switch level {
        case .inform: self[.dlLevelInform]
        case .consult: self[.dlLevelConsult]
        case .involve: self[.dlLevelInvolve]
        case .collaborate: self[.dlLevelCollaborate]
        case .decide: self[.dlLevelDecide]
        }
    }

    func label(_ arrangement: TargetGroupAnalysis.Arrangement) -> String {
        switch arrangement {
        case .interpreter: self[.dlArrangementInterpreter]
        case .signLanguage: self[.dlArrangementSignLanguage]
        case .childcare: self[.dlArrangementChildcare]
        case .stepFree: self[.dlArrangementStepFree]
        case .hearingLoop: self[.dlArrangementHearingLoop]
        case .eveningOrWeekend: self[.dlArrangementEveningOrWeekend]
        case .nearPublicTransport: self[.dlArrangementNearPublicTransport]
        case .easyRead: self[.dlArrangementEasyRead]
        }
    }

    func label(_ kind: DialogueResult.Kind) -> String {
        switch kind {
        case .budgetDecision: self[.dlResultBudgetDecision]
        case .measure: self[.dlResultMeasure]
        case .referralAnswer: self[.dlResultReferralAnswer]
        case .text: self[.dlResultText]
        }
    }
}
