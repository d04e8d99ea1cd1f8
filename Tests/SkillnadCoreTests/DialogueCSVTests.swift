import Foundation
import Testing

@testable import SkillnadCore

/// Importing a list of dialogues as officials keep it in a spreadsheet: Swedish or English,
/// semicolons or commas; all or nothing, every problem by line and column; and the export reads
/// back to the same dialogues.
@Suite("Dialogue CSV import and export")
struct DialogueCSVTests {
    static func day(_ text: String) throws -> Day { try #require(Day(text)) }
    static func moment(_ text: String) throws -> LocalMoment { try #require(LocalMoment(text)) }

    static func read(_ text: String) throws -> Result<[DialogueCSV.Dialogue], DialogueCSVProblems> {
        DialogueCSV.read(try CSVTable.parse(Data(text.utf8)))
    }

    static func problems(_ text: String) throws -> [DialogueCSVProblem] {
        guard case .failure(let found) = try read(text) else {
            Issue.record("expected the file to be refused")
            return []
        }
        return found.problems
    }

    @Test("A Swedish Excel file: byte-order mark, semicolons, Swedish headers and words, decimal comma")
    func swedishExcel() throws {
        let file =
            "\u{FEFF}id;Titel;Syfte;Fråga;Metod;Status;Nivå;Arrangör;Områden;Digital;Åtgärder;Taggar;"
            + "Starttid;Sluttid;Plats;Adress;Lat;Lon;Deltagare;Bidrag;Återkoppling datum;Återkopplingskanal;"
            + "Återkoppling\r\n"
            + "husby-2024;Trygghetsvandring i Husby;Hitta otrygga platser;Var känner du dig otrygg?;"
            + "trygghetsvandring;återkoppling given;Dialog;rinkeby-kista;husby|akalla;nej;D.2.3.1;trygghet, belysning;"
            + "2024-05-12 18:00;20:00;Husby torg;Husby allé 1;59,4096;17,9255;42;118;2024-06-20;Brev;"
            + "\"Belysningen byts; klart i höst\"\r\n"
            + "husby-2024;;;;;;;;;;;;2024-05-19 18.00;2024-05-19 20:00;Akalla torg;;59,4168;17,9127;;;;;\r\n"
            + "digitalt-samrad;Parkplan;Tyck till om parken;;Digital konsultation;öppen;konsultera;"
            + "stadsbyggnadsnamnden;;ja;;;2024-09-01;2024-09-30;;;;;;;;;\r\n"
        let dialogues = try Self.read(file).get()
        let expected = [
            DialogueValues(
                id: "husby-2024", title: "Trygghetsvandring i Husby", purpose: "Hitta otrygga platser",
                question: "Var känner du dig otrygg?", level: .involve, method: .safetyWalk, status: .feedbackGiven,
                organiser: "rinkeby-kista", measures: ["D.2.3.1"], tags: ["trygghet", "belysning"],
                areas: ["husby", "akalla"], digital: false,
                sessions: [
                    DialogueSession(
                        start: try Self.moment("2024-05-12 18:00"), end: try Self.moment("2024-05-12 20:00"),
                        place: DialoguePlace(
                            name: "Husby torg", address: "Husby allé 1", latitude: 59.4096, longitude: 17.9255)),
                    DialogueSession(
                        start: try Self.moment("2024-05-19 18:00"), end: try Self.moment("2024-05-19 20:00"),
                        place: DialoguePlace(name: "Akalla torg", latitude: 59.4168, longitude: 17.9127)),
                ],
                outcome: DialogueOutcome(participants: 42, contributions: 118),
                feedback: [
                    DialogueFeedback(
                        date: try Self.day("2024-06-20"), channel: "Brev", text: "Belysningen byts; klart i höst")
                ]),
            DialogueValues(
                id: "digitalt-samrad", title: "Parkplan", purpose: "Tyck till om parken", level: .consult,
                method: .digitalConsultation, status: .open, organiser: "stadsbyggnadsnamnden", digital: true,
                sessions: [DialogueSession(start: try Self.moment("2024-09-01"), end: try Self.moment("2024-09-30"))]),
        ]
        #expect(dialogues.map(\.values) == expected)
        #expect(dialogues.map(\.line) == [2, 4])
        #expect(dialogues.map(\.sessionLines) == [[2, 3], [4]])
    }

    @Test("An English RFC 4180 file with stored values, quoted commas and folded header names")
    func englishCommas() throws {
        let file = """
            ID,TITLE,purpose,method,level,organiser,areas,digital,start,place,latitude,longitude,feedback_date,feedback
            walk-1,"Walk, talk",Listen,safetyWalk,collaborate,sdf-1,"a,b",TRUE,2024-03-01T17:30,"Torg, N",59.3,18.1,,
            budget,Budget,Decide,participatoryBudget,decide,sdf-2,,yes,,,,,,

            """
        let values = try Self.read(file).get().map(\.values)
        #expect(values.count == 2)
        #expect(values.first?.title == "Walk, talk")
        #expect(values.first?.areas == ["a", "b"])
        #expect(values.first?.digital == true)
        #expect(values.first?.level == .collaborate)
        #expect(values.first?.sessions.first?.start == (try Self.moment("2024-03-01 17:30")))
        #expect(values.first?.sessions.first?.place?.name == "Torg, N")
        #expect(values.first?.sessions.first?.place?.longitude == 18.1)
        #expect(values.last?.method == .participatoryBudget)
        #expect(values.last?.sessions == [])
        #expect(values.last?.status == .planned)
    }

    static let swedishHeader =
        "id;titel;syfte;metod;nivå;arrangör;områden;digital;starttid;sluttid;plats;lat;lon;återkoppling datum;"
        + "återkopplingskanal;återkoppling\n"

    @Test("Bad values are refused by line and column (the header as written), every one at once")
    func badValues() throws {
        let file =
            Self.swedishHeader
            + "d-1;Dialog;Syfte;gåtur;samråd;sdf;husby;kanske;2024-13-01;;;;;;;\n"
            + "d-2;Dialog;Syfte;workshop;konsultera;sdf;husby;nej;2024-05-01 25:00;2024-05-01;Torg;59.3.1;lat;"
            + "1 maj;Brev;Text\n"
        let problems = try Self.problems(file)
        let methods = ["politicianMeeting", "möte med politiker", "workshop", "safetyWalk", "trygghetsvandring"]
        let method = try #require(problems.first { $0.column == "metod" })
        #expect(method.line == 2)
        guard case .value(.unknownChoice("gåtur", let allowed)) = method.reason else {
            Issue.record("expected an unknown choice, got \(method.reason)")
            return
        }
        #expect(Array(allowed.prefix(5)) == methods)
        #expect(allowed.contains("enkät") && allowed.contains("annan") && allowed.contains("pop-up"))
        let located = problems.map { "\($0.line) \($0.column)" }
        #expect(
            located == [
                "2 metod", "2 nivå", "2 digital", "2 starttid", "3 återkoppling datum", "3 starttid", "3 lat",
                "3 lon",
            ])
        #expect(problems[3].reason == .value(.notADate("2024-13-01")))
        #expect(problems[4].reason == .value(.notADate("1 maj")))
        #expect(problems[5].reason == .value(.notATime("2024-05-01 25:00")))
        #expect(problems[6].reason == .value(.notANumber("59.3.1")))
        #expect(problems[7].reason == .value(.notANumber("lat")))
        #expect(
            problems[2].reason == .value(.unknownChoice("kanske", allowed: ["true", "ja", "false", "nej"])))
    }

    @Test("The dialogue's own checks are reported at its first row, a session's at the session's row")
    func valueChecks() throws {
        let file =
            Self.swedishHeader
            + "d-1;;Syfte;workshop;;sdf;;nej;2024-05-01 18:00;2024-05-01 17:00;Torg;95;18;;;\n"
            + "d-1;;;;;;;;2024-05-02;;;;;2024-04-01;;\n"
            + "Fel Id;Titel;Syfte;enkät;;sdf;husby;nej;;;;;;;;\n"
        let problems = try Self.problems(file)
        #expect(
            problems == [
                DialogueCSVProblem(line: 2, column: "titel", .value(.required)),
                DialogueCSVProblem(line: 2, column: "områden", .value(.noAreaNorDigital)),
                DialogueCSVProblem(
                    line: 2, column: "sluttid",
                    .value(.endsBeforeStart(start: "2024-05-01 18:00", end: "2024-05-01 17:00"))),
                DialogueCSVProblem(line: 2, column: "lat", .value(.latitudeOutOfRange(95))),
                DialogueCSVProblem(
                    line: 2, column: "återkoppling datum",
                    .value(.feedbackBeforeDialogue(feedback: "2024-04-01", starts: "2024-05-01"))),
                DialogueCSVProblem(line: 2, column: "återkopplingskanal", .value(.required)),
                DialogueCSVProblem(line: 2, column: "återkoppling", .value(.required)),
                DialogueCSVProblem(line: 4, column: "id", .value(.notAnId("Fel Id"))),
            ])
    }

    @Test("A dialogue's own column that differs between its rows names both lines; blanks are the same")
    func rowsDisagree() throws {
        let file =
            "id,title,purpose,method,organiser,areas,start\n"
            + "d-1,Dialog,Syfte,workshop,sdf,husby,2024-05-01\n"
            + "other,Annan,Syfte,survey,sdf,husby,2024-05-01\n"
            + "d-1,,,Workshop,,,2024-05-02\n"
            + "d-1,Dialogen,Syfte,fokusgrupp,sdf,husby,2024-05-03\n"
        let problems = try Self.problems(file)
        #expect(
            problems == [
                DialogueCSVProblem(line: 5, column: "title", .differsFrom(line: 2, value: "Dialog")),
                DialogueCSVProblem(line: 5, column: "method", .differsFrom(line: 2, value: "workshop")),
            ])
    }

    @Test("Header problems: an unknown column, a field named twice, a required column missing")
    func headerProblems() throws {
        let problems = try Self.problems("id;title;titel;kommentar;metod;arrangör\nd-1;A;A;x;workshop;sdf\n")
        #expect(problems.map(\.line) == [1, 1, 1])
        #expect(problems[0] == DialogueCSVProblem(line: 1, column: "titel", .columnTwice(other: "title")))
        #expect(problems[1].column == "kommentar")
        guard case .value(.unknownChoice("kommentar", let allowed)) = problems[1].reason else {
            Issue.record("expected an unknown column, got \(problems[1].reason)")
            return
        }
        #expect(allowed.contains("syfte") && allowed.contains("purpose"))
        #expect(problems[2] == DialogueCSVProblem(line: 1, column: "purpose", .value(.required)))
    }

    @Test("A row without an id, and a session place without a start, are refused; nothing is read")
    func missingId() throws {
        let file =
            "id,title,purpose,method,organiser,digital,place\n,A,B,workshop,sdf,ja,\nd-1,A,B,workshop,sdf,ja,Torg\n"
        let problems = try Self.problems(file)
        #expect(
            problems == [
                DialogueCSVProblem(line: 2, column: "id", .value(.required)),
                DialogueCSVProblem(line: 3, column: "start", .value(.required)),
            ])
    }

    @Test("A problem the caller finds against the catalogue is placed at the row and column")
    func catalogueProblems() throws {
        let file =
            Self.swedishHeader + "d-1;A;B;workshop;;sdf;okänt;nej;2024-05-01;;Torg;;;;;\n"
            + "d-1;;;;;;;;2024-05-02;;Torg 2;;;;;\n"
        let dialogue = try #require(try Self.read(file).get().first)
        #expect(
            dialogue.problem(DialogueProblem(field: "areas", .unknownArea("okänt")))
                == DialogueCSVProblem(line: 2, column: "områden", .value(.unknownArea("okänt"))))
        #expect(
            dialogue.problem(
                DialogueProblem(field: "sessions[1].place.name", .outsideMunicipality(latitude: 1, longitude: 2)))
                == DialogueCSVProblem(line: 3, column: "plats", .value(.outsideMunicipality(latitude: 1, longitude: 2)))
        )
        #expect(dialogue.problem(DialogueProblem(field: "coOrganisers", .unknownBody("x"))).column == "coOrganisers")
    }

    static func sample() throws -> [DialogueValues] {
        [
            DialogueValues(
                id: "husby-2024", title: "=HYPERLINK(\"http://evil\")", purpose: "Rad 1\nRad 2; med \"citat\", komma",
                question: "-Vad tycker du?", level: .decide, method: .politicianMeeting, status: .awaitingFeedback,
                organiser: "rinkeby-kista", measures: ["D.2.3.1", "4.4.1"], tags: ["trygghet, belysning"],
                areas: ["husby"], digital: false,
                sessions: [
                    DialogueSession(
                        start: try Self.moment("2024-05-12 18:00"), end: try Self.moment("2024-05-12 20:30"),
                        place: DialoguePlace(
                            name: "Husby Träff", address: "Husby allé 13", latitude: 59.409_612_3,
                            longitude: -17.925_5)),
                    DialogueSession(start: try Self.moment("2024-05-20")),
                    DialogueSession(
                        start: try Self.moment("2024-06-01 09:00"), place: DialoguePlace(name: "@Akalla; torg")),
                ],
                outcome: DialogueOutcome(participants: 0, contributions: 7),
                feedback: [DialogueFeedback(date: try Self.day("2024-07-01"), channel: "+Brev", text: "Tack!\nHej")]),
            DialogueValues(
                id: "digital-1", title: "Enkät om parken 😀", purpose: "Syfte", method: .survey, organiser: "sbn",
                tags: ["a", "b"], digital: true),
            DialogueValues(
                id: "pop", title: "Pop-up", purpose: "Syfte", level: .inform, method: .popUp, status: .cancelled,
                organiser: "sdf", areas: ["a", "b", "c"],
                outcome: DialogueOutcome(participants: 12)),
        ]
    }

    @Test(
        "The export reads back to the same dialogues, in every variant",
        arguments: [(CSVWriter.Variant.rfc4180, false), (.rfc4180, true), (.excel, false), (.excel, true)])
    func roundTrip(variant: CSVWriter.Variant, swedish: Bool) throws {
        let values = try Self.sample()
        let text = DialogueCSV.write(values, variant: variant, swedish: swedish)
        #expect(text.hasPrefix("\u{FEFF}") == (variant == .excel))
        #expect(text.contains(swedish ? "återkopplingskanal" : "feedback channel"))
        let read = try DialogueCSV.read(Data(text.utf8))
        #expect(read.map(\.values) == values)
        // A row per session, one for a dialogue without sessions.
        #expect(read.map(\.sessionLines.count) == [3, 0, 0])
        // Texts with line breaks make a row span several lines; each is known by its first.
        #expect(read.map(\.line) == [2, 11, 12])
        #expect(read.first?.sessionLines == [2, 5, 8])
    }

    @Test("The Swedish export writes Swedish choices, the English one stored values")
    func exportWords() throws {
        let values = try Self.sample()
        let swedish = DialogueCSV.write(values, variant: .excel, swedish: true)
        #expect(swedish.contains(";möte med politiker;inväntar återkoppling;besluta;"))
        #expect(swedish.contains(";nej;") && swedish.contains("59,4096123") && swedish.contains("-17,9255"))
        let english = DialogueCSV.write(values)
        #expect(english.hasPrefix(DialogueCSV.header().joined(separator: ",") + "\n"))
        #expect(english.contains(",politicianMeeting,awaitingFeedback,decide,"))
        #expect(english.contains("\"trygghet, belysning|\""))
    }
}
