/// A key of the follow-up pages' texts (see `TextKey`).
enum FollowUpPageText: String, TextKey {
    case followUpPagesPlaceholder

    var text: (sv: String, en: String) {
        switch self {
        case .followUpPagesPlaceholder: ("Uppföljning", "Follow-up")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpPageText) -> String { self[typed: key] }
}
