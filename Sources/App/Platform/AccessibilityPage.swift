/// The accessibility statement (tillgänglighetsredogörelse) that Swedish law (lagen om
/// tillgänglighet till digital offentlig service) asks every public-sector site to publish.
/// It says honestly what is tested and what is not; the organisation running Skillnad names its
/// contact with `SKILLNAD_ACCESSIBILITY_CONTACT`.
struct AccessibilityPage: Encodable, Sendable {
    let contact: String?
    let sv: Bool

    static func build(_ lang: Lang, contact: String?) -> PageContext<AccessibilityPage> {
        let s = Texts(lang)
        let meta = PageMeta.make(
            lang, title: s[.a11yTitle], description: s[.a11yTitle], section: nil, route: SiteURL.accessibility)
        let contact = contact.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return PageContext(meta: meta, t: s, page: AccessibilityPage(contact: contact, sv: lang == .sv))
    }
}
