import Fluent
import Foundation
import SkillnadCore

/// The demo's grants: four made-up schemes (each named as an example) of three district councils
/// and the culture committee — one open, one taking late applications, one opening later, one
/// closed and decided — and applications from the demo's associations at every step, so the one
/// entry, the queue and the application pages all have something to show. Dates are set from the
/// day the demo is loaded. Loaded after the associations; run twice, it changes nothing.
enum DemoGrants {
    static func load(on db: any Database) async throws -> String? {
        struct Count: Decodable { let n: Int }
        let existing = try await db.sql().raw("SELECT COUNT(*) AS n FROM grant_schemes").first(decoding: Count.self)
        guard (existing?.n ?? 0) == 0 else { return nil }
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let bodies = ["skarholmen-stadsdelsnamnd", "rinkeby-kista-stadsdelsnamnd", "spanga-tensta-stadsdelsnamnd"]
        guard bodies.allSatisfy({ index.bodyByID[$0] != nil }) else { return nil }
        let day = today()
        func days(_ offset: Int) -> Day { day.adding(days: offset) ?? day }
        let city = CityGrantRules.standard
        func scheme(
            _ id: String, body: String, name: String, nameEn: String, purpose: String, audience: String,
            areas: [String], members: Int?, years: Int?, amounts: (Int, Int), opens: Int, closes: Int, late: Int,
            attachments: [GrantDocumentKind]
        ) -> GrantScheme {
            let decides = days(closes + 40)
            return GrantScheme(
                id: id, body: body, name: name, nameEn: nameEn, purpose: purpose, audience: audience, areas: areas,
                rules: GrantRules(
                    registered: true, activeInArea: true, democracyConditions: true, minimumMembers: members,
                    minimumYearsActive: years),
                minimumAmount: amounts.0, maximumAmount: amounts.1, opens: days(opens), closes: days(closes),
                lateDays: late, decides: decides, reportDue: city.latestReportDue(decides: decides),
                attachments: attachments)
        }
        var schemes = [
            scheme(
                "skarholmen-lokalt-exempel", body: "skarholmen-stadsdelsnamnd",
                name: "Lokalt föreningsbidrag, Skärholmen (exempel)",
                nameEn: "Local association grant, Skärholmen (example)",
                purpose:
                    "Verksamhet för barn, unga och äldre i stadsdelsområdet som stärker gemenskap och delaktighet.",
                audience: "Ideella föreningar i Skärholmens föreningsregister med minst tio medlemmar.",
                areas: ["skarholmen"], members: 10, years: 2, amounts: (5_000, 100_000), opens: -30, closes: 30,
                late: 0,
                attachments: [.budget, .activityPlan]),
            scheme(
                "rinkeby-kista-unga-exempel", body: "rinkeby-kista-stadsdelsnamnd",
                name: "Bidrag till barn- och ungdomsverksamhet, Rinkeby-Kista (exempel)",
                nameEn: "Grant for children's and youth activities, Rinkeby-Kista (example)",
                purpose: "Regelbunden fritidsverksamhet för barn och unga 7–20 år i Rinkeby-Kista.",
                audience: "Föreningar i Rinkeby-Kistas föreningsregister med verksamhet för barn och unga.",
                areas: ["rinkeby-kista"], members: 15, years: nil, amounts: (10_000, 150_000), opens: -60, closes: -3,
                late: 7, attachments: [.budget]),
            scheme(
                "spanga-tensta-2026-exempel", body: "spanga-tensta-stadsdelsnamnd",
                name: "Föreningsbidrag, Spånga-Tensta (exempel)", nameEn: "Association grant, Spånga-Tensta (example)",
                purpose: "Öppen verksamhet i Spånga-Tensta som når dem som annars inte deltar.",
                audience: "Föreningar i Spånga-Tenstas föreningsregister.", areas: ["spanga-tensta"], members: nil,
                years: 1, amounts: (5_000, 80_000), opens: -220, closes: -160, late: 0, attachments: [.budget]),
        ]
        if index.bodyByID["kulturnamnden"] != nil {
            schemes.append(
                scheme(
                    "kultur-lokaler-exempel", body: "kulturnamnden",
                    name: "Stöd till lokaler för kultur och ateljéer (exempel)",
                    nameEn: "Support for premises for culture and studios (example)",
                    purpose:
                        "Lokaler för kulturföreningar och konstnärer där stödet i dag är minst: Järvafältet, Skärholmen och Hässelby-Vällingby.",
                    audience: "Kulturföreningar i något av stadens föreningsregister.", areas: [], members: nil,
                    years: 1, amounts: (20_000, 300_000), opens: 20, closes: 80, late: 0, attachments: [.budget]))
        }
        var stored: [String: GrantStore.StoredScheme] = [:]
        for scheme in schemes {
            let id = try await GrantStore.saveScheme(scheme, by: .system("demo"), on: db)
            stored[scheme.id] = GrantStore.StoredScheme(id: id, scheme: scheme)
        }
        struct Id: Decodable { let id: UUID }
        let ids = try await db.sql().raw("SELECT id FROM associations").all(decoding: Id.self).map(\.id)
        let associations = try await AssociationStore.load(ids: ids, on: db)
        func association(_ name: String) -> AssociationStore.Stored? {
            associations.first { $0.entry.name.hasPrefix(name) }
        }
        let actor = AuditActor.system("demo")
        var count = 0
        // A sent application waiting in Skärholmen's queue.
        if let bredang = association("Bredängs fritidsförening"), let local = stored["skarholmen-lokalt-exempel"] {
            try await GrantStore.addOwnDocuments(
                [document(.statutes), document(.annualReport)], association: bredang, by: actor, on: db)
            _ = try await GrantStore.saveApplication(
                GrantRequest(
                    amount: 45_000, purpose: "Läxhjälp och fotboll för tjejer under ett år",
                    description: "Läxhjälp två kvällar i veckan på biblioteket och fotboll för tjejer på lördagar.",
                    participants: 80),
                scheme: local, association: bredang, send: true, version: 0,
                uploads: [document(.budget), document(.activityPlan)], today: day, by: actor, on: db)
            count += 1
        }
        // Decided last year: one paid, its report awaited; one granted in part.
        if let old = stored["spanga-tensta-2026-exempel"] {
            let decided = [
                ("Tensta schackklubb", 30_000, GrantDecision(outcome: .granted, amount: 30_000)),
                (
                    "Järva musikförening", 60_000,
                    GrantDecision(
                        outcome: .grantedInPart, amount: 40_000, rule: .funds,
                        reason: "Medlen räckte till två tredjedelar av det sökta.")
                ),
            ]
            for (name, amount, decision) in decided {
                guard let applicant = association(name) else { continue }
                try await GrantStore.addOwnDocuments(
                    [document(.statutes), document(.annualReport)], association: applicant, by: actor, on: db)
                let id = try await GrantStore.saveApplication(
                    GrantRequest(
                        amount: amount, purpose: "Öppen verksamhet ett år",
                        description: "Träffar varje vecka, öppna för alla i området.", participants: 40),
                    scheme: old, association: applicant, send: true, version: 0, uploads: [document(.budget)],
                    today: old.scheme.closes, by: actor, on: db)
                try await GrantStore.decide(
                    [GrantStore.BatchItem(application: id, version: 1, decision: decision)],
                    diaryNumber: "SPÅ 2026/\(100 + count)", meeting: old.scheme.decides,
                    bodies: nil, by: actor, on: db)
                if decision.outcome == .granted, let application = try await GrantStore.application(id, on: db) {
                    try await GrantStore.move(
                        application, to: .paid, side: .handler, message: nil, today: old.scheme.decides, by: actor,
                        on: db)
                }
                count += 1
            }
        }
        return "Grants: \(schemes.count) example schemes and \(count) applications."
    }

    /// A small real PDF standing for a document of `kind`.
    static func document(_ kind: GrantDocumentKind) -> GrantStore.Upload {
        GrantStore.Upload(kind: kind, filename: "\(kind.rawValue)-exempel.pdf", data: Data(minimalPDF.utf8))
    }

    /// One empty page: enough for a reader to open.
    static let minimalPDF = """
        %PDF-1.4
        1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
        trailer<</Root 1 0 R>>
        %%EOF

        """
}
