import Vapor

extension SiteURL {
    /// The dialogues in and out as CSV: the officials' import page and the export of them all.
    /// Its own enum, since `SiteURL.Dialogues` cannot be extended with cases.
    enum DialogueTransfer: SiteRoute {
        /// The upload form (GET) and the file (POST), for editors and administrators.
        case importDialogues
        /// Every dialogue as CSV, `?variant=excel` for Swedish Excel.
        case csv

        var pathComponents: [PathComponent] {
            switch self {
            case .importDialogues: return ["dialogues", "import"]
            case .csv: return ["dialogues.csv"]
            }
        }
    }
}
