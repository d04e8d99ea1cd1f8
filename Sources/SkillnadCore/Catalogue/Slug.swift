/// Address-friendly ids made from names: "Skärholmens stadsdelsnämnd" → "skarholmens-stadsdelsnamnd".
///
/// Built on `SearchText.fold`, so slugs and search agree on what a letter is (å ä → a, ö → o).
/// Only a–z, 0–9 and single inner hyphens remain, so a slug never needs escaping in an address.
public enum Slug {
    /// The longest slug made; longer ones are cut at a hyphen so no word is broken.
    static let maxLength = 80

    /// Folded words joined by hyphens, at most 80 characters (cut at a hyphen when possible),
    /// never empty: text without any letter a–z or digit gives "x".
    public static func make(_ s: String) -> String {
        let asciiWords = SearchText.fold(s).split { c in
            !(c.isASCII && (c.isLetter || c.isNumber))
        }
        var slug = asciiWords.joined(separator: "-")
        if slug.count > maxLength {
            let cut = slug.prefix(maxLength)
            if slug[cut.endIndex] == "-" {
                slug = String(cut)
            } else if let lastHyphen = cut.lastIndex(of: "-") {
                slug = String(cut[..<lastHyphen])
            } else {
                slug = String(cut)  // a single word longer than the limit
            }
        }
        return slug.isEmpty ? "x" : slug
    }
}
