import Foundation

/// Reads a PDF statement's text layer through `pdftotext` from Debian's poppler-utils (a real
/// dependency: the README and CI install it). Pages come back separated by form feeds; the
/// repeating headers and footers and the hyphenation at line ends are cleaned by
/// `StatementCleaner`. A PDF whose pages hold almost no text is a scan and is reported as such.
public enum PDFTextReader {
    /// Where to look for the tool besides `PATH`.
    static let places = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    public static var toolPath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/pdftotext" } + places
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func read(_ data: Data) throws(StatementReadProblem) -> StatementText {
        guard let tool = toolPath else { throw StatementReadProblem(.pdfToolMissing) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skillnad-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("statement.pdf")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            throw StatementReadProblem(.corrupt(detail: "the PDF could not be written to a temporary file"))
        }
        // One page past the limit tells a long document from one at the limit, without reading all of it.
        let (status, output, errors) = run(
            tool, ["-enc", "UTF-8", "-eol", "unix", "-l", String(StatementReader.maxPages + 1), input.path, "-"])
        guard status == 0 else {
            let message = String(decoding: errors, as: UTF8.self)
            if message.localizedCaseInsensitiveContains("password") { throw StatementReadProblem(.encryptedPDF) }
            let first = message.split(separator: "\n").first.map(String.init) ?? "pdftotext stopped (\(status))"
            throw StatementReadProblem(.corrupt(detail: String(first.prefix(200))))
        }
        let text = String(decoding: output, as: UTF8.self)
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // pdftotext ends every page with a form feed, so the last piece is empty.
        if pages.count > 1, pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            pages.removeLast()
        }
        if pages.count > StatementReader.maxPages {
            throw StatementReadProblem(.tooManyPages(pages: pages.count, limit: StatementReader.maxPages))
        }
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
        if letters < 20 * max(pages.count, 1) / 2 { throw StatementReadProblem(.noTextLayer(pages: pages.count)) }
        return StatementCleaner.clean(pages: pages)
    }

    /// Runs the tool and reads what it printed; a tool that cannot start is reported as missing.
    private static func run(_ tool: String, _ arguments: [String]) -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return (127, Data(), Data("pdftotext could not be started".utf8))
        }
        // Read both pipes to the end before waiting, so a full pipe never blocks the tool.
        let errorReader = DispatchQueue(label: "pdftotext-errors")
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        errorReader.async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, errorData)
    }
}
