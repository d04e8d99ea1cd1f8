import Foundation

/// What a Kolada data response holds besides the observations, for the caller to check before
/// it imports anything.
public struct KoladaData: Sendable, Equatable {
    public let observations: [ReadObservation]
    /// The KPI ids present, in order of first appearance: a response for the wrong KPI, or for
    /// several, should be refused rather than imported under the indicator the user picked.
    public let kpis: [String]
    /// The distinct non-empty `status` texts seen, so an unknown marker can be shown to a person
    /// rather than silently interpreted.
    public let statuses: [String]
    /// `next_page` (v2) or `next_url`: the response is one page of several and the rest is missing.
    public let nextPage: String?

    public init(observations: [ReadObservation], kpis: [String], statuses: [String] = [], nextPage: String? = nil) {
        self.observations = observations
        self.kpis = kpis
        self.statuses = statuses
        self.nextPage = nextPage
    }
}

/// Reads the JSON the Kolada API (RKA's municipal statistics, api.kolada.se) answers data
/// queries with, e.g. `/v2/data/kpi/N00945/municipality/0180/year/2022` or
/// `/v2/oudata/kpi/N15033/ou/V15E144001301/year/2022`.
///
/// The shape, as documented in github.com/Hypergene/kolada (README.rst, the API's own
/// documentation, linked from kolada.se/om-oss/api) and as seen in client code (rKolada's mocked
/// v3 responses, LCHansson/rKolada tests/testthat/test-api-mocked.R; Kolada-MCP's v3 types,
/// isakskogstad/Kolada-MCP src/config/types.ts):
///
///     {"count": 1, "values": [{"kpi": "N00945", "municipality": "0180", "period": 2022,
///       "values": [{"count": 1, "gender": "T", "status": "", "value": 52.3}, …]}],
///      "next_page": "…"}
///
/// - `municipality` is `ou` for organisational-unit data (`/oudata`); the README's `"out"` there
///   is a typo, client code reads `ou`.
/// - `period` is a number in current responses and a string in the README; both are taken, on
///   the entry or (as Kolada-MCP's v3 types have it) on each value.
/// - `gender` is `T` (total), `K` (kvinnor) or `M` (män); the README's `T|K|F` is a typo.
///   KPIs not divided by gender have only `T`.
/// - `value` is a number or `null` ("<float> or null"): null is not computable, never 0.
/// - `count` is the number of members behind a municipality-group average; it is not used.
/// - `status` is documented only as `"<string>"`; every sample seen has `""`, and rKolada drops
///   the column asking "does it ever contain anything?". No value list was found, and no
///   per-value preliminary marker (preliminary publication is per KPI: `prel_publication_date`
///   in the KPI metadata). So: a status naming a missing or withheld value (`Missing`, `saknas`,
///   `sekretess`, `x`, `..`, …) marks the value suppressed; one naming a preliminary value
///   (`prel…`) marks it preliminary; any other non-empty status on a `null` value marks it
///   suppressed (the publisher gave a reason for no value), and on a number leaves it as it is.
///   All non-empty statuses are returned in `KoladaData.statuses` for a person to see.
/// - A top-level array of the inner objects (a saved `values` array) is taken too.
///
/// Problems carry a JSON path in `column` (`values[3].values[1].value`) and no line; JSON has no
/// lines to point to, so observations have `line` 0.
public enum KoladaReader {
    /// The observations only; `parse` also returns the KPI ids and paging.
    public static func read(_ data: Data) -> Result<[ReadObservation], ObservationProblems> {
        parse(data).map(\.observations)
    }

    public static func parse(_ data: Data) -> Result<KoladaData, ObservationProblems> {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return .failure(
                ObservationProblems([ObservationProblem(line: nil, column: nil, .invalidJSON(describe(error)))]))
        }
        var problems: [ObservationProblem] = []
        func problem(_ path: String, _ reason: ObservationProblem.Reason) {
            problems.append(ObservationProblem(line: nil, column: path, reason))
        }

        let entries: [JSONValue]
        let prefix: String
        var nextPage: String?
        switch root {
        case .array(let a):
            entries = a
            prefix = ""
        case .object(let o):
            guard let values = o["values"] else {
                return .failure(
                    ObservationProblems([ObservationProblem(line: nil, column: "values", .koladaValuesMissing)]))
            }
            guard case .array(let a) = values else {
                return .failure(ObservationProblems([ObservationProblem(line: nil, column: "values", .expectedArray)]))
            }
            entries = a
            prefix = "values"
            for key in ["next_page", "next_url"] { if case .string(let s)? = o[key], !s.isEmpty { nextPage = s } }
        default:
            return .failure(
                ObservationProblems([ObservationProblem(line: nil, column: nil, .notKoladaResponse(got: kind(root)))]))
        }

        var observations: [ReadObservation] = []
        var kpis: [String] = []
        var seenKPIs: Set<String> = []
        var statuses: [String] = []
        var seenStatuses: Set<String> = []
        for (i, entry) in entries.enumerated() {
            let at = "\(prefix)[\(i)]"
            guard case .object(let o) = entry else {
                problem(at, .expectedObject(got: kind(entry)))
                continue
            }
            var ok = true
            func text(_ key: String, required: Bool) -> String? {
                switch o[key] {
                case .string(let s)?:
                    let t = s.trimmingCharacters(in: .whitespaces)
                    if t.isEmpty && required {
                        problem("\(at).\(key)", .isEmpty)
                        ok = false
                    }
                    return t.isEmpty ? nil : t
                case nil, .null?:
                    if required {
                        problem("\(at).\(key)", .missing)
                        ok = false
                    }
                    return nil
                case let v?:
                    problem("\(at).\(key)", .expectedString(got: kind(v)))
                    ok = false
                    return nil
                }
            }
            let kpi = text("kpi", required: true)
            let area: String?
            if o["municipality"] != nil {
                area = text("municipality", required: true)
            } else if o["ou"] != nil {
                area = text("ou", required: true)
            } else {
                problem(at, .whoseValue)
                ok = false
                area = nil
            }
            // On the entry as documented; one client's v3 types put it on each value, so a value's
            // own period is taken too, and only a value with neither is a problem.
            var periodOK = true
            let period = self.period(o["period"], at: "\(at).period") {
                problem($0, $1)
                periodOK = false
            }
            guard case .array(let values)? = o["values"] else {
                problem("\(at).values", o["values"] == nil ? .missing : .expectedArray)
                continue
            }
            if let kpi, seenKPIs.insert(kpi).inserted { kpis.append(kpi) }
            let valueWithoutPeriod = values.contains {
                if case .object(let v) = $0 { v["period"] == nil } else { false }
            }
            if period == nil && periodOK && valueWithoutPeriod {
                problem("\(at).period", .missing)
                ok = false
            }
            for (j, item) in values.enumerated() {
                let vat = "\(at).values[\(j)]"
                guard case .object(let v) = item else {
                    problem(vat, .expectedObject(got: kind(item)))
                    ok = false
                    continue
                }
                let group: String
                switch v["gender"] {
                case nil, .null?:
                    group = ObservationGroup.total
                case .string(let g)?:
                    switch g.trimmingCharacters(in: .whitespaces).uppercased() {
                    case "T", "": group = ObservationGroup.total
                    case "K": group = ObservationGroup.key([(dimension: "kon", value: "K")])
                    case "M": group = ObservationGroup.key([(dimension: "kon", value: "M")])
                    default:
                        problem("\(vat).gender", .notKoladaGender(g))
                        ok = false
                        continue
                    }
                case let g?:
                    problem("\(vat).gender", .expectedString(got: kind(g)))
                    ok = false
                    continue
                }
                var value: Double?
                switch v["value"] {
                case .number(let x)?: value = x
                case nil, .null?: value = nil
                case let x?:
                    problem("\(vat).value", .notAKoladaNumber(got: kind(x)))
                    ok = false
                    continue
                }
                var status = ""
                switch v["status"] {
                case .string(let s)?: status = s.trimmingCharacters(in: .whitespaces)
                case nil, .null?: break
                case let s?:
                    problem("\(vat).status", .expectedString(got: kind(s)))
                    ok = false
                    continue
                }
                var suppressed = false
                var preliminary = false
                if !status.isEmpty {
                    if seenStatuses.insert(status).inserted { statuses.append(status) }
                    switch classify(status) {
                    case .missing:
                        suppressed = true
                        value = nil
                    case .preliminary: preliminary = true
                    case .other: if value == nil { suppressed = true }
                    }
                }
                var itemPeriod = period
                if v["period"] != nil {
                    itemPeriod = self.period(v["period"], at: "\(vat).period") {
                        problem($0, $1)
                        ok = false
                    }
                }
                guard ok, periodOK, let itemPeriod else { continue }
                observations.append(
                    ReadObservation(
                        line: 0, areaCode: area, areaName: nil, period: itemPeriod, group: group,
                        value: value, suppressed: suppressed, preliminary: preliminary))
            }
        }
        guard problems.isEmpty else { return .failure(ObservationProblems(problems)) }
        return .success(KoladaData(observations: observations, kpis: kpis, statuses: statuses, nextPage: nextPage))
    }

    /// A period as Kolada writes it: a whole number (`2022`) or a string (`"2022"`); nil when absent.
    private static func period(_ v: JSONValue?, at path: String, problem: (String, ObservationProblem.Reason) -> Void)
        -> String?
    {
        switch v {
        case .number(let n)? where n.rounded() == n && abs(n) < 1e9:
            return String(Int(n))
        case .string(let s)? where !s.trimmingCharacters(in: .whitespaces).isEmpty:
            return s.trimmingCharacters(in: .whitespaces)
        case nil, .null?:
            return nil
        case let v?:
            problem(path, .expectedYear(got: kind(v)))
            return nil
        }
    }

    enum Status: Equatable { case missing, preliminary, other }

    /// What a non-empty `status` says, by the statistical symbols or the words a publisher would use
    /// (English or Swedish).
    static func classify(_ status: String) -> Status {
        let s = status.lowercased()
        if s.hasPrefix("prel") { return .preliminary }
        let missing = [
            "missing", "saknas", "sekretess", "confidential", "withheld", "suppressed", "not available",
            "ej tillgänglig",
        ]
        // The statistical symbols (`x`, `..`, `-`, …) read as every other format reads them.
        if StatisticsSymbol.classify(s) != nil || missing.contains(where: { s.contains($0) }) {
            return .missing
        }
        return .other
    }

    private static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let n): CSVText.number(n)
        case .string(let s): "\"\(s)\""
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A short reason from a decoding error: the parser's own message when there is one.
    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        }
        return "\(error)"
    }
}
