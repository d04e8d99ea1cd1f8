import Vapor

extension SiteURL {
    /// The participatory budgets' pages: the budgets, a budget with its proposals, proposing,
    /// voting and the receipt, the results, and the officials' review, codes and paper ballots.
    enum Budgets: SiteRoute {
        case list
        case budget(Parameter<String>)
        /// A resident proposes (GET form, POST), while proposals are taken.
        case propose(Parameter<String>)
        case proposal(Parameter<String>, Parameter<String>)
        /// The officials' review, moderation and implementation of a proposal (GET form, POST).
        case review(Parameter<String>, Parameter<String>)
        /// Voting with a code: the code (GET), then the ballot and the receipt (POST).
        case vote(Parameter<String>)
        /// A voter checks that their ballot is counted (GET form, POST the receipt).
        case receipt(Parameter<String>)
        case results(Parameter<String>)
        case resultsCSV(Parameter<String>)
        /// Officials issue voting codes for printing (GET form, POST gives the codes as CSV, once).
        case codes(Parameter<String>)
        /// Officials enter paper ballots; a second official's identical entry confirms each.
        case paper(Parameter<String>)
        /// Every ballot event: when and how, never who or what.
        case trail(Parameter<String>)
        /// A photo of a proposal or of a milestone of what was built.
        case photo(Parameter<String>, Parameter<String>)

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            let number = Self.numberKey
            switch self {
            case .list: return ["budgets"]
            case .budget(let budget): return ["budgets", budget.component(id)]
            case .propose(let budget): return ["budgets", budget.component(id), "propose"]
            case .proposal(let budget, let proposal):
                return ["budgets", budget.component(id), "proposals", proposal.component(number)]
            case .review(let budget, let proposal):
                return ["budgets", budget.component(id), "proposals", proposal.component(number), "review"]
            case .vote(let budget): return ["budgets", budget.component(id), "vote"]
            case .receipt(let budget): return ["budgets", budget.component(id), "receipt"]
            case .results(let budget): return ["budgets", budget.component(id), "results"]
            case .resultsCSV(let budget): return ["budgets", budget.component(id), "results.csv"]
            case .codes(let budget): return ["budgets", budget.component(id), "codes"]
            case .paper(let budget): return ["budgets", budget.component(id), "paper"]
            case .trail(let budget): return ["budgets", budget.component(id), "trail"]
            case .photo(let budget, let photo):
                return ["budgets", budget.component(id), "photos", photo.component(Self.photoKey)]
            }
        }

        static let numberKey = "number"
        static let photoKey = "photo"
    }
}
