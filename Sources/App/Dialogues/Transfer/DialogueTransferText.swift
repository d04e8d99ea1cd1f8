/// A key of the texts of the dialogues' import and export (see `TextKey`).
enum DialogueTransferText: String, TextKey {
    case dialogueImportTitle
    case dialogueImportIntro
    case dialogueImportAllOrNothing
    case dialogueImportRows
    case dialogueImportVariants
    case dialogueImportExport
    case dialogueImportExportExcel
    case dialogueImportColumnsHeading
    case dialogueImportColumn
    case dialogueImportSwedishColumn
    case dialogueImportMeaning
    case dialogueImportColumnId
    case dialogueImportColumnTitle
    case dialogueImportColumnPurpose
    case dialogueImportColumnQuestion
    case dialogueImportColumnMethod
    case dialogueImportColumnStatus
    case dialogueImportColumnLevel
    case dialogueImportColumnOrganiser
    case dialogueImportColumnAreas
    case dialogueImportColumnDigital
    case dialogueImportColumnMeasures
    case dialogueImportColumnTags
    case dialogueImportColumnStart
    case dialogueImportColumnEnd
    case dialogueImportColumnPlace
    case dialogueImportColumnAddress
    case dialogueImportColumnLatitude
    case dialogueImportColumnLongitude
    case dialogueImportColumnParticipants
    case dialogueImportColumnContributions
    case dialogueImportColumnFeedbackDate
    case dialogueImportColumnFeedbackChannel
    case dialogueImportColumnFeedbackText
    case dialogueImportFile
    case dialogueImportFileHint
    case dialogueImportReplace
    case dialogueImportReplaceHint
    case dialogueImportButton
    case dialogueImportNoFile
    case dialogueImportRefused
    case dialogueImportDone
    case dialogueImportCreated
    case dialogueImportReplaced
    case dialogueImportSessions
    case dialogueImportResultHeading
    case dialogueImportProblemsHeading
    case dialogueImportWarningsHeading
    case dialogueImportAt
    case dialogueImportDiffers
    case dialogueImportColumnTwice
    case dialogueImportExists
    case dialogueImportNotYours

    var text: (sv: String, en: String) {
        switch self {
        case .dialogueImportTitle: ("Läs in dialoger", "Import dialogues")
        case .dialogueImportIntro:
            (
                "Har förvaltningen en lista över sina dialoger i ett kalkylark läser du in den här. Filen har samma kolumner som exporten, så börja gärna med att hämta den.",
                "If your administration keeps a list of its dialogues in a spreadsheet, import it here. The file has the same columns as the export, so you may start by downloading it."
            )
        case .dialogueImportAllOrNothing:
            (
                "Allt eller inget: har någon rad ett fel skrivs ingenting, och varje fel visas med rad och kolumn. Varje dialog ska arrangeras av ett organ du är redaktör för.",
                "All or nothing: if any row has a problem nothing is written, and every problem is shown with its line and column. Every dialogue must be organised by a body you are an editor for."
            )
        case .dialogueImportRows:
            (
                "En rad per träff. Rader med samma id är en dialog: dess egna kolumner (titel, arrangör, områden …) skrivs på första raden och kan upprepas eller lämnas tomma på de följande. Listor skiljs med | (eller komma). Resten av en dialog, som målgruppsanalysen och deltagarna per grupp, fyller du i formuläret.",
                "One row per session. Rows with the same id are one dialogue: its own columns (title, organiser, areas …) are written on the first row and may be repeated or left empty on the following ones. Lists are separated by | (or commas). The rest of a dialogue, such as the target-group analysis and the participants by group, is filled in on the form."
            )
        case .dialogueImportVariants:
            (
                "Kolumnnamn och val kan skrivas på engelska eller svenska (metod: safetyWalk eller trygghetsvandring). Två varianter läses in: CSV enligt RFC 4180 (komma, decimalpunkt) och svenska Excels CSV (semikolon, decimalkomma). Spara som ”CSV UTF-8”.",
                "Column names and choices may be written in English or Swedish (method: safetyWalk or trygghetsvandring). Two variants are read: CSV as RFC 4180 writes it (comma, decimal point) and Swedish Excel's CSV (semicolon, decimal comma). Save as \"CSV UTF-8\"."
            )
        case .dialogueImportExport: ("Hämta alla dialoger som CSV", "Download every dialogue as CSV")
        case .dialogueImportExportExcel:
            (
                "Hämta dem för svenska Excel (svenska kolumnnamn)",
                "Download them for Swedish Excel (Swedish column names)"
            )
        case .dialogueImportColumnsHeading: ("Kolumnerna", "The columns")
        case .dialogueImportColumn: ("Kolumn", "Column")
        case .dialogueImportSwedishColumn: ("På svenska", "In Swedish")
        case .dialogueImportMeaning: ("Vad den ska innehålla", "What it holds")
        case .dialogueImportColumnId:
            (
                "Dialogens id i adressen: små bokstäver a–z, siffror och bindestreck (krävs).",
                "The dialogue's id in its address: lower-case letters a–z, digits and dashes (required)."
            )
        case .dialogueImportColumnTitle: ("Titeln (krävs).", "The title (required).")
        case .dialogueImportColumnPurpose: ("Varför dialogen hålls (krävs).", "Why the dialogue is held (required).")
        case .dialogueImportColumnQuestion: ("Frågan till de boende.", "The question put to residents.")
        case .dialogueImportColumnMethod: ("Metoden (krävs), en av: %1.", "The method (required), one of: %1.")
        case .dialogueImportColumnStatus:
            ("Läget, ett av: %1. Tomt: planerad.", "The status, one of: %1. Empty: planned.")
        case .dialogueImportColumnLevel:
            (
                "Delaktighetsnivån, en av: %1. Tomt: konsultera.",
                "The level of participation, one of: %1. Empty: consult."
            )
        case .dialogueImportColumnOrganiser:
            (
                "Arrangerande organs id, som i katalogen (krävs).",
                "The organising body's id, as in the catalogue (required)."
            )
        case .dialogueImportColumnAreas:
            ("Områdenas id, som i katalogen.", "The areas' ids, as in the catalogue.")
        case .dialogueImportColumnDigital:
            (
                "ja om dialogen bara hålls digitalt; då behövs inget område.",
                "yes if the dialogue is held online only; then no area is needed."
            )
        case .dialogueImportColumnMeasures: ("Åtgärdernas id, t.ex. D.2.3.1.", "The measures' ids, e.g. D.2.3.1.")
        case .dialogueImportColumnTags: ("Fria ämnesord.", "Free tags.")
        case .dialogueImportColumnStart:
            (
                "När träffen börjar: ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM (krävs på en rad med en träff).",
                "When the session starts: YYYY-MM-DD or YYYY-MM-DD HH:MM (required on a row with a session)."
            )
        case .dialogueImportColumnEnd:
            (
                "När den slutar: samma form, eller bara TT:MM samma dag. Inte före starten.",
                "When it ends: the same form, or just HH:MM the same day. Not before the start."
            )
        case .dialogueImportColumnPlace: ("Platsens namn.", "The place's name.")
        case .dialogueImportColumnAddress: ("Platsens adress.", "The place's address.")
        case .dialogueImportColumnLatitude:
            (
                "Latitud i grader (WGS 84), t.ex. 59,4036. En punkt där latitud och longitud bytt plats avvisas; en punkt utanför kommunen ger en varning.",
                "Latitude in degrees (WGS 84), e.g. 59.4036. A point with latitude and longitude swapped is refused; a point outside the municipality gives a warning."
            )
        case .dialogueImportColumnLongitude:
            ("Longitud i grader, t.ex. 17,9270.", "Longitude in degrees, e.g. 17.9270.")
        case .dialogueImportColumnParticipants: ("Antal deltagare.", "The number of participants.")
        case .dialogueImportColumnContributions: ("Antal synpunkter eller bidrag.", "The number of contributions.")
        case .dialogueImportColumnFeedbackDate:
            (
                "När deltagarna fick återkoppling, ÅÅÅÅ-MM-DD; inte före dialogens första träff.",
                "When the participants were given feedback, YYYY-MM-DD; not before the dialogue's first session."
            )
        case .dialogueImportColumnFeedbackChannel:
            ("Hur återkopplingen gavs (brev, möte …).", "How the feedback was given (letter, meeting …).")
        case .dialogueImportColumnFeedbackText: ("Vad deltagarna fick veta.", "What the participants were told.")
        case .dialogueImportFile: ("Fil (CSV)", "File (CSV)")
        case .dialogueImportFileHint: ("Högst 20 MB.", "At most 20 MB.")
        case .dialogueImportReplace: ("Ersätt dialoger som redan finns", "Replace dialogues that exist")
        case .dialogueImportReplaceHint:
            (
                "Utan detta avvisas en rad vars id redan finns. Med det ersätter filens kolumner dialogens; det filen inte har (engelsk titel, beslut, målgruppsanalys, deltagare per grupp, resultat, senare återkoppling) behålls.",
                "Without it a row whose id exists is refused. With it the file's columns replace the dialogue's; what the file does not carry (English title, decision, target-group analysis, participants by group, results, later feedback) is kept."
            )
        case .dialogueImportButton: ("Läs in", "Import")
        case .dialogueImportNoFile: ("Välj en fil att läsa in.", "Choose a file to import.")
        case .dialogueImportRefused:
            (
                "%1 lästes inte in, ingenting skrevs: %2 problem.",
                "%1 was not imported, nothing was written: %2 problem(s)."
            )
        case .dialogueImportDone: ("%1 är inläst.", "%1 is imported.")
        case .dialogueImportCreated: ("Nya dialoger", "New dialogues")
        case .dialogueImportReplaced: ("Ersatta dialoger", "Replaced dialogues")
        case .dialogueImportSessions: ("Träffar", "Sessions")
        case .dialogueImportResultHeading: ("Resultat", "Result")
        case .dialogueImportProblemsHeading: ("Problem i filen", "Problems in the file")
        case .dialogueImportWarningsHeading: ("Att kontrollera", "To check")
        case .dialogueImportAt: ("Rad %1, kolumn %2", "Line %1, column %2")
        case .dialogueImportDiffers:
            (
                "%1: skiljer sig från rad %2 (”%3”) med samma id; en dialogs egna kolumner ska vara lika på alla dess rader",
                "%1: differs from line %2 (\"%3\") with the same id; a dialogue's own columns must agree on all its rows"
            )
        case .dialogueImportColumnTwice: ("%1: samma fält som kolumn %2", "%1: the same field as column %2")
        case .dialogueImportExists:
            (
                "%1: det finns redan en dialog med id ”%2”; välj att ersätta dialoger som finns för att skriva över den",
                "%1: a dialogue with the id \"%2\" exists already; choose to replace dialogues that exist to overwrite it"
            )
        case .dialogueImportNotYours:
            (
                "%1: du är inte redaktör för ”%2”; bara dess redaktörer och administratörer skriver dess dialoger",
                "%1: you are not an editor for \"%2\"; only its editors and administrators write its dialogues"
            )
        }
    }
}

extension Texts {
    subscript(_ key: DialogueTransferText) -> String { self[typed: key] }
}
