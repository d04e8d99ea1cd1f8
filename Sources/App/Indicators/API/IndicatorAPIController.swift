import Fluent
import Foundation
import SkillnadCore
import Vapor

extension API {
    struct Indicator: Content {
        let code: String
        let name: String
        let nameEn: String?
        let unit: String
        let direction: String
        let definition: String?
        let definitionEn: String?
        let source: String?
        let sourceURL: String?
        let targetAreas: [String]
        let strategies: [String]
        /// `quantity` or `categorical`, and the measures that apply to it (see the disparity answer).
        let kind: String
        let measures: [String]
        /// The labelled classes of a categorical indicator; empty for a quantity.
        let classes: [IndicatorClass]
        /// Area levels (kinds) with values, and the periods, oldest first.
        let levels: [String]
        let periods: [String]
        let updatedAt: String?
        let version: Int
        let url: String

        init(_ i: IndicatorInfo, summaries: [IndicatorQueries.SummaryRow]) {
            let d = i.definition
            code = d.code
            name = d.name
            nameEn = d.nameEn
            unit = d.unit
            direction = d.direction.rawValue
            definition = d.definition
            definitionEn = d.definitionEn
            source = d.source
            sourceURL = d.sourceURL
            targetAreas = d.targetAreas ?? []
            strategies = d.strategies ?? []
            kind = d.kindOrQuantity.rawValue
            measures = d.kindOrQuantity.measures
            classes = d.classes ?? []
            levels = IndicatorQueries.levelOrder.map(\.rawValue).filter(Set(summaries.map(\.level)).contains)
            periods = Array(Set(summaries.map(\.period))).sorted()
            updatedAt = i.updatedAt
            version = i.version
            url = SiteURL.Indicators.indicator(.value(d.code)).path
        }
    }

    struct Observation: Content {
        let area: String
        let period: String
        let group: String
        /// Null when not computable (denominator 0 or missing) or suppressed; never 0 for those.
        let value: Double?
        let numerator: Double?
        let denominator: Double?
        let weight: Double?
        let preliminary: Bool
        let suppressed: Bool
        /// `measured`, or added up from the areas inside: `summed` or `weighted`.
        let origin: String
    }

    struct DisparityAnswer: Content {
        let indicator: String
        let period: String
        let level: String
        let group: String
        /// The indicator the areas were ranked by for the slope and relative index, if not itself.
        let rankedBy: String?
        /// `quantity` or `categorical`, and the measures that apply: a quantity has `result` and
        /// `trend`; a categorical indicator has `distribution` and neither of the others.
        let kind: String
        let measures: [String]
        let result: DisparityResult?
        /// How the gap between best and worst (the difference) moved over every period at this level.
        let trend: Disparity.Trend?
        let distribution: [ClassShare]?
    }

    /// How many areas, and people in them, are in one class of a categorical indicator.
    struct ClassShare: Content {
        let value: Int
        let label: String
        let labelEn: String?
        let areas: Int
        /// Null when no area in the class has a known population.
        let population: Double?
    }
}

/// The indicators' read API: metadata, observations, and every disparity measure.
enum IndicatorAPIController {
    static func indicator(_ req: Request) async throws -> IndicatorInfo {
        let code = try req.parameters.require(APIURL.codeKey)
        guard let info = try await IndicatorQueries.one(code, on: req.db) else {
            throw Abort(.notFound, reason: "No indicator has the code '\(code)'.")
        }
        return info
    }

    static func list(_ req: Request) async throws -> ListResponse<API.Indicator> {
        let paging = try Paging(req)
        let summaries = Dictionary(grouping: try await IndicatorQueries.summaries(on: req.db), by: \.indicator_id)
        return paging.page(
            try await IndicatorQueries.all(on: req.db).map { API.Indicator($0, summaries: summaries[$0.id] ?? []) })
    }

    static func show(_ req: Request) async throws -> API.Indicator {
        let info = try await indicator(req)
        return API.Indicator(info, summaries: try await IndicatorQueries.summaries(info.id, on: req.db))
    }

    static func observations(_ req: Request) async throws -> ListResponse<API.Observation> {
        let info = try await indicator(req)
        let paging = try Paging(req)
        let index = try await req.catalogue().index
        let area = try req.filter("area")
        let period = try req.filter("period")
        let group = try req.filter("group")
        let kind = try req.filter("level")
        if let area, index.areaByID[area] == nil { throw CatalogueAPIController.unknown("area", "area", area) }
        if let kind, AreaKind(rawValue: kind) == nil {
            throw ParameterError(
                parameter: "level",
                message: "expected one of \(AreaKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kind)'")
        }
        // The filters' description quotes each one, so two different filters never make one key.
        let key = "observations \(info.id) \([area, period, group, kind].description)"
        let total = try await req.application.catalogue.remembered(
            key, generation: try await req.catalogue().generation
        ) {
            try await IndicatorQueries.countObservations(
                info.id, area: area, period: period, group: group, kind: kind, on: req.db)
        }
        let rows = try await IndicatorQueries.observations(
            info.id, area: area, period: period, group: group, kind: kind,
            limit: paging.limit, offset: paging.offset, on: req.db)
        return ListResponse(
            items: rows.map { o in
                API.Observation(
                    area: o.slug, period: o.period, group: o.group_key, value: o.value, numerator: o.numerator,
                    denominator: o.denominator, weight: o.weight, preliminary: o.preliminary, suppressed: o.suppressed,
                    origin: o.origin.name)
            }, total: total, limit: paging.limit, offset: paging.offset)
    }

    static func disparity(_ req: Request) async throws -> API.DisparityAnswer {
        let info = try await indicator(req)
        let summaries = try await IndicatorQueries.summaries(info.id, on: req.db)
        let levels = Set(summaries.map(\.level))
        let level: String
        if let l = try req.filter("level") {
            guard AreaKind(rawValue: l) != nil else {
                throw ParameterError(
                    parameter: "level",
                    message: "expected one of \(AreaKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(l)'")
            }
            guard levels.contains(l) else {
                throw ParameterError(
                    parameter: "level", message: "the indicator has no values for areas of the kind '\(l)'",
                    status: .notFound)
            }
            level = l
        } else {
            guard let l = IndicatorQueries.defaultLevel(levels) else {
                throw Abort(.notFound, reason: "The indicator '\(info.code)' has no values yet.")
            }
            level = l
        }
        let atLevel = summaries.filter { $0.level == level }
        let period: String
        if let p = try req.filter("period") {
            guard atLevel.contains(where: { $0.period == p }) else {
                throw ParameterError(
                    parameter: "period", message: "the indicator has no values for '\(p)' at this level",
                    status: .notFound)
            }
            period = p
        } else if let last = atLevel.last {
            period = last.period
        } else {
            throw Abort(.notFound, reason: "The indicator '\(info.code)' has no values yet.")
        }
        let group = try req.filter("group") ?? ObservationGroup.total
        var rankedBy: String?
        var rank: [String: Double] = [:]
        if let other = try req.filter("rankBy") {
            guard let o = try await IndicatorQueries.one(other, on: req.db) else {
                throw ParameterError(
                    parameter: "rankBy", message: "no indicator has the code '\(other)'", status: .notFound)
            }
            // Higher must mean better off; an indicator where lower is better is turned around.
            let sign = o.direction == .higherIsBetter ? 1.0 : -1.0
            for p in try await IndicatorSummaries.points(o.id, period: period, on: req.db) {
                rank[p.slug] = sign * p.value
            }
            rankedBy = other
        }
        let points = try await IndicatorSummaries.points(info.id, period: period, group: group, on: req.db).filter {
            $0.kind == level
        }
        let kind = info.definition.kindOrQuantity
        if kind == .categorical {
            let classes = info.definition.classes ?? []
            let counts = ClassCount.distribution(points.map { ($0.value, $0.population) }, classes: classes)
            return API.DisparityAnswer(
                indicator: info.code, period: period, level: level, group: group, rankedBy: nil, kind: kind.rawValue,
                measures: kind.measures, result: nil, trend: nil,
                distribution: zip(classes, counts).map { cls, count in
                    API.ClassShare(
                        value: cls.value, label: cls.label, labelEn: cls.labelEn, areas: count.areas,
                        population: count.population)
                })
        }
        let inputs = IndicatorSummaries.inputs(points).map { i in
            DisparityInput(id: i.id, value: i.value, weight: i.weight, rankBy: rankedBy == nil ? nil : rank[i.id])
        }
        let result = Disparity.compute(inputs, direction: info.direction)
        let trend = Disparity.trend(atLevel.map { ($0.period, $0.difference ?? .nan) })
        return API.DisparityAnswer(
            indicator: info.code, period: period, level: level, group: group, rankedBy: rankedBy,
            kind: kind.rawValue, measures: kind.measures, result: result, trend: trend, distribution: nil)
    }
}
