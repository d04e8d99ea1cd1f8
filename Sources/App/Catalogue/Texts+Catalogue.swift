import SkillnadCore

/// The words for the catalogue's enums, in the reader's language.
extension Texts {
    /// An area's kind, singular (`district` → "stadsdel").
    func label(_ kind: AreaKind) -> String {
        switch kind {
        case .city: self[.area1City]
        case .districtArea: self[.area1DistrictArea]
        case .district: self[.area1District]
        case .votingDistrict: self[.area1VotingDistrict]
        case .statisticalArea: self[.area1StatisticalArea]
        case .regso: self[.area1Regso]
        case .deso: self[.area1Deso]
        }
    }

    /// The singular and plural keys of an area kind's noun, for counts.
    static func nouns(_ kind: AreaKind) -> (one: CatalogueText, many: CatalogueText) {
        switch kind {
        case .city: (.area1City, .areaPluralCity)
        case .districtArea: (.area1DistrictArea, .areaPluralDistrictArea)
        case .district: (.area1District, .areaPluralDistrict)
        case .votingDistrict: (.area1VotingDistrict, .areaPluralVotingDistrict)
        case .statisticalArea: (.area1StatisticalArea, .areaPluralStatisticalArea)
        case .regso: (.area1Regso, .areaPluralRegso)
        case .deso: (.area1Deso, .areaPluralDeso)
        }
    }

    /// How many areas of a kind, with the noun in the right number: "1 valdistrikt", "3 stadsdelar".
    func count(_ number: Int, of kind: AreaKind) -> String {
        let nouns = Self.nouns(kind)
        return count(number, nouns.one, nouns.many)
    }

    /// The heading of the section of the areas page that lists areas of a kind.
    func heading(_ kind: AreaKind) -> String {
        switch kind {
        case .city: self[.areaHeadingCity]
        case .districtArea: self[.areaHeadingDistrictArea]
        case .district: self[.areaHeadingDistrict]
        case .votingDistrict: self[.areaHeadingVotingDistrict]
        case .statisticalArea: self[.areaHeadingStatisticalArea]
        case .regso: self[.areaHeadingRegso]
        case .deso: self[.areaHeadingDeso]
        }
    }

    /// An area kind named by its raw value (a level of an indicator page), or the value as written.
    func areaKind(_ raw: String) -> String {
        AreaKind(rawValue: raw).map(label) ?? raw
    }

    /// A body's kind, singular.
    func label(_ kind: BodyKind) -> String {
        switch kind {
        case .council: self[.kind1Council]
        case .executiveBoard: self[.kind1ExecutiveBoard]
        case .executiveOffice: self[.kind1ExecutiveOffice]
        case .specialistCommittee: self[.kind1SpecialistCommittee]
        case .districtCouncil: self[.kind1DistrictCouncil]
        case .companyBoard: self[.kind1CompanyBoard]
        case .commission: self[.kind1Commission]
        case .external: self[.kind1External]
        }
    }

    /// A body's kind, plural, as a heading.
    func plural(_ kind: BodyKind) -> String {
        switch kind {
        case .council: self[.kindCouncil]
        case .executiveBoard: self[.kindExecutiveBoard]
        case .executiveOffice: self[.kindExecutiveOffice]
        case .specialistCommittee: self[.kindSpecialistCommittee]
        case .districtCouncil: self[.kindDistrictCouncil]
        case .companyBoard: self[.kindCompanyBoard]
        case .commission: self[.kindCommission]
        case .external: self[.kindExternal]
        }
    }

    func label(_ group: BodyGroup) -> String {
        switch group {
        case .allDistrictCouncils: self[.groupAllDistrictCouncils]
        case .allCommitteesAndBoards: self[.groupAllCommitteesAndBoards]
        case .concernedBodies: self[.groupConcernedBodies]
        case .concernedDistrictCouncils: self[.groupConcernedDistrictCouncils]
        case .cityHousingCompanies: self[.groupCityHousingCompanies]
        }
    }

    /// The title of the form for a new object of a kind.
    func newTitle(_ kind: EditKind) -> String {
        switch kind {
        case .body: self[.newBody]
        case .area: self[.newArea]
        case .report: self[.newReport]
        case .measure: self[.newMeasure]
        }
    }

    /// An audit event's action (`create`, `sign-in`, …), or the action as recorded.
    func auditAction(_ action: String) -> String {
        switch action {
        case "create": self[.actionCreate]
        case "update": self[.actionUpdate]
        case "delete": self[.actionDelete]
        case "sign-in": self[.actionSignIn]
        case "sign-in-failed": self[.actionSignInFailed]
        default: action
        }
    }

    /// The label of an edit form's field, or the field's name.
    func fieldLabel(_ name: String) -> String {
        optional(raw: "field." + name) ?? name
    }
}
