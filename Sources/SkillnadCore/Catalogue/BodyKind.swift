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
