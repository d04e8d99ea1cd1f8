import Foundation
import Testing

@testable import SkillnadCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The Atom feed of new dialogues and feedback: whatever a title says, the feed is well-formed
/// XML that a reader parses into the entries it should have, with the text as written.
@Suite("Atom feed writer")
struct AtomFeedWriterTests {
    static let updated = Date(timeIntervalSince1970: 1_715_529_600)  // 2024-05-12T16:00:00Z

    static let feed = AtomFeedWriter.Feed(
        id: "https://skillnad.example/dialoger/flode", title: "Medborgardialoger", subtitle: "Nya & återkopplade",
        updated: updated, selfLink: "https://skillnad.example/dialoger/flode.atom?lang=sv&area=husby",
        alternateLink: "https://skillnad.example/dialoger", author: AtomFeedWriter.Author(name: "Stockholms stad"),
        language: "sv")

    static func entry(_ number: Int, title: String, summary: String? = nil, categories: [String] = [])
        -> AtomFeedWriter.Entry
    {
        AtomFeedWriter.Entry(
            id: "https://skillnad.example/dialoger/d-\(number)", title: title, updated: updated,
            published: Date(timeIntervalSince1970: 1_700_000_000),
            link: "https://skillnad.example/dialoger/d-\(number)",
            summary: summary, categories: categories)
    }

    /// What a feed reader gets out of the document: entries' texts and the attributes of links
    /// and categories.
    final class Reading: NSObject, XMLParserDelegate {
        var path: [String] = []
        var text = ""
        var entries = 0
        var entryTitles: [String] = []
        var entrySummaries: [String] = []
        var feedTitle: String?
        var feedID: String?
        var feedUpdated: String?
        var authorName: String?
        var links: [(rel: String, href: String)] = []
        var categories: [String] = []
        var summaryTypes: [String] = []
        var error: (any Error)?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            path.append(elementName)
            text = ""
            switch elementName {
            case "entry": entries += 1
            case "link": links.append((attributes["rel"] ?? "", attributes["href"] ?? ""))
            case "category": categories.append(attributes["term"] ?? "")
            case "summary": summaryTypes.append(attributes["type"] ?? "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            let inEntry = path.contains("entry")
            switch (elementName, inEntry) {
            case ("title", true): entryTitles.append(text)
            case ("summary", true): entrySummaries.append(text)
            case ("title", false): feedTitle = text
            case ("id", false): feedID = text
            case ("updated", false): feedUpdated = text
            case ("name", false): authorName = text
            default: break
            }
            path.removeLast()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }
    }

    static func read(_ xml: String) -> (Bool, Reading) {
        let reading = Reading()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = reading
        let parsed = parser.parse()
        return (parsed, reading)
    }

    @Test("The feed has its id, title, updated time, self and alternate links and author")
    func feedFrame() {
        let xml = AtomFeedWriter.document(Self.feed, entries: [Self.entry(1, title: "Trygghetsvandring")])
        #expect(
            xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(xml.contains("<updated>2024-05-12T16:00:00Z</updated>"))
        #expect(xml.contains("<published>2023-11-14T22:13:20Z</published>"))
        let (parsed, reading) = Self.read(xml)
        #expect(parsed)
        #expect(reading.feedID == Self.feed.id)
        #expect(reading.feedTitle == "Medborgardialoger")
        #expect(reading.feedUpdated == "2024-05-12T16:00:00Z")
        #expect(reading.authorName == "Stockholms stad")
        #expect(reading.links.first?.rel == "self")
        #expect(reading.links.first?.href == Self.feed.selfLink)
        #expect(reading.links.contains { $0.rel == "alternate" && $0.href == "https://skillnad.example/dialoger" })
        #expect(reading.entries == 1)
        #expect(reading.entryTitles == ["Trygghetsvandring"])
    }

    @Test("Hostile titles, summaries and terms are text: the feed parses and reads back as written")
    func hostileText() {
        let hostile = "</title><script>alert('x')</script><title>\"Falsk\" & <b>fet</b>"
        let entries = [
            Self.entry(1, title: hostile, summary: hostile, categories: [hostile, "Husby & Kista"]),
            Self.entry(2, title: "]]><!-- <entry> -->", summary: "<![CDATA[ x ]]>"),
            Self.entry(3, title: "Vanlig dialog i Älvsjö 😀", summary: "Rad 1\nRad 2\r\nRad 3\tflik"),
        ]
        let xml = AtomFeedWriter.document(Self.feed, entries: entries)
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("</title><script>"))
        let (parsed, reading) = Self.read(xml)
        #expect(parsed, "\(String(describing: reading.error))")
        #expect(reading.entries == 3)
        #expect(reading.entryTitles == [hostile, "]]><!-- <entry> -->", "Vanlig dialog i Älvsjö 😀"])
        #expect(reading.entrySummaries == [hostile, "<![CDATA[ x ]]>", "Rad 1\nRad 2\r\nRad 3\tflik"])
        #expect(reading.summaryTypes == ["text", "text", "text"])
        #expect(reading.categories == [hostile, "Husby & Kista"])
        #expect(reading.links.contains { $0.href == "https://skillnad.example/dialoger/flode.atom?lang=sv&area=husby" })
    }

    @Test("Characters XML 1.0 forbids are removed; the feed still parses")
    func controlCharacters() {
        let title = "Dialog\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F} om\u{FFFE}\u{FFFF} parken"
        let xml = AtomFeedWriter.document(
            Self.feed, entries: [Self.entry(1, title: title, summary: "a\u{7}b", categories: ["x\u{1B}y"])])
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let (parsed, reading) = Self.read(xml)
        #expect(parsed, "\(String(describing: reading.error))")
        #expect(reading.entryTitles == ["Dialog om parken"])
        #expect(reading.entrySummaries == ["ab"])
        #expect(reading.categories == ["xy"])
    }

    @Test("Escaping covers the five XML characters, and tab and line ends as references")
    func escaping() {
        #expect(AtomFeedWriter.escape("&<>\"'") == "&amp;&lt;&gt;&quot;&apos;")
        #expect(AtomFeedWriter.escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(AtomFeedWriter.escape("å\u{0}\u{1F}ö") == "åö")
    }

    @Test("A feed of many entries parses with as many entries, in order")
    func manyEntries() {
        let entries = (1...250).map { Self.entry($0, title: "Dialog \($0) <&>", categories: ["område-\($0 % 7)"]) }
        let (parsed, reading) = Self.read(AtomFeedWriter.document(Self.feed, entries: entries))
        #expect(parsed)
        #expect(reading.entries == 250)
        #expect(reading.entryTitles.last == "Dialog 250 <&>")
    }
}
