/// What a verified database holds: rows per table and the migrations applied, oldest first.
struct BackupReport: Sendable, Equatable {
    let rows: [String: Int]
    let migrations: [String]
}
