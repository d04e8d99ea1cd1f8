import SkillnadCore

/// Years and days as the follow-up's forms take them, each problem added under its field: one
/// reading for the budget year, period and fund forms.
enum FollowUpFormField {
    /// A required year, 1900–2200.
    static func year(_ text: String?, _ field: String, _ problems: inout [FollowUpProblem]) -> Int? {
        guard let t = formText(text) else {
            problems.append(.init(field: field, .required))
            return nil
        }
        guard let y = Int(t), (1900...2200).contains(y) else {
            problems.append(.init(field: field, .yearOutOfRange(String(t.prefix(20)))))
            return nil
        }
        return y
    }

    /// A day written YYYY-MM-DD; absent is nil, or a problem when `required`.
    static func day(_ text: String?, _ field: String, required: Bool, _ problems: inout [FollowUpProblem]) -> Day? {
        guard let t = formText(text) else {
            if required { problems.append(.init(field: field, .required)) }
            return nil
        }
        guard let d = Day(t) else {
            problems.append(.init(field: field, .notADate(String(t.prefix(40)))))
            return nil
        }
        return d
    }
}
