/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer)
/// as an identity provider sends it: twelve digits, century first, the last a Luhn check digit.
public enum PersonalIdentityNumber {
    /// The twelve digits, or nil for anything else (ten digits, letters, a failed check digit), so
    /// that no two people can end up with one identity through a value that is not a number.
    public static func normalised(_ text: String) -> String? {
        guard let digits = Luhn.digits(text, separators: ["-"]), digits.count == 12 else { return nil }
        guard Luhn.isValid(Array(digits.suffix(10))) else { return nil }
        return digits.map(String.init).joined()
    }
}
