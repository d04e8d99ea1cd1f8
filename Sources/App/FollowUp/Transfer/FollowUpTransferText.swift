/// A key of the follow-up transfer's texts: the import page and the export (see `TextKey`).
enum FollowUpTransferText: String, TextKey {
    case followUpImportTitle
    case followUpImportIntro
    case followUpImportAllOrNothing
    case followUpImportVariants
    case followUpImportBlankRows
    case followUpImportExport
    case followUpImportExportExcel
    case followUpImportColumnsHeading
    case followUpImportColumn
    case followUpImportMeaning
    case followUpImportColumnPeriod
    case followUpImportColumnMeasure
    case followUpImportColumnBody
    case followUpImportColumnStatus
    case followUpImportColumnProgress
    case followUpImportColumnSpent
    case followUpImportColumnNarrative
    case followUpImportColumnIndicators
    case followUpImportColumnState
    case followUpImportColumnVersion
    case followUpImportFile
    case followUpImportFileHint
    case followUpImportButton
    case followUpImportNoFile
    case followUpImportRefused
    case followUpImportDone
    case followUpImportCreated
    case followUpImportUpdated
    case followUpImportUnchanged
    case followUpImportBlank
    case followUpImportPublished
    case followUpImportResultHeading
    case followUpImportProblemsHeading

    var text: (sv: String, en: String) {
        switch self {
        case .followUpImportTitle: ("Importera uppföljningsrapporter", "Import follow-up reports")
        case .followUpImportIntro:
            (
                "Fyll i nämndens uppföljningsrapporter i ett kalkylark och läs in dem här. Filen har samma kolumner som exporten, så börja med att hämta den: som inloggad får du era rapporter och en tom rad för varje uppdrag som ännu saknar rapport.",
                "Fill in your body's follow-up reports in a spreadsheet and import them here. The file has the same columns as the export, so start by downloading it: signed in, you get your reports and an empty row for each assignment that has no report yet."
            )
        case .followUpImportAllOrNothing:
            (
                "Allt eller inget: har någon rad ett fel skrivs ingenting, och varje fel visas med rad och kolumn.",
                "All or nothing: if any row has a problem nothing is written, and every problem is shown with its line and column."
            )
        case .followUpImportVariants:
            (
                "Två varianter läses in, och avgränsaren känns igen: CSV enligt RFC 4180 (komma, decimalpunkt) och svenska Excels CSV (semikolon, decimalkomma). Spara som ”CSV UTF-8”.",
                "Two variants are read, and the delimiter is recognised: CSV as RFC 4180 writes it (comma, decimal point) and Swedish Excel's CSV (semicolon, decimal comma). Save as \"CSV UTF-8\"."
            )
        case .followUpImportBlankRows:
            (
                "Rader där allt utom period, åtgärd och organisation är tomt hoppas över. Rader som är oförändrade hoppas också över.",
                "Rows where everything but period, measure and body is empty are skipped. Rows that are unchanged are skipped too."
            )
        case .followUpImportExport: ("Hämta rapporterna som CSV", "Download the reports as CSV")
        case .followUpImportExportExcel: ("Hämta dem för svenska Excel", "Download them for Swedish Excel")
        case .followUpImportColumnsHeading: ("Kolumnerna", "The columns")
        case .followUpImportColumn: ("Kolumn", "Column")
        case .followUpImportMeaning: ("Vad den ska innehålla", "What it holds")
        case .followUpImportColumnPeriod:
            ("Uppföljningsperiodens id, t.ex. 2018-t1 (krävs).", "The follow-up period's id, e.g. 2018-t1 (required).")
        case .followUpImportColumnMeasure:
            ("Åtgärdens id, som i katalogen (krävs).", "The measure's id, as in the catalogue (required).")
        case .followUpImportColumnBody:
            (
                "Organisationens id; den måste ha uppdraget det året (krävs).",
                "The body's id; it must have the assignment that year (required)."
            )
        case .followUpImportColumnStatus:
            ("Läget (krävs), ett av: %1.", "The status (required), one of: %1.")
        case .followUpImportColumnProgress:
            (
                "Hur långt arbetet har kommit, 0–100. Tomt: lägets förval. ”done” kräver 100, ”notStarted” 0.",
                "How far the work has come, 0–100. Empty: the status's default. \"done\" requires 100, \"notStarted\" 0."
            )
        case .followUpImportColumnSpent:
            (
                "Förbrukade medel i kronor, t.ex. 1 234 567,50 kr eller 1234567.50. Andra valutor avvisas.",
                "Money spent in Swedish kronor, e.g. 1 234 567,50 kr or 1234567.50. Other currencies are refused."
            )
        case .followUpImportColumnNarrative: ("Beskrivningen av vad som har hänt.", "The account of what happened.")
        case .followUpImportColumnIndicators:
            (
                "Koderna för Skillnads indikatorer som visar effekten, åtskilda med mellanslag.",
                "The codes of Skillnad's indicators that show the effect, separated by spaces."
            )
        case .followUpImportColumnState:
            (
                "draft (utkast), submitted (inlämnad) eller published (publicerad; bara stadsledningskontoret). Tomt: draft.",
                "draft, submitted or published (the city executive office only). Empty: draft."
            )
        case .followUpImportColumnVersion:
            (
                "Versionen när raden exporterades; tom för en ny rapport. Har någon ändrat rapporten sedan dess avvisas raden.",
                "The version when the row was exported; empty for a new report. If someone changed the report since, the row is refused."
            )
        case .followUpImportFile: ("Fil (CSV)", "File (CSV)")
        case .followUpImportFileHint: ("Högst 20 MB.", "At most 20 MB.")
        case .followUpImportButton: ("Importera", "Import")
        case .followUpImportNoFile: ("Välj en fil att importera.", "Choose a file to import.")
        case .followUpImportRefused:
            (
                "%1 importerades inte, ingenting skrevs: %2 problem.",
                "%1 was not imported, nothing was written: %2 problem(s)."
            )
        case .followUpImportDone: ("%1 är importerad.", "%1 is imported.")
        case .followUpImportCreated: ("Nya rapporter", "New reports")
        case .followUpImportUpdated: ("Ändrade rapporter", "Changed reports")
        case .followUpImportUnchanged: ("Oförändrade rader", "Unchanged rows")
        case .followUpImportBlank: ("Tomma rader", "Empty rows")
        case .followUpImportPublished: ("Varav publicerade", "Of which published")
        case .followUpImportResultHeading: ("Resultat", "Result")
        case .followUpImportProblemsHeading: ("Problem i filen", "Problems in the file")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpTransferText) -> String { self[typed: key] }
}
