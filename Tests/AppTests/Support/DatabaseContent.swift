/// What a test's database holds when the test starts. Each kind is made once per test process
/// as a template, and every test gets a copy of it.
enum DatabaseContent: String, Sendable, CaseIterable {
    /// Every migration has run; no rows.
    case migrated
    /// Migrated, with the demo catalogue loaded (`DemoCommand.load`).
    case demo
}
