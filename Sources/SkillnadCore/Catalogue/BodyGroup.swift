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
