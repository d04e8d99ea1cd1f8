/// Resolves a measure code as a document wrote it ("A2.3.1", "förslag 2.4.1", "(4.1.1)") to one
/// measure of one report, or says precisely why it cannot.
///
/// A code is only unique within a report (4.1.1 exists in several), so nothing is guessed silently:
/// - A letter picks the report with that letter, and the code must exist there. The letter wins over
///   a context report with another letter, because the document said explicitly which report it means.
/// - A letterless code with a context report means that report's code, with the report's letter added
///   ("2.4.1" in a statement about report A → A.2.4.1). It is not looked for in other reports.
/// - A letterless code without context is found when exactly one report has those numbers (letters
///   ignored); several give `.ambiguous`, none `.unknown`.
///
/// Reasons are short English sentences naming the code as written and its canonical form; callers
/// may translate them.
public struct MeasureCodeResolver: Sendable {
    /// One report (rapport) and the codes of its measures.
    public struct Report: Sendable {
        public let id: String
        /// Uppercase letter the report's codes carry, or nil.
        public let letter: String?
        /// Canonical codes, carrying the report's letter when it has one.
        public let codes: Set<MeasureCode>

        /// The codes are normalised to the report's letter (added, replaced or removed), so a caller
        /// may pass them with or without it. A letter is trimmed and uppercased; "" means none.
        public init(id: String, letter: String?, codes: Set<MeasureCode>) {
            let trimmed = letter?.trimmingCharacters(in: .whitespaces).uppercased()
            let normalized = (trimmed?.isEmpty ?? true) ? nil : trimmed
            self.id = id
            self.letter = normalized
            self.codes = Set(codes.map { $0.withLetter(normalized) })
        }
    }

    /// The reports, in the order given. Ids should be unique; for a repeated id the first one is used.
    private let reports: [Report]

    public init(reports: [Report]) {
        self.reports = reports
    }

    /// - Parameters:
    ///   - text: what a document wrote ("A2.3.1", "förslag 2.4.1", "(4.1.1)").
    ///   - contextReport: id of the report the document is about, if known.
    public func resolve(_ text: String, contextReport: String? = nil) -> Resolution {
        let written = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let code = MeasureCode.parse(text) else {
            return .malformed(reason: "\(quoted(written)) is not a measure code (expected e.g. A.2.3.1 or 4.1.1).")
        }
        let subject = written == code.canonical ? code.canonical : "\(code.canonical) (written \(quoted(written)))"

        if let letter = code.letter {
            let lettered = reports.filter { $0.letter == letter }
            if lettered.isEmpty {
                return .unknown(reason: "\(subject): no report has letter \(letter).")
            }
            let having = lettered.filter { $0.codes.contains(code) }
            switch having.count {
            case 0:
                let ids = lettered.map { quoted($0.id) }
                return .unknown(reason: "\(subject): report \(list(ids)) has no such measure.")
            case 1:
                return .found(reportID: having[0].id, code: code)
            default:
                let candidates = having.map { Candidate(reportID: $0.id, code: code) }.sorted()
                return .ambiguous(
                    candidates: candidates,
                    reason:
                        "\(subject) exists in reports \(describe(candidates)), which share letter \(letter); name the report."
                )
            }
        }

        if let contextID = contextReport {
            guard let report = reports.first(where: { $0.id == contextID }) else {
                return .unknown(reason: "\(subject): there is no report \(quoted(contextID)) to look it up in.")
            }
            let inReport = code.withLetter(report.letter)
            guard report.codes.contains(inReport) else {
                return .unknown(reason: "\(subject): report \(quoted(report.id)) has no measure \(inReport.canonical).")
            }
            return .found(reportID: report.id, code: inReport)
        }

        let candidates = reports.compactMap { report -> Candidate? in
            let inReport = code.withLetter(report.letter)
            return report.codes.contains(inReport) ? Candidate(reportID: report.id, code: inReport) : nil
        }.sorted()
        switch candidates.count {
        case 0:
            return .unknown(reason: "\(subject): no report has a measure \(code.canonical).")
        case 1:
            return .found(reportID: candidates[0].reportID, code: candidates[0].code)
        default:
            return .ambiguous(
                candidates: candidates,
                reason: "\(subject) exists in reports \(describe(candidates)); name the report.")
        }
    }

    private func quoted(_ s: String) -> String {
        let short = s.count > 40 ? String(s.prefix(40)) + "…" : s
        return "\"\(short)\""
    }

    /// `"x" (B.4.1.1) and "y" (4.1.1)`.
    private func describe(_ candidates: [Candidate]) -> String {
        list(candidates.map { "\(quoted($0.reportID)) (\($0.code.canonical))" })
    }

    /// "a", "a and b", "a, b and c".
    private func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// The outcome of resolving a written code.
public enum Resolution: Sendable, Equatable {
    /// Exactly one measure: the report and its canonical code (with the report's letter, if any).
    case found(reportID: String, code: MeasureCode)
    /// A well-formed code that matches no measure; the reason says why.
    case unknown(reason: String)
    /// A code that several reports have; candidates are sorted by code, then report id.
    case ambiguous(candidates: [Candidate], reason: String)
    /// Text that is not one code at all.
    case malformed(reason: String)
}

/// One possible meaning of an ambiguous code.
public struct Candidate: Sendable, Equatable, Hashable {
    public let reportID: String
    public let code: MeasureCode

    public init(reportID: String, code: MeasureCode) {
        self.reportID = reportID
        self.code = code
    }
}

extension Candidate: Comparable {
    /// By code (letterless first, then by letter and numbers), then by report id.
    public static func < (a: Candidate, b: Candidate) -> Bool {
        a.code != b.code ? a.code < b.code : a.reportID < b.reportID
    }
}
