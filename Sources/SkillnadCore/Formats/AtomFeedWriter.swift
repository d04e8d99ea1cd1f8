import Foundation

/// An Atom (RFC 4287) feed, for feed readers and for other sites that follow Skillnad: the
/// dialogue portal's new dialogues and new feedback, and any other list of dated entries.
///
/// Text goes out as text, never as markup: every title, summary, name and attribute is escaped,
/// and characters that XML 1.0 forbids (control characters other than tab, LF and CR, U+FFFE and
/// U+FFFF) are removed, since one of them makes a conforming reader reject the whole feed.
public enum AtomFeedWriter {
    /// Who wrote the feed or an entry.
    public struct Author: Sendable, Equatable {
        public var name: String
        public var uri: String?
        public var email: String?

        public init(name: String, uri: String? = nil, email: String? = nil) {
            self.name = name
            self.uri = uri
            self.email = email
        }
    }

    /// The feed itself.
    public struct Feed: Sendable, Equatable {
        /// A permanent IRI (`https://…/dialoger/flode`, or a `tag:` URI), never reused.
        public var id: String
        public var title: String
        public var subtitle: String?
        /// The latest change to the feed: normally the newest entry's `updated`.
        public var updated: Date
        /// The feed's own address (`rel="self"`) and the page it mirrors (`rel="alternate"`).
        public var selfLink: String
        public var alternateLink: String?
        public var author: Author
        /// `xml:lang` (`sv`, `en`).
        public var language: String?

        public init(
            id: String, title: String, subtitle: String? = nil, updated: Date, selfLink: String,
            alternateLink: String? = nil, author: Author, language: String? = nil
        ) {
            self.id = id
            self.title = title
            self.subtitle = subtitle
            self.updated = updated
            self.selfLink = selfLink
            self.alternateLink = alternateLink
            self.author = author
            self.language = language
        }
    }

    /// One entry: a new dialogue, new feedback.
    public struct Entry: Sendable, Equatable {
        /// Permanent and unique, so a reader shows a changed entry as changed, not as new.
        public var id: String
        public var title: String
        public var updated: Date
        public var published: Date?
        /// The page of the entry (`rel="alternate"`).
        public var link: String?
        /// Plain text (`type="text"`).
        public var summary: String?
        /// Category terms (`<category term="…"/>`): areas, methods, topics.
        public var categories: [String]
        /// Only when it differs from the feed's author.
        public var author: Author?

        public init(
            id: String, title: String, updated: Date, published: Date? = nil, link: String? = nil,
            summary: String? = nil, categories: [String] = [], author: Author? = nil
        ) {
            self.id = id
            self.title = title
            self.updated = updated
            self.published = published
            self.link = link
            self.summary = summary
            self.categories = categories
            self.author = author
        }
    }

    /// The whole feed as UTF-8 XML, entries in the order given (newest first, as readers expect).
    public static func document(_ feed: Feed, entries: [Entry]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\""
        if let language = feed.language, !language.isEmpty { out += " xml:lang=\"\(escape(language))\"" }
        out += ">\n"
        out += element("id", feed.id, indent: 1)
        out += element("title", feed.title, indent: 1, type: true)
        if let subtitle = feed.subtitle, !subtitle.isEmpty {
            out += element("subtitle", subtitle, indent: 1, type: true)
        }
        out += element("updated", timestamp(feed.updated), indent: 1)
        out += link(feed.selfLink, rel: "self", type: "application/atom+xml", indent: 1)
        if let alternate = feed.alternateLink, !alternate.isEmpty {
            out += link(alternate, rel: "alternate", type: "text/html", indent: 1)
        }
        out += author(feed.author, indent: 1)
        for entry in entries {
            out += "  <entry>\n"
            out += element("id", entry.id, indent: 2)
            out += element("title", entry.title, indent: 2, type: true)
            out += element("updated", timestamp(entry.updated), indent: 2)
            if let published = entry.published { out += element("published", timestamp(published), indent: 2) }
            if let href = entry.link, !href.isEmpty {
                out += link(href, rel: "alternate", type: "text/html", indent: 2)
            }
            if let entryAuthor = entry.author { out += author(entryAuthor, indent: 2) }
            if let summary = entry.summary, !summary.isEmpty {
                out += element("summary", summary, indent: 2, type: true)
            }
            for term in entry.categories where !term.isEmpty {
                out += "    <category term=\"\(escape(term))\"/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    static func element(_ name: String, _ text: String, indent: Int, type: Bool = false) -> String {
        let spaces = String(repeating: "  ", count: indent)
        let attribute = type ? " type=\"text\"" : ""
        return "\(spaces)<\(name)\(attribute)>\(escape(text))</\(name)>\n"
    }

    static func link(_ href: String, rel: String, type: String, indent: Int) -> String {
        let spaces = String(repeating: "  ", count: indent)
        return "\(spaces)<link rel=\"\(rel)\" type=\"\(type)\" href=\"\(escape(href))\"/>\n"
    }

    static func author(_ author: Author, indent: Int) -> String {
        let spaces = String(repeating: "  ", count: indent)
        var out = "\(spaces)<author>\n"
        out += element("name", author.name, indent: indent + 1)
        if let uri = author.uri, !uri.isEmpty { out += element("uri", uri, indent: indent + 1) }
        if let email = author.email, !email.isEmpty { out += element("email", email, indent: indent + 1) }
        out += "\(spaces)</author>\n"
        return out
    }

    /// RFC 3339 in UTC, whole seconds: `2024-05-12T16:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// Text for an element or an attribute: `&`, `<`, `>`, `"` and `'` as entities; tab, LF and
    /// CR as character references (a parser would otherwise turn them into spaces in an attribute
    /// and a CR into LF in text); characters XML 1.0 forbids removed.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;".unicodeScalars
            case "<": out += "&lt;".unicodeScalars
            case ">": out += "&gt;".unicodeScalars
            case "\"": out += "&quot;".unicodeScalars
            case "'": out += "&apos;".unicodeScalars
            case "\t": out += "&#9;".unicodeScalars
            case "\n": out += "&#10;".unicodeScalars
            case "\r": out += "&#13;".unicodeScalars
            default:
                if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// XML 1.0's `Char` production, less the tab and line ends handled above. Swift strings hold no
    /// lone surrogates, so only the C0 controls and the two non-characters remain to drop.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 && value != 0xFFFE && value != 0xFFFF
    }
}
