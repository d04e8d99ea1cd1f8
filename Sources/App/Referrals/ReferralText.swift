/// A key of the referrals' texts: rounds, answers, the compilation; each has its text in Swedish and English (see `TextKey`).
enum ReferralText: String, TextKey {
    case referrals
    case referralsIntro
    case noReferrals
    case newReferral
    case editReferral
    case deadlineCalendar
    case senderDiaryNumber
    case sentOn
    case deadlineLabel
    case deadlineReason
    case deadlineHistory
    case `open`
    case answers
    case answeredOf
    case oneQuestionPerLine
    case distribution
    case scopeReports
    case scopeRequired
    case scopeInvited
    case requiredAll
    case invitedAll
    case measureCodesHint
    case perBody
    case perBodyHint
    case answer
    case answerTo
    case answerNone = "answer_none"
    case answerDraft = "answer_draft"
    case answerDecided = "answer_decided"
    case answerPending = "answer_pending"
    case answerSubmitted = "answer_submitted"
    case answerDeclined = "answer_declined"
    case answeredJointly
    case late
    case missingRequired
    case requiredMissing
    case notAnswered
    case notAsked
    case compilation
    case compilationCaption
    case noMeasuresInRound
    case noPositions
    case backToRound
    case csvExcel
    case csvPlain
    case positions
    case positionNone
    case positionSupports = "position_supports"
    case positionSupportsWithReservations = "position_supportsWithReservations"
    case positionOpposes = "position_opposes"
    case positionNoOpinion = "position_noOpinion"
    case alreadyWorks
    case alreadyWorksYes
    case alreadyWorksNo
    case comment
    case diaryNumber
    case diaryIssuer
    case preparedBy
    case decidedOn
    case submittedOn
    case summaryLabel
    case proposedDecision
    case furtherChallenges
    case jointWith
    case declineReason
    case attachment
    case attachments
    case attachmentHint
    case theStatement
    case more
    case requiredBadge
    case saveDraft
    case markDecided
    case submitAnswer
    case declineAnswer
    case correctAnswer
    case answerSaved
    case answerNotSaved
    case answerNotPublic
    case answerConflict
    case answerLocked
    case needDecidedOn
    case revisionReplaced
    case exampleAnswer
    case titleLabel
    case nothingToCorrect
    case jointInvitations
    case jointInvitationsIntro
    case jointConfirm
    case jointWithdraw
    case jointConfirmed
    case jointPending
    case removeAttachment
    case problemNotADate
    case problemUnknownPosition
    case problemAttachmentType
    case problemAttachmentEmpty
    case problemAttachmentTooLarge
    case problemAttachmentNotReal
    case problemNoReports
    case problemNoMeasure
    case problemUnknownBody
    case problemNoRecipients
    case problemRoundConflict
    case problemRoundExists
    case partOf
    case otherBodies
    case printVersion
    case printVersionHint
    case scrollTable
    case positionCounts
    case countsShort
    case abbreviations
    case compiledOn
    case backToCompilation
    case printInstructions
    case marksLegend
    case prerequisitesAndComments
    case missingRequiredColumn
    case requiredMeasureOne
    case requiredMeasureMany
    case requiredProgressOne
    case requiredProgressMany
    case requiredMeasures
    case stillMissing
    case decidedOnHint
    case errorPrefix
    case reviewHint
    case reviewAndSubmit
    case declineLegend
    case declineHint
    case checkTitle
    case checkIntro
    case answerNotSubmitted
    case cannotSubmitYet
    case unansweredRequired
    case unansweredRequiredHint
    case notFilledIn
    case change
    case question
    case whatHappensNext
    case whatHappensNextText
    case confirmSubmit
    case backToForm
    case answerSubmittedNotice
    case needDeclineReason
    case declineCheckTitle
    case declineCheckIntro
    case declineWillBePublished
    case declinesToAnswer
    case declineDraftAlsoPublished
    case declineNextText
    case declineNotDone
    case cannotDeclineYet
    case confirmDecline
    case answerDeclinedNotice
    case sourceAndNote

    var text: (sv: String, en: String) {
        switch self {
        case .problemNoReports: ("Rapporter: välj minst en rapport", "Reports: choose at least one report")
        case .problemNoMeasure:
            ("%1: ”%2” är ingen åtgärd i omgångens rapporter", "%1: \"%2\" is no measure of the round's reports")
        case .problemUnknownBody: ("%1: ingen instans har id ”%2”", "%1: no body has the id \"%2\"")
        case .problemNoRecipients: ("%1: välj minst en remissinstans", "%1: choose at least one body")
        case .problemRoundConflict:
            (
                "Någon annan ändrade remissomgången efter att du öppnade den (version %1, din %2). Ladda om sidan och försök igen.",
                "Someone else changed this round after you opened it (version %1, yours %2); reload and try again."
            )
        case .problemRoundExists:
            ("Det finns redan en remissomgång med id %1.", "A round with the id %1 already exists.")
        case .problemNotADate:
            ("%1: ”%2” är inget datum skrivet ÅÅÅÅ-MM-DD", "%1: \"%2\" is not a date written YYYY-MM-DD")
        case .problemUnknownPosition: ("%1: okänt ställningstagande ”%2”", "%1: unknown position \"%2\"")
        case .problemAttachmentType:
            ("%1: bara PDF-, DOCX- och ODT-filer kan bifogas", "%1: only PDF, DOCX and ODT files can be attached")
        case .problemAttachmentEmpty: ("%1: filen är tom", "%1: the file is empty")
        case .problemAttachmentTooLarge:
            ("%1: %2 MB är mer än de %3 MB som får bifogas", "%1: %2 MB is more than the %3 MB allowed")
        case .problemAttachmentNotReal: ("%1: filen är ingen riktig %2-fil", "%1: the file is not a real %2 file")
        case .referrals: ("Remisser", "Referrals")
        case .referralsIntro:
            (
                "Stadsledningskontoret skickar kommissionens rapporter på remiss till nämnder, stadsdelsnämnder och bolagsstyrelser. Här finns varje remissomgång, vad varje instans ombads svara på och deras svar åtgärd för åtgärd.",
                "The city executive office sends the commission's reports on referral to committees, district councils and company boards. Here is every round, what each body was asked, and their answers measure by measure."
            )
        case .noReferrals: ("Det finns inga remisser ännu.", "There are no referrals yet.")
        case .newReferral: ("Ny remissomgång", "New referral round")
        case .editReferral: ("Ändra remissomgången", "Edit the referral round")
        case .deadlineCalendar: ("Svarsdagar som kalender (iCal)", "Deadlines as a calendar (iCal)")
        case .senderDiaryNumber: ("Avsändarens diarienummer", "Sender's diary number")
        case .sentOn: ("Skickad", "Sent")
        case .deadlineLabel: ("Sista svarsdag", "Deadline")
        case .deadlineReason: ("Skäl till ändrad svarsdag", "Reason for the changed deadline")
        case .deadlineHistory: ("Svarsdagar", "Deadlines")
        case .open: ("öppen", "open")
        case .answers: ("Svar", "Answers")
        case .answeredOf: ("%1 av %2", "%1 of %2")
        case .oneQuestionPerLine: ("En fråga per rad.", "One question per line.")
        case .distribution: ("Sändlista", "Distribution list")
        case .scopeReports: ("hela rapporten", "the whole report")
        case .scopeRequired: ("ska besvara", "must answer")
        case .scopeInvited: ("får besvara", "may answer")
        case .requiredAll: ("Åtgärder som alla ska besvara", "Measures every body must answer")
        case .invitedAll: ("Åtgärder som alla får besvara", "Measures every body may answer")
        case .measureCodesHint:
            (
                "Åtgärdsnummer som i rapporten, t.ex. A.2.3.1, åtskilda med komma.",
                "Measure numbers as in the report, e.g. A.2.3.1, separated by commas."
            )
        case .perBody: ("Per remissinstans", "Per body")
        case .perBodyHint:
            (
                "En rad per instans: id | rapporter att kommentera | ska besvara | får besvara",
                "One line per body: id | reports to comment on | must answer | may answer"
            )
        case .answer: ("Svar", "Answer")
        case .answerTo: ("svar på", "answer to")
        case .answerNone: ("inget svar", "no answer")
        case .answerDraft: ("utkast", "draft")
        case .answerDecided: ("beslutat, ej inskickat", "decided, not submitted")
        case .answerPending: ("inte inskickat ännu", "not submitted yet")
        case .answerSubmitted: ("inskickat", "submitted")
        case .answerDeclined: ("avstår", "declined")
        case .answeredJointly: ("svarar gemensamt med %1", "answers jointly with %1")
        case .late: ("sent", "late")
        case .missingRequired: ("saknar svar på", "missing answers on")
        case .requiredMissing: ("ska besvaras, saknas", "required, missing")
        case .notAnswered: ("kan besvaras, inget svar", "may answer, no answer")
        case .notAsked: ("inte tillfrågad", "not asked")
        case .compilation: ("Sammanställning", "Compilation")
        case .compilationCaption:
            (
                "Ställningstaganden per åtgärd och remissinstans, antal per ställningstagande",
                "Positions per measure and body, with counts per position"
            )
        case .noMeasuresInRound:
            (
                "Remissen gäller rapporter utan numrerade åtgärder; svaren finns under varje instans.",
                "The referral covers reports without numbered measures; the answers are under each body."
            )
        case .noPositions: ("Inga ställningstaganden ännu.", "No positions yet.")
        case .backToRound: ("Tillbaka till remissen", "Back to the referral")
        case .csvExcel: ("CSV för svenska Excel", "CSV for Swedish Excel")
        case .csvPlain: ("CSV (RFC 4180)", "CSV (RFC 4180)")
        case .positions: ("Ställningstaganden", "Positions")
        case .positionNone: ("– inget ställningstagande –", "– no position –")
        case .positionSupports: ("tillstyrker", "supports")
        case .positionSupportsWithReservations: ("tillstyrker med reservationer", "supports with reservations")
        case .positionOpposes: ("avstyrker", "opposes")
        case .positionNoOpinion: ("inget ställningstagande", "no opinion")
        case .alreadyWorks: ("Arbetar redan så", "Already works this way")
        case .alreadyWorksYes: ("ja", "yes")
        case .alreadyWorksNo: ("nej", "no")
        case .comment: ("Kommentar", "Comment")
        case .diaryNumber: ("Diarienummer", "Diary number")
        case .diaryIssuer: ("Diarienumret är utfärdat av", "Diary number issued by")
        case .preparedBy: ("Beredd av", "Prepared by")
        case .decidedOn: ("Beslutat", "Decided")
        case .submittedOn: ("Inskickat", "Submitted")
        case .summaryLabel: ("Sammanfattning", "Summary")
        case .proposedDecision: ("Förslag till beslut", "Proposed decision")
        case .furtherChallenges: ("Ytterligare utmaningar", "Further challenges")
        case .jointWith: ("Svarar gemensamt med", "Answers jointly with")
        case .declineReason: ("Avstår från att svara, skäl", "Declines to answer, reason")
        case .attachment: ("Bilaga", "Attachment")
        case .attachments: ("Bilagor", "Attachments")
        case .attachmentHint: ("PDF, DOCX eller ODT, högst 20 MB.", "PDF, DOCX or ODT, at most 20 MB.")
        case .theStatement: ("Tjänsteutlåtandet", "The statement")
        case .more: ("Mer", "More")
        case .requiredBadge: ("ska besvaras", "required")
        case .saveDraft: ("Spara utkast", "Save draft")
        case .markDecided: ("Spara som beslutat", "Save as decided")
        case .submitAnswer: ("Skicka in", "Submit")
        case .declineAnswer: ("Fortsätt för att avstå", "Continue to decline")
        case .correctAnswer: ("Rätta (ny version, den gamla sparas)", "Correct (new version, the old one is kept)")
        case .answerSaved: ("Svaret är sparat.", "The answer is saved.")
        case .answerNotSaved:
            (
                "Svaret sparades inte. Det du skrev finns kvar.",
                "The answer was not saved. What you wrote is kept."
            )
        case .answerNotPublic:
            (
                "Svaret är inte inskickat ännu. Ett inskickat svar är en allmän handling och visas här.",
                "The answer has not been submitted yet. A submitted answer is a public record and is shown here."
            )
        case .answerConflict:
            (
                "Någon annan har sparat svaret efter att du öppnade det. Ladda om sidan och för in dina ändringar igen.",
                "Someone else saved the answer after you opened it. Reload the page and make your changes again."
            )
        case .answerLocked:
            (
                "Svaret är inskickat och låst. Rätta det för att göra en ny version.",
                "The answer is submitted and locked. Correct it to make a new version."
            )
        case .needDecidedOn:
            (
                "Ange vilken dag nämnden beslutade svaret.",
                "Give the day the body decided the answer."
            )
        case .revisionReplaced: ("Version %1, ersatt %2", "Version %1, replaced %2")
        case .exampleAnswer: ("exempel, inte ett verkligt svar", "example, not a real answer")
        case .titleLabel: ("Titel", "Title")
        case .nothingToCorrect:
            (
                "Det finns inget inskickat svar att rätta.",
                "There is no submitted answer to correct."
            )
        case .jointInvitations: ("Gemensamma svar som nämner er", "Joint answers that name you")
        case .jointInvitationsIntro:
            (
                "Ett annat organ har angett att ert organ svarar tillsammans med dem. Svaret räknas som ert först när ni har bekräftat det, och bara för de åtgärder ni själva ombads svara på.",
                "Another body has said that your body answers jointly with them. The answer counts as yours only once you have confirmed it, and only for the measures you were asked about yourselves."
            )
        case .jointConfirm: ("Bekräfta", "Confirm")
        case .jointWithdraw: ("Dra tillbaka", "Withdraw")
        case .jointConfirmed: ("bekräftat", "confirmed")
        case .jointPending: ("inte bekräftat", "not confirmed")
        case .removeAttachment: ("Ta bort", "Remove")
        case .partOf: ("%1 av %2", "%1 of %2")
        case .otherBodies: ("Övriga remissinstanser", "Other bodies")
        case .printVersion: ("Utskriftsversion (A4 liggande)", "Print version (A4 landscape)")
        case .printVersionHint:
            (
                "För papper finns en utskriftsversion i A4 liggande: samma adress med /print på slutet.",
                "For paper there is a print version in A4 landscape: the same address with /print at the end."
            )
        case .scrollTable:
            (
                "Tabellen rullar i sidled och på höjden; åtgärderna och instanserna står kvar.",
                "The table scrolls sideways and up and down; the measures and the bodies stay in view."
            )
        case .countsShort: ("Antal", "Number")
        case .positionCounts: ("Antal per ställningstagande", "Number per position")
        case .abbreviations: ("Förkortningar", "Abbreviations")
        case .compiledOn: ("Sammanställd", "Compiled")
        case .backToCompilation: ("Tillbaka till sammanställningen", "Back to the compilation")
        case .printInstructions:
            (
                "Skriv ut med webbläsarens utskriftskommando; sidan är gjord för A4 i liggande format.",
                "Print with the browser's print command; the page is made for A4 in landscape."
            )
        case .marksLegend: ("Teckenförklaring", "Key to the marks")
        case .prerequisitesAndComments: ("Förutsättningar och kommentarer", "Prerequisites and comments")
        case .requiredMeasureOne: ("obligatorisk åtgärd", "required measure")
        case .requiredMeasureMany: ("obligatoriska åtgärder", "required measures")
        case .requiredProgressOne: ("%1 av %2 besvarad", "%1 of %2 answered")
        case .requiredProgressMany: ("%1 av %2 besvarade", "%1 of %2 answered")
        case .requiredMeasures: ("Obligatoriska åtgärder", "Required measures")
        case .stillMissing: ("Saknar ännu ställningstagande:", "Still without a position:")
        case .decidedOnHint:
            (
                "Dagen då nämnden eller bolagsstyrelsen beslutade svaret. Behövs för att skicka in.",
                "The day the committee or board decided the answer. Needed to submit it."
            )
        case .errorPrefix: ("Fel:", "Error:")
        case .reviewHint:
            (
                "Inget skickas in ännu: du får se hela svaret och bekräfta det på nästa sida.",
                "Nothing is submitted yet: you will see the whole answer and confirm it on the next page."
            )
        case .reviewAndSubmit: ("Granska och skicka in", "Check and submit")
        case .declineLegend: ("Avstå från att svara", "Decline to answer")
        case .declineHint:
            (
                "Ange skälet först. Inget publiceras ännu: på nästa sida ser du vad som publiceras och bekräftar. Att avstå går sedan inte att ångra.",
                "Give the reason first. Nothing is published yet: the next page shows what will be published and asks you to confirm. Declining cannot be undone after that."
            )
        case .checkTitle: ("Granska svaret innan du skickar in", "Check the answer before you submit it")
        case .checkIntro:
            (
                "Så här kommer svaret att publiceras. Läs igenom det; ändra det som behövs innan du skickar in.",
                "This is how the answer will be published. Read it through and change what is needed before you submit it."
            )
        case .answerNotSubmitted: ("Svaret skickades inte in.", "The answer was not submitted.")
        case .cannotSubmitYet:
            (
                "Det här behöver rättas innan svaret kan skickas in",
                "This must be put right before the answer can be submitted"
            )
        case .unansweredRequired:
            ("Obligatoriska åtgärder utan ställningstagande", "Required measures without a position")
        case .unansweredRequiredHint:
            (
                "Du kan skicka in ändå, men i sammanställningen står instansen då utan svar på dem.",
                "You can still submit, but the compilation will then show the body without an answer on them."
            )
        case .notFilledIn: ("Inte ifyllt", "Not filled in")
        case .change: ("Ändra", "Change")
        case .question: ("fråga", "question")
        case .whatHappensNext: ("Vad händer sedan", "What happens next")
        case .whatHappensNextText:
            (
                "När du skickar in blir svaret en allmän handling. Det visas för alla på den här webbplatsen och räknas in i stadsledningskontorets sammanställning av remissen, som används i arbetet med budgeten. Ett inskickat svar går inte att ändra, bara att rätta: rättelsen blir en ny version och den tidigare finns kvar i historiken.",
                "When you submit, the answer becomes a public record. It is shown to everyone on this site and counted in the city executive office's compilation of the referral, which is used in the budget work. A submitted answer cannot be changed, only corrected: the correction becomes a new version and the earlier one stays in the history."
            )
        case .confirmSubmit: ("Skicka in svaret", "Submit the answer")
        case .backToForm: ("Tillbaka till formuläret för att ändra", "Back to the form to make changes")
        case .answerSubmittedNotice:
            ("Svaret är inskickat och är nu en allmän handling.", "The answer is submitted and is now a public record.")
        case .needDeclineReason:
            ("Skriv varför instansen avstår från att svara.", "Say why the body declines to answer.")
        case .declineCheckTitle: ("Bekräfta att ni avstår från att svara", "Confirm that you decline to answer")
        case .declineCheckIntro:
            (
                "Inget är publicerat ännu. Läs igenom vad som kommer att publiceras och bekräfta längst ned, eller gå tillbaka och ändra.",
                "Nothing is published yet. Read what will be published and confirm at the bottom, or go back and make changes."
            )
        case .declineWillBePublished: ("Det här publiceras", "This will be published")
        case .declinesToAnswer: ("avstår från att svara på remissen.", "declines to answer the referral.")
        case .declineDraftAlsoPublished:
            (
                "Det som redan står i utkastet (ställningstaganden, sammanfattning, svar på frågor, bilagor) publiceras också, tillsammans med skälet. Ta bort det i formuläret först om det inte ska publiceras.",
                "What the draft already holds (positions, summary, answers to questions, attachments) is published too, with the reason. Remove it in the form first if it should not be published."
            )
        case .declineNextText:
            (
                "När du bekräftar blir beslutet att avstå och skälet en allmän handling direkt. Det visas för alla på den här webbplatsen, och i stadsledningskontorets sammanställning av remissen står instansen som att den avstår, inte som att den saknar svar. Beslutet går inte att ångra eller ändra efteråt, och instansen kan inte längre skicka in ett svar på den här remissen.",
                "When you confirm, the decision to decline and the reason become a public record at once. They are shown to everyone on this site, and the city executive office's compilation of the referral shows the body as declining, not as without an answer. The decision cannot be undone or changed afterwards, and the body can no longer submit an answer to this referral."
            )
        case .declineNotDone:
            ("Instansen har inte avstått: inget publicerades.", "The body has not declined: nothing was published.")
        case .cannotDeclineYet:
            ("Det här behöver rättas innan ni kan avstå", "This must be put right before you can decline")
        case .confirmDecline: ("Avstå från att svara", "Decline to answer")
        case .answerDeclinedNotice:
            (
                "Instansen avstår från att svara. Beslutet och skälet är nu en allmän handling.",
                "The body declines to answer. The decision and the reason are now a public record."
            )
        case .sourceAndNote: ("Källa och anmärkning", "Source and note")
        case .missingRequiredColumn: ("Ska svara men har inte svarat", "Required, not answered")
        }
    }
}

extension Texts {
    subscript(_ key: ReferralText) -> String { self[typed: key] }
}
