import Vapor

extension SiteURL {
    /// The referrals' pages: rounds, answers, the compilation, attachments and calendars.
    enum Referrals: SiteRoute {
        case list
        /// Every submitted position of every round as CSV.
        case positionsCSV
        /// Full-text search across answers and statements.
        case search
        case new
        case round(Parameter<String>)
        case edit(Parameter<String>)
        case compilation(Parameter<String>)
        case compilationCSV(Parameter<String>)
        /// The answers to the round's standard questions and the further challenges, as CSV.
        case questionsCSV(Parameter<String>)
        /// The compilation for paper: A4 landscape, the bodies in tables narrow enough for the page.
        case compilationPrint(Parameter<String>)
        case answer(Parameter<String>, Parameter<String>)
        /// A body confirms or withdraws from another body's joint answer (POST).
        case joint(Parameter<String>, Parameter<String>)
        /// The check step (granska) before an answer is submitted: GET shows what will be published,
        /// POST submits it.
        case answerCheck(Parameter<String>, Parameter<String>)
        /// The confirmation (bekräfta att instansen avstår) before a body declines to answer: GET
        /// shows what will be published, POST declines.
        case answerDecline(Parameter<String>, Parameter<String>)
        /// Reading a statement (tjänsteutlåtande) into the answer: GET the upload form, POST the file.
        case statementUpload(Parameter<String>, Parameter<String>)
        /// The statement as read beside the answer form it filled, for review before saving.
        case statementReview(Parameter<String>, Parameter<String>, Parameter<String>)
        case attachment(Parameter<String>)
        case calendar
        case bodyCalendar(Parameter<String>)

        var pathComponents: [PathComponent] {
            let id = SiteURL.idKey
            let body = SiteURL.bodyKey
            switch self {
            case .list: return ["referrals"]
            case .positionsCSV: return ["referrals", "positions.csv"]
            case .search: return ["referrals", "search"]
            case .new: return ["referrals", "new"]
            case .round(let round): return ["referrals", round.component(id)]
            case .edit(let round): return ["referrals", round.component(id), "edit"]
            case .compilation(let round): return ["referrals", round.component(id), "compilation"]
            case .compilationCSV(let round): return ["referrals", round.component(id), "compilation.csv"]
            case .questionsCSV(let round): return ["referrals", round.component(id), "questions.csv"]
            case .compilationPrint(let round): return ["referrals", round.component(id), "compilation", "print"]
            case .answer(let round, let answerer):
                return ["referrals", round.component(id), "answers", answerer.component(body)]
            case .joint(let round, let answerer):
                return ["referrals", round.component(id), "answers", answerer.component(body), "joint"]
            case .answerCheck(let round, let answerer):
                return ["referrals", round.component(id), "answers", answerer.component(body), "check"]
            case .answerDecline(let round, let answerer):
                return ["referrals", round.component(id), "answers", answerer.component(body), "decline"]
            case .statementUpload(let round, let answerer):
                return ["referrals", round.component(id), "answers", answerer.component(body), "statement"]
            case .statementReview(let round, let answerer, let statement):
                return [
                    "referrals", round.component(id), "answers", answerer.component(body), "statements",
                    statement.component(Self.statementKey),
                ]
            case .attachment(let attachment): return ["attachments", attachment.component(id)]
            case .calendar: return ["calendar.ics"]
            case .bodyCalendar(let answerer): return ["bodies", answerer.component(id), "calendar.ics"]
            }
        }

        static let statementKey = "statement"
    }
}
