import Foundation

/// Makes the text of a laid-out document (a PDF's pages, a plain text file) read as paragraphs
/// with whole sentences:
/// - lines that repeat at the top or bottom of most pages ("Tjänsteutlåtande", "Sida 2 (10)",
///   the diary number) are the page headers and footers: taken out of the text and kept once as
///   its margins, and a lone page number too;
/// - lines are joined into paragraphs, a word hyphenated at a line's end joined whole
///   (`arbets-` + `marknaden` → `arbetsmarknaden`; `FN-` + `konventionen` keeps its hyphen);
/// - blank lines end paragraphs, unless nearly every line is followed by one (text extracted with
///   double line spacing); a sentence's end before a capital ends one too, so a paragraph may be
///   cut in two but a sentence never is; bullets begin paragraphs; a short line without
///   punctuation between two paragraphs is a heading.
public enum StatementCleaner {
    /// How many lines at the top and at the bottom of a page may be header or footer.
    static let marginLines = 4

    public static func clean(pages: [String]) -> StatementText {
        let pageLines = pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        // How many pages have each shape among their first and last lines.
        var seen: [String: Int] = [:]
        for lines in pageLines {
            var shapes = Set<String>()
            for line in edges(lines) { shapes.insert(shape(line)) }
            for shape in shapes { seen[shape, default: 0] += 1 }
        }
        let needed = max(2, (pageLines.count + 1) / 2)
        var margins: [String] = []
        var marginShapes: Set<String> = []
        var lines: [(text: String, page: Int)] = []
        for (number, pageLine) in pageLines.enumerated() {
            let edge = Set(edgeIndexes(pageLine))
            for (index, line) in pageLine.enumerated() {
                let isMargin =
                    edge.contains(index) && !line.isEmpty
                    && ((pageLines.count > 1 && seen[shape(line), default: 0] >= needed) || isPageNumber(line))
                if isMargin {
                    // Once per shape: "Sida 1 (3)" stands for every page's number.
                    if marginShapes.insert(shape(line)).inserted { margins.append(line) }
                } else {
                    lines.append((line, number + 1))
                }
            }
            // A page ends a line, even when its text had no line break at the end.
            lines.append(("", number + 1))
        }
        return StatementText(
            format: .pdf, paragraphs: paragraphs(lines, pageBreaks: true), margins: margins, pages: pages.count)
    }

    /// Paragraphs of lines without pages (plain text).
    static func paragraphs(_ lines: [String], page: Int?) -> [StatementText.Paragraph] {
        paragraphs(lines.map { ($0.trimmingCharacters(in: .whitespaces), page ?? 0) }, pageBreaks: false).map {
            var paragraph = $0
            if page == nil { paragraph.page = nil }
            return paragraph
        }
    }

    static func paragraphs(_ lines: [(text: String, page: Int)], pageBreaks: Bool) -> [StatementText.Paragraph] {
        let filled = lines.indices.filter { !lines[$0].text.isEmpty }
        // Double spacing: most filled lines are followed by exactly one blank line and then text.
        var spaced = 0
        for index in filled
        where index + 2 < lines.count && lines[index + 1].text.isEmpty && !lines[index + 2].text.isEmpty {
            spaced += 1
        }
        let doubleSpaced = filled.count >= 4 && spaced * 10 >= filled.count * 6
        var result: [StatementText.Paragraph] = []
        var current = ""
        var currentPage = 0
        var previousEnded = true
        func finish() {
            let text = current.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { result.append(StatementText.Paragraph(text, page: pageBreaks ? currentPage : nil)) }
            current = ""
        }
        for (position, index) in filled.enumerated() {
            let line = collapse(lines[index].text)
            let next = position + 1 < filled.count ? collapse(lines[filled[position + 1]].text) : nil
            let blankBefore = position > 0 && filled[position - 1] < index - 1
            let newPage = position > 0 && lines[filled[position - 1]].page != lines[index].page
            var breaks = current.isEmpty || isBullet(line)
            if blankBefore && !doubleSpaced && !newPage { breaks = true }
            // A sentence's end before a capital may end a paragraph; taken as one, sentences stay whole.
            if endsSentence(current) && (doubleSpaced || newPage || startsUpper(line)) { breaks = true }
            let heading =
                previousEnded && line.count <= 70 && !endsSentence(line) && !line.hasSuffix(",")
                && !line.hasSuffix("-") && startsUpper(line) && (next.map(startsUpper) ?? false) && !isBullet(line)
                && (next.map { !isBullet($0) } ?? true)
            if breaks || heading { finish() }
            if current.isEmpty {
                current = line
                currentPage = lines[index].page
            } else {
                current = join(current, line)
            }
            if heading {
                let text = current
                current = ""
                result.append(StatementText.Paragraph(text, heading: 2, page: pageBreaks ? currentPage : nil))
                previousEnded = true
                continue
            }
            previousEnded = endsSentence(current) || (next.map(isBullet) ?? true)
        }
        finish()
        return result
    }

    /// Two lines of one paragraph as one text: a hyphenated word joined whole.
    static func join(_ first: String, _ second: String) -> String {
        guard first.hasSuffix("-"), let before = first.dropLast().last, before.isLetter,
            let after = second.first, after.isLetter, after.isLowercase
        else { return first + " " + second }
        return before.isLowercase ? String(first.dropLast()) + second : first + second
    }

    /// A line's shape for comparing headers across pages: numbers as `#`, case and spacing folded.
    static func shape(_ line: String) -> String {
        var result = ""
        var lastDigit = false
        for character in collapse(line).lowercased() {
            if character.isNumber {
                if !lastDigit { result.append("#") }
                lastDigit = true
            } else {
                result.append(character)
                lastDigit = false
            }
        }
        return result
    }

    /// "3", "Sida 3 (10)", "3 (10)", "Page 3 of 10", "- 3 -": a page number alone on its line.
    static func isPageNumber(_ line: String) -> Bool {
        let folded = shape(line).replacingOccurrences(of: " ", with: "")
        return ["#", "sida#", "sida#(#)", "#(#)", "page#", "page#of#", "-#-", "#/#", "sida#av#", "s.#"].contains(folded)
    }

    private static func edgeIndexes(_ lines: [String]) -> [Int] {
        let filled = lines.indices.filter { !lines[$0].isEmpty }
        return Array(filled.prefix(marginLines)) + Array(filled.suffix(marginLines))
    }

    private static func edges(_ lines: [String]) -> [String] {
        edgeIndexes(lines).map { lines[$0] }
    }

    private static func collapse(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?:;".contains(last)
    }

    private static func startsUpper(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase || first.isNumber
    }

    /// A bullet or dash that begins a list item; includes the private-use bullet PDFs extract.
    static func isBullet(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if ["•", "◦", "▪", "●", "–", "-", "*", ""].contains(String(first)) {
            return line.count > 1 && line.unicodeScalars.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? false
                || first.properties.generalCategory == .privateUse
        }
        return first.properties.generalCategory == .privateUse
    }
}
