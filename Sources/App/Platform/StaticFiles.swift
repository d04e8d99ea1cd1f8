import Foundation
import Vapor

/// Templates and static files ship inside the package as resources, so the binary works from
/// any directory.
enum StaticFiles {
    static var resources: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }

    static var viewsDirectory: String { resources.appendingPathComponent("Views").path + "/" }
    static var publicDirectory: String { resources.appendingPathComponent("Public").path + "/" }
    static var demoCatalogue: URL { resources.appendingPathComponent("Demo/catalogue.json") }
    static var demoReferrals: URL { resources.appendingPathComponent("Demo/referrals.json") }
    static var demoDialogues: URL { resources.appendingPathComponent("Demo/dialogues.json") }
    /// The small extract of the public data (`tools/demo-extract`).
    static var demoExtract: URL { resources.appendingPathComponent("Demo/extract") }
    static var demoFigures: URL { resources.appendingPathComponent("Demo/figures.csv") }

    /// The one stylesheet: the common styles (`Public/static/skillnad.css`), then each
    /// capability's own (`Styles/<file>`), so a capability keeps its styles in its own file.
    static let stylesheet: Data = {
        var data = (try? Data(contentsOf: URL(fileURLWithPath: publicDirectory + "static/skillnad.css"))) ?? Data()
        for name in Capabilities.all.compactMap({ $0.stylesheet }) {
            let url = resources.appendingPathComponent("Styles").appendingPathComponent(name)
            data.append(contentsOf: Array("\n/* \(name) */\n".utf8))
            data.append((try? Data(contentsOf: url)) ?? Data())
        }
        return data
    }()

    /// Changes when the stylesheet does, so browsers may cache it for long.
    static let version: String = {
        var h: UInt64 = 1_469_598_103_934_665_603
        for b in stylesheet { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        return String(h % 1_000_000_007, radix: 36)
    }()
}
