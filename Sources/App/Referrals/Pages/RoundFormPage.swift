import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The round form as the template shows it.
struct RoundFormPage: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }
    let action: String
    let csrf: String
    let version: Int
    let isNew: Bool
    let errors: [String]
    let title, senderDiaryNumber, sentOn, deadline, questions, requiredAll, invitedAll, perBody: String
    let senders: [Option]
    let reports: [Option]
    let groups: [Option]
    let bodies: [Option]

    static func make(
        _ f: ReferralEditController.RoundForm, index: CatalogueIndex, errors: [String], isNew: Bool, csrf: String,
        lang: Lang
    ) -> RoundFormPage {
        let chosen = Set(f.bodies ?? [])
        let reports = Set(f.reports ?? [])
        let groups = Set(f.groups ?? [])
        let bodies = index.document.bodies.filter {
            [.districtCouncil, .specialistCommittee, .companyBoard].contains($0.kind)
        }
        .sorted { $0.name < $1.name }
        return RoundFormPage(
            action: (isNew ? SiteURL.Referrals.new : SiteURL.Referrals.edit(.value(f.id ?? ""))).link(lang), csrf: csrf,
            version: f.version ?? 0,
            isNew: isNew, errors: errors, title: f.title ?? "", senderDiaryNumber: f.senderDiaryNumber ?? "",
            sentOn: f.sentOn ?? "",
            deadline: f.deadline ?? "", questions: f.questions ?? "", requiredAll: f.requiredAll ?? "",
            invitedAll: f.invitedAll ?? "",
            perBody: f.perBody ?? "",
            senders: index.document.bodies.filter { b in
                b.kind == BodyKind.executiveBoard || b.kind == BodyKind.executiveOffice || b.id == f.sender
            }.map {
                Option(value: $0.id, label: $0.name, selected: $0.id == (f.sender ?? "kommunstyrelsen"))
            },
            reports: index.document.reports.map {
                Option(value: $0.id, label: "\($0.title) (\($0.year))", selected: reports.contains($0.id))
            },
            groups: [BodyGroup.allDistrictCouncils, .allCommitteesAndBoards].map {
                Option(value: $0.rawValue, label: Texts(lang).label($0), selected: groups.contains($0.rawValue))
            },
            bodies: bodies.map {
                Option(value: $0.id, label: $0.name + validitySuffix($0), selected: chosen.contains($0.id))
            })
    }

    static func validitySuffix(_ b: BodyRecord) -> String {
        validityText(b.validFrom, b.validTo, .sv).map { " (\($0))" } ?? ""
    }
}
