/// A choice in a select, radio group or checkbox list of the follow-up's forms.
struct FormOption: Encodable, Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// `sv` when the label is Swedish data on an English page.
    var lang: String? = nil
}
