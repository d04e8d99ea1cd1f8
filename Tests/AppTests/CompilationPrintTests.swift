@testable import App
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The compilation grouped by kind of body on screen, and its print view for paper: tables of at
/// most ten bodies, every body exactly once, "Åtgärd" heading every table.
@Suite("Compilation on screen and on paper")
struct CompilationPrintTests {
    static let round = "/referrals/remiss-fordjupningsrapporter-2016"

    @Test("Groups by kind keep the list's order; parts of at most N hold every body exactly once")
    func splitting() {
        let kinds: [BodyKind?] =
            Array(repeating: .districtCouncil, count: 14) + Array(repeating: .specialistCommittee, count: 10)
            + [.companyBoard, nil, .external, .companyBoard]
        let groups = BodyColumns.groups(kinds)
        #expect(groups.map(\.kind) == [.committees, .districtCouncils, .companies, .others])
        #expect(groups[0].members == Array(14..<24) && groups[2].members == [24, 27])
        for limit in [1, 3, 7, 10, 30] {
            let parts = BodyColumns.split(groups, limit: limit)
            let all = parts.flatMap(\.members)
            #expect(all.sorted() == Array(kinds.indices), "limit \(limit): every body exactly once")
            #expect(parts.allSatisfy { $0.members.count <= limit && !$0.members.isEmpty }, "limit \(limit)")
            // Parts of one kind differ by at most one column: 14 councils in tens are 7 and 7.
            for kind in BodyColumnGroup.Kind.allCases {
                let sizes = parts.filter { $0.kind == kind }.map(\.members.count)
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            }
        }
        #expect(
            BodyColumns.split(groups, limit: 10).filter { $0.kind == .districtCouncils }.map(\.members.count) == [7, 7])
    }

    @Test("Abbreviations are short and unique, also where initials clash")
    func abbreviations() {
        let names: [(name: String, shortName: String?)] = [
            ("Socialnämnden", nil), ("Stadsbyggnadsnämnden", nil), ("Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista"),
            ("Skolfastigheter i Stockholm AB", "SISAB"), ("Stockholm Business Region AB", "Stockholm Business Region"),
            ("Skarpnäcks stadsdelsnämnd", "Skarpnäck"), ("Skärholmens stadsdelsnämnd", "Skärholmen"),
            ("Samma", nil), ("Samma", nil),
        ]
        let short = BodyColumns.abbreviations(names)
        #expect(Set(short.map { $0.lowercased() }).count == names.count, "\(short)")
        #expect(short[0] == "SoN" && short[1] == "StN" && short[2] == "RK" && short[3] == "SISAB" && short[4] == "SBR")
        #expect(short.allSatisfy { $0.count <= 7 })
    }

    @Test("The screen compilation groups its columns by kind of body, in a labelled scroll container")
    func screenGroups() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let html = try await app.get(Self.round + "/compilation").body
            let groups = Self.matches(#"<th scope="colgroup" colspan="(\d+)" class="group">([^<]+)</th>"#, in: html)
            #expect(groups.map { $0[1] } == ["Facknämnder", "Stadsdelsnämnder", "Bolagsstyrelser"])
            #expect(groups.map { $0[0] } == ["10", "14", "6"])
            #expect(html.contains(#"<colgroup class="group" span="14"></colgroup>"#))
            #expect(
                html.contains(
                    #"<div class="table-wrap matrix-wrap" role="region" aria-labelledby="matrix-title""#
                        + #" aria-describedby="matrix-hint" tabindex="0">"#))
            // Each body's abbreviation is in the header and in the key, with its full name.
            #expect(
                html.contains(#"<abbr title="Rinkeby-Kista stadsdelsnämnd" lang="sv" aria-hidden="true">RK</abbr>"#))
            #expect(html.contains(#"<dt lang="sv">RK</dt><dd lang="sv">Rinkeby-Kista stadsdelsnämnd</dd>"#))
            #expect(html.contains(Self.round + "/compilation/print"))
            // Every row has one cell per body on the list (30), besides the four counts.
            let rows = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
                .components(separatedBy: "</tr>").dropLast()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.components(separatedBy: "<td class=\"mark").count - 1 == 30 })
            // English: Swedish names and titles are marked as Swedish.
            let english = try await app.get(Self.round + "/compilation?lang=en").body
            #expect(english.contains(#"<h1>Compilation: <span lang="sv">Remiss av"#))
            #expect(english.contains("District councils"))
        }
    }

    @Test("The print view: tables of at most ten bodies, each body once, each table headed Åtgärd")
    func printView() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let response = try await app.get(Self.round + "/compilation/print")
            #expect(response.status == .ok)
            // The measures' part; the answers to the round's questions follow it.
            let parts = response.body.components(separatedBy: "<section class=\"questions-compiled\"")
            #expect(parts.count == 2)
            let html = parts[0]
            let data = try #require(try await ReferralStore.round("remiss-fordjupningsrapporter-2016", on: app.db))
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let sections = html.components(separatedBy: "<section class=\"print-section\"").dropFirst()
            let matrices = sections.filter { $0.contains("<table class=\"print-table matrix\"") }
            #expect(matrices.count == 4)  // 10 committees, 7 + 7 district councils, 6 companies
            var seen: [String] = []
            for table in matrices {
                let heads = Self.matches(#"<th scope="col" class="body"><abbr title="([^"]+)""#, in: table).map {
                    $0[0]
                }
                #expect(!heads.isEmpty && heads.count <= CompilationPrintPage.columnsPerTable)
                #expect(table.contains("<thead><tr><th scope=\"col\" class=\"measure-col\">Åtgärd</th>"))
                seen += heads
            }
            let names = data.round.recipients.map { bodyName($0.body, index, .sv) }
            #expect(seen.sorted() == names.sorted(), "every body exactly once")
            // Every table, the counts and the details too, starts with the measure column.
            let tables = html.components(separatedBy: "<thead>").count - 1
            #expect(
                html.components(separatedBy: "<thead><tr><th scope=\"col\" class=\"measure-col\">Åtgärd</th>").count - 1
                    == tables)
            #expect(html.contains("Sammanställd") && html.contains("Teckenförklaring"))
            let english = try await app.get(Self.round + "/compilation/print?lang=en").body
            #expect(english.contains("<th scope=\"col\" class=\"measure-col\">Measure</th>"))
            // The print view is a public page, cached like the others: the second answer is the first.
            #expect(try await app.get(Self.round + "/compilation/print").body == response.body)
        }
    }

    /// Renders the print view to PDF in a real browser when there is one (CI's browser image has
    /// Chromium and poppler): A4 landscape, "Åtgärd" on every page, every body's name somewhere.
    @Test("In a browser the print view prints on A4 landscape with the measure header on every page")
    func printsToPDF() async throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let chromium, FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
        else { return }
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // The page and its stylesheet as files, so the browser needs no server.
            let css = try await app.get(SiteURL.stylesheet.path).body
            try Data(css.utf8).write(to: folder.appendingPathComponent("style.css"))
            var html = try await app.get(Self.round + "/compilation/print").body
            html = html.replacingOccurrences(
                of: #"<link rel="stylesheet" href="[^"]*">"#, with: #"<link rel="stylesheet" href="style.css">"#,
                options: .regularExpression)
            let page = folder.appendingPathComponent("print.html")
            try Data(html.utf8).write(to: page)
            let pdf = folder.appendingPathComponent("print.pdf")
            _ = try Self.run(
                chromium,
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=\(pdf.path)", page.absoluteString,
                ])
            let info = try Self.run("/usr/bin/pdfinfo", [pdf.path])
            #expect(info.contains("841.92 x 594.96 pts (A4)"), "\(info)")
            let text = try Self.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
            // The pages of the measures' tables: those before the answers to the round's questions.
            let measurePart = text.components(separatedBy: "Svaren på remissens frågor")[0]
            let pages = measurePart.components(separatedBy: "\u{0C}").filter {
                !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
            #expect(pages.count > 1)
            // The header, not a demo title such as "Åtgärd A.2.1.1": no measure code right after it.
            let header = try NSRegularExpression(pattern: #"(?<!\w)Åtgärd(?!\w)(?!\s*[A-Z]?\.?\d)"#)
            for (number, page) in pages.enumerated() {
                let found = header.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)) != nil
                #expect(found, "page \(number + 1) has no measure header")
            }
            let data = try #require(try await ReferralStore.round("remiss-fordjupningsrapporter-2016", on: app.db))
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            // Names wrap across lines, after a hyphen too ("Spånga-" / "Tensta"): join the lines again.
            let plain = try Self.run("/usr/bin/pdftotext", [pdf.path, "-"])
            let flat = plain.replacingOccurrences(of: #"-\s+"#, with: "-", options: .regularExpression)
                .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            for recipient in data.round.recipients {
                let name = bodyName(recipient.body, index, .sv)
                #expect(flat.contains(name), "\(name) is not in the PDF")
            }
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The capture groups of every match.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }
}
