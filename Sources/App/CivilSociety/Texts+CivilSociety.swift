import SkillnadCore

/// The words for the register's enums and problems, in the reader's language.
extension Texts {
    func label(_ form: AssociationEntry.LegalForm) -> String {
        switch form {
        case .nonProfit: self[.asFormNonProfit]
        case .economic: self[.asFormEconomic]
        case .foundation: self[.asFormFoundation]
        case .religious: self[.asFormReligious]
        }
    }

    func label(_ standing: RegisterStanding) -> String {
        switch standing {
        case .pending: self[.asStandingPending]
        case .active: self[.asStandingActive]
        case .renewalDue: self[.asStandingRenewalDue]
        case .notRenewed: self[.asStandingNotRenewed]
        case .refused: self[.asStandingRefused]
        }
    }

    func label(_ decision: RegisterDecision) -> String {
        switch decision {
        case .pending: self[.asDecisionPending]
        case .approved: self[.asDecisionApproved]
        case .refused: self[.asDecisionRefused]
        }
    }

    func label(_ kind: GiroNumber.Kind) -> String {
        switch kind {
        case .bankgiro: self[.asBankgiro]
        case .plusgiro: self[.asPlusgiro]
        }
    }

    func label(_ sex: AssociationEntry.Sex) -> String {
        switch sex {
        case .women: self[.asWomen]
        case .men: self[.asMen]
        case .other: self[.asOther]
        }
    }

    func label(_ role: AssociationEntry.BoardRole) -> String {
        switch role {
        case .chair: self[.asChair]
        case .treasurer: self[.asTreasurer]
        case .secretary: self[.asSecretary]
        case .member: self[.asMember]
        case .deputy: self[.asDeputy]
        }
    }

    /// A field of the entry by the label the form gives it: `activities[0].maximumAge` is
    /// "Verksamhet 1: Till ålder".
    func associationField(_ field: String) -> String {
        let labels: [String: AssociationText] = [
            "name": .asNameField, "organisationNumber": .asOrganisationNumber, "legalForm": .asLegalForm,
            "founded": .asFounded, "purpose": .asPurpose, "districts": .asDistricts, "members": .asMembers,
            "board": .asBoard, "contactName": .asContactName, "contactEmail": .asContactEmail,
            "contactPhone": .asContactPhone, "website": .asWebsite, "giroKind": .asGiroKind,
            "giroNumber": .asGiroNumber, "annualMeeting": .asAnnualMeeting, "activities": .asActivities,
            "description": .asActivityDescription, "audience": .asAudience, "minimumAge": .asMinimumAge,
            "maximumAge": .asMaximumAge, "languages": .asLanguagesField, "area": .asArea, "place": .asPlace,
            "address": .asAddress, "latitude": .asLatitude, "longitude": .asLongitude, "schedule": .asSchedule,
            "role": .asRole, "reason": .asReason, "decision": .asDecision,
        ]
        // A row: `activities[2].name`, `board[0].role`.
        if let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"),
            let index = Int(field[field.index(after: open)..<close])
        {
            let list = String(field[..<open])
            let rest = field[field.index(after: close)...].drop { $0 == "." }
            let row =
                list == "board"
                ? Strings.fill(self[.asBoardMember], String(index + 1))
                : Strings.fill(self[.asActivity], String(index + 1))
            let part = rest == "name" ? (list == "board" ? self[.asContactName] : self[.asActivityName]) : nil
            return "\(row): \(part ?? labels[String(rest)].map { self[$0] } ?? String(rest))"
        }
        // A member count: `members.7-12/women`.
        if field.hasPrefix("members."), let slash = field.firstIndex(of: "/") {
            let band = field[field.index(field.startIndex, offsetBy: 8)..<slash]
            let sex = AssociationEntry.Sex(rawValue: String(field[field.index(after: slash)...]))
            return "\(self[.asMembers]): \(sex.map(label) ?? "") \(band)"
        }
        return labels[field].map { self[$0] } ?? field
    }

    func describe(_ problem: AssociationDraft.Problem) -> String {
        let field = associationField(problem.field)
        func fill(_ key: AssociationText, _ values: String...) -> String { Strings.fill(self[key], [field] + values) }
        switch problem.kind {
        case .missing: return fill(.asProblemMissing)
        case .tooLong(let maximum): return fill(.asProblemTooLong, String(maximum))
        case .organisationNumber(let reason):
            switch reason {
            case .notTenDigits: return fill(.asProblemOrgDigits)
            case .checkDigit: return fill(.asProblemOrgCheck)
            case .personalIdentityNumber: return fill(.asProblemOrgPersonal)
            }
        case .giro(let reason):
            switch reason {
            case .notDigits: return fill(.asProblemGiroDigits)
            case .length(let range):
                return fill(.asProblemGiroLength, String(range.lowerBound), String(range.upperBound))
            case .checkDigit: return fill(.asProblemGiroCheck)
            }
        case .notADay: return fill(.asProblemDay)
        case .inTheFuture: return fill(.asProblemFuture)
        case .notACount: return fill(.asProblemCount)
        case .boardTooSmall(let has, let minimum): return fill(.asProblemBoard, String(has), String(minimum))
        case .noChair: return fill(.asProblemChair)
        case .unknownChoice(let value): return fill(.asProblemChoice, value)
        case .unknownArea(let area): return fill(.asProblemArea, area)
        case .ageRange: return fill(.asProblemAgeRange)
        case .coordinates: return fill(.asProblemCoordinates)
        case .email: return fill(.asProblemEmail)
        case .tooMany(let maximum): return fill(.asProblemTooMany, String(maximum))
        case .before(let day): return fill(.asProblemBefore, day.description)
        case .alreadyRegistered: return fill(.asProblemRegistered)
        case .changedSince(let stored, let given):
            return Strings.fill(self[.asProblemChanged], String(stored), String(given))
        }
    }
}
