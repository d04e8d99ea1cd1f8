import SkillnadCore
import Vapor

/// What every page's template gets: the shared layout data, the interface strings, and the
/// page's own view model.
struct PageContext<Page: Encodable & Sendable>: Encodable, Sendable {
    var meta: PageMeta
    let t: [String: String]
    let page: Page

    init(meta: PageMeta, t texts: Texts, page: Page) {
        self.meta = meta
        self.t = texts.table
        self.page = page
    }
}
