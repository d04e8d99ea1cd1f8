import Foundation
import Testing
import ZIPFoundation

@testable import SkillnadCore

/// Reading statements as bodies send them: the same statement written as DOCX, ODT and PDF
/// (`tools/statements/make_documents.py` makes them from the `.txt` beside them) reads back to the
/// same paragraphs; tracked changes read as the text now stands; headers and footers become the
/// margins; and every kind of bad file is refused with what is wrong.
@Suite("Statements: reading documents")
struct StatementReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/Statements")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The paragraphs the source says a reader must give back: deleted text and `~` removed.
    static func expected(_ name: String) throws -> (paragraphs: [String], header: [String]) {
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
        var paragraphs: [String] = []
        var header: [String] = []
        for line in source.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            var text = String(line)
            if text.hasPrefix("@label ") { continue }
            if text.hasPrefix("@header ") {
                header = text.dropFirst(8).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            text = text.replacingOccurrences(of: #"\[-.*?-\]"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "[+", with: "").replacingOccurrences(of: "+]", with: "")
            text = text.replacingOccurrences(of: "~", with: "")
            if text.hasPrefix("# ") { text = String(text.dropFirst(2)) }
            if text.hasPrefix("|") {
                paragraphs += text.trimmingCharacters(in: CharacterSet(charactersIn: "| ")).components(
                    separatedBy: "|"
                ).map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            paragraphs.append(text.trimmingCharacters(in: .whitespaces))
        }
        return (paragraphs, header)
    }

    /// Every test statement: the sources beside the documents.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// Runs where pdftotext is installed; CI sets `SKILLNAD_REQUIRE_PDFTOTEXT`, so there a missing
    /// tool fails the tests instead of skipping them.
    static let pdfReadable =
        PDFTextReader.toolPath != nil || ProcessInfo.processInfo.environment["SKILLNAD_REQUIRE_PDFTOTEXT"] != nil

    @Test("DOCX and ODT read to the source's paragraphs exactly, tables cell by cell, headers apart", arguments: names)
    func officeDocuments(name: String) throws {
        let (paragraphs, header) = try Self.expected(name)
        for format in ["docx", "odt"] {
            let text = try StatementReader.read(try Self.data("\(name).\(format)"), fileName: "\(name).\(format)")
            #expect(text.format.rawValue == format)
            #expect(text.paragraphs.map(\.text) == paragraphs, "\(name).\(format)")
            #expect(text.margins.prefix(header.count).map { $0 } == header, "\(name).\(format)")
            #expect(text.paragraphs.first?.heading == 1, "\(name).\(format): the title is a heading")
            #expect(!text.paragraphs.map(\.text).joined().contains("~"))
        }
    }

    @Test("Tracked changes read as the text now stands; a table's cells know their row and column")
    func trackedChangesAndTables() throws {
        for format in ["docx", "odt"] {
            let text = try StatementReader.read(
                try Self.data("rinkeby-kista-dold-potential.\(format)"), fileName: "x.\(format)")
            let joined = text.paragraphs.map(\.text).joined(separator: "\n")
            #expect(joined.contains("Ansvaret bör ligga hos arbetsmarknadsnämnden och inte"), "\(format)")
            #expect(!joined.contains("stadsdelsnämnderna"), "\(format): deleted text is left out")
            let cell = text.paragraphs.first { $0.text == "Tillstyrks" }?.cell
            #expect(cell?.row == 2 && cell?.column == 1, "\(format)")
            #expect(text.paragraphs.contains { $0.text.contains("nås av stadens verksamheter.\tDet gäller") })
        }
    }

    @Test(
        "A PDF reads to whole sentences: headers and page numbers taken out, no word cut at a line's end",
        .enabled(if: pdfReadable))
    func pdf() throws {
        for name in Self.names {
            let (paragraphs, _) = try Self.expected(name)
            let text = try StatementReader.read(try Self.data("\(name).pdf"), fileName: "\(name).pdf")
            #expect(text.format == .pdf && (text.pages ?? 0) >= 1)
            let joined = text.paragraphs.map(\.text).joined(separator: " ")
            // Every sentence of the source, whole (tables are laid out cell by cell in a PDF).
            for paragraph in paragraphs where !paragraph.contains("\t") && paragraph.count > 30 {
                #expect(joined.contains(paragraph), "\(name).pdf: \(paragraph)")
            }
            #expect(!joined.contains("Sida 1 ("), "\(name).pdf: page numbers are margins")
        }
        let long = try StatementReader.read(try Self.data("rinkeby-kista-dold-potential.pdf"), fileName: "a.pdf")
        #expect(long.pages == 2)
        #expect(long.margins.contains("Dnr 112-2016-1.5.1"), "a header on both pages is a margin")
        #expect(!long.paragraphs.contains { $0.text == "Tjänsteutlåtande" })
    }

    @Test("A scanned PDF is reported as one without text", .enabled(if: pdfReadable))
    func scannedPDF() throws {
        #expect(throws: StatementReadProblem(.noTextLayer(pages: 1))) {
            try StatementReader.read(try Self.data("scan.pdf"), fileName: "scan.pdf")
        }
    }

    @Test("Lines become paragraphs: hyphenated words joined, repeated headers and page numbers set apart")
    func cleaning() {
        let pages = [
            "Tjänsteutlåtande\nDnr 2006-152-307\n\nFörvaltningen ser att arbets-\nmarknaden och FN-\nkonventionen "
                + "berörs.\nSamverkan behövs\n\nmed föreningar.\nSida 1 (2)",
            "Tjänsteutlåtande\nDnr 2006-152-307\n\nDen fortsätter på nästa\nsida utan brytning.\nSida 2 (2)",
        ]
        let text = StatementCleaner.clean(pages: pages)
        #expect(text.margins == ["Tjänsteutlåtande", "Dnr 2006-152-307", "Sida 1 (2)"])
        #expect(
            text.paragraphs.map(\.text) == [
                "Förvaltningen ser att arbetsmarknaden och FN-konventionen berörs.", "Samverkan behövs",
                "med föreningar.", "Den fortsätter på nästa sida utan brytning.",
            ])
        #expect(text.paragraphs.map(\.page) == [1, 1, 1, 2])
        // Double spacing (every line followed by a blank one), as seed 003 was extracted.
        let spaced = StatementCleaner.paragraphs(
            [
                "Sammanfattning", "", "Förvaltningen har i stort inget", "", "att erinra.", "", "Den lyfter", "",
                "fram utmaningar.",
            ], page: nil)
        #expect(
            spaced.map(\.text) == [
                "Sammanfattning", "Förvaltningen har i stort inget att erinra.",
                "Den lyfter fram utmaningar.",
            ])
        #expect(spaced.first?.heading == 2)
    }

    @Test("Plain text reads as UTF-8 with its paragraphs; another encoding is refused with its line")
    func plainText() throws {
        let text = try StatementReader.read(Data("Rubrik\n\nEn mening som\nfortsätter.\n".utf8), fileName: "a.txt")
        #expect(text.paragraphs.map(\.text) == ["Rubrik", "En mening som fortsätter."])
        var latin1 = Data("Första raden\n".utf8)
        latin1.append(contentsOf: [0x46, 0xF6, 0x72, 0x0A])  // "För" in ISO 8859-1
        #expect(throws: StatementReadProblem(.notUTF8(line: 2))) {
            try StatementReader.read(latin1, fileName: "a.txt")
        }
    }

    @Test("Bad files are refused by their content, whatever their name says")
    func badFiles() throws {
        // A PNG named .docx.
        #expect(throws: StatementReadProblem(.unknownFormat(fileName: "svar.docx"))) {
            try StatementReader.read(
                Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), fileName: "svar.docx")
        }
        // An old .doc or a password-protected DOCX: a compound file.
        #expect(throws: StatementReadProblem(.compoundFile)) {
            try StatementReader.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), fileName: "a.docx")
        }
        // A DOCX cut in half.
        let whole = try Self.data("socialnamnden-fardplan.docx")
        #expect(throws: StatementReadProblem.self) {
            try StatementReader.read(whole.prefix(whole.count / 2), fileName: "a.docx")
        }
        // A zip without a Word body.
        let archive = try Archive(accessMode: .create)
        try archive.addEntry(with: "note.txt", type: .file, uncompressedSize: Int64(2)) { _, _ in Data("hi".utf8) }
        #expect(throws: StatementReadProblem(.corrupt(detail: "it is a zip, but has no word/document.xml"))) {
            try StatementReader.read(archive.data ?? Data(), fileName: "a.docx")
        }
    }

    @Test("A document far longer than a statement, and text that is not UTF-8, are refused with where")
    func tooLongAndNotUTF8() throws {
        // About 200 pages of text in one DOCX.
        let paragraph =
            "<w:p><w:r><w:t>" + String(repeating: "Förvaltningen tillstyrker förslaget. ", count: 200)
            + "</w:t></w:r></w:p>"
        let body =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + String(repeating: paragraph, count: 80) + "</w:body></w:document>"
        let archive = try Archive(accessMode: .create)
        let xml = Data(body.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(xml.count)) {
            position, length in xml.subdata(in: Int(position)..<Int(position) + length)
        }
        #expect(throws: StatementReadProblem(.tooManyPages(pages: 197, limit: StatementReader.maxPages))) {
            try StatementReader.read(archive.data ?? Data(), fileName: "lang.docx")
        }
        // Latin-1 on the second line.
        #expect(throws: StatementReadProblem(.notUTF8(line: 2))) {
            try StatementReader.read(Data("Yttrande\nF".utf8) + Data([0xF6, 0x72, 0x0A]), fileName: "a.txt")
        }
    }

    @Test("A zip bomb stops at the bound, whatever the zip declares")
    func zipBomb() throws {
        let size = OfficeDocumentReader.maxBytes + 1_000_000
        let archive = try Archive(accessMode: .create)
        let chunk = Data(repeating: 0x20, count: 1_000_000)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { position, length in
            position + Int64(length) <= Int64(size) ? chunk.prefix(length) : Data(count: length)
        }
        let data = try #require(archive.data)
        #expect(data.count < 1_000_000)
        #expect(throws: StatementReadProblem(.tooLarge(limit: OfficeDocumentReader.maxBytes))) {
            try StatementReader.read(data, fileName: "bomb.docx")
        }
    }
}
