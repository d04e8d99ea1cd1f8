import Foundation

/// The dialogue-fatigue warning (varning för dialogtrötthet): residents asked about the same thing
/// again and again, or asked anew while still waiting to hear what came of the last dialogue, stop
/// coming. When an official plans a dialogue this lists (a) earlier and planned dialogues in the
/// same area, an area containing it or an area lying in it, on a shared topic, within a window of
/// the planned day, and (b) dialogues in those areas still awaiting feedback, whatever their topic.
/// A warning, never a block: the caller shows it beside the form and on the dialogue's page.
///
/// Pure and fast: the app pre-filters in SQL with `relatedAreas`, but a check over every known
/// dialogue of the city (20,000) must still stay well under 20 ms, so the area tree is walked once
/// per call and each dialogue costs a few dictionary look-ups.
public enum DialogueFatigue {
    /// Twelve months either side of the planned day: a year is how long residents remember being asked.
    public static let defaultWindowMonths = 12
    /// A dialogue over this many weeks without feedback is overdue (the default N = 8).
    public static let defaultFeedbackWeeks = 8

    /// More weeks than any calendar holds: a larger setting is taken as this, never overflows.
    static let maximumWeeks = 1_000_000

    /// A recorded dialogue as the check needs it; the app fills it from its table.
    public struct Known: Sendable, Equatable {
        public var id: String
        public var areas: [String]
        /// Topic keys as `topicKeys` makes them.
        public var topics: Set<String>
        /// The first and the last session's day; either may be nil when unknown.
        public var firstDay: Day?
        public var lastDay: Day?
        /// The stored status.
        public var status: DialogueStatus
        /// Whether feedback to participants is recorded.
        public var feedbackGiven: Bool

        public init(
            id: String, areas: [String], topics: Set<String>, firstDay: Day?, lastDay: Day?,
            status: DialogueStatus, feedbackGiven: Bool
        ) {
            self.id = id
            self.areas = areas
            self.topics = topics
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.status = status
            self.feedbackGiven = feedbackGiven
        }

        public init(_ values: DialogueValues) {
            self.init(
                id: values.id, areas: values.areas, topics: DialogueFatigue.topicKeys(values),
                firstDay: values.starts?.day, lastDay: values.ends?.day, status: values.status,
                feedbackGiven: !values.feedback.isEmpty)
        }
    }

    /// The dialogue being planned (or shown): its areas, topics and the day the window is centred on.
    public struct Plan: Sendable, Equatable {
        /// Its own id, left out of the answer; nil for a dialogue not yet saved.
        public var id: String?
        public var areas: [String]
        public var topics: Set<String>
        public var day: Day

        public init(id: String?, areas: [String], topics: Set<String>, day: Day) {
            self.id = id
            self.areas = areas
            self.topics = topics
            self.day = day
        }

        /// From the form's values: centred on the first session's day, or on today before any
        /// session is set.
        public init(_ values: DialogueValues, today: Day) {
            self.init(
                id: values.id.isEmpty ? nil : values.id, areas: values.areas,
                topics: DialogueFatigue.topicKeys(values), day: values.starts?.day ?? today)
        }
    }

    /// How the other dialogue's area relates to the planned dialogue's area.
    public enum AreaRelation: String, Sendable, Codable, CaseIterable {
        case same
        /// The other area contains the planned one (a district-wide dialogue for a neighbourhood).
        case contains
        /// The other area lies in the planned one.
        case liesIn
    }

    /// One pair of areas that relates the two dialogues.
    public struct AreaLink: Sendable, Equatable, Hashable, Codable {
        /// The planned dialogue's area.
        public var planned: String
        /// The other dialogue's area.
        public var other: String
        public var relation: AreaRelation

        public init(planned: String, other: String, relation: AreaRelation) {
            self.planned = planned
            self.other = other
            self.relation = relation
        }
    }

    /// When the other dialogue is held, seen from the planned day.
    public enum Timing: Sendable, Equatable, Codable {
        /// Its last day was this many days before the planned day.
        case before(days: Int)
        /// Its sessions span the planned day.
        case overlapping
        /// Its first day is this many days after the planned day.
        case after(days: Int)
        /// Planned or open without a day yet.
        case undated

        /// Days between the two, 0 when overlapping, nil when undated.
        public var daysApart: Int? {
            switch self {
            case .before(let days), .after(let days): days
            case .overlapping: 0
            case .undated: nil
            }
        }
    }

    /// An earlier or planned dialogue in a related area on a shared topic (a).
    public struct Overlap: Sendable, Equatable {
        public var id: String
        public var areas: [AreaLink]
        /// Topic keys both dialogues have, sorted.
        public var sharedTopics: [String]
        public var timing: Timing
    }

    /// A dialogue in a related area still awaiting feedback (b).
    public struct Unanswered: Sendable, Equatable {
        public var id: String
        public var areas: [AreaLink]
        public var lastDay: Day?
        /// Days from its last day to today; nil when it has no day.
        public var daysSinceEnd: Int?
    }

    /// The whole warning; empty when there is nothing to say.
    public struct Warning: Sendable, Equatable {
        /// Nearest in time first, then by id.
        public var overlaps: [Overlap]
        /// Longest waiting first, then by id: all of them, or the first ones when a reader lists
        /// only those (`awaitingFeedbackCount` then says how many there are).
        public var awaitingFeedback: [Unanswered]
        /// How many await feedback in all.
        public var awaitingFeedbackCount: Int

        public init(overlaps: [Overlap], awaitingFeedback: [Unanswered], awaitingFeedbackCount: Int? = nil) {
            self.overlaps = overlaps
            self.awaitingFeedback = awaitingFeedback
            self.awaitingFeedbackCount = max(awaitingFeedbackCount ?? awaitingFeedback.count, awaitingFeedback.count)
        }

        public var isEmpty: Bool { overlaps.isEmpty && awaitingFeedbackCount == 0 }
    }

    /// Checks `plan` against `known` dialogues (its own id left out).
    ///
    /// - Areas relate when they are the same, or one is an ancestor of the other through
    ///   `tree`, in either direction.
    /// - (a) needs a related area, a shared topic, and sessions overlapping the window
    ///   [day − `windowMonths`, day + `windowMonths`], both edges included; a planned or open
    ///   dialogue with no day yet is listed as undated. Cancelled dialogues are left out.
    /// - (b) needs a related area, no feedback (neither recorded nor status `feedbackGiven`), not
    ///   cancelled, and either status `awaitingFeedback` or a last day more than `feedbackWeeks`
    ///   weeks before `today` (exactly N weeks is not yet overdue).
    public static func check(
        _ plan: Plan, against known: [Known], tree: AreaTree, today: Day,
        windowMonths: Int = defaultWindowMonths, feedbackWeeks: Int = defaultFeedbackWeeks
    ) -> Warning {
        let links = areaLinks(plan.areas, tree: tree)
        let centre = plan.day.dayNumber
        let windowStart = plan.day.adding(months: -windowMonths)?.dayNumber ?? Int.min
        let windowEnd = plan.day.adding(months: windowMonths)?.dayNumber ?? Int.max
        let todayNumber = today.dayNumber
        let overdueAfter = min(max(feedbackWeeks, 0), maximumWeeks) * 7
        var overlaps: [Overlap] = []
        var unanswered: [Unanswered] = []
        for other in known where other.status != .cancelled && other.id != plan.id {
            let areas = matchingLinks(other.areas, links)
            if areas.isEmpty { continue }
            let first = (other.firstDay ?? other.lastDay)?.dayNumber
            let last = (other.lastDay ?? other.firstDay)?.dayNumber
            let shared = plan.topics.intersection(other.topics)
            if !shared.isEmpty,
                let timing = timing(first: first, last: last, centre: centre, status: other.status),
                isInWindow(first: first, last: last, start: windowStart, end: windowEnd)
            {
                overlaps.append(Overlap(id: other.id, areas: areas, sharedTopics: shared.sorted(), timing: timing))
            }
            let answered = other.feedbackGiven || other.status == .feedbackGiven
            let waited = last.map { todayNumber - $0 }
            let overdue = other.status == .awaitingFeedback || (waited ?? Int.min) > overdueAfter
            if !answered && overdue {
                let lastDay = other.lastDay ?? other.firstDay
                unanswered.append(Unanswered(id: other.id, areas: areas, lastDay: lastDay, daysSinceEnd: waited))
            }
        }
        overlaps.sort { lhs, rhs in
            let left = lhs.timing.daysApart ?? Int.max
            let right = rhs.timing.daysApart ?? Int.max
            return left != right ? left < right : lhs.id < rhs.id
        }
        unanswered.sort { lhs, rhs in
            let left = lhs.daysSinceEnd ?? Int.min
            let right = rhs.daysSinceEnd ?? Int.min
            return left != right ? left > right : lhs.id < rhs.id
        }
        return Warning(overlaps: overlaps, awaitingFeedback: unanswered)
    }

    /// The areas, all their ancestors and all their descendants: every area a dialogue must be in
    /// to be related, for the app's `WHERE area IN (…)` before `check`.
    public static func relatedAreas(_ areas: [String], tree: AreaTree) -> Set<String> {
        Set(areaLinks(areas, tree: tree).keys)
    }

    /// A dialogue's topics as keys namespaced by kind, so a measure and a tag spelt alike never
    /// meet: `measure:D.2.3.1`, `strategy:…`, `target:…` (ids trimmed, otherwise exact), and
    /// `tag:…` folded by `tagKey`. Empty entries are left out.
    public static func topicKeys(_ values: DialogueValues) -> Set<String> {
        var keys: Set<String> = []
        let kinds: [(prefix: String, ids: [String])] = [
            ("measure:", values.measures), ("strategy:", values.strategies), ("target:", values.targetAreas),
        ]
        for kind in kinds {
            for id in kind.ids {
                let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { keys.insert(kind.prefix + trimmed) }
            }
        }
        for tag in values.tags {
            if let key = tagKey(tag) { keys.insert(key) }
        }
        return keys
    }

    /// A free tag's key: lower case, diacritics and punctuation folded, trimmed (`SearchText.fold`),
    /// so "Trygghet ", "trygghét" and "TRYGGHET" are one tag. Nil when nothing is left.
    public static func tagKey(_ tag: String) -> String? {
        let folded = SearchText.fold(tag)
        return folded.isEmpty ? nil : "tag:" + folded
    }

    /// The status a resident reads on a given day (dialogens läge), from the stored one and the
    /// sessions' days: cancelled stays cancelled; once the last day has passed it reads
    /// `feedbackGiven` with feedback recorded and `awaitingFeedback` without; from the first day
    /// until then `open`; before the first day the stored `planned` or `open` (a stored later state
    /// there is contradicted by the days and reads `planned`). Without days the stored status
    /// stands, except that recorded feedback reads `feedbackGiven`. Days only: a session today
    /// reads open all day.
    public static func displayStatus(
        stored: DialogueStatus, firstDay: Day?, lastDay: Day?, feedbackGiven: Bool, today: Day
    ) -> DialogueStatus {
        if stored == .cancelled { return .cancelled }
        let answered = feedbackGiven || stored == .feedbackGiven
        guard let first = firstDay ?? lastDay, let last = lastDay ?? firstDay else {
            return answered ? .feedbackGiven : stored
        }
        if max(first, last) < today { return answered ? .feedbackGiven : .awaitingFeedback }
        if min(first, last) <= today { return .open }
        return stored == .open ? .open : .planned
    }

    public static func displayStatus(_ values: DialogueValues, today: Day) -> DialogueStatus {
        displayStatus(
            stored: values.status, firstDay: values.starts?.day, lastDay: values.ends?.day,
            feedbackGiven: !values.feedback.isEmpty, today: today)
    }

    public static func displayStatus(_ known: Known, today: Day) -> DialogueStatus {
        displayStatus(
            stored: known.status, firstDay: known.firstDay, lastDay: known.lastDay,
            feedbackGiven: known.feedbackGiven, today: today)
    }

    /// Over more than `feedbackWeeks` weeks ago and still no feedback: listed as awaiting feedback
    /// on the portal and the organiser's page (exactly N weeks is not yet overdue).
    public static func isFeedbackOverdue(
        stored: DialogueStatus, lastDay: Day?, feedbackGiven: Bool, today: Day,
        feedbackWeeks: Int = defaultFeedbackWeeks
    ) -> Bool {
        guard stored != .cancelled, stored != .feedbackGiven, !feedbackGiven, let lastDay else { return false }
        return lastDay.days(to: today) > min(max(feedbackWeeks, 0), maximumWeeks) * 7
    }

    // MARK: - Inside

    /// For every area related to a planned area: how (planned area, relation). A cycle in bad
    /// data is walked once and stops.
    static func areaLinks(_ planned: [String], tree: AreaTree) -> [String: [(String, AreaRelation)]] {
        var links: [String: [(String, AreaRelation)]] = [:]
        var seenPlanned: Set<String> = []
        for area in planned where seenPlanned.insert(area).inserted {
            links[area, default: []].append((area, .same))
            var visited: Set<String> = [area]
            var cursor = tree.parentOf[area]
            while let parent = cursor, visited.insert(parent).inserted {
                links[parent, default: []].append((area, .contains))
                cursor = tree.parentOf[parent]
            }
            var queue = tree.childrenOf[area] ?? []
            var index = 0
            while index < queue.count {
                let child = queue[index]
                index += 1
                guard visited.insert(child).inserted else { continue }
                links[child, default: []].append((area, .liesIn))
                queue.append(contentsOf: tree.childrenOf[child] ?? [])
            }
        }
        return links
    }

    /// The links of the other dialogue's areas, sorted by planned area, then other area.
    private static func matchingLinks(_ areas: [String], _ links: [String: [(String, AreaRelation)]]) -> [AreaLink] {
        var found: [AreaLink] = []
        for (index, area) in areas.enumerated() {
            guard let related = links[area], !areas[..<index].contains(area) else { continue }
            for (planned, relation) in related {
                found.append(AreaLink(planned: planned, other: area, relation: relation))
            }
        }
        if found.count > 1 {
            found.sort { ($0.planned, $0.other) < ($1.planned, $1.other) }
        }
        return found
    }

    /// Where the other dialogue lies from the centre day; nil for an undated one that is over.
    private static func timing(first: Int?, last: Int?, centre: Int, status: DialogueStatus) -> Timing? {
        guard let first, let last else { return status.isOver ? nil : .undated }
        let start = min(first, last)
        let end = max(first, last)
        if end < centre { return .before(days: centre - end) }
        if start > centre { return .after(days: start - centre) }
        return .overlapping
    }

    /// Whether the sessions' span touches the window, edges included; an undated one always does.
    private static func isInWindow(first: Int?, last: Int?, start: Int, end: Int) -> Bool {
        guard let first, let last else { return true }
        return max(first, last) >= start && min(first, last) <= end
    }
}
