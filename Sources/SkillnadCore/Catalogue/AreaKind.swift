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
