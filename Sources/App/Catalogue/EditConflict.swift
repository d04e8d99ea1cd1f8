import Vapor

/// Why a change to the catalogue was not saved though it was valid: someone else's change came
/// first, or the object is still needed.
enum EditConflict: AbortError, WordedProblem {
    /// Indicator values or referral answers still refer to the object.
    case stillReferred
    /// Another change with the same id was saved at the same moment.
    case sameIDAtOnce
    /// The roadmap changed after the editor opened it.
    case roadmapVersion(current: Int, yours: Int)

    var status: HTTPResponseStatus { .conflict }
    var reason: String { text(Texts(.en)) }

    func text(_ texts: Texts) -> String {
        switch self {
        case .stillReferred: texts[.problemStillReferred]
        case .sameIDAtOnce: texts[.problemSameIDAtOnce]
        case .roadmapVersion(let current, let yours):
            Strings.fill(texts[.problemRoadmapVersion], String(current), String(yours))
        }
    }
}
