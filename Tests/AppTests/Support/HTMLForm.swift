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
            fields[name] = unescape(part.slice("value=\"", "\"") ?? "")
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
