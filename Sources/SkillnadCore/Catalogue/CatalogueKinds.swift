/// What sort of body an organisation is (organ). The raw values are the stable names used in
/// the catalogue file and the API.
public enum BodyKind: String, CaseIterable, Sendable, Codable {
    /// kommunfullmäktige
    case council
    /// kommunstyrelsen
    case executiveBoard
    /// stadsledningskontoret and its units
    case executiveOffice
    /// facknämnd
    case specialistCommittee
    /// stadsdelsnämnd
    case districtCouncil
    /// bolagsstyrelse
    case companyBoard
    /// the commission itself (kommissionen för ett socialt hållbart Stockholm)
    case commission
    /// outside the city: region, police, civil society, researchers
    case external
}

/// What sort of area (område) a geographic unit is; areas nest city → district area → district →
/// voting district / statistical area.
public enum AreaKind: String, CaseIterable, Sendable, Codable {
    /// kommun
    case city
    /// stadsdelsområde
    case districtArea
    /// stadsdel
    case district
    /// valdistrikt
    case votingDistrict
    /// statistikområde (DeSO, RegSO)
    case statisticalArea
}

/// A group of bodies a measure names without listing them ("samtliga stadsdelsnämnder").
/// Written in the catalogue as `group:<rawValue>` wherever a body is expected.
public enum BodyGroup: String, CaseIterable, Sendable, Codable {
    /// samtliga stadsdelsnämnder
    case allDistrictCouncils
    /// samtliga nämnder och bolagsstyrelser
    case allCommitteesAndBoards
    /// berörda nämnder: the report does not say which
    case concernedBodies
    /// berörda stadsdelsnämnder
    case concernedDistrictCouncils
    /// stadens bostadsbolag
    case cityHousingCompanies

    /// The kinds a body must have to belong to the group; nil where the source does not say
    /// which bodies are meant (then nobody is assumed).
    public var memberKinds: Set<BodyKind>? {
        switch self {
        case .allDistrictCouncils: return [.districtCouncil]
        case .allCommitteesAndBoards: return [.specialistCommittee, .districtCouncil, .companyBoard]
        case .concernedBodies, .concernedDistrictCouncils, .cityHousingCompanies: return nil
        }
    }

    public static let prefix = "group:"
}

/// A reference to a body in the catalogue file: a body's id, or a group.
public enum BodyRef: Hashable, Sendable {
    case body(String)
    case group(BodyGroup)

    /// nil when the text names a group that does not exist.
    public init?(_ text: String) {
        if text.hasPrefix(BodyGroup.prefix) {
            guard let g = BodyGroup(rawValue: String(text.dropFirst(BodyGroup.prefix.count))) else { return nil }
            self = .group(g)
        } else {
            self = .body(text)
        }
    }

    public var text: String {
        switch self {
        case .body(let id): return id
        case .group(let g): return BodyGroup.prefix + g.rawValue
        }
    }
}
