import SkillnadCore

/// The words for the follow-up's enums and problems, in the reader's language.
extension Texts {
    func label(_ status: FollowUpStatus) -> String {
        switch status {
        case .notStarted: self[.statusNotStarted]
        case .inProgress: self[.statusInProgress]
        case .done: self[.statusDone]
        case .delayed: self[.statusDelayed]
        case .cancelled: self[.statusCancelled]
        }
    }

    func label(_ state: ReportState) -> String {
        switch state {
        case .draft: self[.stateDraft]
        case .submitted: self[.stateSubmitted]
        case .published: self[.statePublished]
        }
    }

    func label(_ kind: BudgetDecisionKind) -> String {
        switch kind {
        case .takenUp: self[.decisionTakenUp]
        case .assigned: self[.decisionAssigned]
        case .financed: self[.decisionFinanced]
        case .postponed: self[.decisionPostponed]
        case .rejected: self[.decisionRejected]
        case .ordinaryOperations: self[.decisionOrdinaryOperations]
        case .changedBody: self[.decisionChangedBody]
        case .changedTarget: self[.decisionChangedTarget]
        }
    }

    func label(_ source: FundingSource) -> String {
        switch source {
        case .ordinaryBudget: self[.fundingOrdinaryBudget]
        case .socialInvestmentFund: self[.fundingSocialInvestmentFund]
        case .stateGrant: self[.fundingStateGrant]
        case .other: self[.fundingOther]
        }
    }

    /// The field's name as the form and the file call it; the column name for unknown fields.
    func followUpField(_ field: String) -> String {
        let keys: [String: FollowUpText] = [
            "status": .fieldStatus, "progress": .fieldProgress, "narrative": .fieldNarrative, "spent": .fieldSpent,
            "indicators": .fieldIndicators, "state": .fieldState, "version": .fieldVersion, "period": .fieldPeriod,
            "measure": .fieldMeasure, "body": .fieldBody, "budgetYear": .fieldBudgetYear, "kind": .fieldKind,
            "decidedOn": .fieldDecidedOn, "decidingBody": .fieldDecidingBody, "diaryNumber": .fieldDiaryNumber,
            "bodies": .fieldBodies, "text": .fieldText, "amount": .fieldAmount, "funding": .fieldFunding,
            "postponedTo": .fieldPostponedTo, "action": .fieldAction, "attachment": .fieldAttachment,
            "weight": .fieldWeight,
        ]
        return keys[field].map { self[$0] } ?? field
    }

    /// A problem as a sentence that names its field, and its line when it came from a file.
    func describe(_ problem: FollowUpProblem) -> String {
        let field = followUpField(problem.field)
        let text: String
        switch problem.reason {
        case .required: text = Strings.fill(self[.followUpProblemRequired], field)
        case .unknownStatus(let value): text = Strings.fill(self[.followUpProblemUnknownStatus], field, value)
        case .unknownState(let value): text = Strings.fill(self[.followUpProblemUnknownState], field, value)
        case .progressNotANumber(let value): text = Strings.fill(self[.followUpProblemProgressNotANumber], field, value)
        case .progressOutOfRange(let value):
            text = Strings.fill(self[.followUpProblemProgressOutOfRange], field, String(value))
        case .statusContradictsProgress(let status, let progress):
            text = Strings.fill(
                self[status == .done ? .followUpProblemDoneBelow100 : .followUpProblemNotStartedAbove0], field,
                String(progress))
        case .amount(let reason, let value):
            switch reason {
            case .otherCurrency(let currency):
                text = Strings.fill(self[.followUpProblemOtherCurrency], field, value, currency)
            case .ambiguousSeparators: text = Strings.fill(self[.followUpProblemAmbiguousSeparators], field, value)
            case .notANumber: text = Strings.fill(self[.followUpProblemAmountNotANumber], field, value)
            case .negative: text = Strings.fill(self[.followUpProblemAmountNegative], field, value)
            case .tooManyDecimals: text = Strings.fill(self[.followUpProblemAmountDecimals], field, value)
            case .tooLarge: text = Strings.fill(self[.followUpProblemAmountTooLarge], field, value)
            }
        case .unknownPeriod(let value): text = Strings.fill(self[.followUpProblemUnknownPeriod], field, value)
        case .unknownMeasure(let value): text = Strings.fill(self[.followUpProblemUnknownMeasure], field, value)
        case .unknownBody(let value): text = Strings.fill(self[.followUpProblemUnknownBody], field, value)
        case .unknownIndicator(let value): text = Strings.fill(self[.followUpProblemUnknownIndicator], field, value)
        case .notAssigned(let measure, let body, let year):
            text = Strings.fill(self[.followUpProblemNotAssigned], field, measure, body, String(year))
        case .notYourBody(let body): text = Strings.fill(self[.followUpProblemNotYourBody], field, body)
        case .onlyAdminsPublish: text = Strings.fill(self[.followUpProblemOnlyAdminsPublish], field)
        case .notADate(let value): text = Strings.fill(self[.followUpProblemFollowUpNotADate], field, value)
        case .decisionBeforeReport(let decided, let year):
            text = Strings.fill(self[.followUpProblemDecisionBeforeReport], field, decided, String(year))
        case .versionNotANumber(let value): text = Strings.fill(self[.followUpProblemVersionNotANumber], field, value)
        case .changedSince(let stored, let given):
            text = Strings.fill(self[.followUpProblemChangedSince], field, String(stored), String(given))
        case .duplicateRow(let first): text = Strings.fill(self[.followUpProblemDuplicateRow], field, String(first))
        case .tooLong(let limit): text = Strings.fill(self[.followUpProblemTooLong], field, String(limit))
        case .unknownKind(let value): text = Strings.fill(self[.followUpProblemUnknownKind], field, value)
        case .unknownFunding(let value): text = Strings.fill(self[.followUpProblemUnknownFunding], field, value)
        case .yearOutOfRange(let value): text = Strings.fill(self[.followUpProblemYearOutOfRange], field, value)
        case .postponedNotLater(let to, let year):
            text = Strings.fill(self[.followUpProblemPostponedNotLater], field, String(to), String(year))
        case .unknownBudgetYear(let year):
            text = Strings.fill(self[.followUpProblemUnknownBudgetYear], field, String(year))
        case .weightOutOfRange(let value): text = Strings.fill(self[.followUpProblemWeight], field, value)
        case .periodHasReports(let slug): text = Strings.fill(self[.followUpProblemPeriodHasReports], field, slug)
        case .attachment(let reason): text = Strings.fill(self[.followUpProblemAttachment], field, reason)
        }
        guard let line = problem.line else { return text }
        return Strings.fill(self[.followUpProblemAtLine], String(line), text)
    }
}
