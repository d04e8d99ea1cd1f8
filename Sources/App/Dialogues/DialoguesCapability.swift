import Vapor

/// The dialogue portal (dialogportalen, measure D.2.3.1): every citizen dialogue of the city,
/// planned and held, what came of it and what it led to, the feedback to the participants, a
/// warning against asking the same residents the same thing again, and whom the dialogues reach.
enum DialoguesCapability: Capability {
    static let navigation = [
        NavigationEntry(label: { $0[.dialogues] }, route: SiteURL.Dialogues.list, position: 38)
    ]

    static let openAPIPart: String? = "dialogues.json"
    static let stylesheet: String? = "Dialogues.css"

    static var texts: [(key: String, sv: String, en: String)] {
        DialogueText.entries + DialogueTransferText.entries + DialogueMapText.entries
    }

    static func register(_ app: Application) throws {
        try DialoguePages.register(app)
        DialogueForm.register(app)
        DialogueFeeds.register(app)
        DialogueAPI.register(app)
        DialogueTransfer.register(app)
    }
}
