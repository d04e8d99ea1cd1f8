import SkillnadCore

extension Texts {
    func kronor(_ amount: Int) -> String { NumberText.value(Double(amount), unit: "sek", lang) }

    func label(_ phase: BudgetPhase) -> String {
        switch phase {
        case .announced: self[.pbPhaseAnnounced]
        case .proposals: self[.pbPhaseProposals]
        case .review: self[.pbPhaseReview]
        case .voting: self[.pbPhaseVoting]
        case .results: self[.pbPhaseResults]
        case .implementation: self[.pbPhaseImplementation]
        }
    }

    func label(_ feasibility: Feasibility) -> String {
        switch feasibility {
        case .pending: self[.pbFeasibilityPending]
        case .feasible: self[.pbFeasibilityFeasible]
        case .unfeasible: self[.pbFeasibilityUnfeasible]
        case .needsChange: self[.pbFeasibilityNeedsChange]
        }
    }

    func label(_ channel: BallotChannel) -> String {
        switch channel {
        case .code: self[.pbChannelCode]
        case .paper: self[.pbChannelPaper]
        case .signedIn: self[.pbChannelSignedIn]
        }
    }

    /// A ballot event's action as the trail stores it.
    func ballotAction(_ action: String) -> String {
        switch action {
        case "cast": self[.pbActionCast]
        case "changed": self[.pbActionChanged]
        case "paper entered": self[.pbActionPaperEntered]
        case "paper confirmed": self[.pbActionPaperConfirmed]
        default: action
        }
    }

    func describe(_ refusal: BallotBox.Refusal) -> String {
        func fill(_ key: BudgetText, _ values: String...) -> String { Strings.fill(self[key], values) }
        switch refusal {
        case .notVoting(let phase): return fill(.pbRefusedNotVoting, label(phase))
        case .unknownCode: return self[.pbRefusedUnknownCode]
        case .otherBudget(let title): return fill(.pbRefusedOtherBudget, title)
        case .codeUsed: return self[.pbRefusedCodeUsed]
        case .wrongReceipt: return self[.pbRefusedWrongReceipt]
        case .unknownHeading: return self[.pbRefusedUnknownHeading]
        case .paperNumber: return self[.pbRefusedPaperNumber]
        case .paperConfirmed: return self[.pbRefusedPaperConfirmed]
        case .paperSameOfficial: return self[.pbRefusedPaperSameOfficial]
        case .paperDiffers: return self[.pbRefusedPaperDiffers]
        case .ballot(let problem):
            switch problem {
            case .empty: return self[.pbRefusedEmpty]
            case .unknownProject(let id): return fill(.pbRefusedUnknownProject, id)
            case .otherHeading(let id, _): return fill(.pbRefusedOtherHeading, id)
            case .sameProjectTwice(let id): return fill(.pbRefusedTwice, id)
            case .overAmount(let total, let amount):
                return fill(.pbRefusedOverAmount, kronor(total), kronor(total - amount), kronor(amount))
            case .underMinimumShare(let total, let required):
                return fill(.pbRefusedUnderShare, kronor(total), kronor(required))
            case .tooMany(let chosen, let maximum): return fill(.pbRefusedTooMany, String(chosen), String(maximum))
            case .tooFew(let chosen, let minimum): return fill(.pbRefusedTooFew, String(chosen), String(minimum))
            }
        }
    }

    /// A form field's label, for the problems that name it.
    func budgetField(_ field: String) -> String {
        let labels: [String: BudgetText] = [
            "title": .pbTitle, "description": .pbDescriptionField, "place": .pbPlace, "cost": .pbEstimatedCost,
            "author": .pbAuthor, "heading": .pbHeading, "explanation": .pbExplanation,
            "costExplanation": .pbCostExplanation, "responsible": .pbResponsible, "mergedInto": .pbMergedInto,
            "hiddenReason": .pbHiddenReason, "progress": .pbProgress, "implementation": .pbImplementationNote,
            "milestones": .pbMilestones, "photo": .pbPhoto, "photoAlt": .pbPhotoAlt,
            "photoMilestone": .pbPhotoMilestone,
        ]
        return labels[field].map { self[$0] } ?? field
    }

    func describe(_ problem: BudgetStore.Problem) -> String {
        let field = budgetField(problem.field)
        func fill(_ key: BudgetText, _ values: String...) -> String { Strings.fill(self[key], [field] + values) }
        switch problem.reason {
        case .notProposing(let phase): return fill(.pbProblemNotProposing, label(phase))
        case .required: return fill(.pbProblemRequired)
        case .tooLong(let limit): return fill(.pbProblemTooLong, String(limit))
        case .markup: return fill(.pbProblemMarkup)
        case .cost(let problem):
            switch problem {
            case .empty: return fill(.pbProblemCostEmpty)
            case .notAnAmount(let text): return fill(.pbProblemCostNotAnAmount, String(text.prefix(40)))
            case .notPositive(let text): return fill(.pbProblemCostNotPositive, String(text.prefix(40)))
            case .tooLarge(_, let maximum): return fill(.pbProblemCostTooLarge, kronor(maximum))
            }
        case .unknownHeading: return fill(.pbProblemUnknownHeading)
        case .unknownBody: return fill(.pbProblemUnknownBody)
        case .explanationRequired: return fill(.pbProblemExplanationRequired)
        case .unknownProposal(let number): return fill(.pbProblemUnknownProposal, String(number))
        case .mergedIntoItself: return fill(.pbProblemMergedIntoItself)
        case .changedSince: return self[.pbProblemChangedSince]
        case .progress: return fill(.pbProblemProgress)
        case .lockedFromVoting: return self[.pbProblemLockedFromVoting]
        case .milestone(let line): return fill(.pbProblemMilestone, String(line))
        case .photoTooLarge(let megabytes): return fill(.pbProblemPhotoTooLarge, String(megabytes))
        case .photoFormat: return fill(.pbProblemPhotoFormat)
        case .photoTooMany(let limit): return fill(.pbProblemPhotoTooMany, String(limit))
        case .photoMilestone: return fill(.pbProblemPhotoMilestone)
        }
    }
}
