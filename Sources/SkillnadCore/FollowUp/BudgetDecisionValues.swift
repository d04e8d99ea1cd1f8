/// A budget decision on a measure as recorded (form, API, demo file), checked against the
/// catalogue before anything is written.
public struct BudgetDecisionValues: Sendable, Equatable, Codable {
    public var budgetYear: Int
    /// The measure's public id.
    public var measure: String
    public var kind: BudgetDecisionKind
    public var decidedOn: Day
    public var decidingBody: String
    public var diaryNumber: String?
    /// The bodies assigned; for a change of body, the new ones.
    public var bodies: [String]
    /// The assignment's text, the reason for a rejection, the new target.
    public var text: String?
    /// Per year.
    public var amount: SwedishAmount?
    public var funding: FundingSource?
    public var postponedTo: Int?
    /// The measure's weight in the budget year relative to the other measures of a report, a
    /// strategy or the year (2 weighs twice as much as 1); nobody makes weights add up to 1.
    public var weight: Double?

    public init(
        budgetYear: Int, measure: String, kind: BudgetDecisionKind, decidedOn: Day, decidingBody: String,
        diaryNumber: String? = nil, bodies: [String] = [], text: String? = nil, amount: SwedishAmount? = nil,
        funding: FundingSource? = nil, postponedTo: Int? = nil, weight: Double? = nil
    ) {
        self.budgetYear = budgetYear
        self.measure = measure
        self.kind = kind
        self.decidedOn = decidedOn
        self.decidingBody = decidingBody
        self.diaryNumber = diaryNumber
        self.bodies = bodies
        self.text = text
        self.amount = amount
        self.funding = funding
        self.postponedTo = postponedTo
        self.weight = weight
    }

    /// Reads a decision as typed in the form or sent as strings, with every problem by field.
    public static func read(
        budgetYear: String?, measure: String?, kind: String?, decidedOn: String?, decidingBody: String?,
        diaryNumber: String?, bodies: [String], text: String?, amount: String?, funding: String?,
        postponedTo: String?, weight: String? = nil
    ) -> Result<BudgetDecisionValues, FollowUpProblems> {
        var problems: [FollowUpProblem] = []
        func trimmed(_ s: String?) -> String? {
            let t = s?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return t.isEmpty ? nil : t
        }
        func year(_ s: String?, _ field: String) -> Int? {
            guard let t = trimmed(s) else { return nil }
            guard let y = Int(t), (1900...2200).contains(y) else {
                problems.append(FollowUpProblem(field: field, .yearOutOfRange(String(t.prefix(20)))))
                return nil
            }
            return y
        }
        let parsedYear = year(budgetYear, "budgetYear")
        if trimmed(budgetYear) == nil { problems.append(FollowUpProblem(field: "budgetYear", .required)) }
        let parsedMeasure = trimmed(measure)
        if parsedMeasure == nil { problems.append(FollowUpProblem(field: "measure", .required)) }
        var parsedKind: BudgetDecisionKind?
        if let k = trimmed(kind) {
            parsedKind = BudgetDecisionKind(rawValue: k)
            if parsedKind == nil { problems.append(FollowUpProblem(field: "kind", .unknownKind(String(k.prefix(40))))) }
        } else {
            problems.append(FollowUpProblem(field: "kind", .required))
        }
        var parsedDay: Day?
        if let d = trimmed(decidedOn) {
            parsedDay = Day(d)
            if parsedDay == nil {
                problems.append(FollowUpProblem(field: "decidedOn", .notADate(String(d.prefix(40)))))
            }
        } else {
            problems.append(FollowUpProblem(field: "decidedOn", .required))
        }
        let decider = trimmed(decidingBody)
        if decider == nil { problems.append(FollowUpProblem(field: "decidingBody", .required)) }
        var parsedAmount: SwedishAmount?
        if let a = trimmed(amount) {
            switch SwedishAmount.parse(a) {
            case .success(let value): parsedAmount = value
            case .failure(let p):
                problems.append(FollowUpProblem(field: "amount", .amount(p, value: String(a.prefix(60)))))
            }
        }
        var parsedFunding: FundingSource?
        if let f = trimmed(funding) {
            parsedFunding = FundingSource(rawValue: f)
            if parsedFunding == nil {
                problems.append(FollowUpProblem(field: "funding", .unknownFunding(String(f.prefix(40)))))
            }
        }
        let later = year(postponedTo, "postponedTo")
        var parsedWeight: Double?
        if let w = trimmed(weight) {
            let number = Double(w.replacingOccurrences(of: ",", with: "."))
            if let number, number > 0, number <= 1000 {
                parsedWeight = number
            } else {
                problems.append(FollowUpProblem(field: "weight", .weightOutOfRange(String(w.prefix(20)))))
            }
        }
        guard problems.isEmpty, let y = parsedYear, let m = parsedMeasure, let k = parsedKind, let d = parsedDay,
            let by = decider
        else { return .failure(FollowUpProblems(problems)) }
        var seen: Set<String> = []
        let list = bodies.compactMap(trimmed).filter { seen.insert($0).inserted }
        return .success(
            BudgetDecisionValues(
                budgetYear: y, measure: m, kind: k, decidedOn: d, decidingBody: by, diaryNumber: trimmed(diaryNumber),
                bodies: list, text: trimmed(text), amount: parsedAmount, funding: parsedFunding, postponedTo: later,
                weight: parsedWeight))
    }

    /// What the catalogue and the decision's kind require, every problem by field.
    /// - Parameter budgetYears: the budget years that exist.
    public func problems(_ index: CatalogueIndex, budgetYears: Set<Int>) -> [FollowUpProblem] {
        var out: [FollowUpProblem] = []
        if !budgetYears.contains(budgetYear) {
            out.append(FollowUpProblem(field: "budgetYear", .unknownBudgetYear(budgetYear)))
        }
        if let m = index.measureByPublicID[measure] {
            if let year = index.reportByID[m.report]?.year, decidedOn.year < year {
                out.append(
                    FollowUpProblem(
                        field: "decidedOn", .decisionBeforeReport(decided: decidedOn.description, reportYear: year)))
            }
        } else {
            out.append(FollowUpProblem(field: "measure", .unknownMeasure(String(measure.prefix(80)))))
        }
        if index.bodyByID[decidingBody] == nil {
            out.append(FollowUpProblem(field: "decidingBody", .unknownBody(String(decidingBody.prefix(80)))))
        }
        for body in bodies where index.bodyByID[body] == nil {
            out.append(FollowUpProblem(field: "bodies", .unknownBody(String(body.prefix(80)))))
        }
        switch kind {
        case .assigned, .changedBody:
            if bodies.isEmpty { out.append(FollowUpProblem(field: "bodies", .required)) }
        case .financed:
            if amount == nil { out.append(FollowUpProblem(field: "amount", .required)) }
            if funding == nil { out.append(FollowUpProblem(field: "funding", .required)) }
        case .postponed:
            if let to = postponedTo {
                if to <= budgetYear {
                    out.append(FollowUpProblem(field: "postponedTo", .postponedNotLater(to: to, year: budgetYear)))
                }
            } else {
                out.append(FollowUpProblem(field: "postponedTo", .required))
            }
        case .rejected, .changedTarget:
            if text == nil { out.append(FollowUpProblem(field: "text", .required)) }
        case .takenUp, .ordinaryOperations:
            break
        }
        if let t = text, t.count > 20_000 { out.append(FollowUpProblem(field: "text", .tooLong(limit: 20_000))) }
        return out
    }
}
