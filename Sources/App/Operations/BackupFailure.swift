/// Why a backup, a verification or a restore was refused, in words for the person running it.
struct BackupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
