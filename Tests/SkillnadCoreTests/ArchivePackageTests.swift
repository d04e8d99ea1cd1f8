import Foundation
import Testing

@testable import SkillnadCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Archive packages made in memory: formats told from bytes, safe file names, and XML that stays
/// well-formed whatever the record says.
@Suite("E-archive packages")
struct ArchivePackageTests {
    static func pdf(_ head: String, _ body: String = "") -> Data {
        Data("\(head)\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\(body)\n%%EOF\n".utf8)
    }

    @Test("A PDF's version and a declared PDF/A level give the PRONOM key")
    func pdfFormats() {
        #expect(FileFormat.document(Self.pdf("%PDF-1.4"), mediaType: "application/pdf").pronom == "fmt/18")
        #expect(FileFormat.document(Self.pdf("%PDF-1.7"), mediaType: "application/pdf").pronom == "fmt/276")
        let elements = Self.pdf("%PDF-1.7", "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
        let declared = FileFormat.document(elements, mediaType: "application/pdf")
        #expect(declared.pronom == "fmt/477" && declared.version == "2b")
        let attributes = Self.pdf("%PDF-1.4", "<rdf:Description pdfaid:part=\"1\" pdfaid:conformance=\"A\"/>")
        #expect(FileFormat.document(attributes, mediaType: "application/pdf").pronom == "fmt/95")
        let unknown = FileFormat.document(Data("MZ\u{0}\u{0}".utf8), mediaType: "application/pdf")
        #expect(unknown.pronom == nil && unknown.name == "Unidentified")
    }

    @Test("File names keep their letters without diacritics and can never climb out of their folder")
    func safeNames() {
        #expect(ArchiveFile.safeName("Yttrande från Skärholmen.pdf") == "Yttrande_fran_Skarholmen.pdf")
        let hostile = ArchiveFile.safeName("../../etc/passwd")
        #expect(!hostile.contains("/") && !hostile.hasPrefix("."))
        #expect(ArchiveFile.safeName("") == "file")
    }

    @Test("Every XML file of a package is well-formed whatever the record says, and METS lists each file's checksum")
    func wellFormed() throws {
        let hostile = "<script>&\"' \u{1}ok]]>"
        let maker = SubmissionPackage.Maker(
            organisation: ArchiveOrganisation(name: "Kommun & \"Stad\"", organisationNumber: "212000-0142"),
            software: ArchiveSoftware(name: "Skillnad", version: "1.0.0"), contentType: "Test <1>",
            schemas: [("mets.xsd", Data("<xs/>".utf8))], documentation: [("beskrivning.txt", "Om paketet")])
        let data = [
            ArchiveFile(path: "svar.txt", data: Data(hostile.utf8), format: .plainText),
            ArchiveFile(
                path: "originalhandlingar/a.pdf", data: Self.pdf("%PDF-1.4"),
                format: .document(Self.pdf("%PDF-1.4"), mediaType: "")),
        ]
        let day = try #require(Day("2017-02-28"))
        let content = SubmissionPackage.Content(
            label: hostile,
            description: ArchivalDescription(
                title: hostile, reference: hostile, origination: hostile, dates: [day],
                paragraphs: [hostile], items: [hostile], revised: true),
            data: data,
            events: [
                PreservationEvent(
                    type: "correction", date: "2017-03-01", detail: hostile, agents: [(hostile, "implementer")])
            ],
            agents: [PreservationAgent(id: hostile, name: hostile, type: "organization")], replaces: "sip-earlier")
        let package = maker.make(id: "sip-test", content: content, created: Date(timeIntervalSince1970: 1_700_000_000))
        let paths = Set(package.files.map(\.path))
        for expected in [
            "METS.xml", "metadata/descriptive/ead.xml", "metadata/preservation/premis.xml",
            "documentation/beskrivning.txt",
            "schemas/mets.xsd", "representations/rep1/METS.xml",
            "representations/rep1/metadata/preservation/premis.xml",
            "representations/rep1/data/svar.txt", "representations/rep1/data/originalhandlingar/a.pdf",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
        for file in package.files where file.path.hasSuffix(".xml") {
            let document = try XMLDocument(data: file.data)
            #expect(document.rootElement() != nil, "\(file.path)")
        }
        let representation = try #require(package.files.first { $0.path == "representations/rep1/METS.xml" })
        let mets = String(decoding: representation.data, as: UTF8.self)
        for file in data {
            #expect(mets.contains("CHECKSUM=\"\(file.checksum)\"") && mets.contains("SIZE=\"\(file.size)\""))
        }
        let root = try #require(package.files.first { $0.path == "METS.xml" })
        #expect(String(decoding: root.data, as: UTF8.self).contains("RECORDSTATUS=\"REPLACEMENT\""))
        #expect(
            ArchiveFile.sha256(Data("abc".utf8)) == "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
    }
}

@Suite("E-archive file names")
struct ArchiveFileNameTests {
    @Test("Uploaded names never collide, even numbered or differing only in case, and a long one keeps its extension")
    func distinct() {
        let names = ArchiveFile.distinctNames(["a.pdf", "2-a.pdf", "a.pdf", "A.PDF", "a.pdf"])
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
        let long = ArchiveFile.safeName(String(repeating: "yttrande ", count: 30) + ".pdf")
        #expect(long.count <= 100 && long.hasSuffix(".pdf"))
    }

    @Test("PREMIS keeps the name a document was uploaded with")
    func originalName() {
        let file = ArchiveFile(
            path: "originalhandlingar/Yttrande_fran_Sodermalm.pdf", data: Data("%PDF-1.4".utf8), format: .plainText,
            originalName: "Yttrande från Södermalm.pdf")
        let premis = PackagePREMIS.document(
            representation: "representations/rep1", files: [file], events: [], agents: [],
            software: ArchiveSoftware(name: "Skillnad", version: "1"), schemas: "")
        #expect(premis.contains("<premis:originalName>Yttrande från Södermalm.pdf</premis:originalName>"))
    }
}
