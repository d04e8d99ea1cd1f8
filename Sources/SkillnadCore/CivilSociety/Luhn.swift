/// The Luhn (mod 10) check digit that Swedish organisation numbers, personal identity numbers,
/// bank giro and plus giro numbers all end with.
public enum Luhn {
    /// Whether the digits, check digit last, pass: every second digit from the right doubled
    /// (and its digits summed), the sum a multiple of ten. False for no digits.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let value = position % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    /// The digits of a string, or nil when it holds anything but digits and the separators given.
    static func digits(_ text: String, separators: Set<Character>) -> [Int]? {
        var digits: [Int] = []
        for character in text {
            if let value = character.wholeNumberValue, character.isASCII {
                digits.append(value)
            } else if !separators.contains(character) {
                return nil
            }
        }
        return digits
    }
}
