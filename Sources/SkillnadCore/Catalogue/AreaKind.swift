/// What sort of area (område) a geographic unit is. Areas nest city → district area → district →
/// RegSO area → DeSO area: a RegSO area lies in its municipality (the city) and, once a user
/// links it (`skillnad areas link`), in a district; a DeSO area lies in a RegSO area. Voting
/// districts and other statistical areas lie in the city or in a district. Coarser kinds come first.
public enum AreaKind: String, CaseIterable, Sendable, Codable {
    /// kommun
    case city
    /// stadsdelsområde
    case districtArea
    /// stadsdel
    case district
    /// regionalt statistikområde (RegSO), Statistics Sweden's code like `0180R001`
    case regso
    /// demografiskt statistikområde (DeSO), Statistics Sweden's code like `0180C1010`
    case deso
    /// valdistrikt
    case votingDistrict
    /// statistikområde: any other statistical area
    case statisticalArea
}
