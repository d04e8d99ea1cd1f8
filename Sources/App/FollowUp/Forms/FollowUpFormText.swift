/// A key of the follow-up forms' texts (see `TextKey`).
enum FollowUpFormText: String, TextKey {
    case followUpFormsPlaceholder

    var text: (sv: String, en: String) {
        switch self {
        case .followUpFormsPlaceholder: ("Uppföljning", "Follow-up")
        }
    }
}

extension Texts {
    subscript(_ key: FollowUpFormText) -> String { self[typed: key] }
}
