/// Reads a page's forms as a browser would send them.
enum HTMLForm {
    /// The value of the first field of that name (a hidden field's, such as `_csrf`); empty when
    /// the page has none.
    static func value(of name: String, in html: String) -> String {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The name → value pairs of a page's form fields (inputs and textareas).
    static func fields(in html: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in html.components(separatedBy: "<input ").dropFirst() {
            guard let name = part.slice("name=\"", "\"") else { continue }
            let tag = part.prefix { $0 != ">" }
            // A box not ticked is not sent.
            let box = tag.contains("type=\"checkbox\"") || tag.contains("type=\"radio\"")
            if box && !tag.contains(" checked") { continue }
            if tag.contains("type=\"file\"") { continue }
            fields[name] = unescape(part.slice("value=\"", "\"") ?? "")
        }
        // A list sends its selected option, or its first.
        for part in html.components(separatedBy: "<select ").dropFirst() {
            guard let name = part.slice("name=\"", "\""), let list = part.slice(">", "</select>") else { continue }
            let options = list.components(separatedBy: "<option ").dropFirst()
            let chosen = options.first { $0.prefix { $0 != ">" }.contains(" selected") } ?? options.first
            fields[name] = unescape(chosen?.slice("value=\"", "\"") ?? "")
        }
        for part in html.components(separatedBy: "<textarea ").dropFirst() {
            guard let name = part.slice("name=\"", "\""), let text = part.slice(">", "</textarea>") else {
                continue
            }
            fields[name] = unescape(text)
        }
        return fields
    }

    /// Undoes the escaping Leaf's `#( )` does.
    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
