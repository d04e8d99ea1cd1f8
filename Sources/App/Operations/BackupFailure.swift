/// Why a backup, a verification or a restore was refused, in words for the person running it.
struct BackupFailure: Error, CustomStringConvertible {
    let description: String
    /// The database stayed locked by another connection: nothing is wrong with it.
    var locked = false

    init(_ description: String, locked: Bool = false) {
        self.description = description
        self.locked = locked
    }
}
