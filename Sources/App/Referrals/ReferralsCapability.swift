import Vapor

/// Referrals (remisser): rounds sent to bodies, their answers measure by measure, the
/// compilation, deadlines as calendars, and the API.
enum ReferralsCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.referrals] }, route: SiteURL.Referrals.list, position: 30)
    ]

    static let openAPIPart: String? = "referrals.json"
    static let stylesheet: String? = "Referrals.css"

    static var texts: [(key: String, sv: String, en: String)] { ReferralText.entries + StatementReviewText.entries }

    static func register(_ app: Application) throws {
        app.get(SiteURL.Referrals.list, use: ReferralController.list)
        app.get(SiteURL.Referrals.positionsCSV, use: ReferralController.allPositionsCSV)
        app.get(SiteURL.Referrals.search, use: ReferralController.search)
        app.on(.GET, SiteURL.Referrals.new.pathComponents, rule: .admin, use: ReferralEditController.newForm)
        app.on(.POST, SiteURL.Referrals.new.pathComponents, rule: .admin, use: ReferralEditController.create)
        app.get(SiteURL.Referrals.round(.key), use: ReferralController.show)
        app.on(.GET, SiteURL.Referrals.edit(.key).pathComponents, rule: .admin, use: ReferralEditController.editForm)
        app.on(.POST, SiteURL.Referrals.edit(.key).pathComponents, rule: .admin, use: ReferralEditController.update)
        app.get(SiteURL.Referrals.compilation(.key), use: ReferralController.compilation)
        app.get(SiteURL.Referrals.compilationCSV(.key), use: ReferralController.compilationCSV)
        app.get(SiteURL.Referrals.questionsCSV(.key), use: ReferralController.questionsCSV)
        app.on(
            .GET, SiteURL.Referrals.compilationPrint(.key).pathComponents, rule: .anyone,
            use: ReferralController.compilationPrint)
        app.get(SiteURL.Referrals.answer(.key, .key), use: ReferralController.answer)
        // An answer may carry attachments of up to 20 MB.
        app.on(
            .POST, SiteURL.Referrals.answer(.key, .key).pathComponents, rule: .editor, body: .collect(maxSize: "25mb"),
            use: ReferralController.saveAnswer)
        app.on(.POST, SiteURL.Referrals.joint(.key, .key).pathComponents, rule: .editor, use: JointAnswers.decide)
        app.on(.GET, SiteURL.Referrals.answerCheck(.key, .key).pathComponents, rule: .editor, use: AnswerCheck.show)
        app.on(
            .POST, SiteURL.Referrals.answerCheck(.key, .key).pathComponents, rule: .editor, use: AnswerCheck.confirm)
        app.on(.GET, SiteURL.Referrals.answerDecline(.key, .key).pathComponents, rule: .editor, use: AnswerDecline.show)
        app.on(
            .POST, SiteURL.Referrals.answerDecline(.key, .key).pathComponents, rule: .editor,
            use: AnswerDecline.confirm)
        app.on(
            .GET, SiteURL.Referrals.statementUpload(.key, .key).pathComponents, rule: .editor,
            use: StatementController.uploadForm)
        // A statement is read from a file of up to 20 MB, as attachments are.
        app.on(
            .POST, SiteURL.Referrals.statementUpload(.key, .key).pathComponents, rule: .editor,
            body: .collect(maxSize: "25mb"), use: StatementController.upload)
        app.on(
            .GET, SiteURL.Referrals.statementReview(.key, .key, .key).pathComponents, rule: .editor,
            use: StatementController.review)
        app.get(SiteURL.Referrals.attachment(.key), use: ReferralController.attachment)
        app.get(SiteURL.Referrals.calendar, use: ReferralController.calendar)
        app.get(SiteURL.Referrals.bodyCalendar(.key), use: ReferralController.bodyCalendar)

        app.get(APIURL.Referrals.list, use: PageRenderer.cachedJSON(ReferralAPIController.list))
        app.get(APIURL.Referrals.round(.key), use: PageRenderer.cachedJSON(ReferralAPIController.show))
        app.get(APIURL.Referrals.answers(.key), use: PageRenderer.cachedJSON(ReferralAPIController.answers))
        app.get(APIURL.Referrals.compilation(.key), use: ReferralAPIController.compilation)
        app.get(APIURL.Referrals.compilationCSV(.key), use: ReferralAPIController.compilationCSV)
        app.asyncCommands.use(StatementCommand(), as: "statements")
    }
}
