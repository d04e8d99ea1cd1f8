import Vapor

/// The language a page is shown in: Swedish first, English on request.
enum Lang: String, Codable, Sendable, CaseIterable {
    case sv, en

    /// `?lang=` wins; then the browser's Accept-Language; then Swedish.
    static func of(_ req: Request) -> Lang {
        if let q = req.query[String.self, at: "lang"], let l = Lang(rawValue: q.lowercased()) { return l }
        return fromAcceptLanguage(req.headers.first(name: .acceptLanguage))
    }

    /// Picks the first of sv/en by quality value; Swedish when neither is named.
    static func fromAcceptLanguage(_ header: String?) -> Lang {
        guard let header else { return .sv }
        var best: (Lang, Double)? = nil
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let lang: Lang? = primary == "sv" ? .sv : primary == "en" ? .en : nil
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            if let lang, q > 0, q > (best?.1 ?? -1) { best = (lang, q) }
        }
        return best?.0 ?? .sv
    }

    var other: Lang { self == .sv ? .en : .sv }

    /// Chooses the English text where there is one, otherwise the Swedish, and says which.
    func pick(_ sv: String, _ en: String?) -> LocalText {
        if self == .en, let en, !en.isEmpty { return LocalText(text: en, lang: "en") }
        return LocalText(text: sv, lang: "sv")
    }
}
