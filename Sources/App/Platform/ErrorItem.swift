/// One problem in a form's error summary (felsammanfattning), linked to the field it is about
/// when there is one, so that a keyboard or screen-reader user reaches the field from the summary.
struct ErrorItem: Encodable, Sendable {
    let text: String
    let href: String?
}
