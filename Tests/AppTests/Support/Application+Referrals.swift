@testable import App
import Foundation
import SkillnadCore
import Vapor

extension Application {
    /// Loads the demo referral rounds (transcribed from the seeds, with example answers).
    func loadDemoReferrals() async throws {
        let data = try Data(contentsOf: StaticFiles.demoReferrals)
        let doc = try JSONDecoder().decode(ReferralDocument.self, from: data)
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        try await ReferralStore.load(doc, index: index, by: .system("test"), on: db)
    }
}
