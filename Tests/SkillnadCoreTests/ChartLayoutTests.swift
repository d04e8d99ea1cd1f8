import Foundation
import Testing
@testable import SkillnadCore

@Suite("Chart layouts")
struct ChartLayoutTests {
    // MARK: ChartScale

    @Test("0…57.58 with zero gets round ticks up to 60")
    func niceTicksTypical() {
        let s = ChartScale(values: [12.3, 57.58, 31], includeZero: true)
        #expect(s.ticks == [0, 20, 40, 60] || s.ticks == [0, 10, 20, 30, 40, 50, 60])
        #expect(s.lower == 0 && s.upper == 60)
    }

    @Test("Ticks are exact decimals and labels use the Swedish format")
    func decimalTicks() {
        let s = ChartScale(min: 0.1, max: 0.93)
        #expect(s.lower == 0 && s.upper == 1)
        #expect(s.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(s.decimals == 1)
        #expect(s.label(0.6) == "0,6")
        #expect(s.label(-2.5) == "\u{2212}2,5")
        let big = ChartScale(min: 0, max: 123_000)
        #expect(big.label(100_000) == "100\u{00A0}000")
        #expect(big.label(5000) == "5000")
        #expect(ChartScale(min: 0, max: 11).ticks == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(ChartScale(min: 0, max: 11).label(7.5) == "7,5")
    }

    @Test("Empty, single, all-equal and negative inputs give a usable axis")
    func edgeCases() {
        let empty = ChartScale(values: [])
        #expect(empty.lower == 0 && empty.upper == 1)
        let zero = ChartScale(values: [0, 0], includeZero: true)
        #expect(zero.lower == 0 && zero.upper == 1)
        let single = ChartScale(values: [42])
        #expect(single.lower < 42 && single.upper > 42)
        #expect(single.ticks.count >= 3 && single.ticks.count <= 6)
        let singleZero = ChartScale(values: [42], includeZero: true)
        #expect(singleZero.lower == 0 && singleZero.upper >= 42 && singleZero.upper <= 50)
        let negative = ChartScale(values: [-3.2, -17], includeZero: true)
        #expect(negative.lower == -20 && negative.upper == 0)
        let mixed = ChartScale(values: [-12, 37])
        #expect(mixed.lower <= -12 && mixed.upper >= 37 && mixed.ticks.contains(0))
        let ignored = ChartScale(values: [.nan, 5, .infinity], includeZero: true)
        #expect(ignored.lower == 0 && ignored.upper == 5)
        for s in [empty, zero, single, singleZero, negative, mixed, ignored] {
            #expect(s.ticks.count >= 2 && s.ticks.count <= 6)
            #expect(zip(s.ticks, s.ticks.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test func position() {
        let s = ChartScale(min: 0, max: 100)
        #expect(s.position(of: 50, from: 200, to: 600) == 400)
        #expect(s.position(of: 25, from: 300, to: 100) == 250)
    }

    // MARK: Bar chart

    @Test("Bars are sorted by value, ties by label, missing values last without a bar")
    func barSorting() throws {
        let layout = BarChartLayout(
            items: [
                .init(id: "a", label: "Alvik", value: 40),
                .init(id: "x", label: "Xyz", value: nil),
                .init(id: "b", label: "Bromma", value: 57.58),
                .init(id: "c", label: "Cedervall", value: 40),
                .init(id: "d", label: "Danvik", value: nil),
                .init(id: "e", label: "Enskede", value: 0),
            ], width: 640, rowHeight: 22, labelWidth: 200, reference: 45)
        #expect(layout.bars.map(\.id) == ["b", "a", "c", "e", "d", "x"])
        #expect(layout.bars.map(\.missing) == [false, false, false, false, true, true])
        #expect(layout.bars[4].width == 0 && layout.bars[4].value == nil)
        #expect(layout.ticks.map(\.value) == [0, 20, 40, 60] || layout.ticks.first?.value == 0)
        #expect(layout.ticks.first?.x == layout.plotX)
        #expect(layout.ticks.last?.x == layout.plotX + layout.plotWidth)
        #expect(layout.zeroX == layout.plotX)
        // Every bar starts at zero and its length is proportional to its value.
        for bar in layout.bars where !bar.missing { #expect(bar.x == layout.zeroX) }
        let b = layout.bars[0]
        let a = layout.bars[1]
        #expect(abs(b.width / a.width - 57.58 / 40) < 0.01)
        #expect(layout.bars[3].width == 0 && !layout.bars[3].missing)
        // Rows stack downward, one rowHeight apart, and fit in the height.
        #expect(layout.bars[1].y - layout.bars[0].y == 22)
        #expect(layout.bars.allSatisfy { $0.y + $0.height <= layout.height })
        #expect(layout.height == layout.plotY + 6 * 22 + 6)
        let ref = try #require(layout.referenceX)
        #expect(abs(ref - (layout.plotX + 45.0 / 60 * layout.plotWidth)) < 0.1)
        #expect(layout.bars.allSatisfy { ($0.x * 10).rounded() == $0.x * 10 })
        #expect(layout.ticks.map(\.label).first == "0")
    }

    @Test("A long chart draws the highest and the lowest values with a row between for the rest")
    func longChart() throws {
        let items = (0..<600).map {
            BarChartLayout.Item(id: "a\($0)", label: "Område \($0)", value: $0 == 7 ? nil : Double($0))
        }
        let layout = BarChartLayout(items: items, rowHeight: 20, reference: 300, maxBars: 50)
        #expect(layout.bars.count == 50)
        let highest: [Double?] = (575..<600).reversed().map { Double($0) }
        #expect(Array(layout.bars.prefix(25).map(\.value)) == highest)
        // The lowest 25 values: 25 down to 0, without the missing one.
        let lowest: [Double?] = (0..<26).filter { $0 != 7 }.reversed().map { Double($0) }
        #expect(Array(layout.bars.suffix(25).map(\.value)) == lowest)
        let omitted = try #require(layout.omitted)
        #expect(omitted.count == 550, "the missing value is in the table, not the chart")
        // The gap row sits between the 25th and 26th bar, one row each way.
        #expect(layout.bars[25].y - layout.bars[24].y == 40)
        #expect(omitted.labelY > layout.bars[24].y && omitted.labelY < layout.bars[25].y)
        #expect(layout.height == layout.plotY + 51 * 20 + 6)
        // The axis still covers every value, drawn or not.
        #expect(layout.ticks.last.map { $0.value >= 599 } == true)
        #expect(BarChartLayout(items: Array(items.prefix(50)), maxBars: 50).omitted == nil)
    }

    @Test("Negative values draw leftwards from zero")
    func negativeBars() {
        let layout = BarChartLayout(items: [
            .init(id: "n", label: "N", value: -10), .init(id: "p", label: "P", value: 30),
        ])
        #expect(layout.zeroX > layout.plotX)
        let n = layout.bars[1]
        let p = layout.bars[0]
        #expect(n.id == "n" && n.x + n.width == layout.zeroX)
        #expect(p.id == "p" && p.x == layout.zeroX)
        #expect(BarChartLayout(items: []).bars.isEmpty)
        let nan = BarChartLayout(items: [.init(id: "q", label: "Q", value: .nan), .init(id: "p", label: "P", value: 3)])
        #expect(nan.bars.map(\.id) == ["p", "q"] && nan.bars[1].missing && nan.bars[1].value == nil)
    }

    @Test("Layouts encode to JSON for the templates")
    func encodes() throws {
        let bar = BarChartLayout(
            items: [.init(id: "a", label: "A", value: 3), .init(id: "b", label: "B", value: nil)], reference: 2)
        let line = LineChartLayout(periods: ["2021", "2022"], series: [.init(id: "s", label: "S", values: [1, 2])])
        let map = MapLayout(
            items: [.init(id: "a", label: "A", geometry: Self.square(18, 59, 0.1), value: 1)], higherIsBetter: false)
        let encoder = JSONEncoder()
        #expect(try JSONDecoder().decode(BarChartLayout.self, from: encoder.encode(bar)) == bar)
        #expect(try JSONDecoder().decode(LineChartLayout.self, from: encoder.encode(line)) == line)
        #expect(try JSONDecoder().decode(MapLayout.self, from: encoder.encode(map)) == map)
    }

    // MARK: Line chart

    @Test("A missing value breaks the line; an isolated value keeps only its marker")
    func segmentsBreakOnNil() {
        let layout = LineChartLayout(
            periods: ["2018", "2019", "2020", "2021", "2022", "2023"],
            series: [
                .init(id: "s", label: "S", values: [10, 20, nil, 30, 40, nil]),
                .init(id: "t", label: "T", values: [5, nil, 7]),
            ],
            width: 640, height: 280)
        let s = layout.series[0]
        #expect(s.segments.count == 2)
        #expect(s.segments.allSatisfy { $0.split(separator: " ").count == 2 })
        #expect(s.markers.map(\.period) == ["2018", "2019", "2021", "2022"])
        #expect(
            s.segments[0]
                == "\(ChartNumber.text(s.markers[0].x)),\(ChartNumber.text(s.markers[0].y)) \(ChartNumber.text(s.markers[1].x)),\(ChartNumber.text(s.markers[1].y))"
        )
        let t = layout.series[1]
        #expect(t.segments.isEmpty)
        #expect(t.markers.map(\.value) == [5, 7])
        // Higher values are higher up; the axis spans the data.
        #expect(s.markers[0].y > s.markers[1].y)
        #expect(layout.yTicks.first!.value <= 5 && layout.yTicks.last!.value >= 40)
        #expect(layout.yTicks.first!.y == layout.plotY + layout.plotHeight)
        #expect(layout.yTicks.last!.y == layout.plotY)
        #expect(layout.xLabels.map(\.period) == ["2018", "2019", "2020", "2021", "2022", "2023"])
        #expect(layout.xLabels.first?.x == layout.plotX && layout.xLabels.last?.x == layout.plotX + layout.plotWidth)
    }

    @Test("A single period gives a marker in the middle and no segment")
    func singlePeriod() {
        let layout = LineChartLayout(periods: ["2022"], series: [.init(id: "s", label: "S", values: [63.5])])
        #expect(layout.series[0].segments.isEmpty)
        #expect(layout.series[0].markers.count == 1)
        #expect(layout.series[0].markers[0].x == layout.plotX + layout.plotWidth / 2)
        #expect(layout.xLabels.count == 1)
        let empty = LineChartLayout(periods: [], series: [.init(id: "s", label: "S", values: [])])
        #expect(empty.series[0].markers.isEmpty && empty.xLabels.isEmpty)
    }

    @Test("Many periods get thinned labels, keeping the first and last")
    func thinnedLabels() {
        let periods = (2000...2023).map(String.init)
        let layout = LineChartLayout(
            periods: periods, series: [.init(id: "s", label: "S", values: periods.map { Double($0) })])
        let labels = layout.xLabels.map(\.period)
        #expect(labels.count <= 10 && labels.count >= 5)
        #expect(labels.first == "2000" && labels.last == "2023")
        #expect(layout.series[0].segments.count == 1)
        for n in 11...40 {
            let kept = LineChartLayout.labelIndices(count: n, max: 10)
            #expect(kept.first == 0 && kept.last == n - 1 && kept.count <= 10)
            let gaps = zip(kept, kept.dropFirst()).map { $1 - $0 }
            #expect(gaps.max()! <= 2 * gaps.min()!)
        }
    }

    // MARK: Map

    static func square(_ lon: Double, _ lat: Double, _ size: Double) -> JSONValue {
        let ring: [[Double]] = [
            [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
        ]
        return .object([
            "type": .string("Polygon"),
            "coordinates": .array([.array(ring.map { .array($0.map(JSONValue.number)) })]),
        ])
    }

    @Test("The map fits every path inside the SVG and keeps the aspect ratio at 59° N")
    func projectionFits() throws {
        let items: [MapLayout.Item] = [
            .init(id: "a", label: "A", geometry: Self.square(17.8, 59.2, 0.1), value: 1),
            .init(id: "b", label: "B", geometry: Self.square(18.1, 59.35, 0.05), value: 2),
            .init(
                id: "c", label: "C",
                geometry: .object(["type": .string("Point"), "coordinates": .array([.number(18), .number(59)])]),
                value: 3),
            .init(id: "d", label: "D", geometry: nil, value: nil),
        ]
        let map = MapLayout(items: items, width: 560, higherIsBetter: true)
        #expect(map.unmapped == ["c", "d"])
        #expect(map.regions.map(\.id) == ["a", "b"])
        // 0.35° of longitude × cos 59.3° ≈ 0.179 against 0.2° of latitude: a little taller than wide.
        let expected = (560.0 - 16) / (0.35 * cos(59.3 * .pi / 180)) * 0.2 + 16
        #expect(abs(map.height - expected) < 0.2)
        for region in map.regions {
            let numbers = region.path.split(whereSeparator: { "MLZ ".contains($0) }).map { Double($0)! }
            #expect(numbers.count % 2 == 0 && numbers.count >= 6)
            for (i, n) in numbers.enumerated() {
                #expect(n >= 0 && n <= (i % 2 == 0 ? map.width : map.height))
            }
            #expect(region.labelX > 0 && region.labelX < map.width && region.labelY > 0 && region.labelY < map.height)
        }
        let a = map.regions[0]
        #expect(a.path.hasPrefix("M8 ") && a.path.hasSuffix("Z"))
        #expect(a.path.components(separatedBy: "M").count == 2)
        let limited = MapLayout(items: items, width: 560, higherIsBetter: true, maxHeight: 300)
        #expect(limited.height <= 300)
    }

    @Test("Quantile classes: equal counts, worst first whichever way is good")
    func quantileClasses() {
        let values: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, nil]
        let items = values.enumerated().map {
            MapLayout.Item(
                id: "\($0)", label: "\($0)", geometry: Self.square(18 + Double($0) * 0.01, 59, 0.01), value: $1)
        }
        let up = MapLayout(items: items, classes: 5, higherIsBetter: true)
        #expect(up.classCount == 5)
        #expect(up.regions.map(\.classIndex) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, nil])
        #expect(
            up.legend == [
                .init(classIndex: 0, lower: 1, upper: 2), .init(classIndex: 1, lower: 3, upper: 4),
                .init(classIndex: 2, lower: 5, upper: 6), .init(classIndex: 3, lower: 7, upper: 8),
                .init(classIndex: 4, lower: 9, upper: 10),
            ])
        let down = MapLayout(items: items, classes: 5, higherIsBetter: false)
        #expect(down.regions.map(\.classIndex) == [4, 4, 3, 3, 2, 2, 1, 1, 0, 0, nil])
        #expect(down.legend.first == .init(classIndex: 0, lower: 9, upper: 10))
        // Two distinct values make two classes, and ties share a class.
        let few = [5.0, 5, 5, 8, 8].enumerated().map {
            MapLayout.Item(id: "\($0)", label: "", geometry: Self.square(18, 59, 0.01), value: $1)
        }
        let two = MapLayout(items: few, classes: 5, higherIsBetter: true)
        #expect(two.classCount == 2)
        #expect(two.regions.map(\.classIndex) == [0, 0, 0, 1, 1])
        let none = MapLayout(
            items: [.init(id: "x", label: "", geometry: Self.square(18, 59, 0.01), value: nil)], higherIsBetter: true)
        #expect(none.legend.isEmpty && none.regions[0].classIndex == nil)
    }

    @Test func palette() {
        for k in 1...12 {
            let p = MapLayout.palette(classes: k)
            #expect(p.count == k)
            #expect(Set(p).count == k)
            #expect(p.allSatisfy { $0.count == 7 && $0.hasPrefix("#") && $0 != "#ffffff" })
        }
        #expect(MapLayout.palette(classes: 0).isEmpty)
        #expect(MapLayout.palette(classes: 9).first == "#deebf7" && MapLayout.palette(classes: 9).last == "#08306b")
    }

    @Test("Coordinates are written with at most one decimal")
    func numberText() {
        #expect(ChartNumber.text(12) == "12")
        #expect(ChartNumber.text(12.34) == "12.3")
        #expect(ChartNumber.text(-0.04) == "0")
        #expect(ChartNumber.text(-1.25) == "-1.3" || ChartNumber.text(-1.25) == "-1.2")
        #expect(ChartNumber.round1(-0.01).sign == .plus)
    }
}
