/// The whole catalogue as one JSON document: what `skillnad catalogue export` writes and
/// `skillnad catalogue import` and `skillnad demo` read. Ids are readable slugs and are the
/// public identifiers in addresses, so they survive an export and re-import.
public struct CatalogueDocument: Codable, Sendable, Equatable {
    public static let formatName = "skillnad-catalogue"
    public static let currentVersion = 1

    public var format: String = CatalogueDocument.formatName
    public var version: Int = CatalogueDocument.currentVersion
    public var bodies: [BodyRecord] = []
    public var areas: [AreaRecord] = []
    public var commissionAreas: [CommissionAreaRecord] = []
    public var reports: [ReportRecord] = []
    public var measures: [MeasureRecord] = []
    public var roadmap: RoadmapRecord? = nil

    public init() {}
}

/// A body (organ): a committee, a district council, a company board, an outside party.
public struct BodyRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var shortName: String?
    public var kind: BodyKind
    public var parent: String?
    public var validFrom: Day?
    public var validTo: Day?
    public var note: String?

    public init(
        id: String, name: String, nameEn: String? = nil, shortName: String? = nil, kind: BodyKind,
        parent: String? = nil, validFrom: Day? = nil, validTo: Day? = nil, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.shortName = shortName
        self.kind = kind
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.note = note
    }
}

/// An area (område) of the city, at any level.
public struct AreaRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var kind: AreaKind
    public var code: String?
    public var parent: String?
    public var validFrom: Day?
    public var validTo: Day?
    /// Other names the area goes by in sources (`BAGARMOSSEN`, `Stockholm (Rinkeby)`).
    public var aliases: [String]?
    /// People living in the area, the weight of population-weighted measures.
    public var population: Double?
    /// A GeoJSON geometry, kept as it came.
    public var geometry: JSONValue?

    public init(
        id: String, name: String, nameEn: String? = nil, kind: AreaKind, code: String? = nil,
        parent: String? = nil, validFrom: Day? = nil, validTo: Day? = nil, aliases: [String]? = nil,
        population: Double? = nil, geometry: JSONValue? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.code = code
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.aliases = aliases
        self.population = population
        self.geometry = geometry
    }
}

/// One of the commission's fields of work (kommissionens område), e.g. "demokrati och trygghet".
public struct CommissionAreaRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String?

    public init(id: String, name: String, nameEn: String? = nil) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
    }
}

/// A chapter heading of a report, so that its measures can be grouped under it.
public struct ChapterRecord: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}

/// A report of the commission (rapport, delrapport, fördjupningsrapport).
public struct ReportRecord: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var year: Int
    /// The letter its measure codes carry (A = Dold potential), if any.
    public var letter: String?
    public var commissionArea: String?
    public var link: String?
    public var summary: String?
    public var chapters: [ChapterRecord]?

    public init(
        id: String, title: String, subtitle: String? = nil, year: Int, letter: String? = nil,
        commissionArea: String? = nil, link: String? = nil, summary: String? = nil,
        chapters: [ChapterRecord]? = nil
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.year = year
        self.letter = letter
        self.commissionArea = commissionArea
        self.link = link
        self.summary = summary
        self.chapters = chapters
    }
}

/// A proposed measure (åtgärd) in a report. Its parent is not stored: it follows from the code
/// (`B.2.2` is the parent of `B.2.2.1` when both are in the report).
public struct MeasureRecord: Codable, Sendable, Equatable {
    public var report: String
    /// The canonical code; the importer also accepts the variants real documents use.
    public var code: String
    public var title: String
    public var titleEn: String?
    public var description: String?
    /// The body responsible (ansvarig), a body id or `group:…`; nil where the source does not say.
    public var leadBody: String?
    /// Further bodies that share the lead ("Kommunstyrelsen och stadsdelsnämnderna ansvarar").
    public var jointLeadBodies: [String]?
    /// Bodies that collaborate (samverkan), body ids or `group:…`.
    public var collaboratingBodies: [String]?
    /// Roadmap strategies the measure serves, by strategy id.
    public var strategies: [String]?

    public init(
        report: String, code: String, title: String, titleEn: String? = nil, description: String? = nil,
        leadBody: String? = nil, jointLeadBodies: [String]? = nil, collaboratingBodies: [String]? = nil,
        strategies: [String]? = nil
    ) {
        self.report = report
        self.code = code
        self.title = title
        self.titleEn = titleEn
        self.description = description
        self.leadBody = leadBody
        self.jointLeadBodies = jointLeadBodies
        self.collaboratingBodies = collaboratingBodies
        self.strategies = strategies
    }
}

extension MeasureRecord {
    /// The measure's public id, its report and code as one readable slug (`dold-potential-a-2-3-1`),
    /// used in addresses, the API and the audit trail.
    public var publicID: String { Self.publicID(report: report, code: MeasureCode.parse(code)?.canonical ?? code) }

    public static func publicID(report: String, code: String) -> String { Slug.make("\(report) \(code)") }
}

/// The roadmap (färdplan): the vision, its target areas, strategies and milestone targets.
public struct RoadmapRecord: Codable, Sendable, Equatable {
    public var vision: VisionRecord
    public var targetAreas: [TargetAreaRecord]

    public init(vision: VisionRecord, targetAreas: [TargetAreaRecord]) {
        self.vision = vision
        self.targetAreas = targetAreas
    }
}

/// The long-term vision (Vision 2040).
public struct VisionRecord: Codable, Sendable, Equatable {
    public var title: String
    public var titleEn: String?
    public var year: Int?
    public var text: String?

    public init(title: String, titleEn: String? = nil, year: Int? = nil, text: String? = nil) {
        self.title = title
        self.titleEn = titleEn
        self.year = year
        self.text = text
    }
}

/// A target area (målområde) of the roadmap.
public struct TargetAreaRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var strategies: [StrategyRecord]
    public var milestones: [MilestoneRecord]?

    public init(
        id: String, name: String, nameEn: String? = nil, strategies: [StrategyRecord],
        milestones: [MilestoneRecord]? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.strategies = strategies
        self.milestones = milestones
    }
}

/// A strategy (strategi) of a target area, numbered with a roman numeral I–VI.
public struct StrategyRecord: Codable, Sendable, Equatable {
    /// Unique across the roadmap; measures link to it.
    public var id: String
    public var numeral: String
    public var title: String
    public var titleEn: String?

    public init(id: String, numeral: String, title: String, titleEn: String? = nil) {
        self.id = id
        self.numeral = numeral
        self.title = title
        self.titleEn = titleEn
    }
}

/// A milestone target (etappmål): an indicator, a baseline and a target value for a year.
public struct MilestoneRecord: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// A reference to the indicator that measures it (its code), free text until indicators exist.
    public var indicator: String?
    public var unit: String?
    public var baseline: Double?
    public var baselineYear: Int?
    public var targetValue: Double?
    public var targetYear: Int?

    public init(
        id: String, text: String, indicator: String? = nil, unit: String? = nil, baseline: Double? = nil,
        baselineYear: Int? = nil, targetValue: Double? = nil, targetYear: Int? = nil
    ) {
        self.id = id
        self.text = text
        self.indicator = indicator
        self.unit = unit
        self.baseline = baseline
        self.baselineYear = baselineYear
        self.targetValue = targetValue
        self.targetYear = targetYear
    }
}

extension CatalogueDocument {
    /// The district areas (stadsdelsområden) that exist today: what maps draw, the registers of
    /// associations are kept for, and the start page lists.
    public var currentDistrictAreas: [AreaRecord] { areas.filter { $0.kind == .districtArea && $0.validTo == nil } }
}
