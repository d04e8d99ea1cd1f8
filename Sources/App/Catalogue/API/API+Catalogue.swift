import SkillnadCore
import Vapor

/// What the API returns for each catalogue object. Ids are the same readable slugs as in page addresses.
extension API {
    struct Body: Content {
        let id: String
        let name: String
        let nameEn: String?
        let shortName: String?
        let kind: String
        let parent: String?
        let validFrom: String?
        let validTo: String?
        let note: String?
        let version: Int
        let url: String

        init(_ b: BodyRecord, version: Int) {
            self.version = version
            id = b.id
            name = b.name
            nameEn = b.nameEn
            shortName = b.shortName
            kind = b.kind.rawValue
            parent = b.parent
            validFrom = b.validFrom?.description
            validTo = b.validTo?.description
            note = b.note
            url = SiteURL.Catalogue.body(.value(b.id)).path
        }
    }

    struct Area: Content {
        let id: String
        let name: String
        let nameEn: String?
        let kind: String
        let code: String?
        let parent: String?
        let validFrom: String?
        let validTo: String?
        let aliases: [String]
        let population: Double?
        /// Only on a single area, never in lists, which would grow large.
        let geometry: JSONValue?
        let version: Int
        let url: String

        init(_ a: AreaRecord, withGeometry: Bool, version: Int) {
            self.version = version
            id = a.id
            name = a.name
            nameEn = a.nameEn
            kind = a.kind.rawValue
            code = a.code
            parent = a.parent
            validFrom = a.validFrom?.description
            validTo = a.validTo?.description
            aliases = a.aliases ?? []
            population = a.population
            geometry = withGeometry ? a.geometry : nil
            url = SiteURL.Catalogue.area(.value(a.id)).path
        }
    }

    struct CommissionArea: Content {
        let id: String
        let name: String
        let nameEn: String?
    }

    struct Report: Content {
        let id: String
        let title: String
        let subtitle: String?
        let year: Int
        let letter: String?
        let commissionArea: String?
        let link: String?
        let summary: String?
        let chapters: [ChapterRecord]
        let measureCount: Int
        let version: Int
        let url: String

        init(_ r: ReportRecord, index: CatalogueIndex, version: Int) {
            self.version = version
            id = r.id
            title = r.title
            subtitle = r.subtitle
            year = r.year
            letter = r.letter
            commissionArea = r.commissionArea
            link = r.link
            summary = r.summary
            chapters = r.chapters ?? []
            measureCount = index.measuresByReport[r.id]?.count ?? 0
            url = SiteURL.Catalogue.report(.value(r.id)).path
        }
    }

    struct Measure: Content {
        let id: String
        let report: String
        /// The canonical code, e.g. `A.2.3.1`.
        let code: String
        let title: String
        let titleEn: String?
        let description: String?
        /// Body ids or `group:…`, principal lead first.
        let leadBodies: [String]
        let collaboratingBodies: [String]
        let strategies: [String]
        /// The id of the parent measure (`B.2.2` for `B.2.2.1`), if the report has it.
        let parent: String?
        let version: Int
        let url: String

        init(_ m: MeasureRecord, index: CatalogueIndex, version: Int) {
            self.version = version
            id = measureID(m)
            report = m.report
            code = m.code
            title = m.title
            titleEn = m.titleEn
            description = m.description
            leadBodies = [m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? [])
            collaboratingBodies = m.collaboratingBodies ?? []
            strategies = m.strategies ?? []
            parent = index.parent(of: m).map(measureID)
            url = SiteURL.Catalogue.measure(.value(measureID(m))).path
        }
    }

    struct Roadmap: Content {
        let vision: VisionRecord
        /// Send it back with a change (`PUT /api/v1/roadmap`).
        let version: Int
        let targetAreas: [TargetArea]
    }

    struct TargetArea: Content {
        let id: String
        let name: String
        let nameEn: String?
        let strategies: [Strategy]
        let milestones: [MilestoneRecord]
    }

    struct Strategy: Content {
        let id: String
        let numeral: String
        let title: String
        let titleEn: String?
        /// Ids of the measures linked to the strategy.
        let measures: [String]
    }

    struct SearchResult: Content {
        let query: String
        let reports: [Report]
        let measures: [Measure]
        let bodies: [Body]
    }
}
