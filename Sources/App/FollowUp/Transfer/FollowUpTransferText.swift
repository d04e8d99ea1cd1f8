/// A key of the follow-up transfer's texts (see `TextKey`).
enum FollowUpTransferText: String, TextKey {
    case followUpTransferPlaceholder

    var text: (sv: String, en: String) {
        switch self {
        case .followUpTransferPlaceholder: ("Uppföljning", "Follow-up")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpTransferText) -> String { self[typed: key] }
}
