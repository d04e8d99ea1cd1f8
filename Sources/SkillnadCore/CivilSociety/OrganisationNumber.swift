/// A Swedish organisation number (organisationsnummer), as `802000-0000`: ten digits, the last a
/// Luhn check digit, the third at least 2. A personal identity number has a month there (0 or 1)
/// and is refused as such: a sole trader's number is a person's, and the register keeps none.
public struct OrganisationNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ten digits.
    public let digits: String

    public enum Problem: Error, Sendable, Equatable {
        /// Not ten digits (with `16` before them, or a dash or space, also accepted).
        case notTenDigits
        /// The check digit does not match: a typing error.
        case checkDigit
        /// The third digit is 0 or 1, as in a personal identity number's month.
        case personalIdentityNumber
    }

    /// Reads `802000-0000`, `8020000000`, `16802000-0000`; spaces and one dash allowed.
    public init(parsing text: String) throws(Problem) {
        guard var digits = Luhn.digits(text.trimmingCharacters(in: .whitespaces), separators: ["-", " "]) else {
            throw .notTenDigits
        }
        if digits.count == 12, digits.starts(with: [1, 6]) { digits.removeFirst(2) }
        // A century before the number is how a personal identity number is written in full.
        if digits.count == 12, digits.starts(with: [1, 9]) || digits.starts(with: [2, 0]) {
            throw .personalIdentityNumber
        }
        guard digits.count == 10 else { throw .notTenDigits }
        guard digits[2] >= 2 else { throw .personalIdentityNumber }
        guard Luhn.isValid(digits) else { throw .checkDigit }
        self.digits = digits.map(String.init).joined()
    }

    /// `802000-0000`.
    public var description: String { "\(digits.prefix(6))-\(digits.suffix(4))" }

    /// Statistics Sweden's legal form group from the first digit: 8 for non-profit associations
    /// and foundations (ideella föreningar, stiftelser), 7 for economic associations, 5 for
    /// limited companies, 2 for public bodies.
    public var group: Int { Int(String(digits.prefix(1))) ?? 0 }
}

/// A bank giro or plus giro number (bankgiro, plusgiro), the accounts grants are paid to: bank giro
/// as `123-4567` or `1234-5678` (seven or eight digits), plus giro as `12 34 56-7` or `123456-7`
/// (two to eight digits); both end with a Luhn check digit.
public struct GiroNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case bankgiro
        case plusgiro
    }

    public let kind: Kind
    public let digits: String

    public enum Problem: Error, Sendable, Equatable {
        case notDigits
        /// Too few or too many digits for the kind: the allowed range.
        case length(ClosedRange<Int>)
        case checkDigit
    }

    public init(_ kind: Kind, parsing text: String) throws(Problem) {
        guard let digits = Luhn.digits(text.trimmingCharacters(in: .whitespaces), separators: ["-", " "]),
            !digits.isEmpty
        else { throw .notDigits }
        let range = kind == .bankgiro ? 7...8 : 2...8
        guard range.contains(digits.count) else { throw .length(range) }
        guard Luhn.isValid(digits) else { throw .checkDigit }
        self.kind = kind
        self.digits = digits.map(String.init).joined()
    }

    public var description: String {
        switch kind {
        case .bankgiro: "\(digits.dropLast(4))-\(digits.suffix(4))"
        case .plusgiro: "\(digits.dropLast())-\(digits.suffix(1))"
        }
    }
}
