/// One-time voting codes (röstkoder): short enough to type from a printed slip, drawn from a
/// cryptographic generator, in letters and digits no one confuses (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
/// The app stores only their hashes; a code is read back in any case, with or without the
/// dashes and spaces of its print.
public enum VotingCode {
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")
    /// Characters in a code: 25^10 ≈ 9.5 × 10^13 codes, so guessing one among a budget's few
    /// thousand takes billions of tries, which the app's throttle never allows.
    public static let length = 10

    /// A new code, printed in groups of four: `ACDE-FGHJ-KM`.
    public static func make<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        let characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return grouped(String(characters))
    }

    /// `count` distinct codes.
    public static func make<Generator: RandomNumberGenerator>(
        _ count: Int, using generator: inout Generator
    ) -> [String] {
        var codes: [String] = []
        var seen: Set<String> = []
        while codes.count < max(count, 0) {
            let code = make(using: &generator)
            if seen.insert(code).inserted { codes.append(code) }
        }
        return codes
    }

    /// A typed code as stored before hashing: upper case, without spaces and dashes; nil when it
    /// cannot be a code (wrong length, a character outside the alphabet).
    public static func normalised(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "–" }
        guard kept.count == length, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    static func grouped(_ code: String) -> String {
        var out = ""
        for (position, character) in code.enumerated() {
            if position > 0 && position % 4 == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }
}
