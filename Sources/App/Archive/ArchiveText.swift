/// A key of the archive packages' texts: the readable answer and the package's documentation.
/// The records are written in Swedish, their language; the documentation in both (see `TextKey`).
enum ArchiveText: String, TextKey {
    case archiveAnswerTitle
    case archiveRound
    case archiveRoundOf
    case archiveBody
    case archiveRevision
    case archiveStatus
    case archiveQuestions
    case archivePositions
    case archiveOriginals
    case archiveCorrects
    case archiveMeasuresIntro
    case archiveEventBegun
    case archiveEventDecided
    case archiveEventSubmitted
    case archiveEventDeclined
    case archiveEventCorrected
    case archiveEventCreated
    case archiveEventDigest
    case archiveDocumentation

    var text: (sv: String, en: String) {
        switch self {
        case .archiveAnswerTitle: ("Remissvar från %1: %2", "Referral answer from %1: %2")
        case .archiveRound: ("Remissomgång", "Referral round")
        case .archiveRoundOf: ("%1, skickad %2 av %3", "%1, sent %2 by %3")
        case .archiveBody: ("Remissinstans", "Body")
        case .archiveRevision: ("Version", "Revision")
        case .archiveStatus: ("Status", "Status")
        case .archiveQuestions: ("Svar på remissens frågor", "Answers to the round's questions")
        case .archivePositions: ("Ställningstaganden per åtgärd", "Positions by measure")
        case .archiveOriginals: ("Originalhandlingar", "Original documents")
        case .archiveCorrects:
            (
                "Ersätter paket %1, som håller version %2 av svaret.",
                "Replaces package %1, which holds revision %2 of the answer."
            )
        case .archiveMeasuresIntro:
            (
                "Remissomgången %1. Åtgärder som svaret tar ställning till:",
                "The referral round %1. Measures the answer takes a position on:"
            )
        case .archiveEventBegun: ("%1 påbörjade svaret i Skillnad.", "%1 began the answer in Skillnad.")
        case .archiveEventDecided: ("%1 beslutade svaret.", "%1 decided the answer.")
        case .archiveEventSubmitted: ("%1 skickade in svaret.", "%1 submitted the answer.")
        case .archiveEventDeclined: ("%1 avstod från att svara.", "%1 declined to answer.")
        case .archiveEventCorrected:
            (
                "Version %1 ersattes av en rättelse, version %2.",
                "Revision %1 was replaced by a correction, revision %2."
            )
        case .archiveEventCreated:
            ("Paketet skapades vid export ur Skillnad.", "The package was made by an export from Skillnad.")
        case .archiveEventDigest: ("SHA-256 beräknad vid export.", "SHA-256 computed at export.")
        case .archiveDocumentation:
            (
                """
                Leveranspaket enligt FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 och SIP 2.1.0), skapat av Skillnad.

                Paketet innehåller ett remissvar, en instans svar på en remissomgång, i den version som skickades in.
                representations/rep1/data/ innehåller:
                  remissvar.txt            svaret som läsbar text (UTF-8)
                  remissvar.json           svaret som post (JSON), med ställningstaganden
                  stallningstaganden.csv   ett ställningstagande per rad (CSV, RFC 4180, UTF-8)
                  stallningstaganden.json  samma rader som JSON
                  originalhandlingar/      de dokument instansen bifogade, som de laddades upp
                metadata/descriptive/ead.xml beskriver svaret (EAD3): diarienummer, instans, datum,
                remissomgång och åtgärder.
                metadata/preservation/premis.xml håller kontrollsummor, format och händelser (PREMIS 3.0).
                schemas/ innehåller scheman för all XML i paketet.
                En rättelse levereras som ett nytt paket med RECORDSTATUS="REPLACEMENT"; dess beskrivning
                och händelser namnger paketet det ersätter.
                """,
                """
                Submission information package as FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 and SIP 2.1.0),
                made by Skillnad.

                The package holds one referral answer, a body's answer to a referral round, as it was submitted.
                representations/rep1/data/ holds:
                  remissvar.txt            the answer as readable text (UTF-8)
                  remissvar.json           the answer as a record (JSON), with its positions
                  stallningstaganden.csv   one position per row (CSV, RFC 4180, UTF-8)
                  stallningstaganden.json  the same rows as JSON
                  originalhandlingar/      the documents the body attached, as uploaded
                metadata/descriptive/ead.xml describes the answer (EAD3): diary number, body, dates, round
                and measures.
                metadata/preservation/premis.xml holds checksums, formats and events (PREMIS 3.0).
                schemas/ holds the schemas of every XML file in the package.
                A correction is delivered as a new package with RECORDSTATUS="REPLACEMENT"; its description
                and events name the package it replaces.
                """
            )
        }
    }
}

extension Texts {
    subscript(_ key: ArchiveText) -> String { self[typed: key] }
}
