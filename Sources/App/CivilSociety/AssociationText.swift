import SkillnadCore

/// A key of the register of associations' texts (see `TextKey`).
enum AssociationText: String, TextKey {
    case associations
    case asDescription
    case asIntro
    case asAssociation
    case asAssociationsCount
    case asOverviewSummary
    case asDistrictsCaption
    case asDistrict
    case asCount
    case asOpenData
    case asCSV
    case asHSDS
    case asJoin
    case asJoinLink
    case asMine
    case asQueue
    case asDistrictTitle
    case asDistrictIntro
    case asDistrictSummary
    case asFilteredSummary
    case asFilter
    case asAge
    case asAgeHint
    case asLanguage
    case asAnyLanguage
    case asWords
    case asShow
    case asName
    case asActivities
    case asAges
    case asLanguages
    case asWhere
    case asWhen
    case asNoneFound
    case asShowing
    case asPrevious
    case asNext
    case asAgesBetween
    case asAgesFrom
    case asAgesUpTo
    case asMapTitle
    case asMapDesc
    case asMapOffMap
    case asMapPlace
    case asMapPlaces
    case asPurpose
    case asRegisters
    case asStanding
    case asReason
    case asMembers
    case asMembersHint
    case asMembersCell
    case asAgeBand
    case asTotal
    case asContact
    case asBoard
    case asBoardHint
    case asBoardMember
    case asRole
    case asPrivate
    case asEdit
    case asReview
    case asNoActivities
    case asOrganisationNumber
    case asOrganisationNumberHint
    case asLegalForm
    case asFounded
    case asDateHint
    case asVerified
    case asWebsite
    case asContactName
    case asContactEmail
    case asContactPhone
    case asContactPublic
    case asGiro
    case asGiroKind
    case asGiroNumber
    case asAnnualMeeting
    case asAnnualMeetingHint
    case asDemocracyConditions
    case asDemocracyText
    case asDemocracyAccept
    case asPages
    case asAccepted
    case asNotAccepted
    case asJoinIntro
    case asYourName
    case asYourEmail
    case asPassword
    case asPasswordHint
    case asConfirm
    case asCreateAccount
    case asHaveAccount
    case asSignedInAlready
    case asAccountExists
    case asTooManyAccounts
    case asRegisterNew
    case asNotSaved
    case asEntryIntro
    case asAboutAssociation
    case asNameField
    case asDistricts
    case asDistrictsHint
    case asActivity
    case asActivitiesHint
    case asActivityName
    case asActivityDescription
    case asAudience
    case asMinimumAge
    case asMaximumAge
    case asLanguagesField
    case asArea
    case asPlace
    case asAddress
    case asLatitude
    case asLongitude
    case asCoordinatesHint
    case asSchedule
    case asChoose
    case asSave
    case asSend
    case asCancel
    case asMineIntro
    case asNew
    case asNoneYet
    case asRenew
    case asRenewHint
    case asMeetingHeld
    case asRenewed
    case asReminderDue
    case asReminderLapsed
    case asQueueIntro
    case asQueueNone
    case asWaitingSince
    case asReviewTitle
    case asDecision
    case asReasonHint
    case asSaveDecisions
    case asDecided
    case asNothingChanged
    case asFormNonProfit
    case asFormEconomic
    case asFormFoundation
    case asFormReligious
    case asStandingPending
    case asStandingActive
    case asStandingRenewalDue
    case asStandingNotRenewed
    case asStandingRefused
    case asDecisionPending
    case asDecisionApproved
    case asDecisionRefused
    case asBankgiro
    case asPlusgiro
    case asWomen
    case asMen
    case asOther
    case asChair
    case asTreasurer
    case asSecretary
    case asMember
    case asDeputy
    case asProblemMissing
    case asProblemTooLong
    case asProblemOrgDigits
    case asProblemOrgCheck
    case asProblemOrgPersonal
    case asProblemGiroDigits
    case asProblemGiroLength
    case asProblemGiroCheck
    case asProblemDay
    case asProblemFuture
    case asProblemCount
    case asProblemBoard
    case asProblemChair
    case asProblemChoice
    case asProblemArea
    case asProblemAgeRange
    case asProblemCoordinates
    case asProblemEmail
    case asProblemTooMany
    case asProblemRegistered
    case asProblemChanged
    case asProblemBefore
    case asProblemReason

    var text: (sv: String, en: String) {
        switch self {
        case .associations: ("Föreningar", "Associations")
        case .asDescription:
            (
                "Stadsdelarnas register över lokala föreningar och deras verksamheter, som lista, karta och öppna data.",
                "The districts' registers of local associations and their activities, as a list, a map and open data."
            )
        case .asIntro:
            (
                "Varje stadsdelsnämnd för ett register över de föreningar som är verksamma i stadsdelsområdet (åtgärd 4.5.1). Föreningarna för in och håller sina uppgifter aktuella själva; stadsdelsförvaltningen godkänner dem. Välj ett stadsdelsområde för att se dess föreningar och var de har verksamhet.",
                "Each district council keeps a register of the associations active in its district area (measure 4.5.1). The associations enter and keep their details themselves; the district administration approves them. Choose a district area to see its associations and where they are active."
            )
        case .asAssociation: ("förening", "association")
        case .asAssociationsCount: ("föreningar", "associations")
        case .asOverviewSummary: ("Registren har sammanlagt %1.", "The registers have %1 in all.")
        case .asDistrictsCaption: ("Registren per stadsdelsområde", "The registers by district area")
        case .asDistrict: ("Stadsdelsområde", "District area")
        case .asCount: ("Registrerade föreningar", "Registered associations")
        case .asOpenData: ("Öppna data", "Open data")
        case .asCSV: ("Registret som CSV, en rad per verksamhet", "The register as CSV, one row per activity")
        case .asHSDS:
            (
                "Registret som JSON i formatet HSDS 3.0 (Open Referral)",
                "The register as JSON in the HSDS 3.0 format (Open Referral)"
            )
        case .asJoin: ("Skapa konto för din förening", "Create an account for your association")
        case .asJoinLink:
            (
                "Är din förening inte med? Skapa ett konto och registrera den.",
                "Is your association missing? Create an account and register it."
            )
        case .asMine: ("Mina föreningar", "My associations")
        case .asQueue: ("Föreningar att pröva", "Associations to review")
        case .asDistrictTitle: ("Föreningar i %1", "Associations in %1")
        case .asDistrictIntro:
            (
                "Föreningarna i stadsdelsområdets register och deras verksamheter. Kartan visar var verksamheterna finns; listan under den visar samma sak som text.",
                "The associations in the district area's register and their activities. The map shows where the activities are; the list below it shows the same as text."
            )
        case .asDistrictSummary: ("%1 i registret för %2.", "%1 in the register of %2.")
        case .asFilteredSummary:
            ("Som passar urvalet: %1 i registret för %2.", "Matching the filter: %1 in the register of %2.")
        case .asFilter: ("Urval", "Filter")
        case .asAge: ("Ålder", "Age")
        case .asAgeHint: ("Verksamheter för den som är så här gammal.", "Activities for someone of this age.")
        case .asLanguage: ("Språk", "Language")
        case .asAnyLanguage: ("Alla språk", "Any language")
        case .asWords: ("Sök bland föreningarna", "Search the associations")
        case .asShow: ("Visa", "Show")
        case .asName: ("Förening", "Association")
        case .asActivities: ("Verksamheter", "Activities")
        case .asAges: ("Ålder", "Ages")
        case .asLanguages: ("Språk", "Languages")
        case .asWhere: ("Var", "Where")
        case .asWhen: ("När", "When")
        case .asNoneFound: ("Inga föreningar passar urvalet.", "No association matches.")
        case .asShowing: ("Visar %1–%2 av %3.", "Showing %1–%2 of %3.")
        case .asPrevious: ("Föregående", "Previous")
        case .asNext: ("Nästa", "Next")
        case .asAgesBetween: ("%1–%2 år", "ages %1–%2")
        case .asAgesFrom: ("från %1 år", "%1 and over")
        case .asAgesUpTo: ("upp till %1 år", "up to age %1")
        case .asMapTitle: ("Karta över verksamheterna i %1", "Map of the activities in %1")
        case .asMapDesc:
            (
                "Var föreningarnas verksamheter finns: %1, var och en en länk till sin förening. Listan nedan visar samma föreningar som text.",
                "Where the associations' activities are: %1, each a link to its association. The list below shows the same associations as text."
            )
        case .asMapOffMap: ("Utanför kartan: %1.", "Outside the map: %1.")
        case .asMapPlace: ("plats", "place")
        case .asMapPlaces: ("platser", "places")
        case .asPurpose: ("Ändamål", "Purpose")
        case .asRegisters: ("I registren", "In the registers")
        case .asStanding: ("Status", "Standing")
        case .asReason: ("Motivering", "Reason")
        case .asMembers: ("Medlemmar", "Members")
        case .asMembersHint:
            (
                "Antal medlemmar efter ålder och kön, inga namn. Lämna tomt för noll.",
                "The number of members by age and sex, no names. Leave empty for none."
            )
        case .asMembersCell: ("%1, %2 år", "%1, %2 years")
        case .asAgeBand: ("Ålder", "Age")
        case .asTotal: ("Totalt", "Total")
        case .asContact: ("Kontaktperson", "Contact person")
        case .asBoard: ("Styrelse", "Board")
        case .asBoardHint:
            (
                "Minst %1 ordinarie ledamöter, varav en ordförande. Suppleanter räknas inte. Styrelsen visas aldrig i det öppna registret.",
                "At least %1 ordinary members, one of them the chair. Deputies do not count. The board is never shown in the open register."
            )
        case .asBoardMember: ("Styrelseledamot %1", "Board member %1")
        case .asRole: ("Roll", "Role")
        case .asPrivate:
            (
                "Syns bara för föreningens administratörer och stadsdelsförvaltningens handläggare",
                "Seen only by the association's administrators and the district administration's officials"
            )
        case .asEdit: ("Ändra föreningens uppgifter", "Change the association's details")
        case .asReview: ("Pröva föreningen", "Review the association")
        case .asNoActivities: ("Inga verksamheter angivna.", "No activities given.")
        case .asOrganisationNumber: ("Organisationsnummer", "Organisation number")
        case .asOrganisationNumberHint:
            (
                "Tio siffror, till exempel 802000-0000. Ett personnummer tas inte emot.",
                "Ten digits, for example 802000-0000. A personal identity number is not accepted."
            )
        case .asLegalForm: ("Juridisk form", "Legal form")
        case .asFounded: ("Bildad", "Founded")
        case .asDateHint: ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD")
        case .asVerified: ("Uppgifterna senast bekräftade", "Details last verified")
        case .asWebsite: ("Webbplats", "Website")
        case .asContactName: ("Namn", "Name")
        case .asContactEmail: ("E-post", "E-mail")
        case .asContactPhone: ("Telefon", "Telephone")
        case .asContactPublic:
            (
                "Visa kontaktpersonen i det öppna registret",
                "Show the contact person in the open register"
            )
        case .asGiro: ("Konto för bidrag", "Account for grants")
        case .asGiroKind: ("Typ av konto", "Kind of account")
        case .asGiroNumber: ("Kontonummer", "Account number")
        case .asAnnualMeeting: ("Senaste årsmöte", "Latest annual meeting")
        case .asAnnualMeetingHint:
            (
                "Föreningen förnyar sin registrering varje år, senast två månader efter årsmötet.",
                "The association renews its registration every year, at the latest two months after the annual meeting."
            )
        case .asDemocracyConditions: ("Demokrativillkoren", "The democracy conditions")
        case .asDemocracyAccept:
            ("Föreningen godtar demokrativillkoren", "The association accepts the democracy conditions")
        case .asPages: ("Sidor i listan", "Pages of the list")
        case .asDemocracyText:
            (
                "Föreningen följer demokratins idéer, inklusive jämställdhet och förbud mot diskriminering, och bedrivs demokratiskt.",
                "The association respects the ideas of democracy, including equality and the ban on discrimination, and is run democratically."
            )
        case .asAccepted: ("godtagna", "accepted")
        case .asNotAccepted: ("inte godtagna", "not accepted")
        case .asJoinIntro:
            (
                "Med ett konto registrerar du din förening i stadsdelarnas register och håller uppgifterna aktuella. Om dig sparar vi ditt namn och din e-postadress och, som för alla som loggar in, när och från vilken IP-adress du loggar in.",
                "With an account you register your association in the districts' registers and keep its details up to date. Of you we keep your name and e-mail address and, as for everyone who signs in, when and from which IP address you sign in."
            )
        case .asYourName: ("Ditt namn", "Your name")
        case .asYourEmail: ("Din e-postadress", "Your e-mail address")
        case .asPassword: ("Lösenord", "Password")
        case .asPasswordHint: ("Minst %1 tecken.", "At least %1 characters.")
        case .asConfirm: ("Upprepa lösenordet", "Repeat the password")
        case .asCreateAccount: ("Skapa konto", "Create account")
        case .asHaveAccount: ("Har du redan ett konto? Logga in.", "Have an account already? Sign in.")
        case .asSignedInAlready: ("Du är redan inloggad.", "You are signed in already.")
        case .asAccountExists:
            (
                "Det finns redan ett konto med den e-postadressen. Logga in i stället.",
                "An account with that e-mail address exists. Sign in instead."
            )
        case .asTooManyAccounts:
            (
                "För många försök att skapa konto från din IP-adress. Vänta %1 sekunder och försök igen.",
                "Too many attempts to create an account from your IP address. Wait %1 seconds and try again."
            )
        case .asRegisterNew: ("Registrera en förening", "Register an association")
        case .asNotSaved: ("Inget är sparat. Rätta det här:", "Nothing is saved. Correct this:")
        case .asEntryIntro:
            (
                "Uppgifterna prövas av stadsdelsförvaltningen i varje stadsdelsområde du väljer. Det öppna registret visar föreningen, ändamålet och verksamheterna; styrelsen, kontot och kontaktpersonen (om du inte väljer att visa den) syns bara för dig och handläggarna.",
                "The district administration of each district area you choose reviews the details. The open register shows the association, its purpose and activities; the board, the account and the contact person (unless you choose to show it) are seen only by you and the officials."
            )
        case .asAboutAssociation: ("Föreningen", "The association")
        case .asNameField: ("Föreningens namn", "The association's name")
        case .asDistricts: ("Stadsdelsområden", "District areas")
        case .asDistrictsHint:
            (
                "De stadsdelsområden där föreningen har verksamhet och vill finnas i registret.",
                "The district areas where the association is active and wants to be registered."
            )
        case .asActivity: ("Verksamhet %1", "Activity %1")
        case .asActivitiesHint:
            (
                "Vad föreningen gör, för vem, var och när. Lämna en rad tom om den inte behövs.",
                "What the association does, for whom, where and when. Leave a row empty when it is not needed."
            )
        case .asActivityName: ("Vad", "What")
        case .asActivityDescription: ("Beskrivning", "Description")
        case .asAudience: ("För vem", "For whom")
        case .asMinimumAge: ("Från ålder", "From age")
        case .asMaximumAge: ("Till ålder", "To age")
        case .asLanguagesField:
            (
                "Språk, som koder (sv, en, so, ar …)",
                "Languages, as codes (sv, en, so, ar …)"
            )
        case .asArea: ("Område", "Area")
        case .asPlace: ("Plats", "Place")
        case .asAddress: ("Adress", "Address")
        case .asLatitude: ("Latitud", "Latitude")
        case .asLongitude: ("Longitud", "Longitude")
        case .asCoordinatesHint:
            (
                "För kartan: i grader, till exempel 59.295 och 17.933.",
                "For the map: in degrees, for example 59.295 and 17.933."
            )
        case .asSchedule: ("När", "When")
        case .asChoose: ("Välj", "Choose")
        case .asSave: ("Spara", "Save")
        case .asSend: ("Skicka för godkännande", "Send for approval")
        case .asCancel: ("Avbryt", "Cancel")
        case .asMineIntro:
            (
                "Dina föreningar och hur de står i varje stadsdelsområdes register. Förnya registreringen efter varje årsmöte.",
                "Your associations and where they stand in each district area's register. Renew the registration after every annual meeting."
            )
        case .asNew: ("Registrera en ny förening", "Register a new association")
        case .asNoneYet: ("Du har inte registrerat någon förening än.", "You have not registered an association yet.")
        case .asRenew: ("Förnya registreringen", "Renew the registration")
        case .asRenewHint:
            (
                "Ange dagen för årsmötet. Med förnyelsen bekräftar du att uppgifterna stämmer; ändra dem först om något har ändrats.",
                "Give the day of the annual meeting. Renewing confirms that the details are right; change them first if anything has changed."
            )
        case .asMeetingHeld: ("Årsmötet hölls", "The annual meeting was held")
        case .asRenewed: ("%1 förnyades %2.", "%1 was renewed on %2.")
        case .asReminderDue:
            (
                "Årsmötet har hållits: förnya registreringen senast %1.",
                "The annual meeting has been held: renew the registration by %1."
            )
        case .asReminderLapsed:
            (
                "Registreringen skulle ha förnyats senast %1 och syns inte i registret förrän den förnyas.",
                "The registration should have been renewed by %1 and is not shown in the register until it is."
            )
        case .asQueueIntro:
            (
                "Föreningar som väntar på prövning i registren för dina stadsdelsområden, den som väntat längst först.",
                "Associations waiting for review in the registers of your district areas, the longest waiting first."
            )
        case .asQueueNone: ("Ingen förening väntar på prövning.", "No association is waiting for review.")
        case .asWaitingSince: ("Senast ändrad", "Last changed")
        case .asReviewTitle: ("Pröva %1", "Review %1")
        case .asDecision: ("Beslut", "Decision")
        case .asReasonHint:
            ("Krävs vid avslag; föreningen ser motiveringen.", "Required for a refusal; the association sees it.")
        case .asSaveDecisions: ("Spara besluten", "Save the decisions")
        case .asDecided: ("Besluten är sparade.", "The decisions are saved.")
        case .asNothingChanged: ("Inget beslut ändrades.", "No decision changed.")
        case .asFormNonProfit: ("ideell förening", "non-profit association")
        case .asFormEconomic: ("ekonomisk förening", "economic association")
        case .asFormFoundation: ("stiftelse", "foundation")
        case .asFormReligious: ("registrerat trossamfund", "registered religious community")
        case .asStandingPending: ("väntar på prövning", "waiting for review")
        case .asStandingActive: ("registrerad", "registered")
        case .asStandingRenewalDue: ("registrerad, förnyelse väntar", "registered, renewal due")
        case .asStandingNotRenewed: ("inte förnyad", "not renewed")
        case .asStandingRefused: ("avslagen", "refused")
        case .asDecisionPending: ("Inte prövad", "Not decided")
        case .asDecisionApproved: ("Godkänd", "Approved")
        case .asDecisionRefused: ("Avslagen", "Refused")
        case .asBankgiro: ("Bankgiro", "Bankgiro")
        case .asPlusgiro: ("Plusgiro", "Plusgiro")
        case .asWomen: ("Kvinnor", "Women")
        case .asMen: ("Män", "Men")
        case .asOther: ("Annat eller ej angivet", "Other or not stated")
        case .asChair: ("ordförande", "chair")
        case .asTreasurer: ("kassör", "treasurer")
        case .asSecretary: ("sekreterare", "secretary")
        case .asMember: ("ledamot", "member")
        case .asDeputy: ("suppleant", "deputy")
        case .asProblemMissing: ("%1: fyll i", "%1: fill in")
        case .asProblemTooLong: ("%1: högst %2 tecken", "%1: at most %2 characters")
        case .asProblemOrgDigits:
            ("%1: tio siffror, till exempel 802000-0000", "%1: ten digits, for example 802000-0000")
        case .asProblemOrgCheck:
            (
                "%1: kontrollsiffran stämmer inte, så numret är felskrivet",
                "%1: the check digit does not match, so the number is mistyped"
            )
        case .asProblemOrgPersonal:
            (
                "%1: det här är ett personnummer. Registret tar bara emot organisationsnummer och sparar aldrig ett personnummer.",
                "%1: this is a personal identity number. The register takes organisation numbers only and never stores a personal identity number."
            )
        case .asProblemGiroDigits: ("%1: bara siffror", "%1: digits only")
        case .asProblemGiroLength: ("%1: %2 till %3 siffror", "%1: %2 to %3 digits")
        case .asProblemGiroCheck:
            (
                "%1: kontrollsiffran stämmer inte, så numret är felskrivet",
                "%1: the check digit does not match, so the number is mistyped"
            )
        case .asProblemDay: ("%1: ett datum som 2026-03-15", "%1: a date such as 2026-03-15")
        case .asProblemFuture: ("%1: kan inte ligga i framtiden", "%1: cannot be in the future")
        case .asProblemCount: ("%1: ett heltal från 0", "%1: a whole number from 0")
        case .asProblemBoard:
            (
                "%1: minst %3 ordinarie ledamöter behövs, antal angivna: %2",
                "%1: at least %3 ordinary members are needed, number given: %2"
            )
        case .asProblemChair: ("%1: en av ledamöterna ska vara ordförande", "%1: one of the members must be the chair")
        case .asProblemChoice: ("%1: %2 finns inte att välja", "%1: %2 is not one of the choices")
        case .asProblemArea: ("%1: inget område har id %2", "%1: no area has the id %2")
        case .asProblemAgeRange:
            (
                "%1: till-åldern ska vara minst från-åldern och högst 130",
                "%1: the upper age must be at least the lower and at most 130"
            )
        case .asProblemCoordinates:
            (
                "%1: både latitud och longitud i grader, till exempel 59.295 och 17.933",
                "%1: both latitude and longitude in degrees, for example 59.295 and 17.933"
            )
        case .asProblemEmail:
            ("%1: en e-postadress som namn@exempel.se", "%1: an e-mail address such as name@example.se")
        case .asProblemTooMany: ("%1: högst %2", "%1: at most %2")
        case .asProblemRegistered:
            (
                "%1: en förening med det organisationsnumret finns redan i registret",
                "%1: an association with that organisation number is already in the register"
            )
        case .asProblemChanged:
            (
                "Uppgifterna har ändrats sedan du öppnade dem (nu version %1, du utgick från %2). Öppna dem igen och gör om ändringen.",
                "The details have changed since you opened them (now version %1, you started from %2). Open them again and make the change again."
            )
        case .asProblemBefore:
            (
                "%1: tidigare än årsmötet %2 som redan är registrerat",
                "%1: earlier than the annual meeting of %2 already on record"
            )
        case .asProblemReason: ("%1: ett avslag behöver en motivering", "%1: a refusal needs a reason")
        }
    }
}

extension Texts {
    subscript(_ key: AssociationText) -> String { self[typed: key] }
}
