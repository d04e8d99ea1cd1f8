import Foundation

/// Where a milestone target (etappmål) stands: an indicator with a baseline, a latest value and a
/// target value for a target year.
public enum MilestoneStatus: String, Sendable, Codable, CaseIterable {
    /// The latest value meets or passes the target.
    case achieved
    /// Moving towards the target at least 95 % as fast as needed to reach it by the target year.
    case onTrack
    /// Moving towards the target, but too slowly (or not at all), or the target year has come
    /// without the target being met.
    case offTrack
    /// Moved away from the target since the baseline.
    case deteriorating
    /// Baseline, latest value or target missing, or the years do not allow a rate
    /// (latest year ≤ baseline year, or target year ≤ baseline year).
    case notEnoughData
}

/// How the annual rates were computed.
public enum MilestoneGrowthModel: String, Sendable, Codable {
    /// Compound annual growth rate, (y₁/y₀)^(1/Δt) − 1: Statistics Canada's model, used when
    /// baseline, latest and target are all positive.
    case compound
    /// Linear change per year, (y₁ − y₀)/Δt: used when some value is zero or negative, where the
    /// compound rate does not exist.
    case linear
}

/// The assessment of one milestone target, with the numbers behind the status so that a page can
/// show why.
public struct MilestoneAssessment: Sendable, Codable, Equatable {
    public let status: MilestoneStatus
    /// `nil` when no rates were computed (not enough data, achieved, deteriorating).
    public let model: MilestoneGrowthModel?
    /// The observed annual rate from baseline to latest, signed so that positive is towards the
    /// target (a proportion per year for `.compound`, the indicator's unit per year for `.linear`).
    public let observedAnnualRate: Double?
    /// The annual rate from baseline needed to reach the target in the target year, same sign
    /// convention (always > 0 when present).
    public let requiredAnnualRate: Double?
    /// R = observed / required: 1 means exactly on schedule, 0 no movement.
    public let progressRatio: Double?

    public init(
        status: MilestoneStatus, model: MilestoneGrowthModel? = nil, observedAnnualRate: Double? = nil,
        requiredAnnualRate: Double? = nil, progressRatio: Double? = nil
    ) {
        self.status = status
        self.model = model
        self.observedAnnualRate = observedAnnualRate
        self.requiredAnnualRate = requiredAnnualRate
        self.progressRatio = progressRatio
    }
}

/// Progress towards milestone targets (etappmål), following the progress measure Statistics
/// Canada developed for the Canadian Indicator Framework and that Open SDG ships ("Progress
/// Measurement Methodology for the Sustainable Development Goals").
///
/// That method compares the observed compound annual growth rate since the base year,
/// CAGR_obs = (y_latest / y_base)^(1/(t_latest − t_base)) − 1, with the rate required to reach the
/// target on time, CAGR_req = (y_target / y_base)^(1/(t_target − t_base)) − 1, through their
/// ratio R, signed so that movement in the desired direction is positive (here
/// R = (d · CAGR_obs) / (d · CAGR_req), d = +1 when higher is better, −1 when lower is better),
/// and classifies: target achieved; R ≥ 95 % "on track"; 60 % ≤ R < 95 % "progress made but
/// acceleration needed"; 0 ≤ R < 60 % "limited progress"; R < 0 "deterioration".
///
/// Our five statuses map onto it as: achieved = target achieved; onTrack = R ≥ 0.95 (the 95 %
/// threshold unchanged); offTrack = 0 ≤ R < 0.95 (Statistics Canada's two middle categories
/// together: both mean "will not make it at this pace"; `progressRatio` still tells them apart
/// at 0.6); deteriorating = R < 0, i.e. the latest value is further from the target, in the
/// undesired direction, than the baseline.
///
/// Where we depart, and why:
/// - Zero or negative values: Statistics Canada replaces a zero base or target by 0.001, which
///   makes the result depend on the unit (0.001 % is not 0.001 per 1000). We use the linear annual
///   change instead whenever baseline, latest or target is ≤ 0, and say so in `model`.
/// - A target year already reached without the target being met is `offTrack` whatever R says
///   (R can exceed 0.95 when the latest value is just short of the target in the target year).
/// - No target: Statistics Canada then compares the growth rate with fixed thresholds; a
///   milestone target always has a target, so without one we report `notEnoughData`.
public enum MilestoneProgress {
    /// The share of the required annual rate that counts as on track: 95 %, Statistics Canada's
    /// threshold.
    public static let onTrackRatio = 0.95

    /// Assesses a milestone target, in this order:
    /// 1. `notEnoughData` when any value or year is missing or not finite, when latest year ≤
    ///    baseline year (no change can be measured), or target year ≤ baseline year (no rate can
    ///    be required);
    /// 2. `achieved` when the latest value meets or passes the target (≥ target for
    ///    `higherIsBetter`, ≤ for `lowerIsBetter`), however it got there;
    /// 3. `deteriorating` when the latest value is worse than the baseline;
    /// 4. `offTrack` when the latest year is at or past the target year;
    /// 5. `onTrack` when R = observed / required annual rate ≥ 0.95, else `offTrack`.
    ///
    /// After step 3 the baseline cannot already meet the target (if it did and the latest value
    /// does not, the latest is worse than the baseline), so the required rate is never zero.
    public static func assess(
        baselineValue: Double?, baselineYear: Int?,
        latestValue: Double?, latestYear: Int?,
        targetValue: Double?, targetYear: Int?,
        direction: Direction
    ) -> MilestoneAssessment {
        guard let y0 = baselineValue, let t0 = baselineYear, let y1 = latestValue, let t1 = latestYear,
            let yT = targetValue, let tT = targetYear,
            y0.isFinite, y1.isFinite, yT.isFinite, t1 > t0, tT > t0
        else { return MilestoneAssessment(status: .notEnoughData) }

        let d: Double = direction == .higherIsBetter ? 1 : -1
        if d * (y1 - yT) >= 0 { return MilestoneAssessment(status: .achieved) }
        if d * (y1 - y0) < 0 { return MilestoneAssessment(status: .deteriorating) }

        let model: MilestoneGrowthModel = (y0 > 0 && y1 > 0 && yT > 0) ? .compound : .linear
        func annualRate(from a: Double, to b: Double, years: Int) -> Double {
            switch model {
            case .compound: return pow(b / a, 1 / Double(years)) - 1
            case .linear: return (b - a) / Double(years)
            }
        }
        let observed = d * annualRate(from: y0, to: y1, years: t1 - t0)
        let required = d * annualRate(from: y0, to: yT, years: tT - t0)
        let ratio = observed / required
        let status: MilestoneStatus = (t1 < tT && ratio >= onTrackRatio) ? .onTrack : .offTrack
        return MilestoneAssessment(
            status: status, model: model, observedAnnualRate: observed,
            requiredAnnualRate: required, progressRatio: ratio)
    }
}
