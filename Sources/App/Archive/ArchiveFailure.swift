/// Why an archive export was refused or failed, said so that the one who ran it knows what to do.
struct ArchiveFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
