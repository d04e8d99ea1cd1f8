/// What a test's database holds when the test starts. Each kind is made once per test process
/// as a template, and every test gets a copy of it.
enum DatabaseContent: String, Sendable, CaseIterable {
    /// Every migration has run; no rows.
    case migrated
    /// Migrated, with the demo catalogue loaded (`DemoCommand.load`).
    case demo
    /// The demo with its referral rounds and answers, and the made-up indicator of `Fixture`:
    /// something on every kind of page. Loading both takes longer than most tests.
    case demoWithReferralsAndIndicator

    /// The template this one is made from, so that each step runs once.
    var source: DatabaseContent? {
        switch self {
        case .migrated: return nil
        case .demo: return .migrated
        case .demoWithReferralsAndIndicator: return .demo
        }
    }
}
