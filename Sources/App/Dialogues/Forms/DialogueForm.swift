import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Planning and following up a dialogue (editors of the organising body, administrators): the
/// dialogue, its target-group analysis beside the area's profile from its indicators, its
/// outcome and feedback. Before the first save the form lists earlier and planned dialogues in
/// the same areas on the same topics, and those awaiting feedback there: a warning, which the
/// official acknowledges, never a block.
struct DialogueForm: Encodable, Sendable {
    struct Warning: Encodable, Sendable {
        let title: LocalText
        let href: String
        let detail: String
    }

    struct Profile: Encodable, Sendable {
        let area: LocalText
        let standings: [AreaPage.Standing]
    }

    let action: String
    let csrf: String
    let heading: String
    let errors: [String]
    let fields: DialogueFormFields
    let levels: [FormOption]
    let methods: [FormOption]
    let statuses: [FormOption]
    let organisers: [FormOption]
    let decidingBodies: [FormOption]
    let areas: [FormOption]
    let strategies: [FormOption]
    let targetAreas: [FormOption]
    let arrangements: [FormOption]
    let overlaps: [Warning]
    let awaiting: [Warning]
    /// Places outside the municipality's areas: a warning.
    let places: [String]
    /// Whether the check has run (the second step, or an edit).
    let checked: Bool
    let profiles: [Profile]
    let isNew: Bool

    static func register(_ app: Application) {
        let url = SiteURL.Dialogues.self
        app.on(.GET, url.new.pathComponents, rule: .editor, use: showNew)
        app.on(.POST, url.new.pathComponents, rule: .editor, use: save)
        app.on(.GET, url.edit(.key).pathComponents, rule: .editor, use: showEdit)
        app.on(.POST, url.edit(.key).pathComponents, rule: .editor, use: save)
    }

    static func showNew(_ req: Request) async throws -> Response {
        var fields = DialogueFormFields()
        fields.organiser = req.principal?.bodies.sorted().first
        return try await page(req, fields, errors: [], warning: nil, isNew: true, status: .ok)
    }

    static func showEdit(_ req: Request) async throws -> Response {
        let dialogue = try await editable(req)
        guard let values = dialogue.values else {
            throw Abort(.internalServerError, reason: "The dialogue is damaged.")
        }
        let warning = try await check(values, req)
        return try await page(
            req, DialogueFormFields(values, version: dialogue.version), errors: [], warning: warning, isNew: false,
            status: .ok)
    }

    /// The stored dialogue of the address, when the signed-in person may change it.
    static func editable(_ req: Request) async throws -> Dialogue {
        let slug = try req.parameters.require(SiteURL.idKey)
        guard let dialogue = try await DialogueQueries.one(slug, on: req.db) else { throw Abort(.notFound) }
        guard DialoguePages.mayEdit(req.principal, organiser: dialogue.organiser) else {
            throw Abort(.forbidden, reason: "Only editors of the organising body change this dialogue.")
        }
        return dialogue
    }

    static func save(_ req: Request) async throws -> Response {
        let isNew = req.parameters.get(SiteURL.idKey) == nil
        let existing = isNew ? nil : try await editable(req)
        let fields = try req.content.decode(DialogueFormFields.self)
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        var (values, problems) = fields.read()
        values = DialogueStore.resolvingMeasures(values, index: index)
        if let existing { values.id = existing.slug }
        if !DialoguePages.mayEdit(req.principal, organiser: values.organiser) {
            problems.append(DialogueProblem(field: "organiser", .unknownBody(values.organiser)))
        }
        problems += DialogueStore.problems(values, index: index)
        guard problems.isEmpty else {
            return try await page(
                req, fields, errors: problems.map(s.describe), warning: nil, isNew: isNew, status: .unprocessableEntity)
        }
        // A new dialogue is saved once its planner has seen what the checks found.
        let warning = try await check(values, req)
        let places = DialoguePlaces.problems(values, index: index).filter(\.isWarning).map(s.describe)
        if isNew, !warning.isEmpty || !places.isEmpty, fields.acknowledged == nil {
            return try await page(
                req, fields, errors: [], warning: warning, places: places, isNew: isNew, status: .ok)
        }
        do {
            try await DialogueStore.save(
                values, version: existing.map { _ in Int(fields.version ?? "") ?? -1 }, index: index,
                by: req.auditActor, on: req.db)
        } catch let e as DialogueProblems {
            return try await page(
                req, fields, errors: e.problems.map(s.describe), warning: warning, isNew: isNew,
                status: e.problems.contains { if case .changedSince = $0.reason { true } else { false } }
                    ? .conflict : .unprocessableEntity)
        }
        req.application.catalogue.invalidate()
        return req.redirect(to: SiteURL.Dialogues.dialogue(.value(values.id)).link(lang), redirectType: .normal)
    }

    /// The fatigue check of a planned dialogue against the dialogues in related areas.
    static func check(_ values: DialogueValues, _ req: Request) async throws -> DialogueFatigue.Warning {
        let index = try await req.catalogue().index
        let now = today()
        return try await DialogueQueries.fatigue(
            DialogueFatigue.Plan(values, today: now), listing: listedWarnings, index: index, today: now, on: req.db)
    }

    /// How many of each kind of finding are listed; the rest are counted ("… and 40 more").
    static let listedWarnings = 25

    /// The check's findings as lines with links: the overlapping dialogues and those awaiting feedback.
    static func warnings(
        _ warning: DialogueFatigue.Warning?, titles: [String: (title: String, titleEn: String?)],
        _ index: CatalogueIndex, _ lang: Lang
    ) -> (overlaps: [Warning], awaiting: [Warning]) {
        let s = Texts(lang)
        func link(_ id: String) -> (LocalText, String) {
            (
                lang.pick(titles[id]?.title ?? id, titles[id]?.titleEn),
                SiteURL.Dialogues.dialogue(.value(id)).link(lang)
            )
        }
        let overlaps = (warning?.overlaps ?? []).prefix(listedWarnings).map { overlap in
            let (title, href) = link(overlap.id)
            let topics = overlap.sharedTopics.map { DialoguesPage.topicLabel($0, index, lang) }
            let when = overlap.timing.daysApart.map { Strings.fill(s[.dlDaysApart], String($0)) } ?? ""
            return Warning(
                title: title, href: href, detail: ([when] + topics).filter { !$0.isEmpty }.joined(separator: " · "))
        }
        let awaiting = (warning?.awaitingFeedback ?? []).prefix(listedWarnings).map { unanswered in
            let (title, href) = link(unanswered.id)
            return Warning(
                title: title, href: href,
                detail: unanswered.lastDay.map { Strings.fill(s[.dlAwaitingFeedbackSince], $0.description) } ?? "")
        }
        func more(_ count: Int) -> [Warning] {
            count > listedWarnings
                ? [
                    Warning(
                        title: LocalText(
                            text: Strings.fill(s[.dlMore], String(count - listedWarnings)), lang: lang.rawValue),
                        href: SiteURL.Dialogues.list.link(lang), detail: "")
                ]
                : []
        }
        return (
            overlaps + more(warning?.overlaps.count ?? 0), awaiting + more(warning?.awaitingFeedbackCount ?? 0)
        )
    }

    static func page(
        _ req: Request, _ f: DialogueFormFields, errors: [String], warning: DialogueFatigue.Warning?,
        places: [String] = [], isNew: Bool, status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = Lang.of(req)
        let s = Texts(lang)
        let index = try await req.catalogue().index
        let principal = req.principal
        func options<T: RawRepresentable & CaseIterable>(_ chosen: String?, _ label: (T) -> String) -> [FormOption]
        where T.RawValue == String {
            T.allCases.map { FormOption(value: $0.rawValue, label: label($0), selected: $0.rawValue == chosen) }
        }
        let chosenAreas = Set(f.areas ?? [])
        let areaKinds: Set<AreaKind> = [.city, .districtArea, .district]
        let titles = try await DialogueQueries.titles(
            (warning?.overlaps.prefix(DialogueForm.listedWarnings).map(\.id) ?? [])
                + (warning?.awaitingFeedback.prefix(DialogueForm.listedWarnings).map(\.id) ?? []), on: req.db)
        let found = warnings(warning, titles: titles, index, lang)
        var profiles: [Profile] = []
        for area in (f.areas ?? []).prefix(3).compactMap({ index.areaByID[$0] }) {
            let readings = try await AreaPage.query(area: area, on: req.db)
            profiles.append(
                Profile(
                    area: lang.pick(area.name, area.nameEn),
                    standings: readings.map { AreaPage.Standing.make($0, kind: area.kind, lang) }))
        }
        let form = DialogueForm(
            action: isNew
                ? SiteURL.Dialogues.new.link(lang) : SiteURL.Dialogues.edit(.value(f.id ?? "")).link(lang),
            csrf: CSRF.token(for: req), heading: isNew ? s[.dlNew] : s[.dlEdit], errors: errors, fields: f,
            levels: options(f.level ?? ParticipationLevel.consult.rawValue, s.label as (ParticipationLevel) -> String),
            methods: options(f.method, s.label as (DialogueMethod) -> String),
            statuses: options(f.status ?? DialogueStatus.planned.rawValue, s.label as (DialogueStatus) -> String),
            organisers: index.document.bodies.filter {
                principal?.isAdmin == true || principal?.bodies.contains($0.id) == true
            }
            .map { FormOption(value: $0.id, label: $0.name, selected: $0.id == f.organiser, lang: "sv") },
            decidingBodies: [FormOption(value: "", label: "–", selected: f.decidingBody == nil)]
                + index.document.bodies.map {
                    FormOption(value: $0.id, label: $0.name, selected: $0.id == f.decidingBody, lang: "sv")
                },
            areas: index.document.areas.filter { areaKinds.contains($0.kind) }
                .map { FormOption(value: $0.id, label: $0.name, selected: chosenAreas.contains($0.id), lang: "sv") },
            strategies: (index.document.roadmap?.targetAreas ?? []).flatMap { target in
                target.strategies.map { strategy in
                    FormOption(
                        value: strategy.id,
                        label: "\(strategy.numeral) \(lang.pick(strategy.title, strategy.titleEn).text)",
                        selected: (f.strategies ?? []).contains(strategy.id))
                }
            },
            targetAreas: (index.document.roadmap?.targetAreas ?? []).map { target in
                FormOption(
                    value: target.id, label: lang.pick(target.name, target.nameEn).text,
                    selected: (f.targetAreas ?? []).contains(target.id))
            },
            arrangements: options(
                nil, s.label as (TargetGroupAnalysis.Arrangement) -> String
            ).map { option in
                FormOption(
                    value: option.value, label: option.label, selected: (f.arrangements ?? []).contains(option.value))
            },
            overlaps: found.overlaps, awaiting: found.awaiting, places: places,
            checked: warning != nil, profiles: profiles, isNew: isNew)
        let meta = PageMeta.make(
            lang, title: form.heading, description: s[.dlDescription], section: SiteURL.Dialogues.list,
            route: isNew ? SiteURL.Dialogues.new : SiteURL.Dialogues.edit(.value(f.id ?? "")),
            crumbs: [(s[.dialogues], SiteURL.Dialogues.list)])
        return try await AccountController.render(
            req, "Dialogues/form", PageContext(meta: meta, t: s, page: form), status: status)
    }
}
