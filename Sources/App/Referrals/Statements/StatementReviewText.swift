import SkillnadCore

/// A key of the texts for reading statements into answers, compiling the answers to a round's
/// standard questions and searching answers, in Swedish and English (see `TextKey`).
enum StatementReviewText: String, TextKey {
    case statementRead
    case statementReadIntro
    case statementNotRead
    case statementFile
    case statementFileHint
    case statementReadButton
    case statementReadLink
    case statementAsRead
    case statementReviewIntro
    case statementAttachedNote
    case statementFacts
    case statementFormat
    case statementPages
    case statementDated
    case statementResponder
    case statementOtherBody
    case statementMarks
    case statementMargins
    case suggestedPosition
    case suggestedNone
    case suggestedBecause
    case outOfScopeTitle
    case outOfScopeIntro
    case unresolvedTitle
    case markDiaryNumber
    case markResponder
    case markSigner
    case markDate
    case markMeasure
    case markPosition
    case markAlreadyWorks
    case markQuestion
    case markChallenge
    case markPrerequisite
    case markDecline
    case markJoint
    case problemNoFile
    case problemUnknownFormat
    case problemCompoundFile
    case problemEncryptedPDF
    case problemCorrupt
    case problemTooLarge
    case problemTooManyPages
    case problemNoTextLayer
    case problemNotUTF8
    case problemPDFToolMissing
    case problemOtherRound
    case problemOtherReferral
    case problemStatementGone
    case questionsCompiled
    case questionsCompiledIntro
    case questionNumber
    case noAnswersToQuestion
    case silentOnQuestion
    case challengesCompiled
    case challengesIntro
    case challengeTheme
    case otherChallenges
    case questionsCSV
    case bodyOne
    case answerSearch
    case answerSearchIntro
    case answerSearchLabel
    case answerSearchButton
    case answerSearchFirst
    case answerSearchDrafts
    case answerSearchLink
    case hitOne
    case hitMany
    case statementPlace
    case bodyMany

    var text: (sv: String, en: String) {
        switch self {
        case .statementRead: ("Läs in ett tjänsteutlåtande", "Read in a statement")
        case .statementReadIntro:
            (
                "Har instansen redan skrivit sitt svar som tjänsteutlåtande? Läs in dokumentet så fyller Skillnad i svarsformuläret med diarienummer, sammanfattning, ställningstaganden per åtgärd och svar på remissens frågor. Du granskar och rättar allt innan något sparas, och filen bifogas svaret.",
                "Has the body already written its answer as a statement? Read the document in and Skillnad fills the answer form with the diary number, summary, positions per measure and answers to the round's questions. You review and correct everything before anything is saved, and the file is attached to the answer."
            )
        case .statementNotRead: ("Tjänsteutlåtandet lästes inte in", "The statement was not read in")
        case .statementFile: ("Tjänsteutlåtandet", "The statement")
        case .statementFileHint:
            (
                "DOCX, ODT eller PDF med textlager, högst 20 MB och 150 sidor.",
                "DOCX, ODT or PDF with a text layer, at most 20 MB and 150 pages."
            )
        case .statementReadButton: ("Läs in och granska", "Read in and review")
        case .statementReadLink:
            (
                "Läs in ett tjänsteutlåtande i stället för att skriva av det",
                "Read in a statement instead of retyping it"
            )
        case .statementAsRead: ("Tjänsteutlåtandet som det lästes", "The statement as read")
        case .statementReviewIntro:
            (
                "Formuläret är ifyllt med det som lästes ur %1. Varje förslag visas i texten och vid sitt fält. Granska och rätta; inget sparas förrän du sparar utkastet.",
                "The form is filled with what was read from %1. Each suggestion is marked in the text and beside its field. Review and correct it; nothing is saved until you save the draft."
            )
        case .statementAttachedNote:
            ("%1 bifogas svaret när du sparar.", "%1 is attached to the answer when you save.")
        case .statementFacts: ("Uppgifter ur dokumentet", "Read from the document")
        case .statementFormat: ("Format", "Format")
        case .statementPages: ("Sidor", "Pages")
        case .statementDated: ("Daterat", "Dated")
        case .statementResponder: ("Svarande instans", "Answering body")
        case .statementOtherBody:
            (
                "Tjänsteutlåtandet verkar komma från %1, inte från %2. Kontrollera att det är rätt dokument.",
                "The statement seems to come from %1, not from %2. Check that it is the right document."
            )
        case .statementMarks: ("Markeringar i texten", "Marks in the text")
        case .statementMargins: ("Sidhuvud och sidfot", "Page headers and footers")
        case .suggestedPosition:
            ("Förslag ur texten: %1 (säkerhet %2 %)", "Suggested by the text: %1 (confidence %2 %)")
        case .suggestedNone:
            ("Inget ställningstagande kunde läsas ut; välj själv.", "No position could be read out; choose one.")
        case .suggestedBecause: ("Ur meningen", "From the sentence")
        case .outOfScopeTitle: ("Åtgärder utanför instansens uppdrag", "Measures outside the body's scope")
        case .outOfScopeIntro:
            (
                "Tjänsteutlåtandet tar upp de här åtgärderna, som remissen inte ber instansen svara på. De sparas inte som ställningstaganden; ta med dem i en kommentar om de ska med i svaret.",
                "The statement discusses these measures, which the round does not ask this body about. They are not saved as positions; mention them in a comment if the answer should include them."
            )
        case .unresolvedTitle:
            ("Koder som inte kunde kopplas till en åtgärd", "Codes that could not be linked to a measure")
        case .markDiaryNumber: ("diarienummer", "diary number")
        case .markResponder: ("svarande instans", "answering body")
        case .markSigner: ("undertecknare", "signed by")
        case .markDate: ("datum", "date")
        case .markMeasure: ("åtgärd", "measure")
        case .markPosition: ("ställningstagande", "position")
        case .markAlreadyWorks: ("arbetar redan så", "already works this way")
        case .markQuestion: ("svar på fråga", "answer to question")
        case .markChallenge: ("ytterligare utmaning", "further challenge")
        case .markPrerequisite: ("förutsättning", "prerequisite")
        case .markDecline: ("avstår", "declines")
        case .markJoint: ("gemensamt svar", "joint answer")
        case .problemNoFile: ("Välj en fil att läsa in.", "Choose a file to read in.")
        case .problemUnknownFormat:
            (
                "%1 är inget DOCX-, ODT- eller PDF-dokument (det avgörs av innehållet, inte namnet).",
                "%1 is not a DOCX, ODT or PDF document (judged by its content, not its name)."
            )
        case .problemCompoundFile:
            (
                "Filen är ett äldre Word-dokument (.doc) eller ett lösenordsskyddat DOCX. Spara det som DOCX utan lösenord.",
                "The file is an old Word document (.doc) or a password-protected DOCX. Save it as DOCX without a password."
            )
        case .problemEncryptedPDF:
            (
                "PDF-filen är lösenordsskyddad. Spara en kopia utan lösenord.",
                "The PDF is password-protected. Save a copy without one."
            )
        case .problemCorrupt: ("Filen är skadad eller avklippt: %1.", "The file is damaged or cut off: %1.")
        case .problemTooLarge:
            (
                "Dokumentet packas upp till mer än %1 MB, långt mer än ett tjänsteutlåtande.",
                "The document unpacks to more than %1 MB, far more than a statement."
            )
        case .problemTooManyPages:
            (
                "Dokumentet har %1 sidor. Längre dokument än %2 sidor läses inte in; bifoga det i stället.",
                "The document has %1 pages. Documents longer than %2 pages are not read in; attach it instead."
            )
        case .problemNoTextLayer:
            (
                "PDF-filens %1 sidor är bilder utan text (en inskanning). Kör textigenkänning (OCR) först.",
                "The PDF's %1 pages are images without text (a scan). Run text recognition (OCR) first."
            )
        case .problemNotUTF8:
            (
                "Texten är inte UTF-8 (rad %1). Spara den som UTF-8.",
                "The text is not UTF-8 (line %1). Save it as UTF-8."
            )
        case .problemPDFToolMissing:
            (
                "PDF kan inte läsas här: programmet pdftotext (Debian-paketet poppler-utils) saknas. Läs in DOCX eller ODT.",
                "PDF cannot be read here: pdftotext (Debian's package poppler-utils) is missing. Read in DOCX or ODT."
            )
        case .problemOtherRound:
            (
                "Tjänsteutlåtandet gäller %1, som inte ingår i remissomgången ”%2”. Läs in det i rätt omgång.",
                "The statement is about %1, which is not part of the round \"%2\". Read it into the right round."
            )
        case .problemOtherReferral:
            (
                "Tjänsteutlåtandet svarar på remiss %1, men omgången skickades med diarienummer %2.",
                "The statement answers referral %1, but the round was sent under diary number %2."
            )
        case .questionsCompiled: ("Svaren på remissens frågor", "The answers to the round's questions")
        case .questionsCompiledIntro:
            (
                "Varje fråga med vad varje instans svarade, i sändlistans ordning. Bara inskickade svar är med.",
                "Each question with what each body answered, in the order of the distribution list. Only submitted answers are included."
            )
        case .questionNumber: ("Fråga %1", "Question %1")
        case .noAnswersToQuestion:
            ("Ingen instans har svarat på frågan ännu.", "No body has answered the question yet.")
        case .silentOnQuestion: ("Svarade inte på frågan", "Did not answer the question")
        case .challengesCompiled:
            ("Ytterligare utmaningar som instanserna tar upp", "Further challenges the bodies raise")
        case .challengesIntro:
            (
                "Utmaningar som flera instanser nämner med samma ord är grupperade under det ordet; övriga står för sig.",
                "Challenges that several bodies name with the same word are grouped under that word; the rest stand alone."
            )
        case .challengeTheme: ("”%1”, nämnt av %2", "\"%1\", named by %2")
        case .otherChallenges: ("Övriga utmaningar", "Other challenges")
        case .questionsCSV: ("Frågesvaren som CSV", "The question answers as CSV")
        case .bodyOne: ("instans", "body")
        case .answerSearch: ("Sök i remissvar", "Search the answers")
        case .answerSearchIntro:
            (
                "Sök i alla instansers remissvar och i de tjänsteutlåtanden de lästs in från. Ord hittas i alla böjningar (bostad, bostäder, bostäderna).",
                "Search every body's answers and the statements they were read from. Words are found in every inflection (bostad, bostäder, bostäderna)."
            )
        case .answerSearchLabel: ("Sökord", "Search words")
        case .answerSearchButton: ("Sök", "Search")
        case .answerSearchFirst:
            (
                "De %1 senaste träffarna visas; lägg till ord för att smalna av.",
                "The latest %1 hits are shown; add words to narrow the search."
            )
        case .answerSearchDrafts:
            (
                "Utkast och beslutade svar som inte skickats in är med, eftersom du får läsa dem.",
                "Drafts and decided answers not yet submitted are included, as you may read them."
            )
        case .answerSearchLink: ("Sök i remissvaren", "Search the answers")
        case .hitOne: ("träff", "hit")
        case .hitMany: ("träffar", "hits")
        case .statementPlace: ("Tjänsteutlåtandet", "The statement")
        case .bodyMany: ("instanser", "bodies")
        case .problemStatementGone:
            (
                "Tjänsteutlåtandet finns inte längre eller är redan sparat i ett svar. Läs in det igen.",
                "The statement is gone or already saved in an answer. Read it in again."
            )
        }
    }
}

extension Texts {
    subscript(_ key: StatementReviewText) -> String { self[typed: key] }

    /// The word for what a marked stretch of a statement was read as.
    func label(_ mark: StatementDraft.Mark) -> String {
        switch mark {
        case .diaryNumber: self[.markDiaryNumber]
        case .responder: self[.markResponder]
        case .signer: self[.markSigner]
        case .date: self[.markDate]
        case .measure: self[.markMeasure]
        case .position: self[.markPosition]
        case .alreadyWorks: self[.markAlreadyWorks]
        case .question: self[.markQuestion]
        case .challenge: self[.markChallenge]
        case .prerequisite: self[.markPrerequisite]
        case .decline: self[.markDecline]
        case .joint: self[.markJoint]
        }
    }
}
