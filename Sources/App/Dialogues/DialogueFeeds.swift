import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// The portal's feeds, written by the Core writers (which escape every value, as Leaf does for
/// pages): an iCalendar of the sessions to subscribe to, and an Atom feed of new dialogues and
/// new feedback; both for everything or one area (with the areas in and around it) or organiser.
enum DialogueFeeds {
    static func register(_ app: Application) {
        app.get(SiteURL.Dialogues.calendar, use: calendar)
        app.get(SiteURL.Dialogues.feed, use: feed)
    }

    /// The feeds take the area and organiser filters only.
    static func filters(_ req: Request) async throws -> DialogueQueries.Filters {
        let all = try DialogueQueries.Filters.read(req, index: try await req.catalogue().index)
        return DialogueQueries.Filters(area: all.area, organiser: all.organiser)
    }

    static func origin(_ req: Request) -> (host: String, base: String) {
        // The Host header is the client's to write: only a plain host name goes into a feed.
        let host = HeaderValue.host(req.headers.first(name: .host)) ?? "skillnad"
        return (host, "\(req.isSecure ? "https" : "http")://\(host)")
    }

    struct SessionRow: Decodable {
        let slug: String
        let title: String
        let status: String
        let purpose_record: String
        let position: Int
        let starts: String
        let ends: String?
        let place: String?
        let latitude: Double?
        let longitude: Double?
        let updated_at: String
    }

    static func calendar(_ req: Request) async throws -> Response {
        let filters = try await filters(req)
        let index = try await req.catalogue().index
        let (host, base) = origin(req)
        var select = try req.db.sql().select()
            .column(SQLColumn("slug", table: "d")).column(SQLColumn("title", table: "d"))
            .column(SQLColumn("status", table: "d")).column(SQLColumn("record", table: "d"), as: "purpose_record")
            .column(SQLColumn("updated_at", table: "d"))
            .columns(
                ["position", "starts", "ends", "place", "latitude", "longitude"].map { SQLColumn($0, table: "s") }
            )
            .from(SQLAlias(SQLIdentifier(Dialogue.schema), as: SQLIdentifier("d")))
            .join(
                SQLAlias(SQLIdentifier("dialogue_sessions"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                on: SQLColumn("dialogue_id", table: "s"), .equal, SQLColumn("id", table: "d"))
        for condition in DialogueQueries.conditions(filters, index: index, today: today()) {
            select = select.where(condition)
        }
        let rows = try await select.orderBy(SQLColumn("starts", table: "s")).all(decoding: SessionRow.self)
        let events = rows.compactMap { row -> ICalendarWriter.Event? in
            guard let start = LocalMoment(row.starts) else { return nil }
            let values = try? JSONDecoder().decode(DialogueValues.self, from: Data(row.purpose_record.utf8))
            return ICalendarWriter.Event(
                uid: "\(row.slug)-\(row.position)@\(host)", start: start, end: row.ends.flatMap(LocalMoment.init),
                summary: row.title, description: values?.purpose, location: row.place, latitude: row.latitude,
                longitude: row.longitude, url: base + SiteURL.Dialogues.dialogue(.value(row.slug)).path,
                status: row.status == DialogueStatus.cancelled.rawValue ? .cancelled : .confirmed,
                lastModified: ISO8601DateFormatter().date(from: row.updated_at))
        }
        let name = filters.area.flatMap { index.areaByID[$0]?.name }.map { "Dialoger – \($0)" } ?? "Dialoger i staden"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(
            status: .ok, headers: headers, body: .init(string: ICalendarWriter.document(name: name, events: events)))
    }

    static func feed(_ req: Request) async throws -> Response {
        let filters = try await filters(req)
        let index = try await req.catalogue().index
        let lang = Lang.of(req)
        let s = Texts(lang)
        let (hostAndPort, base) = origin(req)
        // A tag URI names a host, without a port.
        let host = hostAndPort.split(separator: ":").first.map(String.init) ?? hostAndPort
        let (rows, _, _) = try await DialogueQueries.list(
            filters, index: index, today: today(), limit: 100, offset: 0, on: req.db)
        let parse = ISO8601DateFormatter()
        func day(_ text: String) -> Date? { parse.date(from: text + "T12:00:00Z") }
        var entries: [AtomFeedWriter.Entry] = []
        for row in rows {
            let link = base + SiteURL.Dialogues.dialogue(.value(row.slug)).link(lang)
            let created = parse.date(from: row.created_at) ?? Date(timeIntervalSince1970: 0)
            let title = lang.pick(row.title, row.title_en).text
            entries.append(
                AtomFeedWriter.Entry(
                    id: "tag:\(host),2026:dialogue/\(row.slug)", title: title,
                    updated: parse.date(from: row.updated_at) ?? created, published: created, link: link,
                    summary: DialogueMethod(rawValue: row.method).map(s.label),
                    categories: [DialogueQueries.shownStatus(row, today: today()).rawValue]))
            if let given = row.feedback_on, let date = day(given) {
                entries.append(
                    AtomFeedWriter.Entry(
                        id: "tag:\(host),2026:dialogue/\(row.slug)/feedback/\(given)",
                        title: "\(s[.dlFeedback]): \(title)", updated: date, published: date, link: link,
                        categories: [DialogueStatus.feedbackGiven.rawValue]))
            }
        }
        entries.sort { $0.updated > $1.updated }
        let selfLink = base + req.url.path + (req.url.query.map { "?" + $0 } ?? "")
        let document = AtomFeedWriter.document(
            AtomFeedWriter.Feed(
                id: "tag:\(host),2026:dialogues" + filters.queryItems.map { "/\($0.0)=\($0.1)" }.joined(),
                title: "\(s[.dialogues]) – Skillnad", subtitle: s[.dlDescription],
                updated: entries.first?.updated ?? Date(timeIntervalSince1970: 0), selfLink: selfLink,
                alternateLink: base + SiteURL.Dialogues.list.link(lang, query: filters.queryItems),
                author: AtomFeedWriter.Author(name: "Skillnad"), language: lang.rawValue),
            entries: Array(entries.prefix(100)))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}
