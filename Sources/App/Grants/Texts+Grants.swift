import SkillnadCore

/// The words for grants' enums, rules and problems, in the reader's language.
extension Texts {
    func label(_ status: GrantStatus) -> String {
        switch status {
        case .draft: self[.grStatusDraft]
        case .received: self[.grStatusReceived]
        case .inReview: self[.grStatusInReview]
        case .granted: self[.grStatusGranted]
        case .grantedInPart: self[.grStatusGrantedInPart]
        case .rejected: self[.grStatusRejected]
        case .paid: self[.grStatusPaid]
        case .reportDue: self[.grStatusReportDue]
        case .reportReceived: self[.grStatusReportReceived]
        case .closed: self[.grStatusClosed]
        case .withdrawn: self[.grStatusWithdrawn]
        }
    }

    /// The button that takes a step to `status`.
    func action(_ status: GrantStatus) -> String {
        switch status {
        case .received: self[.grActionSend]
        case .inReview: self[.grActionReview]
        case .paid: self[.grActionPaid]
        case .reportDue: self[.grActionAskReport]
        case .closed: self[.grActionClose]
        case .withdrawn: self[.grActionWithdraw]
        default: label(status)
        }
    }

    func label(_ kind: GrantDocumentKind) -> String {
        switch kind {
        case .statutes: self[.grDocStatutes]
        case .annualReport: self[.grDocAnnualReport]
        case .financialStatement: self[.grDocFinancialStatement]
        case .auditReport: self[.grDocAuditReport]
        case .activityPlan: self[.grDocActivityPlan]
        case .budget: self[.grDocBudget]
        case .reportOnUse: self[.grDocReportOnUse]
        }
    }

    func label(_ rule: GrantDecision.Rule) -> String {
        switch rule {
        case .registered: self[.grRuleRegistered]
        case .activeInArea: self[.grRuleActiveInArea]
        case .democracyConditions: self[.grRuleDemocracy]
        case .minimumMembers: self[.grRuleMembers]
        case .minimumYearsActive: self[.grRuleYears]
        case .minimumBoard: self[.grRuleBoard]
        case .deadline: self[.grRuleDeadline]
        case .attachments: self[.grRuleAttachments]
        case .purpose: self[.grRulePurpose]
        case .funds: self[.grRuleFunds]
        }
    }

    /// A scheme's rules as sentences.
    func ruleLines(_ rules: GrantRules) -> [String] {
        var lines: [String] = []
        if rules.registered { lines.append(self[.grRuleRegistered]) }
        if rules.activeInArea { lines.append(self[.grRuleActiveInArea]) }
        if rules.democracyConditions { lines.append(self[.grRuleDemocracy]) }
        if let members = rules.minimumMembers {
            lines.append(Strings.fill(self[.grRuleMembersAtLeast], String(members)))
        }
        if let years = rules.minimumYearsActive { lines.append(Strings.fill(self[.grRuleYearsAtLeast], String(years))) }
        lines.append(Strings.fill(self[.grRuleBoardAtLeast], String(rules.minimumBoard)))
        return lines
    }

    /// The city-wide rules every scheme inherits, as sentences.
    func cityRules(_ city: CityGrantRules) -> [String] {
        ruleLines(city.rules) + [
            Strings.fill(self[.grCityAttachments], city.attachments.map { label($0) }.joined(separator: ", ")),
            Strings.fill(self[.grCityLate], String(city.maximumLateDays)),
            self[.grCityReport],
        ]
    }

    func describe(_ reason: GrantEligibility.Reason) -> String {
        switch reason {
        case .notRegistered: self[.grWhyNotRegistered]
        case .notActiveInArea: self[.grWhyNotActive]
        case .democracyConditions: self[.grWhyDemocracy]
        case .tooFewMembers(let has, let minimum): Strings.fill(self[.grWhyMembers], String(has), String(minimum))
        case .tooYoung(let years, let minimum):
            years.map { Strings.fill(self[.grWhyYoung], String($0), String(minimum)) }
                ?? Strings.fill(self[.grWhyFoundedUnknown], String(minimum))
        case .boardTooSmall(let has, let minimum): Strings.fill(self[.grWhyBoard], String(has), String(minimum))
        }
    }

    /// A field of an application, a decision or a scheme by its label.
    func grantField(_ field: String) -> String {
        let labels: [String: GrantText] = [
            "amount": .grAmount, "purpose": .grPurposeField, "description": .grDescriptionField,
            "participants": .grParticipants, "scheme": .grScheme, "association": .grAssociation,
            "message": .grMessage, "report": .grReportField, "diaryNumber": .grDiaryNumber, "meeting": .grMeeting,
            "outcome": .grOutcome, "rule": .grRule, "reason": .grReason, "status": .grStatus, "version": .grVersion,
            "lateDays": .grLateDays, "minimumAmount": .grMinimumAmount, "maximumAmount": .grMaximumAmount,
            "closes": .grCloses, "decides": .grDecides, "reportDue": .grReportDue, "id": .grSchemeID,
            "body": .grBody, "name": .grSchemeName, "nameEn": .grSchemeNameEn, "audience": .grAudience,
            "areas": .grAreas, "minimumMembers": .grRuleMembers, "minimumYearsActive": .grRuleYears,
            "minimumBoard": .grRuleBoard, "opens": .grOpens, "attachments": .grAttachmentsTitle,
        ]
        if field.hasPrefix("documents."), let kind = GrantDocumentKind(rawValue: String(field.dropFirst(10))) {
            return label(kind)
        }
        return labels[field].map { self[$0] } ?? field
    }

    func describe(_ problem: GrantProblem) -> String {
        let field = grantField(problem.field)
        func fill(_ key: GrantText, _ values: String...) -> String { Strings.fill(self[key], [field] + values) }
        switch problem.kind {
        case .missing: return fill(.grProblemMissing)
        case .tooLong(let maximum): return fill(.grProblemTooLong, String(maximum))
        case .notAnAmount: return fill(.grProblemAmount)
        case .belowMinimum(let minimum): return fill(.grProblemBelow, String(minimum))
        case .aboveMaximum(let maximum): return fill(.grProblemAbove, String(maximum))
        case .range(let minimum, let maximum):
            return maximum.map { fill(.grProblemRange, String(minimum), String($0)) }
                ?? fill(.grProblemAtLeast, String(minimum))
        case .loosened: return fill(.grProblemLoosened)
        case .notAfter(let day): return fill(.grProblemNotAfter, day.description)
        case .later(let day): return fill(.grProblemLater, day.description)
        case .notADay: return fill(.grProblemDay)
        case .notOpenYet(let opens): return Strings.fill(self[.grProblemNotOpen], opens.description)
        case .closed(let lastDay): return Strings.fill(self[.grProblemClosed], lastDay.description)
        case .notEligible(let reason): return describe(reason)
        case .attachmentMissing(let kind): return Strings.fill(self[.grProblemAttachmentMissing], label(kind))
        case .attachmentType(let filename): return fill(.grProblemAttachmentType, filename)
        case .attachmentTooLarge(let filename, let limit):
            return fill(.grProblemAttachmentSize, filename, String(limit))
        case .unknownChoice(let value): return fill(.grProblemChoice, value)
        case .partAmount(let requested): return fill(.grProblemPart, String(requested))
        case .notAllowed(let from, let to): return Strings.fill(self[.grProblemStep], label(from), label(to))
        case .alreadyApplied: return self[.grProblemApplied]
        case .taken: return fill(.grProblemTaken)
        case .changedSince(let stored, let given):
            return Strings.fill(self[.grProblemChanged], String(stored), String(given))
        }
    }
}
