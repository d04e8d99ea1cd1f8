/// Natural Swedish order (naturlig sortering) for names people read in lists: runs of digits
/// compare as numbers, so "Bromma 2" comes before "Bromma 10", and letters follow the Swedish
/// alphabet, where å, ä and ö come after z (and æ, ø sort as ä, ö; é as e; ü as y). Case and
/// punctuation only break ties, so "Älvsjö" and "ÄLVSJÖ" sit together.
public enum NaturalOrder {
    /// One piece of a name: a run of digits (its number) or a run of other characters (weights).
    enum Piece: Comparable {
        case number(Int, digits: Int)
        case text([Int])

        static func < (left: Piece, right: Piece) -> Bool {
            switch (left, right) {
            case (.number(let one, let oneDigits), .number(let other, let otherDigits)):
                return (one, oneDigits) < (other, otherDigits)
            case (.number, .text):
                return true
            case (.text, .number):
                return false
            case (.text(let one), .text(let other)):
                return one.lexicographicallyPrecedes(other)
            }
        }
    }

    /// True when `left` sorts before `right`.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        let leftKey = key(left)
        let rightKey = key(right)
        if leftKey != rightKey { return leftKey.lexicographicallyPrecedes(rightKey) }
        return left < right
    }

    /// The values sorted by the name each has, in natural Swedish order.
    public static func sorted<Value>(_ values: [Value], by name: (Value) -> String) -> [Value] {
        let keyed = values.map { (key: key(name($0)), name: name($0), value: $0) }
        return keyed.sorted { one, other in
            if one.key != other.key { return one.key.lexicographicallyPrecedes(other.key) }
            return one.name < other.name
        }
        .map(\.value)
    }

    /// The pieces a name compares by.
    static func key(_ name: String) -> [Piece] {
        var pieces: [Piece] = []
        var digits = ""
        var weights: [Int] = []
        func flushDigits() {
            guard !digits.isEmpty else { return }
            let trimmed = digits.drop { $0 == "0" }
            // A run too long for an Int compares by its length first, then its digits as text.
            if let number = Int(trimmed.isEmpty ? "0" : String(trimmed)) {
                pieces.append(.number(number, digits: digits.count))
            } else {
                pieces.append(.number(Int.max, digits: digits.count))
                pieces.append(.text(trimmed.unicodeScalars.map { Int($0.value) }))
            }
            digits = ""
        }
        func flushWeights() {
            guard !weights.isEmpty else { return }
            pieces.append(.text(weights))
            weights = []
        }
        for scalar in name.lowercased().unicodeScalars {
            if ("0"..."9").contains(scalar) {
                flushWeights()
                digits.unicodeScalars.append(scalar)
                continue
            }
            flushDigits()
            if let weight = weight(of: scalar) {
                weights.append(weight)
            } else if !weights.isEmpty, weights.last != separator {
                weights.append(separator)
            }
        }
        flushDigits()
        while weights.last == separator { weights.removeLast() }
        flushWeights()
        return pieces
    }

    /// What spaces, hyphens and punctuation become: one separator that sorts before any letter,
    /// so "Bromma" comes before "Bromma kyrka" and "Bromma-Kyrka".
    static let separator = 0

    /// The weight of a lowercased letter in the Swedish alphabet; nil for what is no letter.
    static func weight(of scalar: Unicode.Scalar) -> Int? {
        if let swedish = swedishLetters[scalar] { return swedish }
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        if ("a"..."z").contains(base) { return Int(base.value - 96) }
        if base.properties.isAlphabetic { return 100 + Int(base.value) }
        return nil
    }

    /// Letters that have their own place after z, or sort as one of them (ü as y).
    static let swedishLetters: [Unicode.Scalar: Int] = [
        "å": 27, "ä": 28, "æ": 28, "ö": 29, "ø": 29, "ü": 25,
    ]
}
