/// Something a service refuses, kept as data so that whoever shows it (a page, the API, a
/// command) words it in the reader's language: an English reader never gets a Swedish message.
protocol WordedProblem: Sendable {
    func text(_ texts: Texts) -> String
}
