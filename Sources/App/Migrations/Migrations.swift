import Fluent

/// Every migration, in the order it runs. A new one is one line at the end; shipped ones are never
/// edited, moved in this list or renamed (each pins the name it shipped with).
enum Migrations {
    static let all: [any Migration] = [
        CreateCatalogue(),
        CreateAccounts(),
        AddRoadmapVersion(),
        CreateIndicators(),
        ExtendIndicators(),
        CreateReferrals(),
        KeyObservationsByContent(),
        NumberObservationKeys(),
        AddJointConfirmations(),
        AddIndicatorOwnership(),
        AddIndicatorKind(),
        CreateFollowUp(),
        AddObservationAggregation(),
        CreateDialogues(),
        IndexDialogueFilters(),
        AddDialogueReachColumns(),
        CreateReferralStatements(),
        CreateAnswerTexts(),
        AddDialogueFatigueColumns(),
        CreateParticipatoryBudgets(),
        AddBudgetPhotos(),
        CreateAssociationRegister(),
        CreateGrants(),
        CreateExternalSignIn(),
        CreateArchiveRecords(),
    ]
}
