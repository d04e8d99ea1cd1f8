import SkillnadCore

/// A key of the participatory budgets' texts (see `TextKey`): the pages' labels, the phases, the
/// ballot's refusals and the problems' wording.
enum BudgetText: String, TextKey {
    case budgets
    case pbIntro
    case pbDescription
    case pbNone
    case pbExample
    case pbExampleNote
    case pbOwner
    case pbPhase
    case pbPhaseAnnounced
    case pbPhaseProposals
    case pbPhaseReview
    case pbPhaseVoting
    case pbPhaseResults
    case pbPhaseImplementation
    case pbSchedule
    case pbProposalsFrom
    case pbReviewFrom
    case pbVotingFrom
    case pbVotingUntil
    case pbImplementationFrom
    case pbNow
    case pbRules
    case pbEligibility
    case pbMinimumAge
    case pbRuleKnapsack
    case pbRuleMinimumShare
    case pbRuleApproval
    case pbRuleApprovalMinimum
    case pbRuleWinners
    case pbHeadings
    case pbHeading
    case pbAmount
    case pbPopulation
    case pbProposals
    case pbProposalCount
    case pbNoProposals
    case pbPropose
    case pbVote
    case pbCheckReceipt
    case pbResults
    case pbTrail
    case pbCodes
    case pbPaper
    case pbReview
    case pbOfficials
    case pbNumber
    case pbTitle
    case pbDescriptionField
    case pbPlace
    case pbEstimatedCost
    case pbEstimatedCostHint
    case pbAuthor
    case pbAuthorHint
    case pbSubmitProposal
    case pbProposalSent
    case pbNotSaved
    case pbFeasibility
    case pbFeasibilityPending
    case pbFeasibilityFeasible
    case pbFeasibilityUnfeasible
    case pbFeasibilityNeedsChange
    case pbExplanation
    case pbCost
    case pbCostExplanation
    case pbResponsible
    case pbMergedInto
    case pbMergedNote
    case pbMergedFrom
    case pbHidden
    case pbHiddenReason
    case pbHiddenNote
    case pbProgress
    case pbImplementation
    case pbImplementationNote
    case pbSaveReview
    case pbProposedBy
    case pbProposedOn
    case pbOnBallot
    case pbVotes
    case pbWon
    case pbWinners
    case pbLeft
    case pbSpent
    case pbTurnout
    case pbBallots
    case pbPer1000
    case pbChannelCode
    case pbChannelPaper
    case pbChannelSignedIn
    case pbAwaitingConfirmation
    case pbResultsLater
    case pbResultsCSV
    case pbResultsTable
    case pbFollowUp
    case pbFollowUpIntro
    case pbFollowUpProject
    case pbFollowUpStatus
    case pbFollowUpProgress
    case pbLatestMilestone
    case pbReach
    case pbReachIntro
    case pbReachBy
    case pbReachShow
    case pbReachTable
    case pbReachTotal
    case pbReachHighLow
    case pbReachWorseOffMore
    case pbReachBetterOffMore
    case pbReachEven
    case pbReachOneArea
    case pbReachPooled
    case pbReachUnranked
    case pbReachLeftOut
    case pbReachNoIndicator
    case pbVoteIntro
    case pbCode
    case pbCodeHint
    case pbReceipt
    case pbReceiptHint
    case pbNext
    case pbBallot
    case pbBallotIntro
    case pbChosenCost
    case pbCastVote
    case pbChangeVote
    case pbCounted
    case pbCountedChanged
    case pbCountedFirst
    case pbReceiptIs
    case pbReceiptKeep
    case pbYouVotedFor
    case pbReceiptCheckIntro
    case pbReceiptCheck
    case pbReceiptCounted
    case pbReceiptWaiting
    case pbReceiptUnknown
    case pbRefusedNotVoting
    case pbRefusedUnknownCode
    case pbRefusedMalformedCode
    case pbRefusedOtherBudget
    case pbRefusedCodeUsed
    case pbRefusedWrongReceipt
    case pbRefusedUnknownHeading
    case pbRefusedEmpty
    case pbRefusedUnknownProject
    case pbRefusedOtherHeading
    case pbRefusedTwice
    case pbRefusedOverAmount
    case pbRefusedUnderShare
    case pbRefusedTooMany
    case pbRefusedTooFew
    case pbRefusedPaperNumber
    case pbRefusedPaperConfirmed
    case pbRefusedPaperSameOfficial
    case pbRefusedPaperDiffers
    case pbTooManyAttempts
    case pbCodesIntro
    case pbCodesCount
    case pbCodesIssued
    case pbCodesMake
    case pbPaperIntro
    case pbPaperNumber
    case pbPaperEnter
    case pbPaperEntered
    case pbPaperConfirmed
    case pbTrailIntro
    case pbTrailAt
    case pbTrailAction
    case pbTrailChannel
    case pbActionCast
    case pbActionChanged
    case pbActionPaperEntered
    case pbActionPaperConfirmed
    case pbProblemRequired
    case pbProblemTooLong
    case pbProblemMarkup
    case pbProblemNotProposing
    case pbProblemCostEmpty
    case pbProblemCostNotAnAmount
    case pbProblemCostNotPositive
    case pbProblemCostTooLarge
    case pbProblemUnknownHeading
    case pbProblemUnknownBody
    case pbProblemExplanationRequired
    case pbProblemUnknownProposal
    case pbProblemMergedIntoItself
    case pbProblemChangedSince
    case pbProblemProgress
    case pbProblemLockedFromVoting
    case pbProblemMilestone
    case pbProblemPhotoTooLarge
    case pbProblemPhotoFormat
    case pbProblemPhotoTooMany
    case pbProblemPhotoMilestone
    case pbPhoto
    case pbPhotoHint
    case pbPhotoAlt
    case pbPhotoAltHint
    case pbPhotoMilestone
    case pbPhotoOfProposal
    case pbPhotos
    case pbMilestones
    case pbMilestonesHint
    case pbEnteredBy
    case pbAreaChoice

    var text: (sv: String, en: String) {
        switch self {
        case .budgets: ("Medborgarbudgetar", "Participatory budgets")
        case .pbIntro:
            (
                "Pengar för ett område där invånarna föreslår, staden prövar och invånarna röstar om vad som ska göras, och sedan kan följa vad som byggdes.",
                "Money for an area where residents propose, the city reviews and residents vote on what is done, and then follow what was built."
            )
        case .pbDescription:
            (
                "Stadens medborgarbudgetar: förslag, prövning, omröstning, resultat och genomförande.",
                "The city's participatory budgets: proposals, review, the vote, the results and what was built."
            )
        case .pbNone: ("Det finns inga medborgarbudgetar ännu.", "There are no participatory budgets yet.")
        case .pbExample: ("Exempel", "Example")
        case .pbExampleNote:
            (
                "Exempeldata: budgeten, förslagen och rösterna är påhittade för att visa hur tjänsten fungerar.",
                "Example data: the budget, the proposals and the votes are made up to show how the service works."
            )
        case .pbOwner: ("Ansvarig nämnd", "Responsible body")
        case .pbPhase: ("Fas", "Phase")
        case .pbPhaseAnnounced: ("Aviserad", "Announced")
        case .pbPhaseProposals: ("Förslag tas emot", "Taking proposals")
        case .pbPhaseReview: ("Förslagen prövas", "Proposals under review")
        case .pbPhaseVoting: ("Omröstning pågår", "Voting open")
        case .pbPhaseResults: ("Resultat", "Results")
        case .pbPhaseImplementation: ("Genomförande", "Implementation")
        case .pbSchedule: ("Tidplan", "Schedule")
        case .pbProposalsFrom: ("Förslag tas emot från", "Proposals from")
        case .pbReviewFrom: ("Prövning från", "Review from")
        case .pbVotingFrom: ("Omröstning från", "Voting from")
        case .pbVotingUntil: ("Sista dag att rösta", "Last day to vote")
        case .pbImplementationFrom: ("Genomförande från", "Implementation from")
        case .pbNow: ("nu", "now")
        case .pbRules: ("Regler", "Rules")
        case .pbEligibility: ("Vem får delta", "Who may take part")
        case .pbMinimumAge: ("Från %1 år.", "From the age of %1.")
        case .pbRuleKnapsack:
            (
                "Du väljer förslag för högst budgetens belopp i ditt område (%1).",
                "You choose proposals costing at most the budget's amount for your area (%1)."
            )
        case .pbRuleMinimumShare:
            (
                "Dina val ska tillsammans kosta minst %1 av beloppet.",
                "Together your choices must cost at least %1 of the amount."
            )
        case .pbRuleApproval: ("Du väljer högst %1 förslag.", "You choose at most %1 proposals.")
        case .pbRuleApprovalMinimum:
            (
                "Du väljer minst %1 och högst %2 förslag.",
                "You choose at least %1 and at most %2 proposals."
            )
        case .pbRuleWinners:
            (
                "Förslagen med flest röster vinner, i tur och ordning så länge pengarna räcker. Vid lika många röster går det billigare före, sedan det som kom in först.",
                "The proposals with the most votes win, in order, as long as the money lasts. With equal votes the cheaper goes first, then the one proposed first."
            )
        case .pbHeadings: ("Områden och belopp", "Areas and amounts")
        case .pbHeading: ("Område", "Area")
        case .pbAmount: ("Belopp", "Amount")
        case .pbPopulation: ("Invånare", "Residents")
        case .pbProposals: ("Förslag", "Proposals")
        case .pbProposalCount: ("förslag", "proposals")
        case .pbNoProposals: ("Inga förslag ännu.", "No proposals yet.")
        case .pbPropose: ("Lämna ett förslag", "Make a proposal")
        case .pbVote: ("Rösta", "Vote")
        case .pbCheckReceipt: ("Kontrollera ditt kvitto", "Check your receipt")
        case .pbResults: ("Resultat", "Results")
        case .pbTrail: ("Händelselogg för valsedlar", "Ballot event log")
        case .pbCodes: ("Röstkoder", "Voting codes")
        case .pbPaper: ("Valsedlar på papper", "Paper ballots")
        case .pbReview: ("Pröva förslaget", "Review the proposal")
        case .pbOfficials: ("För tjänstepersoner", "For officials")
        case .pbNumber: ("Nr", "No.")
        case .pbTitle: ("Rubrik", "Title")
        case .pbDescriptionField: ("Beskrivning", "Description")
        case .pbPlace: ("Plats eller adress", "Place or address")
        case .pbEstimatedCost: ("Uppskattad kostnad (kr)", "Estimated cost (SEK)")
        case .pbEstimatedCostHint:
            (
                "Ett ungefärligt belopp i hela kronor, till exempel 250 000.",
                "An approximate amount in whole kronor, for example 250 000."
            )
        case .pbAuthor: ("Namn som visas (frivilligt)", "Name to show (optional)")
        case .pbAuthorHint:
            (
                "Lämna tomt om du inte vill att ditt namn syns. Vi sparar inget annat om dig.",
                "Leave empty if you do not want your name shown. We keep nothing else about you."
            )
        case .pbSubmitProposal: ("Skicka förslaget", "Send the proposal")
        case .pbProposalSent:
            (
                "Tack! Ditt förslag har nummer %1 och visas nu på budgetens sida.",
                "Thank you! Your proposal has number %1 and is now shown on the budget's page."
            )
        case .pbNotSaved: ("Det gick inte att spara", "Could not be saved")
        case .pbFeasibility: ("Bedömning", "Assessment")
        case .pbFeasibilityPending: ("Ej prövat ännu", "Not yet reviewed")
        case .pbFeasibilityFeasible: ("Genomförbart", "Feasible")
        case .pbFeasibilityUnfeasible: ("Inte genomförbart", "Not feasible")
        case .pbFeasibilityNeedsChange: ("Behöver ändras", "Needs change")
        case .pbExplanation: ("Motivering", "Explanation")
        case .pbCost: ("Stadens kostnadsberäkning (kr)", "The city's cost estimate (SEK)")
        case .pbCostExplanation: ("Hur kostnaden beräknats", "How the cost was estimated")
        case .pbResponsible: ("Ansvarig för genomförandet", "Responsible for carrying it out")
        case .pbMergedInto: ("Sammanslaget med förslag nr", "Merged into proposal no.")
        case .pbMergedNote: ("Sammanslaget med förslag %1", "Merged into proposal %1")
        case .pbMergedFrom: ("Här ingår också", "Also included here")
        case .pbHidden: ("Dolt av moderator", "Hidden by a moderator")
        case .pbHiddenReason: ("Skäl att dölja (visas öppet)", "Reason to hide (shown publicly)")
        case .pbHiddenNote: ("Förslag %1 är dolt: %2", "Proposal %1 is hidden: %2")
        case .pbProgress: ("Hur långt genomförandet kommit (0–100 %)", "How far it has come (0–100 %)")
        case .pbImplementation: ("Genomförande", "Implementation")
        case .pbImplementationNote: ("Vad som gjorts och vad som återstår", "What has been done and what remains")
        case .pbSaveReview: ("Spara prövningen", "Save the review")
        case .pbProposedBy: ("Föreslaget av %1", "Proposed by %1")
        case .pbProposedOn: ("Inkom %1", "Received %1")
        case .pbOnBallot: ("På valsedeln", "On the ballot")
        case .pbVotes: ("Röster", "Votes")
        case .pbWon: ("Vinner", "Wins")
        case .pbWinners: ("Vinnande förslag", "Winning proposals")
        case .pbLeft: ("Kvar av beloppet", "Left of the amount")
        case .pbSpent: ("Fördelat", "Allocated")
        case .pbTurnout: ("Valdeltagande", "Turnout")
        case .pbBallots: ("Valsedlar", "Ballots")
        case .pbPer1000: ("per 1 000 invånare", "per 1,000 residents")
        case .pbChannelCode: ("Röstkod", "Voting code")
        case .pbChannelPaper: ("Papper", "Paper")
        case .pbChannelSignedIn: ("Inloggad", "Signed in")
        case .pbAwaitingConfirmation:
            (
                "Pappersvalsedlar som väntar på en andra tjänstepersons bekräftelse: %1",
                "Paper ballots waiting for a second official's confirmation: %1"
            )
        case .pbResultsLater:
            (
                "Resultatet visas när omröstningen har stängt den %1. Hittills har %2 valsedlar lämnats.",
                "The results are shown when voting closes on %1. So far %2 ballots have been cast."
            )
        case .pbResultsCSV: ("Resultatet som CSV", "The results as CSV")
        case .pbResultsTable: ("Röster per förslag i %1", "Votes per proposal in %1")
        case .pbFollowUp: ("Medborgarbudgetarnas vinnande förslag", "Winning proposals of participatory budgets")
        case .pbFollowUpIntro:
            (
                "Förslag som vann en omröstning och som nämnden ansvarar för att genomföra, med hur långt de har kommit.",
                "Proposals that won a vote and that the body is responsible for carrying out, with how far they have come."
            )
        case .pbFollowUpProject: ("Förslag", "Proposal")
        case .pbFollowUpStatus: ("Status", "Status")
        case .pbFollowUpProgress: ("Genomfört", "Done")
        case .pbLatestMilestone: ("Senaste händelse", "Latest milestone")
        case .pbReach: ("Räckvidd", "Reach")
        case .pbReachIntro:
            (
                "Valdeltagandet i varje område per 1 000 invånare, jämfört med hur väl ställt området är enligt en indikator. Nådde budgeten de områden där färre brukar höras?",
                "Turnout in each area per 1,000 residents, set against how well off the area is by an indicator. Did the budget reach the areas where fewer are usually heard?"
            )
        case .pbReachBy: ("Jämför med", "Compare with")
        case .pbReachShow: ("Visa", "Show")
        case .pbReachTable: ("Valdeltagande per område och %1", "Turnout per area and %1")
        case .pbReachTotal: ("Hela budgeten", "The whole budget")
        case .pbReachHighLow:
            (
                "Högst valdeltagande i %1 (%2 per 1 000 invånare), lägst i %3 (%4): %5 gånger så högt.",
                "Highest turnout in %1 (%2 per 1,000 residents), lowest in %3 (%4): %5 times as high."
            )
        case .pbReachWorseOffMore:
            (
                "Efter %1 röstade de sämre ställda områdena mer: från det sämst till det bäst ställda området sjunker valdeltagandet med %2 per 1 000 invånare (lutningsindex, SII).",
                "By %1 the worse-off areas voted more: from the worst-off to the best-off area turnout falls by %2 per 1,000 residents (slope index of inequality, SII)."
            )
        case .pbReachBetterOffMore:
            (
                "Efter %1 röstade de bättre ställda områdena mer: från det sämst till det bäst ställda området stiger valdeltagandet med %2 per 1 000 invånare (lutningsindex, SII).",
                "By %1 the better-off areas voted more: from the worst-off to the best-off area turnout rises by %2 per 1,000 residents (slope index of inequality, SII)."
            )
        case .pbReachEven:
            (
                "Efter %1 röstade områdena lika mycket, hur väl ställda de än är.",
                "By %1 the areas voted alike, however well off they are."
            )
        case .pbReachOneArea:
            (
                "Budgeten har ett område: en jämförelse mellan områden kräver minst två.",
                "The budget has one area: comparing areas takes at least two."
            )
        case .pbReachPooled:
            (
                "* Ett område utan eget värde får sina stadsdelars värden, vägda efter deras befolkning.",
                "* An area without a value of its own takes its districts' values, weighted by their population."
            )
        case .pbReachUnranked:
            (
                "Indikatorn har inget värde för %1, så områdena ordnas inte efter den.",
                "The indicator has no value for %1, so the areas are not ordered by it."
            )
        case .pbReachLeftOut:
            (
                "Utan invånarantal och därför utan valdeltagande: %1.",
                "Without a number of residents and so without turnout: %1."
            )
        case .pbReachNoIndicator:
            (
                "Ingen indikator har ännu värden per stadsdel, så valdeltagandet visas utan jämförelse.",
                "No indicator has values by district yet, so turnout is shown without comparison."
            )
        case .pbVoteIntro:
            (
                "Skriv koden från ditt röstkort och välj ditt område. Du kan ändra din röst fram till och med %1: då behöver du också kvittot du fick.",
                "Type the code from your voting card and choose your area. You can change your vote until %1 inclusive: you then also need the receipt you were given."
            )
        case .pbCode: ("Röstkod", "Voting code")
        case .pbCodeHint:
            (
                "Tio tecken, till exempel ACDE-FGHJ-KM. Bindestreck och mellanslag spelar ingen roll.",
                "Ten characters, for example ACDE-FGHJ-KM. Dashes and spaces do not matter."
            )
        case .pbReceipt: ("Kvitto", "Receipt")
        case .pbReceiptHint:
            (
                "Bara om du redan har röstat och vill ändra din röst.",
                "Only if you have already voted and want to change your vote."
            )
        case .pbNext: ("Fortsätt till valsedeln", "Continue to the ballot")
        case .pbBallot: ("Din valsedel", "Your ballot")
        case .pbBallotIntro:
            (
                "Kryssa i de förslag du vill rösta på i %1.",
                "Tick the proposals you want to vote for in %1."
            )
        case .pbChosenCost: ("Kostnad", "Cost")
        case .pbCastVote: ("Lägg min röst", "Cast my vote")
        case .pbChangeVote: ("Ändra min röst", "Change my vote")
        case .pbCounted: ("Din röst är räknad", "Your vote is counted")
        case .pbCountedChanged:
            (
                "Din röst är ändrad och räknad. Den tidigare valsedeln gäller inte längre.",
                "Your vote is changed and counted. The earlier ballot no longer counts."
            )
        case .pbCountedFirst:
            (
                "Din valsedel är mottagen och räknas i resultatet.",
                "Your ballot is received and counts in the result."
            )
        case .pbReceiptIs: ("Ditt kvitto", "Your receipt")
        case .pbReceiptKeep:
            (
                "Spara kvittot. Med det kan du kontrollera att din röst är räknad och ändra den till och med %1. Vi kan inte visa det igen.",
                "Keep the receipt. With it you can check that your vote is counted and change it until %1 inclusive. We cannot show it again."
            )
        case .pbYouVotedFor: ("Du röstade på", "You voted for")
        case .pbReceiptCheckIntro:
            (
                "Skriv kvittot du fick när du röstade.",
                "Type the receipt you were given when you voted."
            )
        case .pbReceiptCheck: ("Kontrollera", "Check")
        case .pbReceiptCounted:
            (
                "Valsedeln med detta kvitto är räknad. Senast lagd %1.",
                "The ballot with this receipt is counted. Last cast %1."
            )
        case .pbReceiptWaiting:
            (
                "Valsedeln med detta kvitto väntar på bekräftelse.",
                "The ballot with this receipt is waiting for confirmation."
            )
        case .pbReceiptUnknown:
            (
                "Inget kvitto med den koden finns i denna budget. Kontrollera att du skrev rätt.",
                "No receipt with that code exists in this budget. Check that you typed it correctly."
            )
        case .pbRefusedNotVoting:
            (
                "Det går inte att rösta nu: budgeten är i fasen ”%1”.",
                "Voting is not possible now: the budget is in the phase \"%1\"."
            )
        case .pbRefusedUnknownCode:
            (
                "Röstkoden finns inte. Kontrollera att du skrev rätt.",
                "The voting code does not exist. Check that you typed it correctly."
            )
        case .pbRefusedMalformedCode:
            (
                "En röstkod har tio tecken av bokstäver och siffror, till exempel ACDE-FGHJ-KM.",
                "A voting code has ten letters and digits, for example ACDE-FGHJ-KM."
            )
        case .pbRefusedOtherBudget:
            (
                "Röstkoden hör till en annan medborgarbudget (%1).",
                "The voting code belongs to another participatory budget (%1)."
            )
        case .pbRefusedCodeUsed:
            (
                "Koden har redan använts för att rösta. Din röst är räknad. Vill du ändra den, skriv också kvittot du fick.",
                "The code has already been used to vote. Your vote is counted. To change it, also type the receipt you were given."
            )
        case .pbRefusedWrongReceipt:
            (
                "Kvittot hör inte till denna röstkod.",
                "The receipt does not belong to this voting code."
            )
        case .pbRefusedUnknownHeading: ("Välj ett av budgetens områden.", "Choose one of the budget's areas.")
        case .pbRefusedEmpty: ("Kryssa i minst ett förslag.", "Tick at least one proposal.")
        case .pbRefusedUnknownProject: ("Förslag %1 finns inte på valsedeln.", "Proposal %1 is not on the ballot.")
        case .pbRefusedOtherHeading: ("Förslag %1 hör till ett annat område.", "Proposal %1 belongs to another area.")
        case .pbRefusedTwice: ("Förslag %1 är valt två gånger.", "Proposal %1 is chosen twice.")
        case .pbRefusedOverAmount:
            (
                "Dina val kostar %1, vilket är %2 mer än områdets %3. Välj bort något.",
                "Your choices cost %1, which is %2 more than the area's %3. Leave something out."
            )
        case .pbRefusedUnderShare:
            (
                "Dina val kostar %1; de ska kosta minst %2.",
                "Your choices cost %1; they must cost at least %2."
            )
        case .pbRefusedTooMany:
            (
                "Du har valt %1 förslag; högst %2 får väljas.",
                "You chose %1 proposals; at most %2 may be chosen."
            )
        case .pbRefusedTooFew:
            (
                "Du har valt %1 förslag; minst %2 ska väljas.",
                "You chose %1 proposals; at least %2 must be chosen."
            )
        case .pbRefusedPaperNumber:
            (
                "Valsedelns nummer ska vara 1–20 bokstäver, siffror eller bindestreck.",
                "The ballot's number must be 1–20 letters, digits or dashes."
            )
        case .pbRefusedPaperConfirmed:
            (
                "Den valsedeln är redan inmatad och bekräftad. Den räknas en gång.",
                "That ballot is already entered and confirmed. It counts once."
            )
        case .pbRefusedPaperSameOfficial:
            (
                "Du matade själv in valsedeln. En annan tjänsteperson ska bekräfta den.",
                "You entered the ballot yourself. Another official must confirm it."
            )
        case .pbRefusedPaperDiffers:
            (
                "Inmatningen skiljer sig från den första. Ingen av dem räknas förrän de stämmer: kontrollera valsedeln igen.",
                "The entry differs from the first one. Neither counts until they agree: check the ballot again."
            )
        case .pbTooManyAttempts:
            (
                "För många felaktiga koder från din adress. Vänta %1 sekunder och försök igen.",
                "Too many wrong codes from your address. Wait %1 seconds and try again."
            )
        case .pbCodesIntro:
            (
                "Nya röstkoder skapas här och visas en enda gång, som CSV för tryck. Staden sparar bara ett kontrollvärde (hash) av varje kod, aldrig koden själv eller vem som fick den.",
                "New voting codes are made here and shown once only, as CSV for printing. The city keeps only a check value (hash) of each code, never the code itself or who received it."
            )
        case .pbCodesCount: ("Antal koder", "Number of codes")
        case .pbCodesIssued: ("Utfärdade koder: %1 i %2 omgångar", "Codes issued: %1 in %2 batches")
        case .pbCodesMake: ("Skapa och ladda ner koderna", "Make and download the codes")
        case .pbPaperIntro:
            (
                "Mata in en pappersvalsedel med dess nummer. Den räknas först när en annan tjänsteperson har matat in samma valsedel på samma sätt.",
                "Enter a paper ballot with its number. It counts only when another official has entered the same ballot in the same way."
            )
        case .pbPaperNumber: ("Valsedelns nummer", "The ballot's number")
        case .pbPaperEnter: ("Mata in", "Enter")
        case .pbPaperEntered:
            (
                "Valsedel %1 är inmatad och väntar på en andra tjänstepersons bekräftelse.",
                "Ballot %1 is entered and waits for a second official's confirmation."
            )
        case .pbPaperConfirmed: ("Valsedel %1 är bekräftad och räknas.", "Ballot %1 is confirmed and counts.")
        case .pbTrailIntro:
            (
                "Varje valsedel som lagts, ändrats, matats in eller bekräftats, med tid, kanal och område. Loggen visar aldrig vem som röstade eller på vad.",
                "Every ballot cast, changed, entered or confirmed, with its time, channel and area. The log never shows who voted or for what."
            )
        case .pbTrailAt: ("Tid", "Time")
        case .pbTrailAction: ("Händelse", "Event")
        case .pbTrailChannel: ("Kanal", "Channel")
        case .pbActionCast: ("Röst lagd", "Vote cast")
        case .pbActionChanged: ("Röst ändrad", "Vote changed")
        case .pbActionPaperEntered: ("Pappersvalsedel inmatad", "Paper ballot entered")
        case .pbActionPaperConfirmed: ("Pappersvalsedel bekräftad", "Paper ballot confirmed")
        case .pbProblemRequired: ("%1: fyll i", "%1: fill in")
        case .pbProblemTooLong: ("%1: högst %2 tecken", "%1: at most %2 characters")
        case .pbProblemMarkup:
            (
                "%1: skriv vanlig text utan HTML-taggar (som <script>)",
                "%1: write plain text without HTML tags (such as <script>)"
            )
        case .pbProblemNotProposing:
            (
                "Förslag tas inte emot nu: budgeten är i fasen ”%2”.",
                "Proposals are not taken now: the budget is in the phase \"%2\"."
            )
        case .pbProblemCostEmpty: ("%1: skriv ett belopp i kronor", "%1: write an amount in kronor")
        case .pbProblemCostNotAnAmount:
            (
                "%1: ”%2” är inget belopp i hela kronor",
                "%1: \"%2\" is not an amount in whole kronor"
            )
        case .pbProblemCostNotPositive: ("%1: ”%2” måste vara större än noll", "%1: \"%2\" must be more than zero")
        case .pbProblemCostTooLarge: ("%1: högst %2 kr", "%1: at most %2 SEK")
        case .pbProblemUnknownHeading: ("%1: välj ett av budgetens områden", "%1: choose one of the budget's areas")
        case .pbProblemUnknownBody:
            (
                "%1: välj en av stadens nämnder eller bolag",
                "%1: choose one of the city's bodies"
            )
        case .pbProblemExplanationRequired:
            (
                "%1: ett förslag som inte är genomförbart ska ha en motivering",
                "%1: a proposal found not feasible needs an explanation"
            )
        case .pbProblemUnknownProposal:
            (
                "%1: det finns inget förslag nr %2 i budgeten",
                "%1: the budget has no proposal no. %2"
            )
        case .pbProblemMergedIntoItself:
            (
                "%1: ett förslag kan inte slås samman med sig självt",
                "%1: a proposal cannot be merged into itself"
            )
        case .pbProblemChangedSince:
            (
                "Någon annan har ändrat förslaget sedan du öppnade det. Öppna det igen.",
                "Someone else changed the proposal since you opened it. Open it again."
            )
        case .pbProblemMilestone:
            (
                "%1, rad %2: börja med ett datum (ÅÅÅÅ-MM-DD) och skriv sedan vad som hände, högst 200 tecken",
                "%1, line %2: start with a date (YYYY-MM-DD), then write what happened, at most 200 characters"
            )
        case .pbProblemPhotoTooLarge: ("%1: högst %2 MB", "%1: at most %2 MB")
        case .pbProblemPhotoFormat:
            (
                "%1: bara bilder i JPEG, PNG eller WebP kan läggas till",
                "%1: only pictures in JPEG, PNG or WebP can be added"
            )
        case .pbProblemPhotoTooMany:
            ("%1: förslaget har redan %2 foton", "%1: the proposal already has %2 photos")
        case .pbProblemPhotoMilestone:
            (
                "%1: välj en av förslagets milstolpar, eller förslaget självt",
                "%1: choose one of the proposal's milestones, or the proposal itself"
            )
        case .pbPhoto: ("Foto", "Photo")
        case .pbPhotoHint:
            (
                "Frivilligt. JPEG, PNG eller WebP, högst 5 MB. Visa gärna platsen, inte människor som inte har sagt ja.",
                "Optional. JPEG, PNG or WebP, at most 5 MB. Show the place, not people who have not agreed."
            )
        case .pbPhotoAlt: ("Vad fotot visar", "What the photo shows")
        case .pbPhotoAltHint:
            (
                "Krävs med ett foto: en mening för den som inte ser bilden, till exempel ”Den mörka gångvägen vid Husby gård en kväll i november”.",
                "Required with a photo: a sentence for those who cannot see it, for example “The dark footpath by Husby gård on a November evening”."
            )
        case .pbPhotoMilestone: ("Fotot hör till", "The photo belongs to")
        case .pbPhotoOfProposal: ("Förslaget självt", "The proposal itself")
        case .pbPhotos: ("Foton", "Photos")
        case .pbMilestones: ("Milstolpar", "Milestones")
        case .pbMilestonesHint:
            (
                "En per rad: datum och vad som hände, till exempel 2025-10-01 Klart och invigt.",
                "One a line: the date and what happened, for example 2025-10-01 Finished and opened."
            )
        case .pbProblemLockedFromVoting:
            (
                "Omröstningen har öppnat: bedömning, kostnad, sammanslagning och dolda förslag ligger fast. Bara vem som genomför förslaget och genomförandet kan ändras.",
                "Voting has opened: the assessment, cost, merging and hidden proposals stand. Only who carries it out and the implementation can change."
            )
        case .pbProblemProgress: ("%1: ett heltal från 0 till 100", "%1: a whole number from 0 to 100")
        case .pbEnteredBy: ("Du är inloggad som tjänsteperson.", "You are signed in as an official.")
        case .pbAreaChoice: ("Ditt område", "Your area")
        }
    }
}

extension Texts {
    subscript(_ key: BudgetText) -> String { self[typed: key] }
}
