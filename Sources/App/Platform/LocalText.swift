import Vapor

/// Text with the language it is in, so that Swedish titles on an English page are marked
/// `lang="sv"` for screen readers.
struct LocalText: Encodable, Sendable {
    let text: String
    let lang: String
}
