import Foundation
import SkillnadCore

/// One answer (remissvar) at one revision as an archive package's content: the answer as readable
/// text and as JSON, its positions as CSV and JSON, the documents the body attached, its
/// description and its events.
struct AnswerPackage: Sendable {
    /// An answer as it was submitted (or declined), with what the package needs beside it.
    struct Item: Sendable {
        let answerID: UUID
        let revision: Int
        let round: ReferralDocument.Round
        let answer: ReferralDocument.Answer
        /// The documents attached to this revision, by id; their bytes are read as it is written.
        let attachmentIDs: [UUID]
        var attachments: [(filename: String, contentType: String, data: Data)] = []
        /// The day an export's `--since` compares: submitted, else decided, else last changed.
        let day: Day
        /// The revision this one corrects, if it is a correction.
        let corrects: Correction?
        /// When the answer was begun in Skillnad, from the audit trail; nil for an imported one.
        var begunAt: Date? = nil
    }

    /// What a correction replaces: the revision before it, when that was replaced, and the last
    /// revision archived before it with its package (none when no earlier revision was archived).
    struct Correction: Sendable {
        let revision: Int
        let replacedAt: Date
        let archived: (revision: Int, packageID: String)?
    }

    let item: Item
    let index: CatalogueIndex
    let organisation: ArchiveOrganisation

    private var texts: Texts { Texts(.sv) }

    func name(of body: String) -> String { index.bodyByID[body]?.name ?? body }

    var title: String {
        Strings.fill(texts[.archiveAnswerTitle], name(of: item.answer.body), item.round.title)
    }

    func content(exportedAt: Date) -> SubmissionPackage.Content {
        let answer = item.answer
        let measures = answer.positions.map { position in
            let measure = index.measureByPublicID[position.measure]
            return [measure?.code, measure?.title].compactMap { $0 }.joined(separator: " ")
                + (measure == nil ? position.measure : "")
        }
        var paragraphs = [Strings.fill(texts[.archiveMeasuresIntro], item.round.title)]
        if measures.isEmpty { paragraphs[0] = item.round.title }
        let replaces = item.corrects?.archived
        if let replaces {
            paragraphs.append(Strings.fill(texts[.archiveCorrects], replaces.packageID, String(replaces.revision)))
        }
        let diaryNumber = answer.diaryNumber.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let description = ArchivalDescription(
            title: title, reference: diaryNumber, origination: name(of: answer.body),
            dates: [answer.decidedOn, answer.submittedOn].compactMap { $0 }.sorted(), paragraphs: paragraphs,
            items: measures, revised: replaces != nil)
        return SubmissionPackage.Content(
            label: title, description: description, data: dataFiles(), events: events(exportedAt: exportedAt),
            agents: agents, replaces: replaces?.packageID)
    }

    var software: PreservationAgent {
        PreservationAgent(
            id: ArchiveSettings.software.name, name: ArchiveSettings.software.name, type: "software",
            version: ArchiveSettings.software.version)
    }

    var agents: [PreservationAgent] {
        [
            software,
            PreservationAgent(id: organisation.organisationNumber, name: organisation.name, type: "organization"),
            PreservationAgent(id: "body:\(item.answer.body)", name: name(of: item.answer.body), type: "organization"),
        ]
    }

    func events(exportedAt: Date) -> [PreservationEvent] {
        let answer = item.answer
        let body = (id: "body:\(answer.body)", role: "implementer")
        let bodyName = name(of: answer.body)
        var events: [PreservationEvent] = []
        if let begun = item.begunAt {
            events.append(
                PreservationEvent(
                    type: "creation", date: AtomFeedWriter.timestamp(begun),
                    detail: Strings.fill(texts[.archiveEventBegun], bodyName), agents: [body]))
        }
        if let corrects = item.corrects {
            var detail = Strings.fill(texts[.archiveEventCorrected], String(corrects.revision), String(item.revision))
            if let archived = corrects.archived {
                detail += " " + Strings.fill(texts[.archiveCorrects], archived.packageID, String(archived.revision))
            }
            events.append(
                PreservationEvent(
                    type: "correction", date: AtomFeedWriter.timestamp(corrects.replacedAt), detail: detail,
                    agents: [body]))
        }
        if answer.status == .declined {
            // Declining stamps the day as submitted too; the event is the decision not to answer.
            events.append(
                PreservationEvent(
                    type: "decision", date: (answer.decidedOn ?? answer.submittedOn ?? item.day).description,
                    detail: Strings.fill(texts[.archiveEventDeclined], bodyName), agents: [body]))
        } else {
            if let decided = answer.decidedOn {
                events.append(
                    PreservationEvent(
                        type: "decision", date: decided.description,
                        detail: Strings.fill(texts[.archiveEventDecided], bodyName), agents: [body]))
            }
            if let submitted = answer.submittedOn {
                events.append(
                    PreservationEvent(
                        type: "submission", date: submitted.description,
                        detail: Strings.fill(texts[.archiveEventSubmitted], bodyName), agents: [body]))
            }
        }
        let stamp = AtomFeedWriter.timestamp(exportedAt)
        let program = (id: software.id, role: "executing program")
        events.append(
            PreservationEvent(
                type: "packing", date: stamp, detail: texts[.archiveEventCreated],
                agents: [program, (id: organisation.organisationNumber, role: "authorizer")]))
        events.append(
            PreservationEvent(
                type: "message digest calculation", date: stamp, detail: texts[.archiveEventDigest],
                agents: [program]))
        return events
    }

    func dataFiles() -> [ArchiveFile] {
        let rows = ReferralExport.rows(for: item.answer, round: item.round, index: index)
        let table = rows.map { Dictionary(uniqueKeysWithValues: zip(ReferralExport.header, $0)) }
        var files = [
            ArchiveFile(path: "remissvar.txt", data: Data(readable().utf8), format: .plainText),
            ArchiveFile(path: "remissvar.json", data: Data(ReferralStore.encode(item.answer).utf8), format: .json),
            ArchiveFile(
                path: "stallningstaganden.csv",
                data: Data(CSVText.table(header: ReferralExport.header, rows: rows, swedish: false).utf8),
                format: .csv),
            ArchiveFile(path: "stallningstaganden.json", data: Data(ReferralStore.encode(table).utf8), format: .json),
        ]
        let names = ArchiveFile.distinctNames(item.attachments.map(\.filename))
        for (attachment, name) in zip(item.attachments, names) {
            files.append(
                ArchiveFile(
                    path: "originalhandlingar/\(name)", data: attachment.data,
                    format: .document(attachment.data, mediaType: attachment.contentType),
                    originalName: attachment.filename))
        }
        return files
    }

    /// The answer as plain text in Swedish, for reading without any program but a text editor.
    func readable() -> String {
        let answer = item.answer
        let s = texts
        var lines = [title, String(repeating: "=", count: min(title.count, 100)), ""]
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("\(label): \(value)")
        }
        fact(
            s[.archiveRound],
            Strings.fill(
                s[.archiveRoundOf], item.round.title, item.round.sentOn.description, name(of: item.round.sender)))
        fact(s[.senderDiaryNumber], item.round.senderDiaryNumber)
        fact(s[.archiveBody], name(of: answer.body))
        fact(s[.diaryNumber], answer.diaryNumber)
        fact(s[.archiveStatus], s.label(answer.status))
        fact(s[.archiveRevision], String(item.revision))
        fact(s[.decidedOn], answer.decidedOn?.description)
        fact(s[.submittedOn], answer.submittedOn?.description)
        fact(s[.jointWith], answer.jointWith.map { $0.map(name(of:)).joined(separator: ", ") })
        func section(_ heading: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            lines += ["", heading, String(repeating: "-", count: heading.count), text]
        }
        section(s[.declineReason], answer.declineReason)
        section(s[.summaryLabel], answer.summary)
        section(s[.proposedDecision], answer.proposedDecision)
        let answered = zip(item.round.questions, answer.questionAnswers ?? []).filter { !$0.1.isEmpty }
        if !answered.isEmpty {
            section(s[.archiveQuestions], answered.map { "\($0.0)\n\($0.1)" }.joined(separator: "\n\n"))
        }
        section(s[.furtherChallenges], answer.furtherChallenges)
        if !answer.positions.isEmpty {
            let entries = answer.positions.map { position -> String in
                let measure = index.measureByPublicID[position.measure]
                var entry =
                    "\(measure?.code ?? position.measure) \(measure?.title ?? ""): \(s.label(position.position))"
                if let works = position.alreadyWorks {
                    entry += "\n  \(s[.alreadyWorks]): \(works ? s[.alreadyWorksYes] : s[.alreadyWorksNo])"
                }
                if let prerequisites = position.prerequisites, !prerequisites.isEmpty {
                    entry += "\n  \(prerequisites)"
                }
                if let text = position.text, !text.isEmpty { entry += "\n  \(text)" }
                return entry
            }
            section(s[.archivePositions], entries.joined(separator: "\n"))
        }
        if !item.attachments.isEmpty {
            section(s[.archiveOriginals], item.attachments.map(\.filename).joined(separator: "\n"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
