import Foundation

/// A saved import (mapping file, *mappningsfil*): the indicator, the shape of the file and which
/// columns hold what, so that next year's file is imported with `--mapping FILE` alone.
public struct IndicatorImportSpec: Codable, Sendable, Equatable {
    /// The shapes a statistics file comes in.
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// Delimited text with a column mapping.
        case csv
        /// The Kolada API's JSON data.
        case kolada
        /// Open SDG data CSV: Year, disaggregation columns, Value.
        case opensdg
        /// PC-Axis (`.px`), as Statistics Sweden and the other Nordic offices publish through PxWeb.
        case px
        /// JSON-stat 2.0, as the PxWeb API answers.
        case jsonstat
    }

    public var indicator: IndicatorDefinition
    public var format: Format
    public var mapping: ObservationMapping
    /// The kind of area the rows are (voting districts, district areas, …).
    public var areaKind: AreaKind
    /// With `createAreas`: the area new areas lie in.
    public var parent: String?
    public var createAreas: Bool
    public var skipUnmatched: Bool
    /// Match rows to areas of other kinds by name when their own kind has none (a RegSO area
    /// `Stockholm (Rinkeby)` to the district Rinkeby). Off unless asked: an area of one kind is
    /// not the same as an area of another that shares its name.
    public var matchNamesAcrossKinds: Bool
    /// Also compute the values of the areas above the file's (districts, district areas, the city)
    /// by adding up the file's counts (`IndicatorAggregation`), refreshed on every import.
    public var aggregate: Bool
    /// A PC-Axis file's language, of those it has (`en` reads `VALUES[en]`); nil: its default.
    public var language: String?

    public init(
        indicator: IndicatorDefinition, format: Format = .csv, mapping: ObservationMapping = .init(),
        areaKind: AreaKind = .district,
        parent: String? = nil, createAreas: Bool = false, skipUnmatched: Bool = false,
        matchNamesAcrossKinds: Bool = false, aggregate: Bool = false, language: String? = nil
    ) {
        self.indicator = indicator
        self.format = format
        self.mapping = mapping
        self.areaKind = areaKind
        self.parent = parent
        self.createAreas = createAreas
        self.skipUnmatched = skipUnmatched
        self.matchNamesAcrossKinds = matchNamesAcrossKinds
        self.aggregate = aggregate
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case indicator, format, mapping, areaKind, parent, createAreas, skipUnmatched, matchNamesAcrossKinds, aggregate,
            language
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            indicator: try c.decode(IndicatorDefinition.self, forKey: .indicator),
            format: try c.decodeIfPresent(Format.self, forKey: .format) ?? .csv,
            mapping: try c.decodeIfPresent(ObservationMapping.self, forKey: .mapping) ?? .init(),
            areaKind: try c.decodeIfPresent(AreaKind.self, forKey: .areaKind) ?? .district,
            parent: try c.decodeIfPresent(String.self, forKey: .parent),
            createAreas: try c.decodeIfPresent(Bool.self, forKey: .createAreas) ?? false,
            skipUnmatched: try c.decodeIfPresent(Bool.self, forKey: .skipUnmatched) ?? false,
            matchNamesAcrossKinds: try c.decodeIfPresent(Bool.self, forKey: .matchNamesAcrossKinds) ?? false,
            aggregate: try c.decodeIfPresent(Bool.self, forKey: .aggregate) ?? false,
            language: try c.decodeIfPresent(String.self, forKey: .language))
    }

    /// Reads a mapping file, with a message that says where it is wrong.
    public static func read(_ data: Data) throws(ObservationProblems) -> IndicatorImportSpec {
        do {
            return try JSONDecoder().decode(IndicatorImportSpec.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw ObservationProblems([.init(line: nil, column: path(ctx.codingPath + [key]), .required)])
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw ObservationProblems([.init(line: nil, column: path(ctx.codingPath), .detail(ctx.debugDescription))])
        } catch let DecodingError.dataCorrupted(ctx) {
            throw ObservationProblems([
                .init(
                    line: nil, column: ctx.codingPath.isEmpty ? nil : path(ctx.codingPath),
                    ctx.codingPath.isEmpty ? .mappingNotJSON : .detail(ctx.debugDescription))
            ])
        } catch {
            throw ObservationProblems([.init(line: nil, column: nil, .detail("\(error)"))])
        }
    }

    /// The file as it is saved: indented, keys sorted, so it reads well and diffs well.
    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
            in: CharacterSet(charactersIn: "."))
    }
}
