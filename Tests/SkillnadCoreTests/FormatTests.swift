import Foundation
import Testing
@testable import SkillnadCore

private func problems<T>(_ result: Result<T, ObservationProblems>, sourceLocation: SourceLocation = #_sourceLocation)
    -> [ObservationProblem]
{
    switch result {
    case .success(let value):
        Issue.record("expected problems, got \(value)", sourceLocation: sourceLocation)
        return []
    case .failure(let p):
        return p.problems
    }
}

@Suite("Kolada data responses")
struct KoladaFormatTests {
    /// The shape of `/v2/data/kpi/N00945/municipality/0180,1480/year/2021,2022` (numbers made up).
    static let municipalities = #"""
        {
          "count": 3,
          "values": [
            {"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [
              {"count": 1, "gender": "T", "status": "", "value": 52.3},
              {"count": 1, "gender": "K", "status": "", "value": 55.1},
              {"count": 1, "gender": "M", "status": "", "value": 49.4}
            ]},
            {"kpi": "N00945", "municipality": "1480", "period": 2022, "values": [
              {"count": 1, "gender": "T", "status": "", "value": null},
              {"count": 1, "gender": "K", "status": "Missing", "value": null},
              {"count": 1, "gender": "M", "status": "Preliminär", "value": 47}
            ]},
            {"kpi": "N00945", "municipality": "1480", "period": "2021", "values": [
              {"count": 1, "gender": "T", "status": "", "value": 0}
            ]}
          ],
          "next_page": "https://api.kolada.se/v2/data/kpi/N00945/year/2022?page=2&per_page=3"
        }
        """#

    @Test func readsGendersNullsStatusesAndKPIs() throws {
        let data = try KoladaReader.parse(Data(Self.municipalities.utf8)).get()
        #expect(data.kpis == ["N00945"])
        #expect(data.statuses == ["Missing", "Preliminär"])
        #expect(data.nextPage == "https://api.kolada.se/v2/data/kpi/N00945/year/2022?page=2&per_page=3")
        let o = data.observations
        #expect(o.count == 7)
        #expect(o.map(\.group) == ["T", "kon=K", "kon=M", "T", "kon=K", "kon=M", "T"])
        #expect(o.map(\.areaCode) == ["0180", "0180", "0180", "1480", "1480", "1480", "1480"])
        #expect(o.map(\.period) == ["2022", "2022", "2022", "2022", "2022", "2022", "2021"])
        #expect(o.allSatisfy { $0.areaName == nil })
        #expect(o[0].value == 52.3 && o[1].value == 55.1 && o[2].value == 49.4)
        // null: not computable, not 0 and not suppressed.
        #expect(o[3].value == nil && !o[3].suppressed && !o[3].preliminary)
        // A status saying the value is missing: suppressed.
        #expect(o[4].value == nil && o[4].suppressed)
        // A preliminary status keeps the value.
        #expect(o[5].value == 47 && o[5].preliminary && !o[5].suppressed)
        // A real 0 stays 0.
        #expect(o[6].value == 0 && o[6].computable)
    }

    @Test func readsOrganisationalUnitsAndABareArray() throws {
        let ou = #"""
            {"count": 1, "values": [{"kpi": "N15033", "ou": "V15E144001301", "period": 2022,
              "values": [{"count": 1, "gender": "T", "status": "", "value": 88.5}]}]}
            """#
        let rows = try KoladaReader.read(Data(ou.utf8)).get()
        #expect(
            rows == [ReadObservation(line: 0, areaCode: "V15E144001301", areaName: nil, period: "2022", value: 88.5)])

        let bare = #"""
            [{"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "value": 1.5}]},
             {"kpi": "U00405", "municipality": "0180", "period": 2022, "values": [{"gender": "K", "value": 2}]}]
            """#
        let data = try KoladaReader.parse(Data(bare.utf8)).get()
        #expect(data.kpis == ["N00945", "U00405"])
        #expect(data.nextPage == nil)
        #expect(data.observations.map(\.value) == [1.5, 2])
    }

    @Test func reportsProblemsWithJSONPaths() throws {
        let bad = #"""
            {"values": [
              {"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "value": "52,3"}]},
              {"kpi": "N00945", "period": 2022, "values": []},
              {"kpi": "N00945", "municipality": "0180", "values": [{"gender": "X", "value": 1}]}
            ]}
            """#
        let p = problems(KoladaReader.read(Data(bad.utf8)))
        #expect(p.allSatisfy { $0.line == nil })
        #expect(
            p.map(\.column) == [
                "values[0].values[0].value", "values[1]", "values[2].period", "values[2].values[0].gender",
            ])
        #expect(p[0].message.contains("\"52,3\" is not a number"))

        let noValues = problems(KoladaReader.read(Data(#"{"count": 0}"#.utf8)))
        #expect(noValues.map(\.column) == ["values"])

        let notJSON = problems(KoladaReader.read(Data("kpi;municipality\nN00945;0180\n".utf8)))
        #expect(notJSON.count == 1 && notJSON[0].message.hasPrefix("not valid JSON"))

        // A period on each value (as one client's v3 types have it) is taken as well.
        let inner =
            #"{"values": [{"kpi": "N00945", "municipality": "0180", "values": [{"period": 2021, "gender": "T", "value": 1}, {"period": "2022", "gender": "T", "value": 2}]}]}"#
        #expect(try KoladaReader.read(Data(inner.utf8)).get().map(\.period) == ["2021", "2022"])

        let bareBad = problems(
            KoladaReader.read(
                Data(#"[{"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [{"value": true}]}]"#.utf8))
        )
        #expect(bareBad.map(\.column) == ["[0].values[0].value"])
    }
}

@Suite("Open SDG data files")
struct OpenSDGFormatTests {
    static let sample = """
        Year,Sex,Age,Units,GeoCode,Value
        2021,,,Percent,,33.7
        2022,,,Percent,,32.1
        2022,Female,,Percent,,31.5
        2022,Male,15-24,Percent,,..
        2022,,,Percent,0180,
        2022,Female,25-34,Percent,0180,40.25

        """

    @Test func readsDimensionsHeadlineAndGeoCode() throws {
        let table = try CSVTable.parse(Data(Self.sample.utf8))
        let rows = try OpenSDGFormat.read(table).get()
        #expect(rows.count == 6)
        #expect(rows.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(rows.map(\.period) == ["2021", "2022", "2022", "2022", "2022", "2022"])
        #expect(
            rows.map(\.group) == [
                "units=Percent", "units=Percent", "sex=Female;units=Percent", "age=15-24;sex=Male;units=Percent",
                "units=Percent", "age=25-34;sex=Female;units=Percent",
            ])
        #expect(rows.map(\.areaCode) == [nil, nil, nil, nil, "0180", "0180"])
        #expect(rows.allSatisfy { $0.areaName == nil })
        #expect(rows[0].value == 33.7 && rows[5].value == 40.25)
        #expect(rows[3].value == nil && rows[3].suppressed)
        #expect(rows[4].value == nil && !rows[4].suppressed)
    }

    @Test func headlineWithoutDimensionsIsEveryone() throws {
        let table = try CSVTable.parse(Data("year;Sex;value\n2022;;12,5\n2022;Female;13\n".utf8))
        let rows = try OpenSDGFormat.read(table).get()
        #expect(rows.map(\.group) == ["T", "sex=Female"])
        #expect(rows.map(\.value) == [12.5, 13])
        #expect(rows.allSatisfy { $0.areaCode == nil })
    }

    @Test func reportsBadNumbersWithLineAndColumn() throws {
        let text = "Year,Sex,Value\n2022,,12.5\n2022,Female,12a\n,Male,3\n"
        let table = try CSVTable.parse(Data(text.utf8))
        let p = problems(OpenSDGFormat.read(table))
        #expect(p.count == 2)
        #expect(p[0].line == 3 && p[0].column == "Value" && p[0].message == "\"12a\" is not a number")
        #expect(p[1].line == 4 && p[1].column == "Year")

        let noValue = try CSVTable.parse(Data("Year,Sex,Amount\n2022,,1\n".utf8))
        let missing = problems(OpenSDGFormat.read(noValue))
        #expect(missing.map(\.column) == ["Value"])
        #expect(missing.allSatisfy { $0.line == nil })
    }

    @Test func writesAndReadsBack() throws {
        let rows = [
            ExportRow(
                indicator: "i", areaID: "stockholm", areaCode: "0180", areaName: "Stockholm", areaKind: "city",
                period: "2022", value: 37.52631578947368),
            ExportRow(
                indicator: "i", areaID: "rinkeby-kista", areaCode: nil, areaName: "Rinkeby-Kista",
                areaKind: "districtArea", period: "2022",
                group: ObservationGroup.key([("kon", "K"), ("alder", "16-24")]), value: 0.00001),
            ExportRow(
                indicator: "i", areaID: "skarpnack", areaCode: "01,8", areaName: "Skarpnäck", areaKind: "districtArea",
                period: "2022",
                group: ObservationGroup.key([("units", "Procent, andel")]), value: nil),
            ExportRow(
                indicator: "i", areaID: "spanga", areaCode: "S1", areaName: "Spånga", areaKind: "districtArea",
                period: "2023",
                value: 1e20, suppressed: false),
        ]
        let text = OpenSDGFormat.write(rows)
        #expect(
            text == """
                Year,GeoCode,Alder,Kon,Units,Value
                2022,,,,,37.52631578947368
                2022,rinkeby-kista,16-24,K,,0.00001
                2022,"01,8",,,"Procent, andel",
                2023,S1,,,,100000000000000000000

                """)
        #expect(!text.hasPrefix("\u{FEFF}") && !text.contains("\r"))
        let back = try OpenSDGFormat.read(CSVTable.parse(Data(text.utf8))).get()
        #expect(back.map(\.areaCode) == [nil, "rinkeby-kista", "01,8", "S1"])
        #expect(back.map(\.group) == rows.map(\.group))
        #expect(back.map(\.period) == rows.map(\.period))
        #expect(back.map(\.value) == rows.map(\.value))
    }
}

@Suite("Observation export")
struct ObservationExportTests {
    static let rows = [
        ExportRow(
            indicator: "valdeltagande", areaID: "spanga-22", areaCode: "01800122", areaName: "Spånga 22 \"Rinkeby\", Ö",
            areaKind: "votingDistrict", period: "2022", value: 37.52631578947368, numerator: 713, denominator: 1900),
        ExportRow(
            indicator: "valdeltagande", areaID: "kista-1", areaCode: nil, areaName: "Kista 1\nnorra",
            areaKind: "votingDistrict",
            period: "2022", group: ObservationGroup.key([("kon", "K"), ("alder", "18-24")]), value: nil, numerator: 0,
            denominator: 0,
            weight: 1234.5, preliminary: true, suppressed: false),
        ExportRow(
            indicator: "valdeltagande", areaID: "akalla-3", areaName: "Akalla 3", areaKind: "votingDistrict",
            period: "2022",
            value: -0.000125, suppressed: true),
    ]

    @Test func csvParsesBackWithValuesAndNames() throws {
        let text = ObservationExport.csv(Self.rows)
        #expect(!text.hasPrefix("\u{FEFF}") && !text.contains("\r"))
        #expect(
            text.hasPrefix(
                "indicator,area_id,area_code,area_name,area_kind,period,group,value,numerator,denominator,weight,preliminary,suppressed,origin\n"
            ))
        #expect(text.contains(",37.52631578947368,713,1900,,false,false,measured\n"))
        let t = try CSVTable.parse(Data(text.utf8))
        #expect(t.delimiter == .comma)
        #expect(t.header == ObservationExport.header)
        try check(t)
        #expect(t.decimalSeparator(column: try #require(try t.column("value"))) == ".")
    }

    @Test func swedishCSVIsSemicolonDecimalCommaWithBOM() throws {
        let text = ObservationExport.csv(Self.rows, swedish: true)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.contains(";37,52631578947368;713;1900;;false;false;measured\n"))
        // The group key holds the delimiter and is quoted.
        #expect(text.contains(";\"alder=18-24;kon=K\";"))
        let t = try CSVTable.parse(Data(text.utf8))
        #expect(t.delimiter == .semicolon)
        #expect(t.header.first == "indicator")
        #expect(t.decimalSeparator(column: try #require(try t.column("value"))) == ",")
        try check(t)
    }

    /// Names, nulls and numbers survive the round trip.
    func check(_ t: CSVTable) throws {
        #expect(t.rows.count == 3)
        let name = try #require(try t.column("area_name"))
        let value = try #require(try t.column("value"))
        let weight = try #require(try t.column("weight"))
        let group = try #require(try t.column("group"))
        #expect(t.rows.map { $0[name] } == Self.rows.map(\.areaName))
        #expect(t.rows.map { $0[group] } == Self.rows.map(\.group))
        let code = try #require(try t.column("area_code"))
        #expect(t.rows[1][value] == "" && t.rows[1][code] == "")
        let values = try t.numbers(column: value)
        #expect(values == [.value(37.52631578947368), .missing, .value(-0.000125)])
        #expect(try t.numbers(column: weight) == [.missing, .value(1234.5), .missing])
        let flags = try #require(try t.column("preliminary"))
        let suppressed = try #require(try t.column("suppressed"))
        #expect(t.rows.map { $0[flags] } == ["false", "true", "false"])
        #expect(t.rows.map { $0[suppressed] } == ["false", "false", "true"])
    }

    @Test func numbersAreShortestWithoutExponent() {
        #expect(CSVText.number(37.52631578947368) == "37.52631578947368")
        #expect(CSVText.number(5) == "5")
        #expect(CSVText.number(-0.0) == "0")
        #expect(CSVText.number(1e-5) == "0.00001")
        #expect(CSVText.number(-1.25e-7) == "-0.000000125")
        #expect(CSVText.number(1.5e17) == "150000000000000000")
        #expect(CSVText.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSVText.number(1234.5, decimal: ",") == "1234,5")
        #expect(CSVText.number(.nan) == "")
        for x in [1e-5, 123456.789, 2.5e-300, 9.87654321e21, 1.0 / 3] {
            #expect(Double(CSVText.number(x)) == x)
        }
    }

    @Test func jsonHasSortedKeysAndNulls() throws {
        let data = ObservationExport.json(Array(Self.rows.prefix(2)))
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(
            text.hasPrefix(
                #"{"observations":[{"area_code":"01800122","area_id":"spanga-22","area_kind":"votingDistrict""#))
        #expect(text.contains(#""value":null"#))
        #expect(text.contains(#""area_code":null"#))
        #expect(text.contains(#""weight":null"#))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let observations = try #require(object["observations"] as? [[String: Any]])
        #expect(observations.count == 2)
        #expect(observations[0].keys.count == ObservationExport.header.count)
        #expect(observations[0]["value"] as? Double == 37.52631578947368)
        #expect(observations[1]["value"] is NSNull)
        #expect(observations[1]["preliminary"] as? Bool == true)
    }
}
