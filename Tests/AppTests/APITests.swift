@testable import App
import Foundation
import Testing
import Vapor

@Suite("JSON API")
struct APITests {
    @Test("Lists answer items, total, limit and offset, and page")
    func paging() async throws {
        try await withTestApp { app in
            let all = try await app.getJSON("/api/v1/measures?limit=500")
            #expect(all.status == .ok)
            let total = try #require(all.json["total"] as? Int)
            #expect(total == (all.json["items"] as? [Any])?.count)
            let page = try await app.getJSON("/api/v1/measures?limit=5&offset=5")
            #expect((page.json["items"] as? [Any])?.count == 5)
            #expect(page.json["total"] as? Int == total)
            #expect(page.json["offset"] as? Int == 5)
            let firstIDs = ((all.json["items"] as? [[String: Any]]) ?? []).dropFirst(5).prefix(5).compactMap {
                $0["id"] as? String
            }
            let pageIDs = ((page.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(firstIDs == pageIDs)
        }
    }

    @Test("Every measure carries its canonical code; filters by report, body, strategy")
    func measureFilters() async throws {
        try await withTestApp { app in
            let byReport = try await app.getJSON("/api/v1/measures?report=dold-potential")
            let codes = ((byReport.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
            #expect(codes == ["A.2.1.1", "A.2.3.1", "A.2.3.2", "A.2.3.3", "A.2.4.4"])
            let byBody = try await app.getJSON("/api/v1/measures?body=rinkeby-kista-stadsdelsnamnd&role=collaborating")
            let ids = ((byBody.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(ids.contains("stad-i-samverkan-4-1-1"))
            let byStrategy = try await app.getJSON("/api/v1/measures?strategy=demokrati-och-trygghet-ii")
            let sids = ((byStrategy.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(sids.contains("medborgare-med-mandat-d-2-3-1"))
        }
    }

    @Test(
        "Malformed paging and filters give 400 problem+json naming the parameter",
        arguments: [
            ("/api/v1/measures?limit=abc", "limit"), ("/api/v1/measures?limit=0", "limit"),
            ("/api/v1/reports?limit=501", "limit"),
            ("/api/v1/bodies?offset=-1", "offset"), ("/api/v1/measures?body=", "body"),
            ("/api/v1/bodies?kind=ministry", "kind"), ("/api/v1/areas?validOn=2020-13-01", "validOn"),
            ("/api/v1/measures?role=boss", "role"), ("/api/v1/reports?year=twenty", "year"), ("/api/v1/search", "q"),
        ])
    func badParameters(path: String, parameter: String) async throws {
        try await withTestApp { app in
            let r = try await app.get(path)
            #expect(r.status == .badRequest)
            #expect(r.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any])
            #expect(json["parameter"] as? String == parameter)
            #expect(json["status"] as? Int == 400)
            #expect((json["detail"] as? String)?.contains(parameter) == true)
        }
    }

    @Test("A filter naming an id that does not exist is 404 and names the parameter")
    func unknownFilterTarget() async throws {
        try await withTestApp { app in
            for (path, parameter) in [
                ("/api/v1/measures?report=nope", "report"), ("/api/v1/measures?body=nope", "body"),
                ("/api/v1/measures?strategy=nope", "strategy"), ("/api/v1/areas?parent=nope", "parent"),
                ("/api/v1/reports?commissionArea=nope", "commissionArea"),
            ] {
                let r = try await app.getJSON(path)
                #expect(r.status == .notFound, "\(path)")
                #expect(r.json["parameter"] as? String == parameter, "\(path)")
            }
        }
    }

    @Test("Unknown ids give 404 problem+json")
    func notFound() async throws {
        try await withTestApp { app in
            for path in [
                "/api/v1/reports/nope", "/api/v1/measures/nope", "/api/v1/bodies/nope", "/api/v1/areas/nope",
                "/api/v1/reports/dold-potential/measures/A.9.9.9", "/api/v1/nothing",
            ] {
                let r = try await app.get(path)
                #expect(r.status == .notFound, "\(path)")
                #expect(r.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true, "\(path)")
                #expect(r.body.contains("\"status\":404"), "\(path)")
            }
        }
    }

    @Test("A measure by report and canonical code; variants redirect to the canonical address")
    func measureByCode() async throws {
        try await withTestApp { app in
            let ok = try await app.getJSON("/api/v1/reports/dold-potential/measures/A.2.3.1")
            #expect(ok.status == .ok)
            #expect(ok.json["code"] as? String == "A.2.3.1")
            #expect(ok.json["id"] as? String == "dold-potential-a-2-3-1")
            for variant in ["A2.3.1", "a.2.3.1", "2.3.1"] {
                let r = try await app.get("/api/v1/reports/dold-potential/measures/\(variant)")
                #expect(r.status == .movedPermanently, "\(variant)")
                #expect(r.headers.first(name: .location) == "/api/v1/reports/dold-potential/measures/A.2.3.1")
            }
            let bare = try await app.getJSON("/api/v1/reports/stad-i-samverkan/measures/4.1.1")
            #expect(bare.json["title"] as? String == "Etablera lotsar för civilsamhället i stadsdelsnämndsområdena")
            let malformed = try await app.get("/api/v1/reports/dold-potential/measures/hello")
            #expect(malformed.status == .notFound)
            #expect(malformed.body.contains("not a measure code"))
        }
    }

    @Test("Reports, bodies, areas, commission areas, roadmap and search answer with content")
    func objects() async throws {
        try await withTestApp { app in
            let report = try await app.getJSON("/api/v1/reports/dold-potential")
            #expect(report.json["letter"] as? String == "A")
            #expect(report.json["measureCount"] as? Int == 5)
            let councils = try await app.getJSON("/api/v1/bodies?kind=districtCouncil&validOn=2017-06-01")
            #expect(councils.json["total"] as? Int == 14)
            let councils2020 = try await app.getJSON("/api/v1/bodies?kind=districtCouncil&validOn=2020-06-01")
            #expect(councils2020.json["total"] as? Int == 13)
            let body = try await app.getJSON("/api/v1/bodies/kommunstyrelsen")
            #expect(body.json["kind"] as? String == "executiveBoard")
            let areas = try await app.getJSON("/api/v1/areas?parent=stockholm&kind=districtArea")
            #expect((areas.json["total"] as? Int ?? 0) >= 13)
            let area = try await app.getJSON("/api/v1/areas/bromma")
            #expect(area.json["code"] as? String == "80106")
            let ca = try await app.getJSON("/api/v1/commission-areas")
            #expect(ca.json["total"] as? Int == 5)
            let roadmap = try await app.getJSON("/api/v1/roadmap")
            let targets = try #require(roadmap.json["targetAreas"] as? [[String: Any]])
            #expect(targets.count == 4)
            #expect(targets.reduce(0) { $0 + (($1["strategies"] as? [Any])?.count ?? 0) } == 23)
            let search = try await app.getJSON("/api/v1/search?q=medborgardialoger")
            let ms = ((search.json["measures"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
            #expect(ms.contains("D.2.3.1"))
        }
    }

    @Test("Another method on a known API path is 405 with Allow, as problem+json")
    func methodNotAllowed() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.POST, "/api/v1/search") { res in
                #expect(res.status == .methodNotAllowed)
                #expect(res.headers.first(name: "Allow") == "GET, HEAD")
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            }
            try await app.testing().test(.DELETE, "/api/v1/roadmap") { res in
                #expect(res.status == .methodNotAllowed)
            }
            try await app.testing().test(.POST, "/api/v1/no-such-thing") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test("/healthz does not touch the database")
    func healthzWithoutDatabase() async throws {
        try await withTestApp(demo: false) { app in
            try await app.autoRevert()
            let r = try await app.get("/healthz")
            #expect(r.status == .ok && r.body == "ok")
            let reports = try await app.get("/api/v1/reports")
            #expect(reports.status == .internalServerError)
        }
    }
}
