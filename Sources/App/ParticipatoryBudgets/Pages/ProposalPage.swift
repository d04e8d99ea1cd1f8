import Foundation
import SkillnadCore

/// A proposal's page: what the resident proposed, the review and its explanations, the proposals
/// merged into it with their authors' credit, and how far it has come if it won.
struct ProposalPage: Encodable, Sendable {
    struct PhotoView: Encodable, Sendable {
        let src: String
        let alt: String
    }

    struct MilestoneView: Encodable, Sendable {
        let day: String
        let text: String
        let photos: [PhotoView]
    }

    struct Merged: Encodable, Sendable {
        let number: Int
        let title: String
        let href: String
        let author: String?
    }

    let number: Int
    let title: String
    let hidden: String?
    let description: String?
    let place: String?
    let area: LocalText
    let proposedBy: String?
    let proposedOn: String
    let estimatedCost: String
    let feasibility: String
    let explanation: String?
    let cost: String?
    let costExplanation: String?
    let responsible: String?
    let merged: String?
    let mergedHref: String?
    let mergedFrom: [Merged]
    let progress: Int?
    let implementation: String?
    let milestones: [MilestoneView]
    /// Photos of the proposal itself; those of a milestone are shown with it.
    let photos: [PhotoView]
    let budgetTitle: LocalText
    let budgetHref: String
    let reviewHref: String?

    static func build(
        _ proposal: BudgetProposal, _ loaded: BudgetPages.Loaded, milestones: [BudgetStore.Milestone],
        photos: [BudgetPhotos.Photo], principal: Principal?
    ) -> ProposalPage {
        let lang = loaded.lang
        let s = Texts(lang)
        let slug = loaded.budget.slug
        func href(_ number: Int) -> String {
            SiteURL.Budgets.proposal(.value(slug), .value(String(number))).link(lang)
        }
        // A hidden proposal keeps its number and the reason; its words are not shown.
        let hidden = proposal.hidden_reason.map { Strings.fill(s[.pbHiddenNote], String(proposal.number), $0) }
        let shown = hidden == nil ? photos : []
        func views(_ day: String?) -> [PhotoView] {
            shown.filter { $0.milestone_day == day }.map {
                PhotoView(src: SiteURL.Budgets.photo(.value(slug), .value($0.id.uuidString)).path, alt: $0.alt)
            }
        }
        return ProposalPage(
            number: proposal.number, title: hidden == nil ? proposal.title : "\(s[.pbHidden]) (\(proposal.number))",
            hidden: hidden, description: hidden == nil ? proposal.description : nil,
            place: hidden == nil ? proposal.place : nil,
            area: loaded.heading(proposal.heading_id).map(loaded.areaName) ?? LocalText(text: "–", lang: "sv"),
            proposedBy: hidden == nil ? proposal.author.map { Strings.fill(s[.pbProposedBy], $0) } : nil,
            proposedOn: Strings.fill(s[.pbProposedOn], String(proposal.submitted_at.prefix(10))),
            estimatedCost: s.kronor(proposal.estimated_cost), feasibility: s.label(proposal.review),
            explanation: proposal.explanation, cost: proposal.cost.map(s.kronor),
            costExplanation: proposal.cost_explanation,
            responsible: proposal.responsible.map { loaded.index.bodyByID[$0]?.name ?? $0 },
            merged: proposal.merged_into.map { Strings.fill(s[.pbMergedNote], String($0)) },
            mergedHref: proposal.merged_into.map(href),
            mergedFrom: loaded.proposals.filter { $0.merged_into == proposal.number }.map {
                Merged(
                    number: $0.number, title: $0.hidden_reason == nil ? $0.title : s[.pbHidden], href: href($0.number),
                    author: $0.hidden_reason == nil ? $0.author : nil)
            },
            progress: proposal.progress, implementation: proposal.implementation,
            milestones: milestones.map { MilestoneView(day: $0.day, text: $0.text, photos: views($0.day)) },
            photos: views(nil),
            budgetTitle: loaded.title,
            budgetHref: SiteURL.Budgets.budget(.value(slug)).link(lang),
            reviewHref: loaded.mayManage(principal)
                ? SiteURL.Budgets.review(.value(slug), .value(String(proposal.number))).link(lang) : nil)
    }
}
