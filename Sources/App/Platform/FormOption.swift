/// A choice in a select, radio group or checkbox list of any form or filter.
struct FormOption: Encodable, Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// `sv` when the label is Swedish data on an English page.
    var lang: String? = nil
}
