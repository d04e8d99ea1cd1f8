import Foundation

/// What an indicator is (indikator): its code, names, unit, direction, definition, source and
/// where it belongs in the roadmap.
public struct IndicatorDefinition: Codable, Sendable, Equatable {
    public static let units = ["percent", "count", "sek", "years", "perMille", "percentagePoints"]

    public var code: String
    public var name: String
    public var nameEn: String?
    /// One of `units`.
    public var unit: String
    public var direction: Direction
    public var definition: String?
    public var definitionEn: String?
    public var source: String?
    public var sourceURL: String?
    /// Roadmap target area and strategy ids the indicator follows up.
    public var targetAreas: [String]?
    public var strategies: [String]?
    /// nil reads as `.quantity`, so definitions written before kinds existed keep their meaning.
    public var kind: IndicatorKind?
    /// The labelled classes of a categorical indicator, lowest number first.
    public var classes: [IndicatorClass]?

    public var kindOrQuantity: IndicatorKind { kind ?? .quantity }

    /// The label of a class number, in the chosen language when it has one.
    public func classLabel(_ value: Double?, english: Bool) -> String? {
        guard let value, let cls = classes?.first(where: { Double($0.value) == value }) else { return nil }
        return english ? (cls.labelEn ?? cls.label) : cls.label
    }

    public init(
        code: String, name: String, nameEn: String? = nil, unit: String = "percent",
        direction: Direction = .higherIsBetter,
        definition: String? = nil, definitionEn: String? = nil, source: String? = nil, sourceURL: String? = nil,
        targetAreas: [String]? = nil, strategies: [String]? = nil, kind: IndicatorKind? = nil,
        classes: [IndicatorClass]? = nil
    ) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.unit = unit
        self.direction = direction
        self.definition = definition
        self.definitionEn = definitionEn
        self.source = source
        self.sourceURL = sourceURL
        self.targetAreas = targetAreas
        self.strategies = strategies
        self.kind = kind
        self.classes = classes
    }

    /// Problems with the definition itself, each naming its field; empty when it is fine.
    public func problems() -> [ObservationProblem] {
        var p: [ObservationProblem] = []
        if !CatalogueReader.isSlug(code) {
            p.append(.init(line: nil, column: "code", .invalidCode(code)))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { p.append(.init(line: nil, column: "name", .needsName)) }
        if !Self.units.contains(unit) {
            p.append(.init(line: nil, column: "unit", .unknownUnit(unit, expected: Self.units.joined(separator: ", "))))
        }
        if kindOrQuantity == .categorical {
            let values = (classes ?? []).map(\.value)
            if values.count < 2 {
                p.append(.init(line: nil, column: "classes", .classesNeeded))
            } else if Set(values).count != values.count || values != values.sorted() {
                p.append(.init(line: nil, column: "classes", .classesOrder))
            } else if let empty = classes?.first(where: { $0.label.trimmingCharacters(in: .whitespaces).isEmpty }) {
                p.append(.init(line: nil, column: "classes", .classLabelEmpty(empty.value)))
            }
        } else if !(classes ?? []).isEmpty {
            p.append(.init(line: nil, column: "classes", .classesOnlyCategorical))
        }
        if let url = sourceURL, !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            p.append(.init(line: nil, column: "sourceURL", .sourceNotAWebAddress))
        }
        return p
    }

    /// Rate = numerator / denominator × this.
    public var per: Double { unit == "perMille" ? 1000 : 100 }
}
