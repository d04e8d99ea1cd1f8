/// What an indicator's values are (indikatortyp): quantities that can be averaged and compared,
/// or the numbers of ordered classes, such as Statistics Sweden's socioeconomic area type 1–5.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    /// Amounts, rates and shares: a city value, best and worst, a gap and a ratio apply.
    case quantity
    /// Ordered classes with labels (ordinal): only how many areas, and how many people, fall in
    /// each class apply; a mean of class numbers, a ratio or a gap between them means nothing.
    case categorical

    /// The measures that apply to values of this kind, by their names in the API's disparity
    /// answer (`result.<name>` for a quantity, `distribution` for classes).
    public var measures: [String] {
        switch self {
        case .quantity:
            [
                "best", "worst", "mean", "difference", "ratio", "betweenGroupVariance",
                "betweenGroupStandardDeviation", "coefficientOfVariation", "meanDifferenceFromMeanWeighted",
                "meanDifferenceFromMeanUnweighted", "indexOfDisparity", "indexOfDisparityWeighted", "theilIndex",
                "meanLogDeviation", "slopeIndexOfInequality", "relativeIndexOfInequality",
            ]
        case .categorical: ["distribution"]
        }
    }
}

/// One class of a categorical indicator (klass): its number as it appears in the data, and its
/// label in Swedish and, when given, in English.
public struct IndicatorClass: Codable, Sendable, Equatable {
    public var value: Int
    public var label: String
    public var labelEn: String?

    public init(value: Int, label: String, labelEn: String? = nil) {
        self.value = value
        self.label = label
        self.labelEn = labelEn
    }

    /// A class as a person writes it on one line: `1 = Stora utmaningar | Major challenges`, the
    /// English label after `|` optional; nil when the line has no whole number before `=` or no label.
    public init?(line: String) {
        let parts = line.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
        let labels = parts[1].split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let label = labels.first, !label.isEmpty else { return nil }
        self.init(value: value, label: label, labelEn: labels.count > 1 && !labels[1].isEmpty ? labels[1] : nil)
    }
}

/// How many areas, and how many people in them, fall in one class.
public struct ClassCount: Sendable, Equatable {
    public let value: Int
    public let areas: Int
    /// nil when no area in the class has a known population.
    public let population: Double?

    /// Counts per class, in the classes' order, with every class present (an empty class counts
    /// 0); a value that is no class's (not a whole number, or not listed) counts in no class.
    public static func distribution(
        _ values: [(value: Double, population: Double?)], classes: [IndicatorClass]
    ) -> [ClassCount] {
        classes.map { cls in
            let members = values.filter { $0.value == Double(cls.value) }
            let people = members.compactMap(\.population)
            return ClassCount(
                value: cls.value, areas: members.count, population: people.isEmpty ? nil : people.reduce(0, +))
        }
    }
}
