/// One entry for every association (en gemensam ingång, measure 4.2.2): every scheme open on a
/// day, each with whether the association may apply and, if not, every rule it does not meet.
public enum GrantEntry {
    public struct Option: Sendable, Equatable {
        public let scheme: GrantScheme
        /// Empty when the association may apply.
        public let reasons: [GrantEligibility.Reason]
        /// Open only under the scheme's late rule.
        public let late: Bool

        public var eligible: Bool { reasons.isEmpty }
    }

    /// The schemes open on `day`, those the applicant may apply to first, each group by closing day.
    public static func options(for applicant: GrantApplicant, schemes: [GrantScheme], on day: Day) -> [Option] {
        schemes.filter { $0.isOpen(on: day) }
            .map { scheme in
                Option(scheme: scheme, reasons: reasons(applicant, scheme, on: day), late: scheme.isLate(on: day))
            }
            .sorted {
                ($0.eligible ? 0 : 1, $0.scheme.closes, $0.scheme.name) < (
                    $1.eligible ? 0 : 1, $1.scheme.closes, $1.scheme.name
                )
            }
    }

    /// The rules of `scheme` the applicant does not meet on `day`. A scheme for the whole city
    /// (no areas) asks for a register and an activity in some district.
    public static func reasons(_ applicant: GrantApplicant, _ scheme: GrantScheme, on day: Day)
        -> [GrantEligibility.Reason]
    {
        let areas = scheme.areas.isEmpty ? applicant.registeredIn.union(applicant.activeIn) : Set(scheme.areas)
        var reasons = GrantEligibility.reasons(applicant, rules: scheme.rules, areas: areas, on: day)
        if scheme.areas.isEmpty {
            if scheme.rules.registered && applicant.registeredIn.isEmpty && !reasons.contains(.notRegistered) {
                reasons.insert(.notRegistered, at: 0)
            }
        }
        return reasons
    }
}
