import Foundation
import Testing

@testable import SkillnadCore

/// A small area tree and hand-made dialogues around a dialogue planned for 2024-06-15 in `n1`:
///
///     city
///     ├── north
///     │   ├── n1
///     │   │   └── n1a
///     │   └── n2
///     └── south
///         └── s1
@Suite("DialogueFatigue")
struct DialogueFatigueTests {
    let parentOf: [String: String] = [
        "north": "city", "south": "city", "n1": "north", "n2": "north", "n1a": "n1", "s1": "south",
    ]
    let measure = "measure:D.2.3.1"

    private func day(_ text: String) throws -> Day {
        try #require(Day(text))
    }

    private func known(
        _ id: String, _ areas: [String], topics: Set<String> = ["measure:D.2.3.1"], first: String?,
        last: String? = nil, status: DialogueStatus = .planned, feedback: Bool = false
    ) -> DialogueFatigue.Known {
        DialogueFatigue.Known(
            id: id, areas: areas, topics: topics, firstDay: first.flatMap(Day.init),
            lastDay: (last ?? first).flatMap(Day.init), status: status, feedbackGiven: feedback)
    }

    private func plan(_ areas: [String] = ["n1"], topics: Set<String>? = nil) throws -> DialogueFatigue.Plan {
        DialogueFatigue.Plan(id: "plan", areas: areas, topics: topics ?? [measure], day: try day("2024-06-15"))
    }

    private func check(_ plan: DialogueFatigue.Plan, _ known: [DialogueFatigue.Known], today: String = "2024-06-15")
        throws -> DialogueFatigue.Warning
    {
        DialogueFatigue.check(plan, against: known, tree: AreaTree(parentOf: parentOf), today: try day(today))
    }

    // MARK: Areas

    @Test func relatedAreasGoBothWays() {
        #expect(
            DialogueFatigue.relatedAreas(["n1"], tree: AreaTree(parentOf: parentOf)) == ["n1", "north", "city", "n1a"])
        #expect(
            DialogueFatigue.relatedAreas(["north"], tree: AreaTree(parentOf: parentOf)) == [
                "north", "city", "n1", "n2", "n1a",
            ])
        #expect(
            DialogueFatigue.relatedAreas(["s1", "n1a"], tree: AreaTree(parentOf: parentOf)) == [
                "s1", "south", "city", "n1a", "n1", "north",
            ])
        #expect(DialogueFatigue.relatedAreas(["unknown"], tree: AreaTree(parentOf: parentOf)) == ["unknown"])
        #expect(DialogueFatigue.relatedAreas([], tree: AreaTree(parentOf: parentOf)).isEmpty)
    }

    /// Bad data with a cycle is walked once and ends.
    @Test func cycleInTheTreeEnds() {
        let cyclic = ["a": "b", "b": "a", "c": "a"]
        #expect(DialogueFatigue.relatedAreas(["a"], tree: AreaTree(parentOf: cyclic)) == ["a", "b", "c"])
    }

    @Test func sameContainsAndLiesIn() throws {
        let warning = try check(
            plan(),
            [
                known("same", ["n1"], first: "2024-03-01", status: .feedbackGiven, feedback: true),
                known("district", ["north"], first: "2024-09-01"),
                known("whole-city", ["city"], first: "2024-08-20"),
                known("below", ["n1a"], first: "2024-01-10", status: .feedbackGiven, feedback: true),
                known("sibling", ["n2"], first: "2024-06-15"),
                known("elsewhere", ["s1"], first: "2024-06-15"),
            ])
        let byId = Dictionary(uniqueKeysWithValues: warning.overlaps.map { ($0.id, $0) })
        #expect(Set(byId.keys) == ["same", "district", "whole-city", "below"])
        #expect(byId["same"]?.areas == [.init(planned: "n1", other: "n1", relation: .same)])
        #expect(byId["district"]?.areas == [.init(planned: "n1", other: "north", relation: .contains)])
        #expect(byId["whole-city"]?.areas == [.init(planned: "n1", other: "city", relation: .contains)])
        #expect(byId["below"]?.areas == [.init(planned: "n1", other: "n1a", relation: .liesIn)])
        #expect(byId["same"]?.timing == .before(days: 106))
        #expect(byId["district"]?.timing == .after(days: 78))
        #expect(byId["below"]?.timing == .before(days: 157))
        #expect(byId["same"]?.sharedTopics == [measure])
        // Nearest first: whole-city 66, district 78, same 106, below 157.
        #expect(warning.overlaps.map(\.id) == ["whole-city", "district", "same", "below"])
        #expect(warning.awaitingFeedback.isEmpty)
    }

    /// A plan in two areas meets a city-wide dialogue through both.
    @Test func everyPairOfAreasIsNamed() throws {
        let warning = try check(plan(["s1", "n1"]), [known("whole-city", ["city", "north"], first: "2024-07-01")])
        #expect(
            warning.overlaps.first?.areas == [
                .init(planned: "n1", other: "city", relation: .contains),
                .init(planned: "n1", other: "north", relation: .contains),
                .init(planned: "s1", other: "city", relation: .contains),
            ])
    }

    // MARK: Topics and time

    @Test func needsASharedTopic() throws {
        let planned = try plan(topics: [measure, "tag:trygghet"])
        let warning = try check(
            planned,
            [
                known("other-measure", ["n1"], topics: ["measure:D.1.1.1"], first: "2024-05-01"),
                known("same-tag", ["n1"], topics: ["tag:trygghet", "strategy:s1"], first: "2024-05-01"),
                known("no-topics", ["n1"], topics: [], first: "2024-05-01"),
                known("both", ["n1"], topics: ["tag:trygghet", measure], first: "2024-05-01"),
            ])
        #expect(warning.overlaps.map(\.id) == ["both", "same-tag"])
        #expect(warning.overlaps.first?.sharedTopics == [measure, "tag:trygghet"])
    }

    /// The window is 2023-06-15 to 2025-06-15, both edges in.
    @Test func windowEdges() throws {
        let warning = try check(
            plan(),
            [
                known("edge-before", ["n1"], first: "2023-06-01", last: "2023-06-15", feedback: true),
                known("outside-before", ["n1"], first: "2023-06-14", feedback: true),
                known("edge-after", ["n1"], first: "2025-06-15"),
                known("outside-after", ["n1"], first: "2025-06-16"),
                known("spanning", ["n1"], first: "2024-06-01", last: "2024-06-30", status: .open),
                known("undated", ["n1"], first: nil, status: .planned),
                known("undated-over", ["n1"], first: nil, status: .feedbackGiven, feedback: true),
            ])
        let byId = Dictionary(uniqueKeysWithValues: warning.overlaps.map { ($0.id, $0.timing) })
        #expect(
            byId == [
                "edge-before": .before(days: 366), "edge-after": .after(days: 365), "spanning": .overlapping,
                "undated": .undated,
            ])
        #expect(warning.overlaps.map(\.id) == ["spanning", "edge-after", "edge-before", "undated"])
    }

    @Test func shorterWindow() throws {
        let known = [known("four-months", ["n1"], first: "2024-10-15"), known("five", ["n1"], first: "2024-11-16")]
        let warning = DialogueFatigue.check(
            try plan(), against: known, tree: AreaTree(parentOf: parentOf), today: try day("2024-06-15"),
            windowMonths: 4)
        #expect(warning.overlaps.map(\.id) == ["four-months"])
    }

    @Test func cancelledAndItselfLeftOut() throws {
        let warning = try check(
            plan(),
            [
                known("cancelled", ["n1"], first: "2024-06-20", status: .cancelled),
                known("cancelled-old", ["n1"], first: "2023-01-20", status: .cancelled),
                known("plan", ["n1"], first: "2024-06-15"),
            ])
        #expect(warning.isEmpty)
    }

    // MARK: Awaiting feedback

    /// Eight weeks are 56 days: ended 56 days ago is not yet overdue, 57 is; any topic counts.
    @Test func feedbackWeeksEdge() throws {
        let warning = try check(
            plan(),
            [
                known("56-days", ["north"], topics: [], first: "2024-04-20"),
                known("57-days", ["n1a"], topics: ["tag:annat"], first: "2024-04-01", last: "2024-04-19"),
                known("answered", ["n1"], topics: [], first: "2023-01-10", feedback: true),
                known("marked-answered", ["n1"], topics: [], first: "2023-01-10", status: .feedbackGiven),
                known("cancelled", ["n1"], topics: [], first: "2023-01-10", status: .cancelled),
                known("unrelated", ["s1"], topics: [], first: "2023-01-10"),
                known("marked-waiting", ["city"], topics: [], first: "2024-06-10", status: .awaitingFeedback),
            ])
        #expect(warning.overlaps.isEmpty)
        #expect(warning.awaitingFeedback.map(\.id) == ["57-days", "marked-waiting"])
        #expect(warning.awaitingFeedbackCount == 2)
        #expect(warning.awaitingFeedback.first?.daysSinceEnd == 57)
        #expect(warning.awaitingFeedback.first?.lastDay == (try day("2024-04-19")))
        #expect(warning.awaitingFeedback.first?.areas == [.init(planned: "n1", other: "n1a", relation: .liesIn)])
        #expect(warning.awaitingFeedback.last?.daysSinceEnd == 5)
    }

    /// A dialogue on the same topic still owing feedback is in both lists.
    @Test func inBothLists() throws {
        let warning = try check(plan(), [known("old", ["n1"], first: "2024-01-10")])
        #expect(warning.overlaps.map(\.id) == ["old"])
        #expect(warning.awaitingFeedback.map(\.id) == ["old"])
    }

    @Test func feedbackOverdue() throws {
        let today = try day("2024-06-15")
        let overdue = { (last: String, feedback: Bool, status: DialogueStatus) in
            DialogueFatigue.isFeedbackOverdue(
                stored: status, lastDay: Day(last), feedbackGiven: feedback, today: today)
        }
        #expect(!overdue("2024-04-20", false, .open))
        #expect(overdue("2024-04-19", false, .open))
        #expect(!overdue("2024-04-19", true, .open))
        #expect(!overdue("2024-04-19", false, .cancelled))
        #expect(!overdue("2024-04-19", false, .feedbackGiven))
        #expect(
            DialogueFatigue.isFeedbackOverdue(
                stored: .open, lastDay: try day("2024-05-31"), feedbackGiven: false, today: today, feedbackWeeks: 2))
    }

    // MARK: Topic keys

    @Test func topicKeysNamespacedAndTagsFolded() {
        let values = DialogueValues(
            id: "d", title: "T", purpose: "P", method: .workshop, organiser: "b",
            measures: [" D.2.3.1 ", ""], strategies: ["s-1"], targetAreas: ["trygghet"],
            tags: ["  Trygghet ", "TRYGGHÉT", "Grön yta", "  "])
        #expect(
            DialogueFatigue.topicKeys(values) == [
                "measure:D.2.3.1", "strategy:s-1", "target:trygghet", "tag:trygghet", "tag:gron yta",
            ])
        #expect(DialogueFatigue.tagKey(" Ängby  Park ") == "tag:angby park")
        #expect(DialogueFatigue.tagKey(" - ") == nil)
    }

    /// A target area and a tag spelt alike do not meet; tags in other case and diacritics do.
    @Test func tagsMatchAcrossCaseAndDiacritics() throws {
        let planned = DialogueValues(
            id: "new", title: "T", purpose: "P", method: .safetyWalk, organiser: "b", tags: ["Trygghét"],
            areas: ["n1"])
        let earlier = DialogueValues(
            id: "old", title: "T", purpose: "P", method: .safetyWalk, organiser: "b", targetAreas: ["trygghet"],
            tags: ["TRYGGHET "], areas: ["north"],
            sessions: [DialogueSession(start: try #require(LocalMoment("2024-02-01 18:00")))],
            feedback: [DialogueFeedback(date: try day("2024-03-01"), channel: "brev", text: "Tack")])
        let today = try day("2024-05-01")
        let warning = DialogueFatigue.check(
            DialogueFatigue.Plan(planned, today: today), against: [DialogueFatigue.Known(earlier)],
            tree: AreaTree(parentOf: parentOf), today: today)
        #expect(warning.overlaps.map(\.sharedTopics) == [["tag:trygghet"]])
        #expect(warning.overlaps.first?.timing == .before(days: 90))
        #expect(warning.awaitingFeedback.isEmpty)
    }

    // MARK: Display status

    @Test func displayStatusRules() throws {
        let today = try day("2024-06-15")
        func status(_ stored: DialogueStatus, _ first: String?, _ last: String?, _ feedback: Bool) -> DialogueStatus {
            DialogueFatigue.displayStatus(
                stored: stored, firstDay: first.flatMap(Day.init), lastDay: last.flatMap(Day.init),
                feedbackGiven: feedback, today: today)
        }
        #expect(status(.cancelled, "2024-01-01", "2024-01-01", false) == .cancelled)
        #expect(status(.planned, "2024-06-01", "2024-06-14", false) == .awaitingFeedback)
        #expect(status(.open, "2024-06-01", "2024-06-14", true) == .feedbackGiven)
        #expect(status(.feedbackGiven, "2024-06-01", "2024-06-14", false) == .feedbackGiven)
        #expect(status(.planned, "2024-06-01", "2024-06-15", false) == .open)
        #expect(status(.planned, "2024-06-15", nil, false) == .open)
        #expect(status(.planned, "2024-06-16", "2024-06-20", false) == .planned)
        #expect(status(.open, "2024-06-16", "2024-06-20", false) == .open)
        #expect(status(.awaitingFeedback, "2024-06-16", nil, false) == .planned)
        #expect(status(.planned, nil, nil, false) == .planned)
        #expect(status(.awaitingFeedback, nil, nil, false) == .awaitingFeedback)
        #expect(status(.planned, nil, nil, true) == .feedbackGiven)
    }

    @Test func displayStatusOfValues() throws {
        let ends: LocalMoment = try #require(LocalMoment("2024-05-21 20:00"))
        let values = DialogueValues(
            id: "d", title: "T", purpose: "P", method: .workshop, status: .planned, organiser: "b",
            sessions: [
                DialogueSession(start: try #require(LocalMoment("2024-05-02 18:00"))),
                DialogueSession(start: try #require(LocalMoment("2024-05-20 18:00")), end: ends),
            ])
        #expect(DialogueFatigue.displayStatus(values, today: try day("2024-05-01")) == .planned)
        #expect(DialogueFatigue.displayStatus(values, today: try day("2024-05-02")) == .open)
        #expect(DialogueFatigue.displayStatus(values, today: try day("2024-05-21")) == .open)
        #expect(DialogueFatigue.displayStatus(values, today: try day("2024-05-22")) == .awaitingFeedback)
        let known = DialogueFatigue.Known(values)
        #expect(known.firstDay == (try day("2024-05-02")))
        #expect(known.lastDay == (try day("2024-05-21")))
        #expect(DialogueFatigue.displayStatus(known, today: try day("2024-05-22")) == .awaitingFeedback)
    }

    // MARK: Speed

    /// 20,000 dialogues over 600 areas (a city, 14 districts, 585 neighbourhoods, some with
    /// sub-areas). Prints the time; never asserts one.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SKILLNAD_DIALOGUE_BENCH"] != nil))
    func speed() throws {
        var generator = SplitMix(seed: 15)
        var parents: [String: String] = [:]
        var areas: [String] = ["city"]
        for district in 0..<14 {
            parents["d\(district)"] = "city"
            areas.append("d\(district)")
        }
        for index in 0..<585 {
            let parent = index % 5 == 4 ? "a\(index - 1)" : "d\(index % 14)"
            parents["a\(index)"] = parent
            areas.append("a\(index)")
        }
        let topics = (0..<200).map { "measure:M.\($0)" } + (0..<60).map { "tag:tag \($0)" }
        let start = try day("2015-01-01").dayNumber
        let statuses = DialogueStatus.allCases
        var known: [DialogueFatigue.Known] = []
        known.reserveCapacity(20_000)
        for index in 0..<20_000 {
            let first = Day(dayNumber: start + Int(generator.next() % 4000))
            let length = Int(generator.next() % 30)
            known.append(
                DialogueFatigue.Known(
                    id: "k\(index)",
                    areas: (0...(generator.next() % 2)).map { _ in areas[Int(generator.next() % 600)] },
                    topics: Set((0...(generator.next() % 3)).map { _ in topics[Int(generator.next() % 260)] }),
                    firstDay: first, lastDay: first?.adding(days: length),
                    status: statuses[Int(generator.next() % 5)], feedbackGiven: generator.next() % 2 == 0))
        }
        let plan = DialogueFatigue.Plan(
            id: nil, areas: ["d3", "a17"], topics: ["measure:M.7", "tag:tag 3", "measure:M.100"],
            day: try day("2024-06-15"))
        let today = try day("2024-05-01")
        var timings: [Duration] = []
        let tree = AreaTree(parentOf: parents)
        var warning = DialogueFatigue.check(plan, against: known, tree: tree, today: today)
        for _ in 0..<20 {
            let clock = ContinuousClock()
            let began = clock.now
            warning = DialogueFatigue.check(plan, against: known, tree: tree, today: today)
            timings.append(clock.now - began)
        }
        timings.sort()
        print(
            "DialogueFatigue.check, 20,000 known over 600 areas: min \(timings[0]), median \(timings[10]);",
            "\(warning.overlaps.count) overlaps, \(warning.awaitingFeedback.count) awaiting feedback")
        #expect(!warning.overlaps.isEmpty)
        #expect(!warning.awaitingFeedback.isEmpty)
    }
}

/// A small deterministic generator (SplitMix64) so the benchmark data is the same every run.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
