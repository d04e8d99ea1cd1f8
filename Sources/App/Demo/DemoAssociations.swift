import Fluent
import Foundation
import SkillnadCore

/// The demo's register of associations: six made-up associations (each named as an example) in
/// Järva and Skärholmen, approved, waiting for review, due to renew and lapsed, so every standing
/// can be seen. Their dates are set from the day the demo is loaded. Loaded after the areas and
/// bodies; run twice, it changes nothing.
enum DemoAssociations {
    struct Example {
        let name: String
        let number: String
        let giro: String
        let founded: String
        let purpose: String
        let districts: [String]
        /// District areas whose registers have approved it; the others wait.
        let approved: [String]
        /// Days before today of the annual meeting and of the last verification.
        let meetingDaysAgo: Int
        let verifiedDaysAgo: Int
        let members: [String: Int]
        let activities: [AssociationEntry.Activity]
    }

    static func load(on db: any Database) async throws -> String? {
        struct Count: Decodable { let n: Int }
        let existing = try await db.sql().raw("SELECT COUNT(*) AS n FROM associations").first(decoding: Count.self)
        guard (existing?.n ?? 0) == 0 else { return nil }
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let districts = ["skarholmen", "rinkeby-kista", "spanga-tensta"]
        guard districts.allSatisfy({ index.areaByID[$0]?.kind == .districtArea }) else { return nil }
        let day = today()
        // An activity in a district when the catalogue has it, else in its district area.
        func area(_ id: String, in district: String) -> String { index.areaByID[id] == nil ? district : id }
        func activity(
            _ name: String, _ audience: String, ages: (Int?, Int?), languages: [String], area: String,
            place: String, address: String, at position: (Double, Double), schedule: String
        ) -> AssociationEntry.Activity {
            AssociationEntry.Activity(
                name: name, audience: audience, minimumAge: ages.0, maximumAge: ages.1, languages: languages,
                area: area, place: place, address: address, latitude: position.0, longitude: position.1,
                schedule: schedule)
        }
        let examples = [
            Example(
                name: "Bredängs fritidsförening (exempel)", number: "802480-1014", giro: "5050-1014",
                founded: "2012-09-01",
                purpose: "Meningsfull fritid för barn och unga i Bredäng, med läxhjälp och idrott.",
                districts: ["skarholmen"], approved: ["skarholmen"], meetingDaysAgo: 40, verifiedDaysAgo: 30,
                members: ["7-12/women": 31, "7-12/men": 28, "13-20/women": 22, "13-20/men": 19, "26-64/other": 6],
                activities: [
                    activity(
                        "Läxhjälp", "Barn i årskurs 4–9", ages: (10, 15), languages: ["sv", "so", "ar"],
                        area: area("bredang", in: "skarholmen"), place: "Bredängs bibliotek",
                        address: "Bredängstorget 2", at: (59.2950, 17.9334), schedule: "Tisdagar och torsdagar 16–18"),
                    activity(
                        "Fotboll för tjejer", "Tjejer som vill prova fotboll", ages: (9, 14), languages: ["sv"],
                        area: area("bredang", in: "skarholmen"), place: "Bredängs bollplan",
                        address: "Stora Sällskapets väg", at: (59.2968, 17.9263), schedule: "Lördagar 10–12"),
                ]),
            Example(
                name: "Sätra seniorer (exempel)", number: "802480-1022", giro: "5050-2012", founded: "1998-03-15",
                purpose: "Gemenskap, motion och studiecirklar för äldre i Sätra.", districts: ["skarholmen"],
                approved: ["skarholmen"], meetingDaysAgo: 100, verifiedDaysAgo: 400,
                members: ["65+/women": 48, "65+/men": 27],
                activities: [
                    activity(
                        "Stavgång", "Äldre som vill röra på sig", ages: (65, nil), languages: ["sv", "fi"],
                        area: area("satra", in: "skarholmen"), place: "Sätra centrum", address: "Sätra torg",
                        at: (59.2853, 17.9223), schedule: "Måndagar 10")
                ]),
            Example(
                name: "Husby kvinnoförening (exempel)", number: "802480-1030", giro: "5050-3010",
                founded: "2005-05-20", purpose: "En mötesplats för kvinnor i Husby: språk, hälsa och föreningsliv.",
                districts: ["rinkeby-kista"], approved: ["rinkeby-kista"], meetingDaysAgo: 20, verifiedDaysAgo: 380,
                members: ["26-64/women": 64, "65+/women": 12, "21-25/women": 9],
                activities: [
                    activity(
                        "Svenska över fika", "Kvinnor som vill öva svenska", ages: (18, nil),
                        languages: ["sv", "ar", "so", "ti"], area: "rinkeby-kista", place: "Husby träff",
                        address: "Husby centrum", at: (59.4103, 17.9263), schedule: "Onsdagar 13–15")
                ]),
            Example(
                name: "Tensta schackklubb (exempel)", number: "802480-1048", giro: "5050-4018", founded: "2016-01-10",
                purpose: "Schack för alla åldrar i Tensta, med träning och turneringar.", districts: ["spanga-tensta"],
                approved: ["spanga-tensta"], meetingDaysAgo: 60, verifiedDaysAgo: 50,
                members: ["7-12/men": 14, "7-12/women": 9, "13-20/men": 11, "26-64/men": 7],
                activities: [
                    activity(
                        "Schackträning", "Nybörjare och vana spelare", ages: (7, nil), languages: ["sv", "en"],
                        area: "spanga-tensta", place: "Tensta träff", address: "Tensta centrum",
                        at: (59.3946, 17.9010), schedule: "Fredagar 17–19")
                ]),
            Example(
                name: "Järva musikförening (exempel)", number: "802480-1055", giro: "5050-5015", founded: "2019-06-01",
                purpose: "Musik för unga i Järva: band, studio och konserter.",
                districts: ["rinkeby-kista", "spanga-tensta"], approved: ["spanga-tensta"], meetingDaysAgo: 30,
                verifiedDaysAgo: 25, members: ["13-20/women": 17, "13-20/men": 21, "21-25/other": 3],
                activities: [
                    activity(
                        "Replokal och studio", "Unga som spelar eller vill börja", ages: (13, 25),
                        languages: ["sv", "en"], area: "rinkeby-kista", place: "Kista gård",
                        address: "Jan Stenbecks torg", at: (59.4036, 17.9446), schedule: "Vardagar 15–21")
                ]),
            Example(
                name: "Rinkeby föräldranätverk (exempel)", number: "802480-1063", giro: "5050-6013",
                founded: "2024-02-01", purpose: "Föräldrar i Rinkeby som stöttar varandra och nattvandrar.",
                districts: ["rinkeby-kista"], approved: [], meetingDaysAgo: 10, verifiedDaysAgo: 0,
                members: ["26-64/women": 11, "26-64/men": 8],
                activities: [
                    activity(
                        "Nattvandring", "Föräldrar och andra vuxna", ages: (18, nil), languages: ["sv", "so", "ar"],
                        area: "rinkeby-kista", place: "Rinkeby torg", address: "Rinkebytorget",
                        at: (59.3880, 17.9285), schedule: "Fredagar och lördagar 21–24")
                ]),
        ]
        func daysAgo(_ days: Int) -> Day { day.adding(days: -days) ?? day }
        let board: [AssociationEntry.BoardMember] = [
            .init(name: "Ordförande (exempel)", role: .chair), .init(name: "Kassör (exempel)", role: .treasurer),
            .init(name: "Sekreterare (exempel)", role: .secretary),
        ]
        for example in examples {
            var members = AssociationEntry.Members()
            for (key, count) in example.members {
                let parts = key.split(separator: "/").map(String.init)
                guard parts.count == 2, let band = AssociationEntry.AgeBand(rawValue: parts[0]),
                    let sex = AssociationEntry.Sex(rawValue: parts[1])
                else { continue }
                members.counts[band, default: [:]][sex] = count
            }
            let entry = AssociationEntry(
                name: example.name, organisationNumber: try OrganisationNumber(parsing: example.number),
                legalForm: .nonProfit, founded: Day(example.founded), purpose: example.purpose,
                districts: example.districts, members: members, board: board, contactName: "Kontaktperson (exempel)",
                contactEmail: "forening@example.se", contactPublic: true,
                giro: try GiroNumber(.bankgiro, parsing: example.giro),
                annualMeeting: daysAgo(example.meetingDaysAgo), democracyConditions: true,
                activities: example.activities)
            let slug = try await AssociationStore.register(entry, for: nil, by: .system("demo"), now: Date(), on: db)
            guard let stored = try await AssociationStore.find(slug, on: db) else { continue }
            let approved = example.approved.map {
                (area: $0, decision: RegisterDecision.approved, reason: String?.none)
            }
            try await AssociationStore.decide(
                stored, decisions: approved, today: daysAgo(example.verifiedDaysAgo), by: .system("demo"), on: db)
        }
        return "Register of associations: \(examples.count) example associations in three districts."
    }
}
