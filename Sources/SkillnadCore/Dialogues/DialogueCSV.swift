import Foundation

/// Something wrong in a dialogue import file, at its line and column (the header name as written
/// in the file), so the official can find it in the spreadsheet.
public struct DialogueCSVProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// What is wrong with the value, as the form says it beside a field.
        case value(DialogueProblem.Reason)
        /// A column of the dialogue itself (not of its session) that says something else than on
        /// an earlier row with the same id: which row is right?
        case differsFrom(line: Int, value: String)
        /// Two columns of the header for one field (`title` and `titel`).
        case columnTwice(other: String)
    }

    public var line: Int
    public var column: String
    public var reason: Reason

    public init(line: Int, column: String, _ reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
}

/// Every problem of an import file, refused together: nothing of the file is saved.
public struct DialogueCSVProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [DialogueCSVProblem]

    public init(_ problems: [DialogueCSVProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A list of dialogues as an official keeps it in a spreadsheet: one row per session, the
/// dialogue's own columns repeated on each of its rows (or left blank after the first), rows with
/// the same `id` being one dialogue. Read all or nothing, with every problem by line and column;
/// written so that it reads back to the same values.
///
/// The reader takes what Swedish Excel writes (semicolon, decimal comma, byte-order mark) as well
/// as RFC 4180, headers in English or Swedish in any case (`Titel`, `ARRANGÖR`, `fraga`), and
/// choices as stored (`safetyWalk`) or in Swedish (`trygghetsvandring`). A column it does not know
/// is refused rather than ignored, so nothing the official typed is silently lost.
///
/// The format carries what a list of dialogues usually has; the rest of a dialogue (English
/// title, decision, target-group analysis, counts by group, more than one feedback) is entered in
/// the form. Lists in a cell (`areas`, `measures`, `tags`) are separated by `|`, or by `,` when
/// the cell has no `|`; the writer ends a single item holding a comma with `|` to keep it whole.
/// The ids of areas, bodies and measures are read, not checked: the caller checks them against
/// the catalogue (`Dialogue.problem(_:)` places what it finds).
public enum DialogueCSV {
    /// The columns, in the order the writer puts them.
    public enum Column: String, Sendable, CaseIterable {
        case id
        case title
        case purpose
        case question
        case method
        case status
        case level
        case organiser
        case areas
        case digital
        case measures
        case tags
        case start
        case end
        case place
        case address
        case latitude
        case longitude
        case participants
        case contributions
        case feedbackDate = "feedback date"
        case feedbackChannel = "feedback channel"
        case feedbackText = "feedback text"

        /// The Swedish header the writer uses when asked to.
        public var swedish: String { names[1] }

        /// Every header the column answers to, the English first, then the Swedish.
        var names: [String] {
            switch self {
            case .id: ["id", "id"]
            case .title: ["title", "titel"]
            case .purpose: ["purpose", "syfte"]
            case .question: ["question", "fråga"]
            case .method: ["method", "metod"]
            case .status: ["status", "status", "läge"]
            case .level: ["level", "nivå", "delaktighetsnivå"]
            case .organiser: ["organiser", "arrangör", "organizer"]
            case .areas: ["areas", "områden", "område", "area"]
            case .digital: ["digital", "digital"]
            case .measures: ["measures", "åtgärder"]
            case .tags: ["tags", "taggar"]
            case .start: ["start", "starttid"]
            case .end: ["end", "sluttid"]
            case .place: ["place", "plats"]
            case .address: ["address", "adress"]
            case .latitude: ["latitude", "lat", "latitud"]
            case .longitude: ["longitude", "lon", "longitud", "lng"]
            case .participants: ["participants", "deltagare"]
            case .contributions: ["contributions", "bidrag"]
            case .feedbackDate: ["feedback date", "återkoppling datum", "återkopplingsdatum"]
            case .feedbackChannel: ["feedback channel", "återkopplingskanal", "återkoppling kanal"]
            case .feedbackText: ["feedback text", "återkoppling", "feedback"]
            }
        }

        /// Columns of a session (a row); the others belong to the dialogue and must agree between
        /// its rows.
        var isSession: Bool { [.start, .end, .place, .address, .latitude, .longitude].contains(self) }

        /// A file without these cannot describe a dialogue at all.
        static let required: [Column] = [.id, .title, .purpose, .method, .organiser]
    }

    /// The header the writer writes, in English or Swedish.
    public static func header(swedish: Bool = false) -> [String] {
        Column.allCases.map { swedish ? $0.swedish : $0.rawValue }
    }

    /// One dialogue read, with the lines it came from.
    public struct Dialogue: Sendable, Equatable {
        public var values: DialogueValues
        /// The line of the dialogue's first row.
        public var line: Int
        /// The line of each session, in `values.sessions`' order.
        public var sessionLines: [Int]
        /// Header names as written in the file.
        var columnNames: [Column: String]

        /// A problem found in `values` (by `problems()`, or by the caller against the catalogue),
        /// placed at its line and column: a session's field on the session's row, the rest on the
        /// dialogue's first row.
        public func problem(_ problem: DialogueProblem) -> DialogueCSVProblem {
            var line = self.line
            let field = problem.field
            if field.hasPrefix("sessions["), let close = field.firstIndex(of: "]"),
                let index = Int(field[field.index(field.startIndex, offsetBy: 9)..<close]),
                sessionLines.indices.contains(index)
            {
                line = sessionLines[index]
            }
            let column = DialogueCSV.column(forField: field)
            let name = column.map { columnNames[$0] ?? $0.rawValue } ?? field
            return DialogueCSVProblem(line: line, column: name, .value(problem.reason))
        }
    }

    /// The CSV column of a `DialogueProblem.field`, or nil for a field the format does not carry.
    static func column(forField field: String) -> Column? {
        let last = field.split(separator: ".").last.map(String.init) ?? field
        if field.hasPrefix("sessions[") {
            let byField: [String: Column] = [
                "name": .place, "address": .address, "latitude": .latitude, "longitude": .longitude, "end": .end,
            ]
            return byField[last] ?? .start
        }
        if field.hasPrefix("feedback[") {
            let byField: [String: Column] = ["date": .feedbackDate, "channel": .feedbackChannel]
            return byField[last] ?? .feedbackText
        }
        let outcome: [String: Column] = [
            "outcome.participants": .participants, "outcome.contributions": .contributions,
        ]
        return outcome[field] ?? Column(rawValue: field)
    }

    // MARK: Reading

    /// Reads a file: `CSVError` when it is no table, `DialogueCSVProblems` when its values are wrong.
    public static func read(_ data: Data) throws -> [Dialogue] {
        let table = try CSVTable.parse(data)
        return try read(table).get()
    }

    /// Every dialogue of `table`, in the order of their first rows, or every problem.
    public static func read(_ table: CSVTable) -> Result<[Dialogue], DialogueCSVProblems> {
        let columns: [Column: Int]
        switch headerColumns(table) {
        case .success(let found): columns = found
        case .failure(let problems): return .failure(problems)
        }
        var names: [Column: String] = [:]
        for (column, index) in columns { names[column] = table.header[index] }
        func name(_ column: Column) -> String { names[column] ?? column.rawValue }

        var problems: [DialogueCSVProblem] = []
        var order: [String] = []
        var groups: [String: Group] = [:]
        for (number, cells) in table.rows.enumerated() {
            let line = table.lineNumbers[number]
            func text(_ column: Column) -> String {
                guard let index = columns[column], index < cells.count else { return "" }
                return cleaned(cells[index])
            }
            let id = text(.id)
            guard !id.isEmpty else {
                problems.append(DialogueCSVProblem(line: line, column: name(.id), .value(.required)))
                continue
            }
            var group = groups[id] ?? Group(line: line)
            if groups[id] == nil { order.append(id) }
            for column in Column.allCases where !column.isSession && column != .id {
                let written = text(column)
                guard !written.isEmpty else { continue }
                switch parse(column, written) {
                case .failure(let refused):
                    group.failed.insert(column)
                    problems.append(DialogueCSVProblem(line: line, column: name(column), .value(refused.reason)))
                case .success(let value):
                    if let earlier = group.own[column] {
                        if earlier.value != value {
                            problems.append(
                                DialogueCSVProblem(
                                    line: line, column: name(column),
                                    .differsFrom(line: earlier.line, value: shown(earlier.written))))
                        }
                    } else {
                        group.own[column] = Own(value: value, line: line, written: written)
                    }
                }
            }
            switch session(text, line: line, name: name) {
            case .failure(let found): problems += found.problems
            case .success(let session?):
                group.sessions.append(session)
                group.sessionLines.append(line)
            case .success(nil): break
            }
            groups[id] = group
        }

        var dialogues: [Dialogue] = []
        for id in order {
            guard let group = groups[id] else { continue }
            let (values, found) = group.values(id: id, name: name)
            problems += found
            let dialogue = Dialogue(
                values: values, line: group.line, sessionLines: group.sessionLines, columnNames: names)
            for problem in values.problems() {
                let placed = dialogue.problem(problem)
                // A value that could not be read is reported already; its placeholder says nothing.
                if let failed = column(forField: problem.field), group.failed.contains(failed) { continue }
                if problem.reason == .noAreaNorDigital && group.failed.contains(.digital) { continue }
                problems.append(placed)
            }
            dialogues.append(dialogue)
        }
        guard problems.isEmpty else {
            let sorted = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            return .failure(DialogueCSVProblems(sorted.map(\.element)))
        }
        return .success(dialogues)
    }

    /// The column of each known header name; an unknown name, a field named twice, or a required
    /// column missing is a problem on the header line.
    static func headerColumns(_ table: CSVTable) -> Result<[Column: Int], DialogueCSVProblems> {
        var problems: [DialogueCSVProblem] = []
        var columns: [Column: Int] = [:]
        let allowed = Column.allCases.map(\.rawValue) + Column.allCases.map(\.swedish)
        for (index, written) in table.header.enumerated() {
            let columnName = table.columnName(index)
            guard let found = column(named: written) else {
                // An unnamed column that holds nothing is an artefact of the spreadsheet.
                if written.isEmpty && table.rows.allSatisfy({ index >= $0.count || cleaned($0[index]).isEmpty }) {
                    continue
                }
                problems.append(
                    DialogueCSVProblem(
                        line: table.headerLine, column: columnName,
                        .value(.unknownChoice(shown(written), allowed: uniqued(allowed)))))
                continue
            }
            if let other = columns[found] {
                problems.append(
                    DialogueCSVProblem(
                        line: table.headerLine, column: columnName, .columnTwice(other: table.columnName(other))))
                continue
            }
            columns[found] = index
        }
        for column in Column.required where columns[column] == nil {
            problems.append(DialogueCSVProblem(line: table.headerLine, column: column.rawValue, .value(.required)))
        }
        return problems.isEmpty ? .success(columns) : .failure(DialogueCSVProblems(problems))
    }

    /// The column a header names: as typed (case, spaces and composition forgiven), else with
    /// diacritics and punctuation folded too (`aterkoppling_datum`).
    static func column(named written: String) -> Column? {
        let key = looseKey(written)
        guard !key.isEmpty else { return nil }
        if let exact = Column.allCases.first(where: { $0.names.contains { looseKey($0) == key } }) { return exact }
        let folded = SearchText.fold(written)
        return Column.allCases.first { $0.names.contains { SearchText.fold($0) == folded } }
    }

    static func looseKey(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// A value as a problem quotes it: enough to find the cell, not a whole pasted document.
    static func shown(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    static func uniqued(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// A cell trimmed, and without the apostrophe a spreadsheet export puts before text that would
    /// otherwise run as a formula (`CSVWriter.neutralised`).
    static func cleaned(_ cell: String) -> String {
        var text = cell
        if text.hasPrefix("'"), let second = text.utf8.dropFirst().first, CSVWriter.formulaStarts.contains(second) {
            text.removeFirst()
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Values

    /// Why a cell holds no value of its column, as a `Result` failure.
    struct Refused: Error, Equatable {
        let reason: DialogueProblem.Reason

        init(_ reason: DialogueProblem.Reason) { self.reason = reason }
    }

    /// A dialogue column's value, read from its cell.
    enum Value: Equatable {
        case text(String)
        case list([String])
        case method(DialogueMethod)
        case status(DialogueStatus)
        case level(ParticipationLevel)
        case flag(Bool)
        case count(Int)
        case day(Day)
    }

    /// A dialogue column's value and the row it was first given on.
    struct Own {
        var value: Value
        var line: Int
        var written: String
    }

    /// The rows of one dialogue as read so far.
    struct Group {
        var line: Int
        var own: [Column: Own] = [:]
        var failed: Set<Column> = []
        var sessions: [DialogueSession] = []
        var sessionLines: [Int] = []

        init(line: Int) { self.line = line }

        func text(_ column: Column) -> String? {
            if case .text(let text)? = own[column]?.value { return text }
            return nil
        }

        func list(_ column: Column) -> [String] {
            if case .list(let items)? = own[column]?.value { return items }
            return []
        }

        func count(_ column: Column) -> Int? {
            if case .count(let count)? = own[column]?.value { return count }
            return nil
        }

        /// The dialogue, with placeholders where a value is missing or could not be read (`problems()`
        /// reports the missing texts; the unreadable are reported already), and what only the
        /// import can tell: a missing method, feedback without a date.
        func values(id: String, name: (Column) -> String) -> (DialogueValues, [DialogueCSVProblem]) {
            var problems: [DialogueCSVProblem] = []
            var method = DialogueMethod.other
            if case .method(let given)? = own[.method]?.value {
                method = given
            } else if !failed.contains(.method) {
                problems.append(DialogueCSVProblem(line: line, column: name(.method), .value(.required)))
            }
            var status = DialogueStatus.planned
            if case .status(let given)? = own[.status]?.value { status = given }
            var level = ParticipationLevel.consult
            if case .level(let given)? = own[.level]?.value { level = given }
            var digital = false
            if case .flag(let given)? = own[.digital]?.value { digital = given }
            var outcome: DialogueOutcome?
            if count(.participants) != nil || count(.contributions) != nil {
                outcome = DialogueOutcome(participants: count(.participants), contributions: count(.contributions))
            }
            var feedback: [DialogueFeedback] = []
            let feedbackColumns: [Column] = [.feedbackDate, .feedbackChannel, .feedbackText]
            if feedbackColumns.contains(where: { own[$0] != nil }) {
                if case .day(let date)? = own[.feedbackDate]?.value {
                    feedback.append(
                        DialogueFeedback(
                            date: date, channel: text(.feedbackChannel) ?? "", text: text(.feedbackText) ?? ""))
                } else if !failed.contains(.feedbackDate) {
                    let given = feedbackColumns.compactMap { own[$0]?.line }.min() ?? line
                    problems.append(DialogueCSVProblem(line: given, column: name(.feedbackDate), .value(.required)))
                }
            }
            let values = DialogueValues(
                id: id, title: text(.title) ?? "", purpose: text(.purpose) ?? "", question: text(.question),
                level: level, method: method, status: status, organiser: text(.organiser) ?? "",
                measures: list(.measures), tags: list(.tags), areas: list(.areas), digital: digital,
                sessions: sessions, outcome: outcome, feedback: feedback)
            return (values, problems)
        }
    }

    /// The value of a dialogue column's non-blank cell, or why it is none.
    static func parse(_ column: Column, _ text: String) -> Result<Value, Refused> {
        switch column {
        case .method: return choice(text, Choices.methods).map(Value.method)
        case .status: return choice(text, Choices.statuses).map(Value.status)
        case .level: return choice(text, Choices.levels).map(Value.level)
        case .digital: return choice(text, Choices.flags).map(Value.flag)
        case .areas, .measures, .tags: return .success(.list(list(text)))
        case .participants, .contributions:
            let digits = text.filter { !$0.isWhitespace }
            guard let count = Int(digits) else { return .failure(Refused(.notANumber(shown(text)))) }
            return .success(.count(count))
        case .feedbackDate:
            guard let day = Day(text) else { return .failure(Refused(.notADate(shown(text)))) }
            return .success(.day(day))
        default: return .success(.text(text))
        }
    }

    /// Items separated by `|`, or by `,` when there is no `|`; blank items dropped.
    static func list(_ text: String) -> [String] {
        let separator: Character = text.contains("|") ? "|" : ","
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The choice `text` names: its stored value or one of its Swedish words, compared without
    /// case, diacritics, spaces and dashes (`Pop-up`, `popup`, `enkat`, `safety walk`).
    static func choice<Choice>(_ text: String, _ choices: [(Choice, [String])]) -> Result<Choice, Refused> {
        let key = choiceKey(text)
        for (choice, words) in choices where words.contains(where: { choiceKey($0) == key }) {
            return .success(choice)
        }
        return .failure(Refused(.unknownChoice(shown(text), allowed: uniqued(choices.flatMap { $0.1.prefix(2) }))))
    }

    static func choiceKey(_ text: String) -> String {
        SearchText.fold(text).filter { $0 != " " }
    }

    /// The choices, each with its stored value first and its Swedish word second (the writer's),
    /// then other words people write.
    enum Choices {
        static let methods: [(DialogueMethod, [String])] = [
            (
                .politicianMeeting,
                ["politicianMeeting", "möte med politiker", "möte med lokala politiker", "politikermöte"]
            ),
            (.workshop, ["workshop", "workshop"]),
            (.safetyWalk, ["safetyWalk", "trygghetsvandring"]),
            (.survey, ["survey", "enkät"]),
            (.digitalConsultation, ["digitalConsultation", "digital konsultation", "digitalt samråd"]),
            (.participatoryBudget, ["participatoryBudget", "medborgarbudget"]),
            (.council, ["council", "råd", "ungdomsråd", "pensionärsråd", "funktionshinderråd"]),
            (.focusGroup, ["focusGroup", "fokusgrupp"]),
            (.popUp, ["popUp", "pop-up"]),
            (.other, ["other", "annan", "annat", "övrigt"]),
        ]
        static let statuses: [(DialogueStatus, [String])] = [
            (.planned, ["planned", "planerad"]),
            (.open, ["open", "öppen", "pågår"]),
            (.awaitingFeedback, ["awaitingFeedback", "inväntar återkoppling", "återkoppling saknas"]),
            (.feedbackGiven, ["feedbackGiven", "återkoppling given", "återkopplad"]),
            (.cancelled, ["cancelled", "inställd", "canceled"]),
        ]
        static let levels: [(ParticipationLevel, [String])] = [
            (.inform, ["inform", "informera", "information"]),
            (.consult, ["consult", "konsultera", "konsultation"]),
            (.involve, ["involve", "involvera", "dialog"]),
            (.collaborate, ["collaborate", "samarbeta", "inflytande"]),
            (.decide, ["decide", "besluta", "medbeslutande"]),
        ]
        static let flags: [(Bool, [String])] = [
            (true, ["true", "ja", "yes", "1", "x"]),
            (false, ["false", "nej", "no", "0"]),
        ]

        /// The Swedish word of a choice, for a Swedish file.
        static func swedish<Choice: Equatable>(_ value: Choice, _ choices: [(Choice, [String])]) -> String? {
            choices.first { $0.0 == value }.flatMap { $0.1.dropFirst().first }
        }
    }

    /// The session of a row, nil when the row has none (every session column blank), or its problems.
    static func session(
        _ text: (Column) -> String, line: Int, name: (Column) -> String
    ) -> Result<DialogueSession?, DialogueCSVProblems> {
        let written = Column.allCases.filter(\.isSession).map { ($0, text($0)) }
        guard written.contains(where: { !$0.1.isEmpty }) else { return .success(nil) }
        var problems: [DialogueCSVProblem] = []
        func problem(_ column: Column, _ reason: DialogueProblem.Reason) {
            problems.append(DialogueCSVProblem(line: line, column: name(column), .value(reason)))
        }
        var start: LocalMoment?
        let startText = text(.start)
        if startText.isEmpty {
            problem(.start, .required)
        } else {
            switch moment(startText) {
            case .success(let found): start = found
            case .failure(let refused): problem(.start, refused.reason)
            }
        }
        var end: LocalMoment?
        let endText = text(.end)
        if !endText.isEmpty {
            if let start, let minute = clock(endText) {
                // `20:00` in the end column: the same day as the start.
                end = LocalMoment(day: start.day, minute: minute)
            } else {
                switch moment(endText) {
                case .success(let found): end = found
                case .failure(let refused): problem(.end, refused.reason)
                }
            }
        }
        var place: DialoguePlace?
        if [.place, .address, .latitude, .longitude].contains(where: { !text($0).isEmpty }) {
            var latitude: Double?
            var longitude: Double?
            for column in [Column.latitude, .longitude] where !text(column).isEmpty {
                switch coordinate(text(column)) {
                case .success(let value) where column == .latitude: latitude = value
                case .success(let value): longitude = value
                case .failure(let refused): problem(column, refused.reason)
                }
            }
            let address = text(.address)
            place = DialoguePlace(
                name: text(.place), address: address.isEmpty ? nil : address, latitude: latitude, longitude: longitude)
        }
        guard problems.isEmpty, let start else { return .failure(DialogueCSVProblems(problems)) }
        return .success(DialogueSession(start: start, end: end, place: place))
    }

    /// `2024-05-12`, `2024-05-12 18:00` (or with `T`, `18.00`, `18:00:00`): a date that is none is
    /// `notADate`, a date with a time that is none `notATime`.
    static func moment(_ text: String) -> Result<LocalMoment, Refused> {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let first = parts.first, let day = Day(String(first)), parts.count <= 2 else {
            return .failure(Refused(.notADate(shown(text))))
        }
        guard parts.count == 2 else { return .success(LocalMoment(day: day)) }
        guard let minute = clock(String(parts[1])) else { return .failure(Refused(.notATime(shown(text)))) }
        return .success(LocalMoment(day: day, minute: minute))
    }

    /// Minutes after midnight of `18:00`, `9:30`, `18.00` or `18:00:00`; nil for anything else.
    static func clock(_ text: String) -> Int? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        if parts.count == 3 && parts[2] != "00" { return nil }
        return hour * 60 + minute
    }

    /// Degrees with a decimal point or a decimal comma (`59,3293`).
    static func coordinate(_ text: String) -> Result<Double, Refused> {
        let decimal: Character = text.contains(",") ? "," : "."
        guard case .success(.value(let value)) = CSVNumber.parse(text, decimal: decimal) else {
            return .failure(Refused(.notANumber(shown(text))))
        }
        return .success(value)
    }

    // MARK: Writing

    /// The dialogues as a table that `read` reads back to the same values: one row per session
    /// (one row with blank session columns for a dialogue without sessions), the dialogue's own
    /// columns on every row. `.excel` writes semicolons, decimal commas and a byte-order mark;
    /// `swedish` Swedish headers and choices (`trygghetsvandring`, `ja`).
    public static func write(
        _ dialogues: [DialogueValues], variant: CSVWriter.Variant = .rfc4180, swedish: Bool = false
    ) -> String {
        var writer = CSVWriter(variant)
        writer.row(header(swedish: swedish))
        for dialogue in dialogues {
            let own = ownCells(dialogue, swedish: swedish)
            let sessions: [DialogueSession?] = dialogue.sessions.isEmpty ? [nil] : dialogue.sessions
            for session in sessions {
                let cells = sessionCells(session, decimal: writer.decimal)
                writer.row(
                    Column.allCases.map { column in (column.isSession ? cells[column] : own[column]) ?? "" })
            }
        }
        return writer.text()
    }

    static func ownCells(_ dialogue: DialogueValues, swedish: Bool) -> [Column: String] {
        func word<Choice: RawRepresentable & Equatable>(_ value: Choice, _ choices: [(Choice, [String])]) -> String
        where Choice.RawValue == String {
            swedish ? Choices.swedish(value, choices) ?? value.rawValue : value.rawValue
        }
        let feedback = dialogue.feedback.first
        let digital = swedish ? (dialogue.digital ? "ja" : "nej") : String(dialogue.digital)
        return [
            .id: dialogue.id, .title: dialogue.title, .purpose: dialogue.purpose, .question: dialogue.question ?? "",
            .method: word(dialogue.method, Choices.methods), .status: word(dialogue.status, Choices.statuses),
            .level: word(dialogue.level, Choices.levels), .organiser: dialogue.organiser,
            .areas: joined(dialogue.areas), .digital: digital, .measures: joined(dialogue.measures),
            .tags: joined(dialogue.tags), .participants: dialogue.outcome?.participants.map(String.init) ?? "",
            .contributions: dialogue.outcome?.contributions.map(String.init) ?? "",
            .feedbackDate: feedback?.date.description ?? "", .feedbackChannel: feedback?.channel ?? "",
            .feedbackText: feedback?.text ?? "",
        ]
    }

    static func sessionCells(_ session: DialogueSession?, decimal: Character) -> [Column: String] {
        guard let session else { return [:] }
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            let written = String(value)
            return decimal == "," ? written.replacingOccurrences(of: ".", with: ",") : written
        }
        return [
            .start: session.start.description, .end: session.end?.description ?? "",
            .place: session.place?.name ?? "", .address: session.place?.address ?? "",
            .latitude: number(session.place?.latitude), .longitude: number(session.place?.longitude),
        ]
    }

    /// Items joined by `|`; a single item holding a comma gets a trailing `|`, or it would read
    /// back as several.
    static func joined(_ items: [String]) -> String {
        let text = items.joined(separator: "|")
        return !text.contains("|") && text.contains(",") ? text + "|" : text
    }
}
