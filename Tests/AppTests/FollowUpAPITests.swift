@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The follow-up in the JSON API: reads answer what the document says, writes need a token with
/// the right, and every refusal is problem+json naming the field.
@Suite("Follow-up API")
struct FollowUpAPITests {
    typealias Fixture = FollowUpImportTests

    /// Checks a response body against a schema of the served document.
    static func validate(
        _ app: Application, _ body: String, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let doc = try await OpenAPITests.document(app)
        let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let value = try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
        var errors: [String] = []
        SchemaCheck(schemas: schemas).check(
            value, against: ["$ref": "#/components/schemas/\(schema)"], at: "$", &errors)
        #expect(errors.isEmpty, "\(schema): \(errors.prefix(10))", sourceLocation: sourceLocation)
    }

    static func reportPath(_ period: String, _ measure: String, _ body: String) -> String {
        APIURL.FollowUp.report(.value(period), .value(measure), .value(body)).path
    }

    @Test(
        "Reads validate against the document: budget years, decisions, periods, reports, a report, a measure, the roll-up"
    )
    func reads() async throws {
        try await withTestApp { app in
            let setup = try await Fixture.setUp(app)
            let (period, measure, body) = (setup.periods[0], setup.measures[0], setup.bodies[0])
            _ = try await Fixture.run(
                app,
                Fixture.csv([
                    Fixture.row(period, measure, body, spent: "1 234,50 kr", state: "published"),
                    Fixture.row(period, measure, setup.bodies[1], status: "done", progress: "100"),
                ]))
            // A correction of the published report, published too: two revisions in its history.
            _ = try await Fixture.run(
                app,
                Fixture.csv([
                    Fixture.row(
                        period, measure, body, progress: "70", spent: "1234,5", state: "published", version: "1")
                ]))
            let checks: [(String, String)] = [
                (APIURL.FollowUp.budgetYears.path, "FollowUpBudgetYearList"),
                (APIURL.FollowUp.decisions.path + "?measure=\(measure)&year=\(setup.year)", "FollowUpDecisionList"),
                (APIURL.FollowUp.decisions.path, "FollowUpDecisionList"),
                (APIURL.FollowUp.periods.path + "?year=\(setup.year)", "FollowUpPeriodList"),
                (APIURL.FollowUp.reports.path, "FollowUpReportList"),
                (APIURL.FollowUp.reports.path + "?period=\(period)&body=\(body)", "FollowUpReportList"),
                (Self.reportPath(period, measure, body), "FollowUpReportHistory"),
                (APIURL.FollowUp.measure(.value(measure)).path, "FollowUpMeasureLife"),
                (APIURL.FollowUp.rollup.path, "FollowUpRollup"),
                (APIURL.FollowUp.rollup.path + "?year=\(setup.year)", "FollowUpRollup"),
                (APIURL.FollowUp.reports.path + "?period=nope", "Problem"),
                (APIURL.FollowUp.rollup.path + "?year=abc", "Problem"),
            ]
            for (path, schema) in checks {
                let r = try await app.get(path)
                #expect(r.status == (schema == "Problem" ? r.status : .ok), "\(path)")
                try await Self.validate(app, r.body, schema)
            }

            let reports = try await app.getJSON(APIURL.FollowUp.reports.path)
            #expect(reports.json["total"] as? Int == 1, "only the published report")
            let one = try await app.getJSON(Self.reportPath(period, measure, body))
            let report = try #require(one.json["report"] as? [String: Any])
            #expect(report["progress"] as? Int == 70)
            #expect(report["spent"] as? String == "1234.50" && report["spentOre"] as? Int == 123_450)
            #expect((one.json["history"] as? [[String: Any]])?.map { $0["revision"] as? Int } == [2, 1])
            #expect(one.json["unpublishedChanges"] as? Bool == false)
            #expect(try await app.get(Self.reportPath(period, measure, setup.bodies[1])).status == .notFound)
            #expect(try await app.get(Self.reportPath("nope", measure, body)).status == .notFound)

            let rollup = try await app.getJSON(APIURL.FollowUp.rollup.path + "?year=\(setup.year)")
            let total = try #require(rollup.json["total"] as? [String: Any])
            #expect(total["progress"] as? Double == 70)
            #expect(total["unreported"] as? Int == 3, "one of four assignments has a published report")
            #expect(try await app.get(APIURL.FollowUp.rollup.path + "?year=1999").status == .notFound)
            #expect(try await app.get(APIURL.FollowUp.measure(.value("nope")).path).status == .notFound)
            #expect(try await app.get(APIURL.FollowUp.decisions.path + "?measure=").status == .badRequest)
        }
    }

    @Test(
        "PUT a report with an editor's token: saved from its version, a stale version is 409, bad values 422 by field")
    func putReport() async throws {
        try await withTestApp { app in
            let setup = try await Fixture.setUp(app)
            let (period, measure, body) = (setup.periods[0], setup.measures[0], setup.bodies[0])
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [body])
            let token = try await app.issueToken(to: "editor@stockholm.se", scope: .readWrite)
            let path = Self.reportPath(period, measure, body)

            let saved = try await app.api(
                .PUT, path, token: token,
                json:
                    #"{"status":"inProgress","progress":40,"spent":"1 234 567,50 kr","narrative":"Pågår","version":0}"#)
            #expect(saved.status == .ok, "\(saved.body)")
            #expect(saved.json["version"] as? Int == 1 && saved.json["state"] as? String == "draft")
            #expect(saved.json["spentOre"] as? Int == 123_456_750)
            try await Self.validate(app, saved.body, "FollowUpWorkingCopy")

            let number = try await app.api(
                .PUT, path, token: token, json: #"{"status":"inProgress","spent":1234.5,"action":"submit","version":1}"#
            )
            #expect(number.status == .ok, "\(number.body)")
            #expect(number.json["spentOre"] as? Int == 123_450 && number.json["state"] as? String == "submitted")
            #expect(number.json["progress"] as? Int == 50, "the status's default progress")

            let stale = try await app.api(.PUT, path, token: token, json: #"{"status":"done","version":1}"#)
            #expect(stale.status == .conflict)
            try await Self.validate(app, stale.body, "Problem")

            let bad = try await app.api(
                .PUT, path, token: token, json: #"{"status":"done","progress":90,"spent":"12 €","version":2}"#)
            #expect(bad.status == .unprocessableEntity)
            let pointers = (bad.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
            #expect(pointers == ["/progress", "/spent"])
            try await Self.validate(app, bad.body, "Problem")

            let publish = try await app.api(
                .PUT, path, token: token, json: #"{"status":"done","action":"publish","version":2}"#)
            #expect(publish.status == .forbidden)
            let other = Self.reportPath(period, measure, setup.bodies[1])
            #expect(
                try await app.api(.PUT, other, token: token, json: #"{"status":"done","version":0}"#).status
                    == .forbidden)

            #expect(
                try await app.api(.PUT, path, token: token, json: #"{"status":"done"}"#).status == .preconditionRequired
            )
            #expect(try await app.api(.PUT, path, token: token, json: "[1]").status == .badRequest)
            #expect(
                try await app.api(.PUT, path, token: token, json: #"{"status":["x"],"version":2}"#).status
                    == .badRequest)
            #expect(
                try await app.api(
                    .PUT, path, token: token, json: #"{"status":"done","narrative":"a\u0000b","version":2}"#
                )
                .status == .badRequest)
            #expect(
                try await app.api(.PUT, path, token: token, json: #"{"status":"done","action":"burn","version":2}"#)
                    .status == .badRequest)
            #expect(
                try await app.api(
                    .PUT, Self.reportPath(period, "nope", body), token: token, json: #"{"status":"done","version":0}"#
                )
                .status == .notFound)
            #expect(
                try await app.api(.PUT, path, token: nil, json: #"{"status":"done","version":2}"#).status
                    == .unauthorized)
            #expect(try await FollowUpReport.query(on: app.db).first()?.version == 2)
        }
    }

    @Test("POST reports.csv: all or nothing, every problem with line and column as problem+json")
    func importCSV() async throws {
        try await withTestApp { app in
            let setup = try await Fixture.setUp(app)
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let token = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite)
            let path = APIURL.FollowUp.reportsCSV.path
            func post(_ data: Data) async throws -> (status: HTTPStatus, body: String, json: [String: Any]) {
                try await app.api(.POST, path, token: token, json: String(decoding: data, as: UTF8.self))
            }
            let bad = try await post(
                Fixture.csv([
                    Fixture.row(setup.periods[0], setup.measures[0], setup.bodies[0]),
                    Fixture.row(setup.periods[0], setup.measures[0], setup.bodies[1], progress: "101"),
                    Fixture.row("nope", setup.measures[0], setup.bodies[1]),
                ]))
            #expect(bad.status == .unprocessableEntity)
            let errors = try #require(bad.json["errors"] as? [[String: Any]])
            #expect(errors.compactMap { $0["pointer"] as? String } == ["/lines/3/progress", "/lines/4/period"])
            #expect((errors.first?["detail"] as? String)?.hasPrefix("Line 3, ") == true)
            try await Self.validate(app, bad.body, "Problem")
            #expect(try await FollowUpReport.query(on: app.db).count() == 0)

            let good = try await post(
                Fixture.csv([Fixture.row(setup.periods[0], setup.measures[0], setup.bodies[0], state: "published")]))
            #expect(good.status == .ok, "\(good.body)")
            try await Self.validate(app, good.body, "FollowUpImportResult")
            #expect(good.json["created"] as? Int == 1 && good.json["published"] as? Int == 1)
            let published = try await app.get(APIURL.FollowUp.reports.path)
            #expect(published.body.contains(setup.bodies[0]), "the published report is listed")

            #expect(try await post(Data()).status == .badRequest)
            #expect(try await post(Data("{\"a\":1}".utf8)).status == .unprocessableEntity)
            #expect(try await app.api(.POST, path, token: nil, json: "x").status == .unauthorized)
            let csv = try await app.get(path)
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
        }
    }

    @Test("POST a decision with an administrator's token: 201 with the decision; what the catalogue refuses is 422")
    func recordDecision() async throws {
        try await withTestApp { app in
            let setup = try await Fixture.setUp(app)
            try await app.makeUser("admin@stockholm.se", role: .admin)
            try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [setup.bodies[0]])
            let admin = try await app.issueToken(to: "admin@stockholm.se", scope: .readWrite)
            let editor = try await app.issueToken(to: "editor@stockholm.se", scope: .readWrite)
            let path = APIURL.FollowUp.decisions.path
            let body = """
                {"budgetYear":\(setup.year),"measure":"\(setup.measures[1])","kind":"financed",\
                "decidedOn":"\(setup.year - 1)-12-01","decidingBody":"kommunfullmaktige",\
                "amount":"2 500 000 kr","funding":"socialInvestmentFund"}
                """
            let created = try await app.api(.POST, path, token: admin, json: body)
            #expect(created.status == .created, "\(created.body)")
            #expect(
                created.json["amountOre"] as? Int == 250_000_000 && created.json["amount"] as? String == "2500000.00")
            try await Self.validate(app, created.body, "FollowUpDecision")
            #expect(try await app.api(.POST, path, token: editor, json: body).status == .forbidden)

            let refused = try await app.api(
                .POST, path, token: admin,
                json: #"{"budgetYear":1850,"measure":"nope","kind":"financed","decidedOn":"igår","decidingBody":"x"}"#)
            #expect(refused.status == .unprocessableEntity)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
            #expect(fields == ["/budgetYear", "/decidedOn"])
            let unknown = try await app.api(
                .POST, path, token: admin,
                json:
                    #"{"budgetYear":2041,"measure":"nope","kind":"financed","decidedOn":"2041-01-01","decidingBody":"x"}"#
            )
            #expect(unknown.status == .unprocessableEntity)
            let more = (unknown.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
            #expect(more == ["/measure", "/decidingBody", "/amount", "/funding"])
        }
    }
}
