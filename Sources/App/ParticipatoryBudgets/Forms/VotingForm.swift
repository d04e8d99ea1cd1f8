import Fluent
import Foundation
import SkillnadCore
import Vapor

/// Voting with a code, without JavaScript: the code and the area, then the ballot, then the
/// receipt, each a form posted to the same address. A voter who comes back with the code and
/// the receipt changes the ballot; the last one counts. Wrong codes and receipts are throttled
/// per client address and logged.
struct VotingForm: Encodable, Sendable {
    struct Fields: Content, Sendable {
        var code: String?
        var receipt: String?
        var heading: String?
        var step: String?
        var projects: [String]?
    }

    struct Choice: Encodable, Sendable {
        let number: Int
        let title: String
        let cost: String
        let href: String
        let checked: Bool
    }

    /// `code`, `ballot`, `counted`, `closed` (voting), or `check`, `checked` (the receipt).
    let step: String
    let action: String
    let csrf: String
    let title: LocalText
    let budgetHref: String
    let intro: String
    let errors: [String]
    let code: String
    let receipt: String
    let headings: [FormOption]
    let heading: String
    let headingName: LocalText?
    let rules: [String]
    let choices: [Choice]
    let changing: Bool
    let counted: String?
    let receiptKeep: String?
    let votedFor: [String]

    static func register(_ app: Application) {
        let url = SiteURL.Budgets.self
        app.on(.GET, url.vote(.key).pathComponents, rule: .anyone, use: show)
        app.on(.POST, url.vote(.key).pathComponents, rule: .anyone, use: vote)
        app.on(.GET, url.receipt(.key).pathComponents, rule: .anyone, use: showReceipt)
        app.on(.POST, url.receipt(.key).pathComponents, rule: .anyone, use: checkReceipt)
        app.storage[AttemptsKey.self] = makeAttempts()
    }

    struct AttemptsKey: StorageKey { typealias Value = RateLimiter }

    static func attempts(_ req: Request) -> RateLimiter {
        req.application.storage[AttemptsKey.self] ?? makeAttempts()
    }

    /// Wrong codes and receipts a client may try: ten at once, then one every six seconds.
    static func makeAttempts() -> RateLimiter { RateLimiter(rate: 1.0 / 6, burst: 10) }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let step = loaded.phase == .voting ? "code" : "closed"
        return try await page(req, loaded, step: step, fields: Fields(), errors: closedErrors(loaded))
    }

    static func closedErrors(_ loaded: BudgetPages.Loaded) -> [String] {
        loaded.phase == .voting ? [] : [Texts(loaded.lang).describe(.notVoting(loaded.phase))]
    }

    /// Refuses a client that has tried too many wrong codes, before anything is looked up.
    static func throttle(_ req: Request, _ lang: Lang) throws {
        if let wait = attempts(req).waiting(req.clientAddress) {
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": String(wait)],
                reason: Strings.fill(Texts(lang)[.pbTooManyAttempts], String(wait)))
        }
    }

    /// Charges a wrong code or receipt to the client, and logs it without the code.
    static func charge(_ req: Request, _ refusal: BallotBox.Refusal, budget: String) {
        switch refusal {
        case .unknownCode, .otherBudget, .wrongReceipt:
            _ = attempts(req).take(req.clientAddress)
            req.logger.warning("voting: \(refusal) for budget \(budget) from \(req.clientAddress)")
        default: break
        }
    }

    static func vote(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let s = Texts(loaded.lang)
        try throttle(req, loaded.lang)
        var fields = try req.content.decode(Fields.self)
        guard loaded.phase == .voting else {
            return try await page(req, loaded, step: "closed", fields: Fields(), errors: closedErrors(loaded))
        }
        guard let code = VotingCode.normalised(fields.code ?? "") else {
            _ = attempts(req).take(req.clientAddress)
            return try await page(
                req, loaded, step: "code", fields: fields, errors: [s[.pbRefusedMalformedCode]],
                status: .unprocessableEntity)
        }
        let receiptText = (fields.receipt ?? "").trimmingCharacters(in: .whitespaces)
        var receipt: String?
        if !receiptText.isEmpty {
            guard let normalised = VotingCode.normalised(receiptText) else {
                charge(req, .wrongReceipt, budget: loaded.budget.slug)
                return try await page(
                    req, loaded, step: "code", fields: fields, errors: [s[.pbRefusedWrongReceipt]],
                    status: .unprocessableEntity)
            }
            receipt = normalised
        }
        if fields.step != "cast" {
            do {
                let earlier = try await BallotBox.admit(
                    loaded.budget, code: code, receipt: receipt, today: loaded.today, on: req.db)
                if let earlier {
                    if (fields.heading ?? "").isEmpty, let heading = loaded.heading(earlier.heading) {
                        fields.heading = heading.slug
                    }
                    let numbers = loaded.proposals.filter { earlier.proposals.contains($0.id) }.map {
                        String($0.number)
                    }
                    fields.projects = numbers
                }
                if loaded.headings.count == 1 { fields.heading = loaded.headings[0].slug }
                guard loaded.headings.contains(where: { $0.slug == fields.heading }) else {
                    return try await page(
                        req, loaded, step: "code", fields: fields, errors: [s.describe(.unknownHeading(""))],
                        status: .unprocessableEntity)
                }
                return try await page(req, loaded, step: "ballot", fields: fields, errors: [])
            } catch let refusal as BallotBox.Refusal {
                charge(req, refusal, budget: loaded.budget.slug)
                return try await page(
                    req, loaded, step: "code", fields: fields, errors: [s.describe(refusal)],
                    status: .unprocessableEntity)
            }
        }
        do {
            let cast = try await BallotBox.vote(
                loaded.budget, code: code, receipt: receipt, heading: fields.heading ?? "",
                choices: fields.projects ?? [], headings: loaded.headings, proposals: loaded.proposals,
                today: loaded.today, on: req.db)
            let numbers = Set(fields.projects ?? [])
            let votedFor = loaded.proposals.filter { numbers.contains(String($0.number)) }.map {
                "\($0.number). \($0.title)"
            }
            return try await page(
                req, loaded, step: "counted", fields: fields, errors: [], cast: cast, votedFor: votedFor)
        } catch let refusal as BallotBox.Refusal {
            charge(req, refusal, budget: loaded.budget.slug)
            let backToCode: Bool
            switch refusal {
            case .ballot, .unknownHeading: backToCode = false
            default: backToCode = true
            }
            return try await page(
                req, loaded, step: backToCode ? "code" : "ballot", fields: fields, errors: [s.describe(refusal)],
                status: .unprocessableEntity)
        }
    }

    static func showReceipt(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        return try await page(req, loaded, step: "check", fields: Fields(), errors: [])
    }

    static func checkReceipt(_ req: Request) async throws -> Response {
        let loaded = try await BudgetPages.load(req)
        let s = Texts(loaded.lang)
        try throttle(req, loaded.lang)
        let fields = try req.content.decode(Fields.self)
        guard let found = try await BallotBox.lookUp(receipt: fields.receipt ?? "", budget: loaded.budget, on: req.db)
        else {
            charge(req, .wrongReceipt, budget: loaded.budget.slug)
            return try await page(
                req, loaded, step: "check", fields: fields, errors: [s[.pbReceiptUnknown]], status: .notFound)
        }
        let votedFor = loaded.proposals.filter { found.proposals.contains($0.id) }.map { "\($0.number). \($0.title)" }
        let state =
            found.counted
            ? Strings.fill(
                s[.pbReceiptCounted], String(found.castAt.prefix(16)).replacingOccurrences(of: "T", with: " "))
            : s[.pbReceiptWaiting]
        var shown = fields
        shown.heading = loaded.heading(found.heading)?.slug
        return try await page(
            req, loaded, step: "checked", fields: shown, errors: [], counted: state, votedFor: votedFor)
    }

    static func page(
        _ req: Request, _ loaded: BudgetPages.Loaded, step: String, fields: Fields, errors: [String],
        cast: BallotBox.Cast? = nil, counted: String? = nil, votedFor: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = loaded.lang
        let s = Texts(lang)
        let slug = loaded.budget.slug
        let receiptPage = step == "check" || step == "checked"
        let heading = loaded.headings.first { $0.slug == fields.heading }
        let chosen = Set(fields.projects ?? [])
        let choices =
            step == "ballot"
            ? loaded.proposals.filter { $0.onBallot && $0.heading_id == heading?.id }.map {
                Choice(
                    number: $0.number, title: $0.title, cost: s.kronor($0.ballotCost),
                    href: SiteURL.Budgets.proposal(.value(slug), .value(String($0.number))).link(lang),
                    checked: chosen.contains(String($0.number)))
            } : []
        var intro = Strings.fill(s[.pbVoteIntro], loaded.budget.voting_until)
        if step == "ballot", let heading { intro = Strings.fill(s[.pbBallotIntro], loaded.areaName(heading).text) }
        if receiptPage { intro = s[.pbReceiptCheckIntro] }
        var countedText = counted
        if let cast { countedText = cast.changed ? s[.pbCountedChanged] : s[.pbCountedFirst] }
        let form = VotingForm(
            step: step,
            action: (receiptPage ? SiteURL.Budgets.receipt(.value(slug)) : SiteURL.Budgets.vote(.value(slug)))
                .link(lang),
            csrf: CSRF.token(for: req), title: loaded.title,
            budgetHref: SiteURL.Budgets.budget(.value(slug)).link(lang),
            intro: intro, errors: errors,
            // The code and receipt travel in the ballot's form, never in an address.
            code: step == "ballot" ? (fields.code ?? "") : (step == "code" ? fields.code ?? "" : ""),
            receipt: cast?.receipt ?? (step == "ballot" || step == "code" ? fields.receipt ?? "" : ""),
            headings: loaded.headingOptions(selected: fields.heading),
            heading: heading?.slug ?? "", headingName: heading.map(loaded.areaName),
            rules: step == "ballot" ? BudgetPage.ballotRule(loaded.budget, heading.map { [$0] } ?? [], s) : [],
            choices: choices, changing: !(fields.receipt ?? "").isEmpty, counted: countedText,
            receiptKeep: cast.map { _ in Strings.fill(s[.pbReceiptKeep], loaded.budget.voting_until) },
            votedFor: votedFor)
        let route = receiptPage ? SiteURL.Budgets.receipt(.value(slug)) : SiteURL.Budgets.vote(.value(slug))
        let title = step == "counted" ? s[.pbCounted] : (receiptPage ? s[.pbCheckReceipt] : s[.pbVote])
        let meta = PageMeta.make(
            lang, title: title, description: s[.pbDescription], section: SiteURL.Budgets.list, route: route,
            crumbs: loaded.crumbs())
        return try await AccountController.render(
            req, "Budgets/vote", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
