import SkillnadCore

/// A key of the texts that say which of an indicator's values are added up from smaller areas
/// (summerade) or population-weighted (befolkningsviktade) rather than measured
/// (`IndicatorAggregation`); each has its text in Swedish and English (see `TextKey`).
enum AggregationText: String, TextKey {
    case aggregationSummed
    case aggregationWeighted
    case aggregationSummedMark
    case aggregationWeightedMark
    case aggregationTheCity
    case aggregationAnd

    var text: (sv: String, en: String) {
        switch self {
        case .aggregationSummed:
            (
                "Värdena för %1 är inte mätta utan summerade från antalen i %2.",
                "The values of %1 are not measured but added up from the counts of %2."
            )
        case .aggregationWeighted:
            (
                "Värdena för %1 är inte mätta utan befolkningsviktade medelvärden av värdena för %2.",
                "The values of %1 are not measured but population-weighted means of the values of %2."
            )
        case .aggregationSummedMark: ("summerat", "added up")
        case .aggregationWeightedMark: ("befolkningsviktat", "population-weighted")
        case .aggregationTheCity: ("staden som helhet", "the city as a whole")
        case .aggregationAnd: ("och", "and")
        }
    }
}

extension Texts {
    subscript(_ key: AggregationText) -> String { self[typed: key] }

    /// The sentences under an indicator's chart that say which kinds of area have added-up values
    /// and from which areas: "Värdena för stadsdelar och staden som helhet är inte mätta utan
    /// summerade från antalen i 544 DeSO-områden." One sentence per way of adding up.
    func aggregationNotes(_ provenance: IndicatorAggregation.Provenance) -> [String] {
        let sources = listed(
            provenance.measured.map { measured in
                AreaKind(rawValue: measured.kind).map { count(measured.areas, of: $0) }
                    ?? "\(measured.areas) \(measured.kind)"
            })
        var notes: [String] = []
        for (origin, key) in [
            (Observation.Origin.summed, AggregationText.aggregationSummed), (.weighted, .aggregationWeighted),
        ] {
            let kinds = provenance.aggregated.filter { $0.origin == origin }.map { added -> String in
                guard let kind = AreaKind(rawValue: added.kind) else { return added.kind }
                return kind == .city ? self[.aggregationTheCity] : self[typed: Self.nouns(kind).many]
            }
            guard !kinds.isEmpty else { continue }
            notes.append(Strings.fill(self[key], listed(kinds), sources))
        }
        return notes
    }

    /// The mark of an added-up value in a table; nil for a measured one.
    func aggregationMark(_ origin: Observation.Origin) -> String? {
        switch origin {
        case .measured: nil
        case .summed: self[.aggregationSummedMark]
        case .weighted: self[.aggregationWeightedMark]
        }
    }

    /// "a, b och c".
    private func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(self[.aggregationAnd]) " + last
    }
}
